"""Ranked matches on the donation exchange (a need's listings, a listing's needs) and the
allocation plan a coordinator uses to share scarce listings fairly across a region's needs.

As on the talent side, the query is read fresh, candidates come from the per-process index and
every page (and every listing an allocation hands out) is re-checked against the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.clock import today, utcnow
from core.errors import DomainError, ErrorCode
from core.geo_search import ids_within
from core.locations import Circle
from core.paging import Page, Slice
from db.engine import Database
from db.models import Listing as ListingRow
from db.models import Need as NeedRow
from matching import (
    AllocationPlan,
    NeedPool,
    allocation_edges,
    plan_allocation,
    rank_listings_for_need,
    rank_needs_for_listing,
)
from matching.allocation import AllocationEdges
from resolvers.donations import categories
from resolvers.matches import index as match_index
from resolvers.matches.donation_sources import available_listings, listing_record, needs_by_ids, open_needs
from resolvers.matches.paging import Ranked, ranked_page, recheck

ALLOCATION_EDGES_PER_NEED = 30  # each need's best listings form the graph the plan is solved on
MAX_ALLOCATION_NEEDS = 2000


async def matching_listings(db: Database, need: NeedRow, page: Page) -> Slice[Ranked]:
    async with db.read() as session:
        [query] = await needs_by_ids(session, [need.id])
    taxonomy = await match_index.taxonomy(db)
    holder, index = await match_index.fresh(db, "listings")
    on, now = today(), utcnow()
    return await ranked_page(
        lambda k: rank_listings_for_need(query, index, taxonomy=taxonomy, k=k, today=on),
        # a school cannot receive its own organization's listing
        lambda ids: recheck(db, ListingRow, ids, available_listings(now), ListingRow.donor_id != need.school_id),
        page,
        holder,
    )


async def matching_needs(db: Database, listing: ListingRow, page: Page) -> Slice[Ranked]:
    now = utcnow()
    query = listing_record(listing, now)
    taxonomy = await match_index.taxonomy(db)
    holder, index = await match_index.fresh(db, "needs")
    on = today()
    return await ranked_page(
        lambda k: rank_needs_for_listing(query, index, taxonomy=taxonomy, k=k, today=on),
        lambda ids: recheck(db, NeedRow, ids, open_needs(), NeedRow.school_id != listing.donor_id),
        page,
        holder,
    )


@dataclass(frozen=True)
class Allocation:
    plan: AllocationPlan
    needs: dict[int, NeedRow]
    listings: dict[int, ListingRow]


async def _regional_need_ids(db: Database, category_id: int, circle: Circle) -> list[int]:
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


async def allocation_plan(db: Database, category_id: int, circle: Circle) -> Allocation:
    """Assign available listings to the open needs of a category (and its sub-categories) in a
    circle so the total match score, equity boost included, is as high as possible."""
    need_ids = await _regional_need_ids(db, category_id, circle)
    if not need_ids:
        return Allocation(AllocationPlan((), 0.0, 0.0), {}, {})
    async with db.read() as session:
        records = await needs_by_ids(session, need_ids)
    need_pool = NeedPool.from_rows(records)
    taxonomy = await match_index.taxonomy(db)
    holder, index = await match_index.fresh(db, "listings")
    edges = allocation_edges(need_pool, index, k=ALLOCATION_EDGES_PER_NEED, taxonomy=taxonomy, today=today())
    now = utcnow()
    offered = await recheck(db, ListingRow, sorted(set(edges.listing_ids.tolist())), available_listings(now))
    holder.forget(set(edges.listing_ids.tolist()) - set(offered))
    # the database's quantities, not the index's, bound what each listing gives
    supply = {i: row.quantity_available for i, row in offered.items()}
    school_of = {r.id: r.school_id for r in records}
    keep = [
        e
        for e in range(len(edges.scores))
        if int(edges.listing_ids[e]) in offered
        and offered[int(edges.listing_ids[e])].donor_id != school_of[int(edges.need_ids[e])]
    ]
    edges = AllocationEdges(edges.need_ids[keep], edges.listing_ids[keep], edges.scores[keep])
    demand = {r.id: r.quantity for r in records if r.visible}
    plan = plan_allocation(demand, supply, edges)
    used_needs = {a.need_id for a in plan.assignments}
    async with db.read() as session:
        need_rows = (
            (await session.scalars(select(NeedRow).where(NeedRow.id.in_(used_needs)))).all() if used_needs else []
        )
    return Allocation(plan, {r.id: r for r in need_rows}, offered)
