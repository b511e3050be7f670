"""Needs and listings matched both ways, and the staff's allocation plan, through HTTP."""

from __future__ import annotations

from tests.donations.support import category, make_listing, make_need, parties
from tests.matches.support import EXPLANATION, pk, sql

MATCHING_LISTINGS = f"""
query ($id: ID!) {{ need(id: $id) {{ matchingListings(first: 10) {{
  edges {{ score node {{ id title }} {EXPLANATION} }} pageInfo {{ hasNextPage }} }} }} }}"""
MATCHING_NEEDS = """
query ($id: ID!) { listing(id: $id) { matchingNeeds(first: 10) { edges { score node { id title } } } } }"""
PLAN = """
query ($input: AllocationPlanInput!) { allocationPlan(input: $input) {
  assignments { need { id quantityRemaining } listing { id quantityAvailable } quantity score }
  total greedyTotal gain } }"""


async def test_a_need_sees_fitting_listings_best_first_and_never_a_withdrawn_one(api):
    p = await parties(api)
    need = await make_need(api, p, slug="welding-mig-steel", title="MIG welder for lab")
    exact = await make_listing(api, p, slug="welding-mig-steel", title="MIG welder")
    stand_in = await make_listing(api, p, slug="welding-mig-aluminum", title="Aluminum pulse MIG welder")
    await make_listing(api, p, slug="welding-plasma-cutter", title="Plasma cutter")  # a different tool: excluded
    await make_listing(api, p, slug="refinish-spray-guns", title="Spray guns")  # unrelated: excluded

    data = await api.gql(MATCHING_LISTINGS, {"id": need}, token=p.school_member.token)
    edges = data["need"]["matchingListings"]["edges"]
    assert [e["node"]["id"] for e in edges] == [exact, stand_in]
    assert edges[0]["explanation"]["distanceKm"] > 0
    assert {c["name"] for c in edges[0]["explanation"]["components"]} >= {"category", "equity"}

    await sql(api, "UPDATE listing SET withdrawn_at = created_at WHERE id = :id", id=pk(exact))
    data = await api.gql(MATCHING_LISTINGS, {"id": need}, token=p.school_member.token)
    assert [e["node"]["id"] for e in data["need"]["matchingListings"]["edges"]] == [stand_in]


async def test_matches_are_for_the_owning_organization(api):
    p = await parties(api)
    need = await make_need(api, p)
    listing = await make_listing(api, p)
    staff = await api.person("Staff", staff=True)

    assert (await api.gql(MATCHING_LISTINGS, {"id": need}, token=p.donor_member.token))["need"][
        "matchingListings"
    ] is None
    assert (await api.gql(MATCHING_LISTINGS, {"id": need}))["need"]["matchingListings"] is None
    assert (await api.gql(MATCHING_LISTINGS, {"id": need}, token=staff.token))["need"]["matchingListings"]["edges"]
    assert (await api.gql(MATCHING_NEEDS, {"id": listing}, token=p.school_member.token))["listing"][
        "matchingNeeds"
    ] is None
    mine = await api.gql(MATCHING_NEEDS, {"id": listing}, token=p.donor_member.token)
    assert [e["node"]["id"] for e in mine["listing"]["matchingNeeds"]["edges"]] == [need]


async def test_a_closed_need_is_never_offered_to_a_donor(api):
    p = await parties(api)
    need = await make_need(api, p)
    listing = await make_listing(api, p)
    assert (await api.gql(MATCHING_NEEDS, {"id": listing}, token=p.donor_member.token))["listing"]["matchingNeeds"][
        "edges"
    ]

    await sql(api, "UPDATE need SET closed_at = created_at WHERE id = :id", id=pk(need))
    data = await api.gql(MATCHING_NEEDS, {"id": listing}, token=p.donor_member.token)
    assert data["listing"]["matchingNeeds"]["edges"] == []


async def test_allocation_plan_beats_greedy_within_supplies_and_demands(api):
    # Greedy gives the one shared listing's units to the best pair first; the optimum sends them
    # where no other listing can go.
    p = await parties(api)
    other = await parties(api, school_zip="48126", donor_zip="48226")
    needs = {
        await make_need(api, p, quantity=3, title="Spot welder for lab"): 3,
        await make_need(api, other, quantity=2, title="Spot welder"): 2,
    }
    listings = {
        await make_listing(api, p, quantity=2, title="STRSW spot welder"): 2,
        await make_listing(api, other, quantity=4, title="Spot welder, used", condition="FAIR"): 4,
    }
    staff = await api.person("Coordinator", staff=True)
    variables = {"input": {"categoryId": category("welding"), "near": {"postalCode": "48226", "radiusKm": 50}}}

    plan = (await api.gql(PLAN, variables, token=staff.token))["allocationPlan"]

    assert plan["assignments"]
    assert plan["total"] >= plan["greedyTotal"] - 1e-9 and plan["gain"] >= 0
    given: dict[str, int] = {}
    received: dict[str, int] = {}
    for a in plan["assignments"]:
        assert a["quantity"] > 0 and 0 < a["score"] <= 1
        given[a["listing"]["id"]] = given.get(a["listing"]["id"], 0) + a["quantity"]
        received[a["need"]["id"]] = received.get(a["need"]["id"], 0) + a["quantity"]
    assert all(given[i] <= listings[i] for i in given)
    assert all(received[i] <= needs[i] for i in received)
    assert abs(plan["total"] - sum(a["score"] * a["quantity"] for a in plan["assignments"])) < 1e-4


async def test_allocation_plan_is_for_staff_only(api):
    p = await parties(api)
    variables = {"input": {"categoryId": category("welding"), "near": {"postalCode": "48226", "radiusKm": 50}}}
    errors = await api.errors(PLAN, variables, token=p.school_member.token)
    assert errors[0]["extensions"]["code"] == "PERMISSION_DENIED"
    errors = await api.errors(PLAN, variables)
    assert errors[0]["extensions"]["code"] == "PERMISSION_DENIED"
