"""The allocation plan a coordinator uses to share scarce listings across a region's open needs:
optimal for the total match score (equity boost included) with fairness across schools in the
objective, compared with greedy on the spread of declared value (Gini) and schools helped.

Candidates come from the per-process index; every listing a plan hands out is re-checked against
the database, whose quantities bound what each listing gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from core.clock import today, utcnow
from core.errors import DomainError, ErrorCode
from core.geo_search import ids_within
from core.locations import Circle
from db.engine import Database
from db.models import Listing as ListingRow
from db.models import Need as NeedRow
from matching import AllocationEdges, AllocationPlan, Assignment, Fairness, NeedPool, allocation_edges, gini
from matching import plan_allocation as solve
from resolvers.donations import categories
from resolvers.matches import index as match_index
from resolvers.matches.donation_sources import available_listings, needs_by_ids, open_needs
from resolvers.matches.paging import recheck

ALLOCATION_EDGES_PER_NEED = 30  # each need's best listings form the graph the plan is solved on
MAX_ALLOCATION_NEEDS = 2000
FAIRNESS = Fairness()  # diminishing returns per school, within 2% of the optimum (matching.fairness)


@dataclass(frozen=True)
class Spread:
    """How a set of assignments spreads declared value over the schools with open needs in scope."""

    gini: float
    schools_helped: int
    schools: int
    value_cents: int


@dataclass(frozen=True)
class Allocation:
    plan: AllocationPlan
    needs: dict[int, NeedRow]
    listings: dict[int, ListingRow]
    spread: Spread = Spread(0.0, 0, 0, 0)
    greedy_spread: Spread = Spread(0.0, 0, 0, 0)
    inputs: dict[str, Any] = field(default_factory=dict)


def spread(assignments: Iterable[Assignment], school_of: dict[int, int], unit_cents: dict[int, int]) -> Spread:
    """Gini of declared value (units x the listing's unit value, in cents whatever the currency)
    over every school with an open need in scope, those that receive nothing included."""
    value: dict[int, int] = defaultdict(int)
    helped: set[int] = set()
    for a in assignments:
        value[school_of[a.need_id]] += a.quantity * unit_cents.get(a.listing_id, 0)
        helped.add(school_of[a.need_id])
    schools = set(school_of.values())
    amounts = [value.get(s, 0) for s in sorted(schools)]
    return Spread(round(gini(amounts), 6), len(helped), len(schools), sum(amounts))


async def regional_need_ids(db: Database, category_id: int, circle: Circle) -> list[int]:
    tree = await categories.tree(db)
    tree.require(category_id, "categoryId")
    stmt = select(NeedRow).where(NeedRow.category_id.in_(tree.with_descendants(category_id)), open_needs())
    async with db.read() as session:
        nearest = await ids_within(session, NeedRow, circle, stmt)
    if len(nearest) > MAX_ALLOCATION_NEEDS:
        raise DomainError(
            ErrorCode.OUT_OF_RANGE,
            f"More than {MAX_ALLOCATION_NEEDS} open needs in that area; narrow the radius.",
            ["input", "near", "radiusKm"],
        )
    return list(nearest)


async def allocation_plan(
    db: Database, category_id: int, circle: Circle, fairness: Fairness | None = FAIRNESS
) -> Allocation:
    """Assign available listings to the open needs of a category (and its sub-categories) in a
    circle: the highest total match score with diminishing returns per school (`fairness`; None
    for the plain optimum), never more than its tolerance below the plain optimum."""
    need_ids = await regional_need_ids(db, category_id, circle)
    if not need_ids:
        return Allocation(AllocationPlan((), 0.0, 0.0), {}, {}, inputs=_inputs([], {}, None, fairness))
    async with db.read() as session:
        records = await needs_by_ids(session, need_ids)
    need_pool = NeedPool.from_rows(records)
    taxonomy = await match_index.taxonomy(db)
    holder, index = await match_index.fresh(db, "listings")
    edges = allocation_edges(need_pool, index, k=ALLOCATION_EDGES_PER_NEED, taxonomy=taxonomy, today=today())
    offered = await recheck(db, ListingRow, sorted(set(edges.listing_ids.tolist())), available_listings(utcnow()))
    holder.forget(set(edges.listing_ids.tolist()) - set(offered))
    school_of = {r.id: r.school_id for r in records if r.visible}
    keep = [
        e
        for e in range(len(edges.scores))
        if int(edges.listing_ids[e]) in offered
        and int(edges.need_ids[e]) in school_of
        and offered[int(edges.listing_ids[e])].donor_id != school_of[int(edges.need_ids[e])]
    ]
    edges = AllocationEdges(edges.need_ids[keep], edges.listing_ids[keep], edges.scores[keep])
    demand = {r.id: r.quantity for r in records if r.visible}
    # the database's quantities, not the index's, bound what each listing gives
    supply = {i: row.quantity_available for i, row in offered.items()}
    unit_cents = {i: row.unit_value_cents for i, row in offered.items()}
    plan = solve(demand, supply, edges, fairness=fairness, schools=school_of, values=unit_cents)
    used_needs = {a.need_id for a in plan.assignments} | {a.need_id for a in plan.greedy_assignments}
    async with db.read() as session:
        need_rows = (
            (await session.scalars(select(NeedRow).where(NeedRow.id.in_(used_needs)))).all() if used_needs else []
        )
    return Allocation(
        plan,
        {r.id: r for r in need_rows},
        offered,
        spread(plan.assignments, school_of, unit_cents),
        spread(plan.greedy_assignments, school_of, unit_cents),
        _inputs([r for r in records if r.visible], offered, edges, fairness),
    )


def _inputs(records, offered: dict[int, ListingRow], edges: AllocationEdges | None, fairness) -> dict[str, Any]:
    """Everything the plan was computed from, to store beside it for review."""
    return {
        "computedOn": today().isoformat(),
        "edgesPerNeed": ALLOCATION_EDGES_PER_NEED,
        "fairness": None
        if fairness is None
        else {"bonus": fairness.bonus, "units": fairness.units, "tolerance": fairness.tolerance},
        "needs": [
            {
                "id": r.id,
                "schoolId": r.school_id,
                "categoryId": r.category_id,
                "quantity": r.quantity,
                "priority": int(r.priority),
                "minimumCondition": int(r.min_condition),
                "schoolTier": int(r.school_tier) if r.school_tier else None,
                "donationsReceived": r.school_received,
            }
            for r in records
        ],
        "listings": [
            {
                "id": row.id,
                "donorId": row.donor_id,
                "categoryId": row.category_id,
                "quantity": row.quantity_available,
                "condition": row.condition,
                "unitValueCents": row.unit_value_cents,
                "currency": row.currency,
            }
            for row in offered.values()
        ],
        "edges": []
        if edges is None
        else [
            [int(n), int(li), round(float(s), 6)]
            for n, li, s in zip(edges.need_ids, edges.listing_ids, edges.scores, strict=True)
        ],
    }
