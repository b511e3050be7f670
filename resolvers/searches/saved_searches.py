"""Saving, changing and deleting a person's searches over the public lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database
from db.enums.searches import AlertFrequency, SearchKind
from db.models import SavedSearch
from resolvers.donations import categories
from resolvers.searches import policy
from resolvers.searches.criteria import Criteria, high_water, kind_of, to_json

MAX_SEARCHES = 50
NAME_LIMIT = 200


@dataclass(frozen=True)
class SearchFilter:
    """A filter in the list query's terms, and as the person wrote it (shown back to them)."""

    criteria: Criteria
    given: dict[str, Any]


async def _checked(db: Database, name: str | None, search: SearchFilter | None, *, creating: bool) -> str | None:
    checks = Checks()
    cleaned = checks.text(name, "name", max_length=NAME_LIMIT, required=creating)
    checks.raise_any()
    category_id = getattr(search.criteria, "category_id", None) if search is not None else None
    if category_id is not None:
        (await categories.tree(db)).require(category_id, "categoryId")
    return cleaned


def _next_alert(frequency: AlertFrequency):
    interval = frequency.interval
    return None if interval is None else utcnow() + interval


async def _set_filter(session: AsyncSession, row: SavedSearch, search: SearchFilter) -> None:
    """A new filter is told of rows added from now on, not of what the list holds already."""
    kind = kind_of(search.criteria)
    row.kind, row.criteria, row.given = kind.value, to_json(search.criteria), search.given
    row.seen_through_id = await high_water(session, kind)


async def create(
    db: Database, viewer: Viewer, name: str, frequency: AlertFrequency, search: SearchFilter
) -> SavedSearch:
    owner_id = viewer.require_person()
    cleaned = await _checked(db, name, search, creating=True)
    async with db.write() as session:
        saved = await session.scalar(select(func.count()).where(SavedSearch.owner_id == owner_id))
        if (saved or 0) >= MAX_SEARCHES:
            raise DomainError(ErrorCode.OUT_OF_RANGE, f"You can keep at most {MAX_SEARCHES} saved searches.")
        row = SavedSearch(owner_id=owner_id, name=cleaned, frequency=frequency.value)
        row.next_alert_at = _next_alert(frequency)
        await _set_filter(session, row, search)
        session.add(row)
    return row


async def _owned(session: AsyncSession, viewer: Viewer, search_id: int) -> SavedSearch:
    row = await session.get(SavedSearch, search_id, with_for_update=True)
    if row is None or not policy.owns(viewer, row):
        raise not_found("Saved search")
    return row


async def update(
    db: Database,
    viewer: Viewer,
    search_id: int,
    name: str | None,
    frequency: AlertFrequency | None,
    search: SearchFilter | None,
) -> SavedSearch:
    viewer.require_person()
    cleaned = await _checked(db, name, search, creating=False)
    async with db.write() as session:
        row = await _owned(session, viewer, search_id)
        if cleaned is not None:
            row.name = cleaned
        if frequency is not None and frequency.value != row.frequency:
            if row.frequency == AlertFrequency.OFF.value:  # what was added while off is not news when turned on
                row.seen_through_id = await high_water(session, SearchKind(row.kind))
            row.frequency, row.next_alert_at = frequency.value, _next_alert(frequency)
        if search is not None:
            await _set_filter(session, row, search)
    return row


async def delete(db: Database, viewer: Viewer, search_id: int) -> int:
    viewer.require_person()
    async with db.write() as session:
        row = await _owned(session, viewer, search_id)
        await session.delete(row)
    return search_id
