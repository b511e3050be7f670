"""Where unmet needs concentrate: open needs and quantities by category and by region, month by month,
and the regions most underserved relative to their schools. Public, as needs are.

A region is a 3-digit ZIP prefix of the school's ZIP code (the area a USPS sectional centre serves; the
bundled ZIP data maps no metro areas), placed at the median of its ZIP centroids and named by its
commonest city. Needs carry no value, so the figures are counts and quantities. Every figure is
aggregated in the database (GROUP BY); only the grouped rows come back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, and_, case, distinct, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode
from core.geo_search import ids_within
from core.locations import Circle
from core.regions import prefix_region, prefixes_of_state
from db.engine import Database
from db.enums.donations import NeedStatus
from db.models import Donation, DonationReceipt, Need, Organization
from db.models.donations.donations import need_status
from resolvers.donations import categories

DEFAULT_MONTHS = 12
MAX_MONTHS = 60
UNDERSERVED = 5
_STATE = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class SummaryFilter:
    near: Circle | None = None
    state: str | None = None
    category_id: int | None = None
    since: datetime | None = None


@dataclass(frozen=True)
class Figures:
    needs: int = 0
    open_needs: int = 0
    quantity_requested: int = 0
    quantity_received: int = 0
    quantity_unmet: int = 0  # still asked for by open needs
    schools_with_open_needs: int = 0

    @property
    def unmet_ratio(self) -> float:
        """The share of the quantity asked for that open needs still lack, 0 to 1."""
        return round(self.quantity_unmet / self.quantity_requested, 4) if self.quantity_requested else 0.0


@dataclass(frozen=True)
class CategoryFigures:
    category_id: int
    figures: Figures


@dataclass(frozen=True)
class RegionFigures:
    zip_prefix: str
    state: str | None
    city: str | None
    latitude: float | None
    longitude: float | None
    schools: int
    figures: Figures

    @property
    def open_needs_per_school(self) -> float:
        return round(self.figures.open_needs / self.schools, 4) if self.schools else float(self.figures.open_needs)


@dataclass(frozen=True)
class MonthFigures:
    month: str  # YYYY-MM
    needs_posted: int
    quantity_requested: int
    quantity_received: int  # by the receipts of that month


@dataclass(frozen=True)
class NeedsSummary:
    since: datetime
    schools: int
    totals: Figures
    by_category: list[CategoryFigures] = field(default_factory=list)
    by_region: list[RegionFigures] = field(default_factory=list)
    trend: list[MonthFigures] = field(default_factory=list)

    def underserved(self, limit: int = UNDERSERVED) -> list[RegionFigures]:
        """Regions with open needs, most open needs per school first, then the largest unmet share."""
        ranked = [r for r in self.by_region if r.figures.open_needs]
        ranked.sort(key=lambda r: (-r.open_needs_per_school, -r.figures.unmet_ratio, r.zip_prefix))
        return ranked[:limit]


def _month_start(moment: datetime, back: int = 0) -> datetime:
    index = moment.year * 12 + moment.month - 1 - back
    return datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)


def _months(since: datetime, until: datetime) -> list[str]:
    first, last = since.year * 12 + since.month - 1, until.year * 12 + until.month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(first, last + 1)]


def _month_of(dialect: str, column: SQLColumnExpression[datetime]) -> ColumnElement[str]:
    if dialect == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.strftime("%Y-%m", column)


def _zip_prefix() -> ColumnElement[str]:
    return func.substr(Organization.postal_code, 1, 3)


def _figures_columns() -> tuple[ColumnElement[int], ...]:
    is_open = need_status() == literal(NeedStatus.OPEN.value)
    return (
        func.count(Need.id),
        func.coalesce(func.sum(case((is_open, 1), else_=0)), 0),
        func.coalesce(func.sum(Need.quantity), 0),
        func.coalesce(func.sum(Need.quantity_received), 0),
        func.coalesce(func.sum(case((is_open, Need.quantity - Need.quantity_received), else_=0)), 0),
        func.count(distinct(case((is_open, Need.school_id)))),
    )


def _figures(row: Sequence[int]) -> Figures:
    return Figures(*(int(value or 0) for value in row))


def _check(filter: SummaryFilter, now: datetime) -> tuple[datetime, str | None]:
    since = filter.since or _month_start(now, DEFAULT_MONTHS - 1)
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    if since > now or since < _month_start(now, MAX_MONTHS - 1):
        raise DomainError(ErrorCode.OUT_OF_RANGE, f"since must be within the last {MAX_MONTHS} months.", "since")
    state = filter.state.strip().upper() if filter.state else None
    if state is not None and not _STATE.fullmatch(state):
        raise DomainError(ErrorCode.INVALID, "state must be a two-letter code.", "state")
    if filter.near is not None and state is not None:
        raise DomainError(ErrorCode.INVALID, "Give near or state, not both.", "state")
    return since, state


async def _school_scope(session: AsyncSession, filter: SummaryFilter, state: str | None) -> list[ColumnElement[bool]]:
    """Conditions on the school (Organization) that put it inside the region asked for."""
    if filter.near is not None:
        schools = select(Organization).where(Organization.is_school.is_(True))
        return [Organization.id.in_(list(await ids_within(session, Organization, filter.near, schools)))]
    if state is not None:
        return [or_(Organization.state == state, _zip_prefix().in_(prefixes_of_state(state)))]
    return []


async def summarize(db: Database, filter: SummaryFilter) -> NeedsSummary:
    now = utcnow()
    since, state = _check(filter, now)
    tree = await categories.tree(db)
    of_category: list[ColumnElement[bool]] = []
    if filter.category_id is not None:
        tree.require(filter.category_id, "categoryId")
        of_category.append(Need.category_id.in_(tree.with_descendants(filter.category_id)))
    conditions = [Need.created_at >= since, *of_category]
    async with db.read() as session:
        scope = await _school_scope(session, filter, state)
        needs = select(*_figures_columns()).select_from(Need).join(Organization, Organization.id == Need.school_id)
        needs = needs.where(*conditions, *scope)
        totals = _figures((await session.execute(needs)).one())
        by_category = [
            CategoryFigures(int(row[0]), _figures(row[1:]))
            for row in await session.execute(
                needs.with_only_columns(Need.category_id, *_figures_columns()).group_by(Need.category_id)
            )
        ]
        by_region = await _regions(session, needs, scope)
        trend = await _trend(session, db.dialect, of_category, scope, since, now)
        schools = await session.scalar(
            select(func.count(Organization.id)).where(Organization.is_school.is_(True), *scope)
        )
    by_category.sort(key=lambda c: (-c.figures.open_needs, -c.figures.quantity_unmet, c.category_id))
    return NeedsSummary(since, int(schools or 0), totals, by_category, by_region, trend)


async def _regions(session: AsyncSession, needs: Select, scope: list[ColumnElement[bool]]) -> list[RegionFigures]:
    prefix = _zip_prefix()
    grouped = needs.with_only_columns(prefix, *_figures_columns()).where(Organization.postal_code.is_not(None))
    rows = (await session.execute(grouped.group_by(prefix))).all()
    school_counts = dict(
        (
            await session.execute(
                select(prefix, func.count(Organization.id))
                .where(Organization.is_school.is_(True), Organization.postal_code.is_not(None), *scope)
                .group_by(prefix)
            )
        ).all()
    )
    regions = []
    for row in rows:
        area = prefix_region(row[0])
        regions.append(
            RegionFigures(
                zip_prefix=row[0],
                state=area.state if area else None,
                city=area.city if area else None,
                latitude=area.latitude if area else None,
                longitude=area.longitude if area else None,
                schools=int(school_counts.get(row[0], 0)),
                figures=_figures(row[1:]),
            )
        )
    regions.sort(key=lambda r: (-r.figures.open_needs, -r.figures.quantity_unmet, r.zip_prefix))
    return regions


async def _trend(
    session: AsyncSession,
    dialect: str,
    of_category: list[ColumnElement[bool]],
    scope: list[ColumnElement[bool]],
    since: datetime,
    now: datetime,
) -> list[MonthFigures]:
    posted_month = _month_of(dialect, Need.created_at)
    posted = await session.execute(
        select(posted_month, func.count(Need.id), func.coalesce(func.sum(Need.quantity), 0))
        .select_from(Need)
        .join(Organization, Organization.id == Need.school_id)
        .where(Need.created_at >= since, *of_category, *scope)
        .group_by(posted_month)
    )
    by_posted = {row[0]: (int(row[1]), int(row[2])) for row in posted}
    received_month = _month_of(dialect, DonationReceipt.received_at)
    received = await session.execute(
        select(received_month, func.coalesce(func.sum(DonationReceipt.quantity), 0))
        .select_from(DonationReceipt)
        .join(Donation, Donation.id == DonationReceipt.donation_id)
        .join(Need, Need.id == Donation.need_id)
        .join(Organization, Organization.id == Need.school_id)
        .where(and_(DonationReceipt.received_at >= since, *of_category, *scope))
        .group_by(received_month)
    )
    by_received = {row[0]: int(row[1]) for row in received}
    return [
        MonthFigures(month, *by_posted.get(month, (0, 0)), by_received.get(month, 0)) for month in _months(since, now)
    ]
