"""Browsing listings and needs: filters in SQL, distance, order, literal search, and the category tree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from db.models import Listing
from tests.donations.support import APPROVE, category, make_listing, make_need, parties, requested, step

LISTINGS = """query ($filter: ListingFilter, $order: ListingOrder, $first: Int, $after: String) {
  listings(filter: $filter, orderBy: $order, first: $first, after: $after) {
    edges { cursor node { title status distanceKm } } pageInfo { hasNextPage endCursor } } }"""
NEEDS = """query ($filter: NeedFilter, $order: NeedOrder) { needs(filter: $filter, orderBy: $order) {
  edges { node { title priority status distanceKm } } } }"""


async def titles(api, query: str, field: str, **variables) -> list[str]:
    data = await api.gql(query, variables)
    return [e["node"]["title"] for e in data[field]["edges"]]


async def test_listing_filters(api, db):
    p = await parties(api)
    await make_listing(api, p, title="Spot welder", slug="welding-strsw", condition="LIKE_NEW", cents=500)
    await make_listing(
        api, p, title="Aluminum MIG", slug="welding-mig-aluminum", condition="FAIR", cents=900, fulfillment=["PICKUP"]
    )
    await make_listing(
        api,
        p,
        title="Salvage Camry",
        slug="vehicles-parts-training-vehicles",
        condition="FOR_PARTS",
        fulfillment=["TOW"],
        cents=100,
    )
    await make_listing(api, p, title="Paint booth", slug="refinish-paint-booth", condition="GOOD", cents=700)
    # a category includes its sub-categories
    welding = await titles(api, LISTINGS, "listings", filter={"categoryId": category("welding")}, order="VALUE")
    assert welding == ["Aluminum MIG", "Spot welder"]
    # condition means "at least"
    assert sorted(await titles(api, LISTINGS, "listings", filter={"condition": "GOOD"})) == [
        "Paint booth",
        "Spot welder",
    ]
    assert await titles(api, LISTINGS, "listings", filter={"fulfillment": ["TOW"]}) == ["Salvage Camry"]
    assert await titles(api, LISTINGS, "listings", order="VALUE") == [
        "Aluminum MIG",
        "Paint booth",
        "Spot welder",
        "Salvage Camry",
    ]
    assert await titles(api, LISTINGS, "listings", filter={"search": "  BOOTH "}) == ["Paint booth"]


async def test_search_treats_percent_and_underscore_literally(api):
    p = await parties(api)
    await make_listing(api, p, title="Clear coat 100% solids")
    await make_listing(api, p, title="Primer 2K_gray")
    await make_listing(api, p, title="Primer 2K gray")
    assert await titles(api, LISTINGS, "listings", filter={"search": "%"}) == ["Clear coat 100% solids"]
    assert await titles(api, LISTINGS, "listings", filter={"search": "2k_"}) == ["Primer 2K_gray"]
    assert await titles(api, LISTINGS, "listings", filter={"search": "_"}) == ["Primer 2K_gray"]
    assert await titles(api, LISTINGS, "listings", filter={"search": "\\"}) == []


async def test_statuses_are_derived_and_filterable(api, db):
    p = await parties(api)
    available = await make_listing(api, p, title="Available", quantity=5)
    reserved = await make_listing(api, p, title="Reserved", quantity=1)
    await make_listing(api, p, title="Expired", availableUntil=(datetime.now(UTC) + timedelta(days=1)).isoformat())
    donation = await requested(api, p, reserved, await make_need(api, p), 1)
    await step(api, APPROVE, p.donor_member.token, id=donation)
    async with db.write() as session:
        await session.execute(
            update(Listing)
            .where(Listing.title == "Expired")
            .values(available_until=datetime.now(UTC) - timedelta(minutes=1))
        )
    assert await titles(api, LISTINGS, "listings") == ["Available"]  # default: what can be requested
    for status, expected in (("RESERVED", ["Reserved"]), ("EXPIRED", ["Expired"]), ("DONATED", [])):
        assert await titles(api, LISTINGS, "listings", filter={"status": [status]}) == expected
    everything = (await api.gql(LISTINGS, {"filter": {"donorId": p.donor}}))["listings"]["edges"]
    assert {e["node"]["title"]: e["node"]["status"] for e in everything} == {
        "Available": "AVAILABLE",
        "Reserved": "RESERVED",
        "Expired": "EXPIRED",
    }
    assert available


async def test_near_gives_distances_nearest_first_and_pages(api):
    detroit = await parties(api, donor_zip="48226")
    lansing = await parties(api, donor_zip="48933")
    grand_rapids = await parties(api, donor_zip="49503")
    for p, title in ((grand_rapids, "GR"), (detroit, "Detroit"), (lansing, "Lansing")):
        await make_listing(api, p, title=title)
    near = {"postalCode": "48226", "radiusKm": 200}
    data = await api.gql(LISTINGS, {"filter": {"near": near}, "first": 2})
    nodes = [e["node"] for e in data["listings"]["edges"]]
    assert [n["title"] for n in nodes] == ["Detroit", "Lansing"]
    assert nodes[0]["distanceKm"] < 1 < 100 < nodes[1]["distanceKm"] < 200
    assert data["listings"]["pageInfo"]["hasNextPage"] is False  # Grand Rapids is ~220 km away
    wide = await api.gql(LISTINGS, {"filter": {"near": {**near, "radiusKm": 400}}, "first": 2})
    after = wide["listings"]["pageInfo"]["endCursor"]
    rest = await api.gql(LISTINGS, {"filter": {"near": {**near, "radiusKm": 400}}, "first": 2, "after": after})
    assert [e["node"]["title"] for e in rest["listings"]["edges"]] == ["GR"]
    newest = await titles(api, LISTINGS, "listings", filter={"near": {**near, "radiusKm": 400}}, order="NEWEST")
    assert newest == ["Lansing", "Detroit", "GR"]
    errors = await api.errors(LISTINGS, {"order": "DISTANCE"})
    assert errors[0]["extensions"]["code"] == "REQUIRED"


async def test_needs_by_urgency_status_and_distance(api):
    p = await parties(api)
    await make_need(api, p, title="Low", priority="LOW")
    await make_need(api, p, title="Critical", priority="CRITICAL")
    soon = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    await make_need(api, p, title="High soon", priority="HIGH", neededBy=soon)
    await make_need(api, p, title="High", priority="HIGH")
    closed = await make_need(api, p, title="Closed")
    closing = await api.gql(
        "mutation ($id: ID!) { needClose(input: {id: $id}) { userErrors { code } } }",
        {"id": closed},
        token=p.school_member.token,
    )
    assert closing["needClose"]["userErrors"] == []
    assert await titles(api, NEEDS, "needs") == ["Critical", "High soon", "High", "Low"]
    assert await titles(api, NEEDS, "needs", filter={"status": ["CLOSED"]}) == ["Closed"]
    assert await titles(api, NEEDS, "needs", filter={"priority": "HIGH"}) == ["Critical", "High soon", "High"]
    data = await api.gql(NEEDS, {"filter": {"near": {"postalCode": "48933", "radiusKm": 200}}})
    assert {round(e["node"]["distanceKm"]) for e in data["needs"]["edges"]} == {
        round(data["needs"]["edges"][0]["node"]["distanceKm"])
    }
    assert 100 < data["needs"]["edges"][0]["node"]["distanceKm"] < 200  # Detroit from Lansing
    assert await titles(api, NEEDS, "needs", filter={"near": {"postalCode": "49503", "radiusKm": 50}}) == []


CATEGORIES = """{ categories { name isService children { slug name parent { slug } } } }"""
SUGGEST = """query ($text: String!, $first: Int) { categorySuggest(text: $text, first: $first) {
  score matched category { slug name } } }"""


async def test_category_tree(api):
    roots = (await api.gql(CATEGORIES))["categories"]
    assert len(roots) == 10 and roots[0]["name"] == "Structural"
    services = roots[-1]
    assert services["isService"] and "services-guest-speaker" in [c["slug"] for c in services["children"]]
    assert all(c["parent"]["slug"] == "services" for c in services["children"])


async def test_category_suggest_maps_free_text(api):
    for text, slug in (
        ("spot welder strsw", "welding-strsw"),
        ("paint boths", "refinish-paint-booth"),
        ("frame machne", "structural-frame-machine"),
        ("guest speaker for class", "services-guest-speaker"),
    ):
        found = (await api.gql(SUGGEST, {"text": text, "first": 3}))["categorySuggest"]
        assert found[0]["category"]["slug"] == slug, (text, found)
        assert len(found) == 3 and found[0]["score"] >= found[1]["score"] and 0 < found[0]["score"] <= 1
    assert (await api.gql(SUGGEST, {"text": "   "}))["categorySuggest"] == []
    errors = await api.errors(SUGGEST, {"text": "welder", "first": 500})
    assert errors[0]["extensions"]["code"] == "OUT_OF_RANGE"
