"""Allocation plans kept with their inputs: computed for a category and region, or a coordinator's
chosen pairs; read back for review."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode
from core.locations import Circle
from core.paging import Page, Slice
from core.viewer import Viewer
from db.engine import Database
from db.models import SavedAllocationPlan
from matching import Assignment
from resolvers.matches.allocation import Allocation, allocation_plan


@dataclass(frozen=True)
class Pair:
    need_id: int
    listing_id: int
    quantity: int


def rows_of(assignments: Iterable[Assignment]) -> list[list[float | int]]:
    return [[a.need_id, a.listing_id, a.quantity, round(a.score, 6)] for a in assignments]


def pairs_of(saved: SavedAllocationPlan) -> list[Pair]:
    return [Pair(int(n), int(li), int(q)) for n, li, q, *_ in saved.assignments]


def require_staff(viewer: Viewer) -> int:
    user_id = viewer.require_person()
    if not viewer.is_staff:
        raise DomainError(ErrorCode.PERMISSION_DENIED, "Only platform staff plan allocations.")
    return user_id


async def create(
    db: Database, viewer: Viewer, category_id: int, circle: Circle
) -> tuple[SavedAllocationPlan, Allocation]:
    """Compute the plan for a category and region, and keep it with everything it came from."""
    user_id = require_staff(viewer)
    found = await allocation_plan(db, category_id, circle)
    plan = found.plan
    saved = SavedAllocationPlan(
        source="PLAN",
        created_by_id=user_id,
        category_id=category_id,
        postal_code=circle.center.postal_code,
        latitude=circle.center.latitude,
        longitude=circle.center.longitude,
        radius_km=circle.radius_km,
        inputs=found.inputs
        | {
            "spread": {
                "plan": found.spread.__dict__,
                "greedy": found.greedy_spread.__dict__,
            }
        },
        assignments=rows_of(plan.assignments),
        greedy_assignments=rows_of(plan.greedy_assignments),
        total=plan.total,
        greedy_total=plan.greedy_total,
        unconstrained_total=plan.unconstrained_total,
        fairness_bonus=plan.fairness_bonus,
    )
    async with db.write() as session:
        session.add(saved)
    return saved, found


def chosen_pairs(session: AsyncSession, user_id: int, pairs: list[Pair]) -> SavedAllocationPlan:
    """A coordinator's own pairs, kept like a computed plan (no scores, no region)."""
    saved = SavedAllocationPlan(
        source="PAIRS",
        created_by_id=user_id,
        inputs={"pairs": [[p.need_id, p.listing_id, p.quantity] for p in pairs]},
        assignments=[[p.need_id, p.listing_id, p.quantity, None] for p in pairs],
        greedy_assignments=[],
        total=0.0,
        greedy_total=0.0,
        unconstrained_total=0.0,
        applied_at=utcnow(),
        applied_by_id=user_id,
    )
    session.add(saved)
    return saved


async def browse(db: Database, page: Page) -> Slice[SavedAllocationPlan]:
    from sqlalchemy import select

    stmt = select(SavedAllocationPlan).order_by(SavedAllocationPlan.id.desc())
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())
