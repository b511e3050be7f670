"""Strict Date and DateTime scalars: a clear input error, never "Unexpected error.", for a value
that is malformed, has no time zone, or lies outside the years the service can compute with."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import strawberry
from graphql import GraphQLError, StringValueNode, ValueNode
from strawberry.types.scalar import ScalarDefinition

from core.errors import ErrorCode

FIRST_YEAR, LAST_YEAR = 1900, 2999  # room for any birth year or deadline; far from datetime's limits
MAX_TEXT = 64  # the longest ISO 8601 text with an offset and microseconds is 32 characters


def _refuse(code: ErrorCode, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code.value})


def _text(value: Any, scalar: str, example: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise _refuse(ErrorCode.INVALID, f"{scalar} must be an ISO 8601 text such as {example}.")
    return value


def _in_range(year: int, scalar: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _refuse(ErrorCode.OUT_OF_RANGE, f"{scalar} must fall between the years {FIRST_YEAR} and {LAST_YEAR}.")


def parse_datetime(value: Any) -> datetime:
    """An aware datetime in UTC; the time zone is required, since a bare local time is ambiguous."""
    example = "2026-05-01T09:00:00Z or 2026-05-01T09:00:00-04:00"
    text = _text(value, "DateTime", example)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise _refuse(ErrorCode.INVALID, f"DateTime must be an ISO 8601 text such as {example}.") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise _refuse(ErrorCode.INVALID, f"DateTime needs a time zone (Z or an offset), such as {example}.")
    _in_range(parsed.year, "DateTime")
    return parsed.astimezone(UTC)


def parse_date(value: Any) -> date:
    text = _text(value, "Date", "2026-05-01")
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        raise _refuse(ErrorCode.INVALID, "Date must be an ISO 8601 date such as 2026-05-01.") from None
    _in_range(parsed.year, "Date")
    return parsed


def _literal(parse):
    def parse_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> Any:
        return parse(node.value if isinstance(node, StringValueNode) else None)

    return parse_literal


TIME_SCALARS: dict[object, ScalarDefinition] = {
    datetime: strawberry.scalar(
        name="DateTime",
        serialize=lambda value: value.isoformat(),
        parse_value=parse_datetime,
        parse_literal=_literal(parse_datetime),
        description=f"A moment in time, ISO 8601 with a time zone (Z or an offset), e.g. 2026-05-01T09:00:00Z; "
        f"years {FIRST_YEAR}-{LAST_YEAR}. Given without a zone it is refused (INVALID); answers are in UTC.",
    ),
    date: strawberry.scalar(
        name="Date",
        serialize=lambda value: value.isoformat(),
        parse_value=parse_date,
        parse_literal=_literal(parse_date),
        description=f"A calendar day, ISO 8601 (YYYY-MM-DD), e.g. 2026-05-01; years {FIRST_YEAR}-{LAST_YEAR}.",
    ),
}
