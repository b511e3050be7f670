"""A saved search's filter, kept as JSON in the list query's own terms, and the new rows it matches.

The filters are the list queries' dataclasses (`needs.NeedFilter`, `listings.ListingFilter`,
`jobs.JobFilter`, `scholarships.ScholarshipFilter`) and the rows are found by the same query builders,
so a saved search finds exactly what the list would show.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.geo_search import ids_within
from core.locations import Circle
from db.enums.searches import SearchKind
from db.models import JobPosting, Listing, Need, Scholarship
from resolvers.donations import categories, listings, needs
from resolvers.pathways import scholarships
from resolvers.talent import jobs

Criteria = needs.NeedFilter | listings.ListingFilter | jobs.JobFilter | scholarships.ScholarshipFilter


@dataclass(frozen=True)
class Kind:
    filter_type: type
    model: Any
    type_name: str  # the API's name of the rows, for global IDs
    noun: str


KINDS: dict[SearchKind, Kind] = {
    SearchKind.NEEDS: Kind(needs.NeedFilter, Need, "Need", "need"),
    SearchKind.LISTINGS: Kind(listings.ListingFilter, Listing, "Listing", "listing"),
    SearchKind.JOB_POSTINGS: Kind(jobs.JobFilter, JobPosting, "JobPosting", "job posting"),
    SearchKind.SCHOLARSHIPS: Kind(scholarships.ScholarshipFilter, Scholarship, "Scholarship", "scholarship"),
}


def kind_of(criteria: Criteria) -> SearchKind:
    return next(kind for kind, spec in KINDS.items() if isinstance(criteria, spec.filter_type))


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    return value


def from_json(kind: SearchKind, data: dict[str, Any]) -> Criteria:
    built: Criteria = _build(KINDS[kind].filter_type, data)
    return built


def _build(cls: type, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    return cls(**{f.name: _value(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data})


def _value(hint: Any, raw: Any) -> Any:
    if raw is None:
        return None
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    if typing.get_origin(hint) is tuple:
        return tuple(_value(typing.get_args(hint)[0], item) for item in raw)
    if dataclasses.is_dataclass(hint):
        return _build(hint, raw)  # type: ignore[arg-type]  # a dataclass type, not an instance
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(raw)
    return raw


def _filtered(criteria: Criteria, tree: categories.CategoryTree, today: date) -> Select:
    if isinstance(criteria, needs.NeedFilter):
        return needs.filtered(criteria, tree)
    if isinstance(criteria, listings.ListingFilter):
        return listings.filtered(criteria, tree)
    if isinstance(criteria, jobs.JobFilter):
        return jobs.filtered(criteria)
    return scholarships.filtered(criteria, today)


async def high_water(session: AsyncSession, kind: SearchKind) -> int:
    """The newest row of the kind: a search saved now is told of rows after it only."""
    model = KINDS[kind].model
    return int(await session.scalar(select(func.max(model.id))) or 0)


@dataclass(frozen=True)
class Window:
    """Rows with ids in (after_id, through_id], looked at on `today` (open scholarships are day-bound)."""

    after_id: int
    through_id: int
    today: date


async def new_matches(
    session: AsyncSession, criteria: Criteria, window: Window, tree: categories.CategoryTree
) -> list[int]:
    """Ids of the rows in (after_id, through_id] the list query would show with this filter, oldest first."""
    model = KINDS[kind_of(criteria)].model
    stmt = _filtered(criteria, tree, window.today).where(model.id > window.after_id, model.id <= window.through_id)
    near: Circle | None = getattr(criteria, "near", None)
    if near is not None:
        return sorted(await ids_within(session, model, near, stmt))
    return list(await session.scalars(stmt.with_only_columns(model.id).order_by(model.id)))
