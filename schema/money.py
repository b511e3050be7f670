"""Money as integer cents plus a currency code; never floats."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NewType

import strawberry
from graphql import GraphQLError, IntValueNode, ValueNode
from strawberry.types.scalar import ScalarDefinition

from core.currencies import minor_units
from core.errors import ErrorCode
from schema.time_scalars import TIME_SCALARS

# The largest whole number a JSON client in JavaScript holds exactly; far above any real amount.
MAX_CENTS = 2**53 - 1


def _parse_cents(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise GraphQLError(
            "Cents must be a whole number of cents, e.g. 1250 for 12.50 (not 12.5).",
            extensions={"code": ErrorCode.INVALID.value},
        )
    if not -MAX_CENTS <= value <= MAX_CENTS:
        raise GraphQLError(f"Cents must be within ±{MAX_CENTS}.", extensions={"code": ErrorCode.OUT_OF_RANGE.value})
    return value


def _parse_cents_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> int:
    return _parse_cents(int(node.value) if isinstance(node, IntValueNode) else None)


Cents = NewType("Cents", int)

# Registered in build_schema's scalar_map.
SCALARS: dict[object, ScalarDefinition] = {
    Cents: strawberry.scalar(
        name="Cents",
        serialize=int,
        parse_value=_parse_cents,
        parse_literal=_parse_cents_literal,
        description="An amount in the currency's smallest unit (cents), as a whole number; may exceed 32 bits "
        f"(at most ±{MAX_CENTS}). A decimal such as 12.5 is refused (INVALID).",
    ),
    **TIME_SCALARS,
}


@strawberry.type(description="An amount of money.")
class Money:
    amount: Cents = strawberry.field(description="In cents.")
    currency: str = strawberry.field(description="ISO 4217 code, e.g. USD.")

    @strawberry.field(description="For display, with the currency's own minor units, e.g. '1,234.50 USD', '1,234 JPY'.")
    def formatted(self) -> str:
        digits = minor_units(self.currency)
        return f"{Decimal(self.amount).scaleb(-digits):,.{digits}f} {self.currency}"


@strawberry.input(description="An amount of money in cents; currency defaults to USD.")
class MoneyInput:
    amount: Cents = strawberry.field(description="In cents (the currency's smallest unit), a whole number.")
    currency: str = strawberry.field(default="USD", description="ISO 4217 code; USD unless the field says otherwise.")
