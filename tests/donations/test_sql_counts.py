"""List fields issue the same number of SQL statements for 5 rows as for 50 (no N+1)."""

from __future__ import annotations

from datetime import timedelta

from db.base import utcnow
from db.models import Donation, DonationEvent, Listing, Need, ServiceOffer
from tests.donations.support import CATEGORY_IDS, parties
from tests.support import gid

NEEDS = """{ needs(first: 50) { edges { node {
  title status school { name } category { name }
  donations(first: 10) { edges { node { status listing { title donor { name } } } } }
} } } }"""
LISTINGS = """{ listings(first: 50) { edges { node {
  title status quantityAvailable privateNotes donor { name contactEmail impact { itemsGiven } }
  category { name parent { name } }
  donations(first: 10) { edges { node {
    status need { title school { name contactEmail } } events { toStatus actor { name } } receipt { number }
  } } }
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


NEED_DONATIONS = """query ($id: ID!) { need(id: $id) {
  donations(first: 100) { edges { node {
    status listing { title donor { name } } events { toStatus actor { name } } receipt { number }
  } } pageInfo { hasNextPage } }
} }"""
LISTING_DONATIONS = """query ($id: ID!) { listing(id: $id) {
  donations(first: 100) { edges { node { status need { title school { name contactEmail } } events { toStatus } } } }
} }"""


async def _one_need_and_listing(db, p) -> tuple[int, int]:
    async with db.write() as session:
        need = Need(
            school_id=p.school_id, category_id=CATEGORY_IDS["welding-strsw"], title="many", quantity=100, priority="LOW"
        )
        listing = Listing(
            donor_id=p.donor_id,
            category_id=CATEGORY_IDS["welding-strsw"],
            title="many",
            condition="GOOD",
            quantity=100,
            unit_value_cents=1000,
            fulfillment_mask=1,
        )
        session.add_all([need, listing])
    return need.id, listing.id


async def _add_donations(db, p, need_id: int, listing_id: int, count: int) -> None:
    """`count` donations of the need, each from its own listing, and as many of the listing, each for its own need."""
    async with db.write() as session:
        for i in range(count):
            listing = Listing(
                donor_id=p.donor_id,
                category_id=CATEGORY_IDS["welding-strsw"],
                title=f"listing {i}",
                condition="GOOD",
                quantity=1,
                unit_value_cents=1000,
                fulfillment_mask=1,
            )
            need = Need(
                school_id=p.school_id,
                category_id=CATEGORY_IDS["welding-strsw"],
                title=f"need {i}",
                quantity=1,
                priority="LOW",
            )
            session.add_all([listing, need])
            await session.flush()
            for listing_pk, need_pk in ((listing.id, need_id), (listing_id, need.id)):
                donation = Donation(
                    listing_id=listing_pk,
                    need_id=need_pk,
                    donor_id=p.donor_id,
                    school_id=p.school_id,
                    quantity=1,
                    status="REQUESTED",
                )
                session.add(donation)
                await session.flush()
                session.add(DonationEvent(donation_id=donation.id, to_status="REQUESTED"))


async def _count_one(api, count_sql, query: str, id: str, token: str, field: str) -> tuple[int, int]:
    await api.gql(query, {"id": id}, token=token)  # warm the per-process category cache
    with count_sql() as counter:
        data = await api.gql(query, {"id": id}, token=token)
    return len(data[field]["donations"]["edges"]), counter.count


async def test_one_needs_and_one_listings_donations_cost_the_same_sql_for_5_and_50(api, db, count_sql):
    p = await parties(api)
    need_id, listing_id = await _one_need_and_listing(db, p)
    need, listing = gid("Need", need_id), gid("Listing", listing_id)
    cases = (
        (NEED_DONATIONS, need, p.school_member.token, "need"),
        (LISTING_DONATIONS, listing, p.donor_member.token, "listing"),
    )
    await _add_donations(db, p, need_id, listing_id, 5)
    small = [await _count_one(api, count_sql, *case) for case in cases]
    await _add_donations(db, p, need_id, listing_id, 45)
    large = [await _count_one(api, count_sql, *case) for case in cases]
    print(f"one parent's donations: {small} (rows, statements) for 5, {large} for 50")
    assert [rows for rows, _ in small] == [5, 5] and [rows for rows, _ in large] == [50, 50]
    assert [statements for _, statements in small] == [statements for _, statements in large]


SERVICE_NEEDS = """{ needs(first: 50, filter: {search: "tour"}) { edges { node {
  title serviceBooked schedule { startsAt }
  serviceOffers(first: 10) { edges { node { status shop { name } school { name } cancelledBy { name } } } }
} } } }"""
MY_SERVICE_OFFERS = """{ serviceOffers(first: 100) { edges { node {
  status shop { name } need { title school { name } } cancelledBy { name }
} } } }"""


async def _add_service_offers(db, p, count: int) -> None:
    """`count` scheduled tours, each with an offer from the donor (every third one confirmed)."""
    async with db.write() as session:
        for i in range(count):
            need = Need(
                school_id=p.school_id,
                category_id=CATEGORY_IDS["services-shop-tour"],
                title=f"tour {i}",
                quantity=1,
                priority="LOW",
                service_starts_at=utcnow() + timedelta(days=10),
                service_minutes=60,
            )
            session.add(need)
            await session.flush()
            session.add(
                ServiceOffer(
                    need_id=need.id,
                    school_id=p.school_id,
                    shop_id=p.donor_id,
                    status="CONFIRMED" if i % 3 == 0 else "OFFERED",
                )
            )


async def test_service_offers_cost_the_same_sql_for_5_and_50(api, db, count_sql):
    p = await parties(api)
    await _add_service_offers(db, p, 5)
    needs_5, needs_small = await _count(api, count_sql, SERVICE_NEEDS, p.school_member.token, "needs")
    offers_5, offers_small = await _count(api, count_sql, MY_SERVICE_OFFERS, p.donor_member.token, "serviceOffers")
    await _add_service_offers(db, p, 45)
    needs_50, needs_large = await _count(api, count_sql, SERVICE_NEEDS, p.school_member.token, "needs")
    offers_50, offers_large = await _count(api, count_sql, MY_SERVICE_OFFERS, p.donor_member.token, "serviceOffers")
    print(f"service needs: {needs_small} statements for {needs_5}, {needs_large} for {needs_50}")
    print(f"service offers: {offers_small} statements for {offers_5}, {offers_large} for {offers_50}")
    assert (needs_5, needs_50, offers_5, offers_50) == (5, 50, 5, 50)
    assert needs_small == needs_large and offers_small == offers_large
