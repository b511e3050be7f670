"""CSV rows of needs and listings turned into the inputs the domain's own validation reads.

Each cell is parsed by its column; a cell that does not parse, and every problem the domain's
validation finds, becomes a RowError at the row's line and the column's name, so a person can fix
the file in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from core.errors import DomainError, DomainErrors, ErrorCode
from db.enums.donations import FulfillmentMethod, ItemCondition, NeedPriority
from db.enums.partners import BulkImportKind
from resolvers.donations import listings, needs
from resolvers.donations.categories import CategoryTree


@dataclass(frozen=True)
class RowError:
    line: int
    column: str | None
    code: ErrorCode
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "code": self.code.value, "message": self.message}


@dataclass(frozen=True)
class MoneyCell:
    """What the listing validation reads from `unitValue` (as from a MoneyInput)."""

    amount: int
    currency: str


@dataclass(frozen=True)
class Column:
    name: str  # in the CSV header
    key: str  # in the domain's input
    parse: Callable[[str], Any]
    required: bool = False


def _integer(text: str) -> int:
    return int(text)


def _dollars(text: str) -> int:
    """`1500`, `1500.5` or `1,500.50` (a currency amount in units) as cents."""
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValueError("more than two decimals")
    return int(cents)


def _enum(kind: type) -> Callable[[str], Any]:
    return lambda text: kind(text.strip().upper().replace(" ", "_").replace("-", "_"))


def _methods(text: str) -> list[FulfillmentMethod]:
    return [FulfillmentMethod(part.strip().upper()) for part in text.replace(",", ";").split(";") if part.strip()]


def _day_end(text: str) -> datetime:
    return datetime.combine(date.fromisoformat(text), time(23, 59, 59), UTC)


COLUMNS: dict[BulkImportKind, tuple[Column, ...]] = {
    BulkImportKind.NEEDS: (
        Column("title", "title", str, required=True),
        Column("category", "category_id", str, required=True),
        Column("quantity", "quantity", _integer, required=True),
        Column("priority", "priority", _enum(NeedPriority)),
        Column("neededBy", "needed_by", date.fromisoformat),
        Column("minimumCondition", "minimum_condition", _enum(ItemCondition)),
        Column("description", "description", str),
    ),
    BulkImportKind.LISTINGS: (
        Column("title", "title", str, required=True),
        Column("category", "category_id", str, required=True),
        Column("condition", "condition", _enum(ItemCondition), required=True),
        Column("quantity", "quantity", _integer, required=True),
        Column("unitValue", "unit_value", _dollars, required=True),
        Column("currency", "currency", str),
        Column("fulfillment", "fulfillment", _methods, required=True),
        Column("availableUntil", "available_until", _day_end),
        Column("description", "description", str),
        Column("privateNotes", "private_notes", str),
    ),
}
# The domain's field names (in its errors) for each CSV column.
_FIELD_COLUMNS = {
    "categoryId": "category",
    "unitValue": "unitValue",
    "neededBy": "neededBy",
    "availableUntil": "availableUntil",
    "privateNotes": "privateNotes",
    "minimumCondition": "minimumCondition",
}
_VALIDATE = {BulkImportKind.NEEDS: needs.validated_new, BulkImportKind.LISTINGS: listings.validated_new}


def header_problem(kind: BulkImportKind, header: list[str]) -> str | None:
    known = {column.name for column in COLUMNS[kind]}
    missing = [c.name for c in COLUMNS[kind] if c.required and c.name not in header]
    unknown = [name for name in header if name not in known]
    if missing or unknown:
        parts = ([f"missing {', '.join(missing)}"] if missing else []) + (
            [f"unknown {', '.join(unknown)}"] if unknown else []
        )
        return f"The header row has {'; '.join(parts)}. Expected columns: {', '.join(sorted(known))}."
    return None


def category_lookup(tree: CategoryTree) -> dict[str, int]:
    """A category by its slug or its name, either case."""
    found: dict[str, int] = {}
    for node in tree.nodes.values():
        found[node.slug.lower()] = node.id
        found.setdefault(node.name.lower(), node.id)
    return found


def records(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on (a quoted cell may span lines); blank lines are skipped."""
    line = getattr(reader, "line_num", 0) + 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield line, cells
        line = getattr(reader, "line_num", line) + 1


def parse_row(
    kind: BulkImportKind, header: list[str], line: int, cells: list[str], tree: CategoryTree, categories: dict[str, int]
) -> tuple[dict[str, Any], list[RowError]]:
    """The domain's validated columns for one record, or the errors that stop it."""
    if len(cells) != len(header):
        message = f"The record has {len(cells)} cells; the header has {len(header)}."
        return {}, [RowError(line, None, ErrorCode.INVALID, message)]
    by_name = dict(zip(header, cells, strict=True))
    changes: dict[str, Any] = {}
    errors: list[RowError] = []
    for column in COLUMNS[kind]:
        text = by_name.get(column.name, "").strip()
        if not text:
            continue  # the domain says which missing values it needs
        if column.key == "category_id":
            changes["category_id"] = categories.get(text.lower(), -1)
            continue
        try:
            changes[column.key] = column.parse(text)
        except ValueError:
            errors.append(RowError(line, column.name, ErrorCode.INVALID, f"{text!r} is not a valid {column.name}."))
    if "unit_value" in changes:
        changes["unit_value"] = MoneyCell(changes["unit_value"], changes.pop("currency", "USD"))
    changes.pop("currency", None)
    if errors:
        return {}, errors
    try:
        return _VALIDATE[kind](changes, tree), []
    except DomainErrors as problems:
        return {}, [_at(line, e) for e in problems.errors]
    except DomainError as problem:
        return {}, [_at(line, problem)]


def _at(line: int, error: DomainError) -> RowError:
    field = error.field[0] if error.field else None
    column = _FIELD_COLUMNS.get(field, field) if field else None
    return RowError(line, column, error.code, error.message)
