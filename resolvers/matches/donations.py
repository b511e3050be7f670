"""Ranked matches on the donation exchange: a need's listings, a listing's needs (the allocation
plan is in `resolvers.matches.allocation`).

As on the talent side, the query is read fresh, candidates come from the per-process index and
every page is re-checked against the database.
"""

from __future__ import annotations

from core.clock import today, utcnow
from core.paging import Page, Slice
from db.engine import Database
from db.models import Listing as ListingRow
from db.models import Need as NeedRow
from matching import rank_listings_for_need, rank_needs_for_listing
from resolvers.matches import index as match_index
from resolvers.matches.donation_sources import available_listings, listing_record, needs_by_ids, open_needs
from resolvers.matches.paging import Ranked, ranked_page, recheck


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
