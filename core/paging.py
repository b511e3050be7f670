"""Cursor pagination: opaque cursors over a stable order, `first` from 1 to 100."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode
from db.base import Entity

MIN_PAGE = 1
MAX_PAGE = 100
# Far past any list's end, yet well inside every database's OFFSET range: a forged cursor with a
# huge number is a clear INVALID, never an integer overflow in the driver.
MAX_CURSOR_OFFSET = 1_000_000_000
MAX_CURSOR_LENGTH = 64
T = TypeVar("T")
EntityT = TypeVar("EntityT", bound=Entity)
SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")  # any SELECT, kept as precise as given
_PREFIX = "cursor:"


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode() if len(cursor) <= MAX_CURSOR_LENGTH else ""
        if text.startswith(_PREFIX) and 0 <= (offset := int(text[len(_PREFIX) :])) <= MAX_CURSOR_OFFSET:
            return offset
    except (ValueError, UnicodeDecodeError):
        pass
    raise DomainError(ErrorCode.INVALID, "after is not a cursor from this API.", "after")


def check_first(first: int, *, most: int = MAX_PAGE) -> None:
    """`first` asks for at least one item and at most `most`: 0 or a negative number is no page."""
    if not (MIN_PAGE <= first <= most):
        raise DomainError(ErrorCode.OUT_OF_RANGE, f"first must be between {MIN_PAGE} and {most}.", "first")


@dataclass(frozen=True)
class Slice(Generic[T]):
    """One page of results, with each item's cursor offset and optional per-item extras."""

    items: Sequence[T]
    offset: int
    has_next: bool
    distances: dict[int, float] | None = None

    def cursor(self, index: int) -> str:
        return encode_cursor(self.offset + index)


@dataclass(frozen=True)
class Page:
    first: int
    offset: int

    @classmethod
    def of(cls, first: int | None, after: str | None, *, default: int = 20) -> Page:
        first = default if first is None else first
        check_first(first)
        return cls(first, decode_cursor(after) + 1 if after else 0)

    def apply(self, stmt: SelectT) -> SelectT:
        """Fetch one extra row to learn whether another page follows."""
        return stmt.offset(self.offset).limit(self.first + 1)

    def slice(self, rows: Sequence[T], distances: dict[int, float] | None = None) -> Slice[T]:
        return Slice(rows[: self.first], self.offset, len(rows) > self.first, distances)

    def window(self, ordered: Sequence[T]) -> tuple[Sequence[T], bool]:
        """This page of an already ordered sequence, and whether more follow."""
        end = self.offset + self.first
        return ordered[self.offset : end], len(ordered) > end

    async def slice_of_ids(
        self, session: AsyncSession, model: type[EntityT], distances: dict[int, float]
    ) -> Slice[EntityT]:
        """A page of rows ranked by an ordered {id: distance} map, loaded in one query."""
        ids, has_next = self.window(list(distances))
        rows = (await session.scalars(select(model).where(model.id.in_(ids)))).all() if ids else ()
        by_id = {row.id: row for row in rows}
        return Slice([by_id[i] for i in ids if i in by_id], self.offset, has_next, distances)
