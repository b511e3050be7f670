"""List fields issue the same number of SQL statements for 5 rows as for 50 (no N+1)."""

from __future__ import annotations

from db.models import Donation, Listing, Need
from tests.donations.support import CATEGORY_IDS, parties

NEEDS = """{ needs(first: 50) { edges { node {
  title status school { name } category { name }
  donations { status listing { title donor { name } } }
} } } }"""
LISTINGS = """{ listings(first: 50) { edges { node {
  title status quantityAvailable privateNotes donor { name contactEmail impact { itemsGiven } }
  category { name parent { name } }
  donations { status need { title school { name contactEmail } } events { toStatus actor { name } } receipt { number } }
} } } }"""


async def _add(db, p, count: int) -> None:
    """`count` needs, each with a donation from its own listing (half of them approved)."""
    async with db.write() as session:
        for i in range(count):
            need = Need(
                school_id=p.school_id,
                category_id=CATEGORY_IDS["welding-strsw"],
                title=f"need {i}",
                quantity=2,
                priority="HIGH",
            )
            listing = Listing(
                donor_id=p.donor_id,
                category_id=CATEGORY_IDS["welding-strsw"],
                title=f"listing {i}",
                condition="GOOD",
                quantity=3,
                unit_value_cents=1000,
                fulfillment_mask=1,
                private_notes="dock 3",
            )
            session.add_all([need, listing])
            await session.flush()
            approved = i % 2 == 0
            session.add(
                Donation(
                    listing_id=listing.id,
                    need_id=need.id,
                    donor_id=p.donor_id,
                    school_id=p.school_id,
                    quantity=1,
                    status="APPROVED" if approved else "REQUESTED",
                )
            )
            listing.quantity_reserved = 1 if approved else 0


async def _count(api, count_sql, query: str, token: str, field: str) -> tuple[int, int]:
    await api.gql(query, token=token)  # warm the per-process category cache
    with count_sql() as counter:
        data = await api.gql(query, token=token)
    return len(data[field]["edges"]), counter.count


async def test_needs_with_nested_donations_cost_the_same_sql_for_5_and_50(api, db, count_sql):
    p = await parties(api)
    await _add(db, p, 5)
    rows_5, small = await _count(api, count_sql, NEEDS, p.school_member.token, "needs")
    await _add(db, p, 45)
    rows_50, large = await _count(api, count_sql, NEEDS, p.school_member.token, "needs")
    print(f"needs: {small} statements for {rows_5} needs, {large} for {rows_50}")
    assert (rows_5, rows_50) == (5, 50)
    assert small == large


async def test_listings_with_nested_fields_cost_the_same_sql_for_5_and_50(api, db, count_sql):
    p = await parties(api)
    await _add(db, p, 5)
    rows_5, small = await _count(api, count_sql, LISTINGS, p.donor_member.token, "listings")
    await _add(db, p, 45)
    rows_50, large = await _count(api, count_sql, LISTINGS, p.donor_member.token, "listings")
    print(f"listings: {small} statements for {rows_5} listings, {large} for {rows_50}")
    assert (rows_5, rows_50) == (5, 50)
    assert small == large
