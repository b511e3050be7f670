"""Photo, recognition and thank-you fields cost the same SQL for 5 rows as for 50 (no N+1)."""

from __future__ import annotations

from db.models import Donation, Listing, Need, Organization, Photo, RecognitionWallEntry, ThankYouNote
from tests.donations.support import CATEGORY_IDS, parties

LISTINGS = """{ listings(first: 50) { edges { node {
  title photos { url thumbnailUrl width caption }
  donor { name recognition { level points onWall } }
  donations(first: 5) { edges { node { thankYouNote { message school { name } photos { url } } } } }
} } } }"""
WALL = """{ recognitionWall(first: 50) { edges { node {
  organization { name recognition { onWall } } recognition { level points studentsHired } } } } }"""


def _photo(i: int, **owner: int) -> Photo:
    return Photo(
        position=i % 8,
        key=f"{i:064x}.jpg",
        thumbnail_key=f"{i + 10_000:064x}.jpg",
        width=10,
        height=10,
        thumbnail_width=5,
        thumbnail_height=5,
        byte_size=100,
        **owner,
    )


async def _add_listings(db, p, count: int) -> None:
    """`count` listings with two photos each, each received by the school with a thank-you note and a photo."""
    async with db.write() as session:
        for i in range(count):
            listing = Listing(
                donor_id=p.donor_id,
                category_id=CATEGORY_IDS["welding-strsw"],
                title=f"listing {i}",
                condition="GOOD",
                quantity=3,
                unit_value_cents=1000,
                fulfillment_mask=1,
                quantity_donated=1,
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
            donation = Donation(
                listing_id=listing.id,
                need_id=need.id,
                donor_id=p.donor_id,
                school_id=p.school_id,
                quantity=1,
                status="RECEIVED",
            )
            session.add(donation)
            await session.flush()
            note = ThankYouNote(donation_id=donation.id, school_id=p.school_id, donor_id=p.donor_id, message="Thanks")
            session.add(note)
            await session.flush()
            session.add_all(
                [
                    _photo(i * 3, listing_id=listing.id),
                    _photo(i * 3 + 1, listing_id=listing.id),
                    _photo(i * 3 + 2, thank_you_note_id=note.id),
                ]
            )


async def _count(api, count_sql, query: str, token: str | None, field: str) -> tuple[int, int]:
    await api.gql(query, token=token)  # warm the per-process category cache
    with count_sql() as counter:
        data = await api.gql(query, token=token)
    return len(data[field]["edges"]), counter.count


async def test_listing_photos_recognition_and_notes_cost_the_same_sql_for_5_and_50(api, db, count_sql):
    p = await parties(api)
    await _add_listings(db, p, 5)
    rows_5, small = await _count(api, count_sql, LISTINGS, p.donor_member.token, "listings")
    await _add_listings(db, p, 45)
    rows_50, large = await _count(api, count_sql, LISTINGS, p.donor_member.token, "listings")
    print(f"listings with photos: {small} statements for {rows_5}, {large} for {rows_50}")
    assert (rows_5, rows_50) == (5, 50)
    assert small == large


async def _add_recognised(db, school_id: int, count: int) -> None:
    """`count` donors on the wall, each credited with one service need (5 points: SUPPORTER)."""
    async with db.write() as session:
        for i in range(count):
            donor = Organization(name=f"Shop {i}", is_donor=True, state="MI", postal_code="48226")
            session.add(donor)
            await session.flush()
            session.add(RecognitionWallEntry(organization_id=donor.id))
            need = Need(
                school_id=school_id,
                category_id=CATEGORY_IDS["welding-strsw"],
                title="Shop tour",
                quantity=1,
                priority="LOW",
                fulfilled_by_id=donor.id,
            )
            session.add(need)


async def test_the_recognition_wall_costs_the_same_sql_for_5_and_50(api, db, count_sql):
    p = await parties(api)
    await _add_recognised(db, p.school_id, 5)
    rows_5, small = await _count(api, count_sql, WALL, None, "recognitionWall")
    await _add_recognised(db, p.school_id, 45)
    rows_50, large = await _count(api, count_sql, WALL, None, "recognitionWall")
    print(f"recognition wall: {small} statements for {rows_5}, {large} for {rows_50}")
    assert (rows_5, rows_50) == (5, 50)
    assert small == large
