"""`needsSummary` and its GeoJSON export, checked against needs made by hand in three regions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from db.models import Donation, DonationReceipt, Listing, Need, Organization
from tests.donations.support import CATEGORY_IDS, category

SUMMARY = """query ($filter: NeedsSummaryFilter) { needsSummary(filter: $filter) {
  since schools
  totals { needs openNeeds quantityRequested quantityReceived quantityUnmet unmetRatio schoolsWithOpenNeeds }
  byCategory { category { slug } figures { needs openNeeds quantityUnmet } }
  byRegion { zipPrefix state name schools openNeedsPerSchool location { latitude longitude }
             figures { needs openNeeds quantityRequested quantityReceived quantityUnmet unmetRatio } }
  trend { month needsPosted quantityRequested quantityReceived }
  underserved(limit: 5) { zipPrefix openNeedsPerSchool }
} }"""


@dataclass
class Region:
    detroit_a: int
    detroit_b: int
    chicago: int
    ann_arbor: int


def _month(moment: datetime) -> str:
    return moment.strftime("%Y-%m")


def _months_ago(now: datetime, months: int) -> datetime:
    index = now.year * 12 + now.month - 1 - months
    return datetime(index // 12, index % 12 + 1, 15, 12, tzinfo=UTC)


async def _school(session, name: str, postal_code: str, latitude: float, longitude: float, state: str) -> int:
    school = Organization(
        name=name, is_school=True, postal_code=postal_code, latitude=latitude, longitude=longitude, state=state
    )
    session.add(school)
    await session.flush()
    return school.id


def _need(school_id: int, slug: str, quantity: int, received: int = 0, *, at: datetime, closed: bool = False) -> Need:
    return Need(
        school_id=school_id,
        category_id=CATEGORY_IDS[slug],
        title=f"{slug} x{quantity}",
        quantity=quantity,
        quantity_received=received,
        priority="HIGH",
        created_at=at,
        closed_at=at if closed else None,
    )


async def hand_made(db) -> tuple[Region, datetime]:
    """Detroit (482): two schools, 3 needs (one open 4/1, one fulfilled 2/2, one closed 3); Chicago (606): one
    school, 3 open needs (1, 1, 5) two months ago and one posted 14 months ago; Ann Arbor (481): a school
    without needs."""
    now = datetime.now(UTC)
    earlier = _months_ago(now, 2)
    async with db.write() as session:
        region = Region(
            await _school(session, "Detroit A", "48226", 42.33, -83.05, "MI"),
            await _school(session, "Detroit B", "48201", 42.35, -83.06, "MI"),
            await _school(session, "Chicago C", "60601", 41.88, -87.62, "IL"),
            await _school(session, "Ann Arbor D", "48104", 42.27, -83.73, "MI"),
        )
        donor = Organization(name="Donor", is_donor=True)
        session.add(donor)
        await session.flush()
        fulfilled = _need(region.detroit_a, "welding-strsw", 2, 2, at=now)
        session.add_all(
            [
                _need(region.detroit_a, "welding-strsw", 4, 1, at=now),
                fulfilled,
                _need(region.detroit_b, "refinish-paint-booth", 3, at=now, closed=True),
                _need(region.chicago, "welding-strsw", 1, at=earlier),
                _need(region.chicago, "refinish-paint-booth", 1, at=earlier),
                _need(region.chicago, "refinish-paint-booth", 5, at=earlier),
                _need(region.chicago, "refinish-paint-booth", 9, at=_months_ago(now, 14)),
            ]
        )
        await session.flush()
        listing = Listing(
            donor_id=donor.id,
            category_id=CATEGORY_IDS["welding-strsw"],
            title="Welders",
            condition="GOOD",
            quantity=2,
            quantity_donated=2,
            unit_value_cents=100,
            fulfillment_mask=1,
        )
        session.add(listing)
        await session.flush()
        donation = Donation(
            listing_id=listing.id,
            need_id=fulfilled.id,
            donor_id=donor.id,
            school_id=region.detroit_a,
            quantity=2,
            status="RECEIVED",
        )
        session.add(donation)
        await session.flush()
        session.add(
            DonationReceipt(
                donation_id=donation.id,
                number="SR-T-1",
                donor_id=donor.id,
                school_id=region.detroit_a,
                year=now.year,
                sequence=1,
                donor_name="Donor",
                school_name="Detroit A",
                item_title="Welders",
                category_name="STRSW",
                condition="GOOD",
                quantity=2,
                unit_value_cents=100,
                declared_value_cents=200,
                currency="USD",
                requested_at=now,
                received_at=now,
            )
        )
    return region, now


async def test_figures_by_region_and_category_match_the_hand_made_needs(api, db):
    _, now = await hand_made(db)
    summary = (await api.gql(SUMMARY))["needsSummary"]

    assert summary["schools"] == 4
    assert summary["totals"] == {
        "needs": 6,
        "openNeeds": 4,
        "quantityRequested": 16,
        "quantityReceived": 3,
        "quantityUnmet": 10,
        "unmetRatio": 0.625,
        "schoolsWithOpenNeeds": 2,
    }
    regions = {r["zipPrefix"]: r for r in summary["byRegion"]}
    assert list(regions) == ["606", "482"]  # most open needs first; Ann Arbor has none
    assert regions["482"]["figures"] == {
        "needs": 3,
        "openNeeds": 1,
        "quantityRequested": 9,
        "quantityReceived": 3,
        "quantityUnmet": 3,
        "unmetRatio": 0.3333,
    }
    assert (regions["482"]["schools"], regions["482"]["openNeedsPerSchool"]) == (2, 0.5)
    assert (regions["482"]["state"], regions["482"]["name"]) == ("MI", "Detroit area (482)")
    assert regions["606"]["figures"]["quantityUnmet"] == 7 and regions["606"]["schools"] == 1
    assert regions["606"]["openNeedsPerSchool"] == 3.0
    assert 41 < regions["606"]["location"]["latitude"] < 43 and -89 < regions["606"]["location"]["longitude"] < -87
    assert [r["zipPrefix"] for r in summary["underserved"]] == ["606", "482"]

    categories = {c["category"]["slug"]: c["figures"] for c in summary["byCategory"]}
    assert categories == {
        "refinish-paint-booth": {"needs": 3, "openNeeds": 2, "quantityUnmet": 6},
        "welding-strsw": {"needs": 3, "openNeeds": 2, "quantityUnmet": 4},
    }

    trend = {m["month"]: m for m in summary["trend"]}
    assert len(summary["trend"]) == 12 and summary["trend"][-1]["month"] == _month(now)
    assert trend[_month(now)] == {"month": _month(now), "needsPosted": 3, "quantityRequested": 9, "quantityReceived": 2}
    earlier = _month(_months_ago(now, 2))
    assert trend[earlier] == {"month": earlier, "needsPosted": 3, "quantityRequested": 7, "quantityReceived": 0}
    assert sum(m["needsPosted"] for m in summary["trend"]) == 6


async def test_a_state_a_circle_a_category_and_a_period_narrow_the_summary(api, db):
    _, now = await hand_made(db)
    michigan = (await api.gql(SUMMARY, {"filter": {"state": "mi"}}))["needsSummary"]
    assert (michigan["schools"], michigan["totals"]["needs"]) == (3, 3)
    assert [r["zipPrefix"] for r in michigan["byRegion"]] == ["482"]

    near = {"near": {"postalCode": "48226", "radiusKm": 30}}
    detroit = (await api.gql(SUMMARY, {"filter": near}))["needsSummary"]
    assert (detroit["schools"], detroit["totals"]["openNeeds"]) == (2, 1)

    paint = {"categoryId": category("refinish-paint-booth")}
    booths = (await api.gql(SUMMARY, {"filter": paint}))["needsSummary"]
    assert (booths["totals"]["needs"], booths["totals"]["quantityUnmet"]) == (3, 6)
    welding = {"categoryId": category("welding")}  # the parent category takes in its sub-categories
    assert (await api.gql(SUMMARY, {"filter": welding}))["needsSummary"]["totals"]["needs"] == 3

    since = _months_ago(now, 16).replace(day=1, hour=0).isoformat()
    longer = (await api.gql(SUMMARY, {"filter": {"since": since}}))["needsSummary"]
    assert longer["totals"]["needs"] == 7 and len(longer["trend"]) == 17

    errors = await api.errors(SUMMARY, {"filter": {"state": "MI", **near}})
    assert errors[0]["extensions"]["code"] == "INVALID"


async def test_the_geojson_export_is_a_feature_collection_of_region_points(api, db):
    await hand_made(db)
    response = await api.client.get("/exports/needs-summary.geojson")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    features = {f["properties"]["zipPrefix"]: f for f in body["features"]}
    assert set(features) == {"482", "606"}
    for feature in body["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        longitude, latitude = feature["geometry"]["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert longitude < 0 < latitude  # [lon, lat]: US longitudes are west (negative)
    assert features["606"]["properties"]["openNeeds"] == 3
    assert features["482"]["properties"]["quantityUnmet"] == 3

    michigan = (await api.client.get("/exports/needs-summary.geojson?state=MI")).json()
    assert [f["properties"]["zipPrefix"] for f in michigan["features"]] == ["482"]
    near = await api.client.get("/exports/needs-summary.geojson?postalCode=60601&radiusKm=20")
    assert [f["id"] for f in near.json()["features"]] == ["606"]
    bad = await api.client.get("/exports/needs-summary.geojson?postalCode=60601&radiusKm=abc")
    assert bad.status_code == 400


async def test_the_summary_costs_its_aggregation(api, db):
    response = await api.post("{ needsSummary { totals { needs } } }")
    cost = response.json()["extensions"]["cost"]
    assert cost["requestedQueryCost"] == cost["actualQueryCost"] == 1 + 10 + 1  # summary, aggregation, totals
