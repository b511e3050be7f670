"""Plans into action: a plan is stored with its inputs, and `allocationApply` turns it (or chosen
pairs) into donation offers the donors confirm, or approved requests where the coordinator may
approve, never offering more than a listing has left, even when applied concurrently."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from db.models import Donation, Membership
from tests.donations.support import APPROVE, LISTING_STATE, category, make_listing, make_need, parties, step

CREATE = """
mutation ($input: AllocationPlanCreateInput!) { allocationPlanCreate(input: $input) {
  allocationPlan { id appliedAt inputs { needs listings pairs computedOn fairnessTolerance }
    region { postalCode radiusKm } category { slug }
    plan { total unconstrainedTotal greedyTotal fairnessBonus assignments { quantity need { id } listing { id } }
           spread { gini schoolsHelped schools declaredValue { amount } } greedySpread { gini schoolsHelped } } }
  userErrors { field code message } } }"""
APPLY = """
mutation ($input: AllocationApplyInput!) { allocationApply(input: $input) {
  allocationPlan { id appliedAt donations { edges { node { id status } } } }
  outcomes { quantity status code message donation { id status quantity } need { id } listing { id } }
  userErrors { field code message } } }"""
PLANS = "{ allocationPlans(first: 10) { edges { node { id plan { total } } } } }"
NODE = "query ($id: ID!) { node(id: $id) { ... on SavedAllocationPlan { id inputs { needs } } } }"


def region(slug: str = "welding") -> dict:
    return {"categoryId": category(slug), "near": {"postalCode": "48226", "radiusKm": 50}}


async def _staff(api):
    return await api.person("Pat Coordinator", staff=True)


async def _create(api, token: str) -> dict:
    data = await api.gql(CREATE, {"input": region()}, token=token)
    assert data["allocationPlanCreate"]["userErrors"] == [], data
    return data["allocationPlanCreate"]["allocationPlan"]


async def _apply(api, token: str, **fields) -> dict:
    return (await api.gql(APPLY, {"input": fields}, token=token))["allocationApply"]


async def test_a_plan_is_stored_with_its_inputs_and_reviewed_later(api):
    p = await parties(api)
    await make_need(api, p, quantity=2)
    await make_listing(api, p, quantity=1)
    staff = await _staff(api)

    saved = await _create(api, staff.token)

    assert saved["appliedAt"] is None and saved["category"]["slug"] == "welding"
    assert saved["inputs"] == {
        "needs": 1,
        "listings": 1,
        "pairs": 1,
        "computedOn": saved["inputs"]["computedOn"],
        "fairnessTolerance": 0.02,
    }
    assert saved["region"] == {"postalCode": "48226", "radiusKm": 50.0}
    plan = saved["plan"]
    assert [a["quantity"] for a in plan["assignments"]] == [1]
    assert plan["total"] >= 0.98 * plan["unconstrainedTotal"] - 1e-6
    assert plan["spread"] == {"gini": 0.0, "schoolsHelped": 1, "schools": 1, "declaredValue": {"amount": 150_000}}
    listed = (await api.gql(PLANS, token=staff.token))["allocationPlans"]["edges"]
    assert [e["node"]["id"] for e in listed] == [saved["id"]]
    assert (await api.gql(NODE, {"id": saved["id"]}, token=staff.token))["node"]["inputs"] == {"needs": 1}
    assert (await api.gql(NODE, {"id": saved["id"]}, token=p.school_member.token))["node"] is None


async def test_applying_a_plan_offers_donations_the_donor_confirms_once(api):
    p = await parties(api)
    need = await make_need(api, p, quantity=2)
    listing = await make_listing(api, p, quantity=2)
    staff = await _staff(api)
    saved = await _create(api, staff.token)

    applied = await _apply(api, staff.token, planId=saved["id"])

    assert applied["userErrors"] == []
    [outcome] = applied["outcomes"]
    assert (outcome["status"], outcome["need"]["id"], outcome["listing"]["id"]) == ("OFFERED", need, listing)
    assert outcome["donation"]["status"] == "REQUESTED" and outcome["donation"]["quantity"] == 2
    assert applied["allocationPlan"]["appliedAt"] is not None
    assert [e["node"]["id"] for e in applied["allocationPlan"]["donations"]["edges"]] == [outcome["donation"]["id"]]
    confirmed = await step(api, APPROVE, p.donor_member.token, id=outcome["donation"]["id"])
    assert confirmed["userErrors"] == [] and confirmed["donation"]["status"] == "APPROVED"
    again = await _apply(api, staff.token, planId=saved["id"])
    assert [e["code"] for e in again["userErrors"]] == ["PLAN_ALREADY_APPLIED"] and again["outcomes"] == []


async def test_a_coordinator_who_may_approve_for_the_donor_makes_approved_requests(api):
    p = await parties(api)
    await make_need(api, p, quantity=3)
    listing = await make_listing(api, p, quantity=2)
    staff = await _staff(api)
    async with api.db.write() as session:
        session.add(Membership(organization_id=p.donor_id, user_id=staff.id, role="ADMIN"))
    saved = await _create(api, staff.token)

    [outcome] = (await _apply(api, staff.token, planId=saved["id"]))["outcomes"]

    assert outcome["status"] == "APPROVED" and outcome["donation"]["status"] == "APPROVED"
    state = (await api.gql(LISTING_STATE, {"id": listing}))["listing"]
    assert (state["quantityReserved"], state["quantityAvailable"]) == (2, 0)


async def test_chosen_pairs_that_cannot_hold_are_skipped_with_the_reason(api):
    p = await parties(api)
    strsw = await make_need(api, p, slug="welding-strsw", title="STRSW for the structural lab", quantity=2)
    mig = await make_listing(api, p, slug="welding-mig-steel", title="MIG welder", quantity=5)
    spot = await make_listing(api, p, slug="welding-strsw", quantity=1)
    staff = await _staff(api)

    applied = await _apply(
        api,
        staff.token,
        pairs=[
            {"needId": strsw, "listingId": mig, "quantity": 1},
            {"needId": strsw, "listingId": spot, "quantity": 2},
        ],
    )

    first, second = applied["outcomes"]
    assert (first["status"], first["code"]) == ("SKIPPED", "NOT_A_SUBSTITUTE") and "spot weld" in first["message"]
    assert (second["status"], second["code"]) == ("SKIPPED", "INSUFFICIENT_QUANTITY")
    assert applied["allocationPlan"]["appliedAt"] is not None  # the chosen pairs are kept as a plan
    ok = await _apply(api, staff.token, pairs=[{"needId": strsw, "listingId": spot, "quantity": 1}])
    assert [o["status"] for o in ok["outcomes"]] == ["OFFERED"]


async def test_only_staff_apply(api):
    p = await parties(api)
    need = await make_need(api, p)
    listing = await make_listing(api, p)
    refused = await _apply(api, p.school_member.token, pairs=[{"needId": need, "listingId": listing, "quantity": 1}])
    assert [e["code"] for e in refused["userErrors"]] == ["PERMISSION_DENIED"]
    staff = await _staff(api)
    neither = await _apply(api, staff.token)
    assert [e["code"] for e in neither["userErrors"]] == ["INVALID"]


async def test_concurrent_applies_never_offer_more_than_a_listing_has(api):
    # given a listing of 3 and ten needs of 3 from ten schools, each asked for at once
    p = await parties(api)
    listing = await make_listing(api, p, quantity=3)
    needs = [await make_need(api, p, quantity=3) for _ in range(10)]
    staff = await _staff(api)
    # when ten coordinators' applies race, each offering the whole listing to a different need
    results = await asyncio.gather(
        *(_apply(api, staff.token, pairs=[{"needId": n, "listingId": listing, "quantity": 3}]) for n in needs)
    )
    # then exactly one offer holds and the others are skipped for lack of quantity
    statuses = sorted(r["outcomes"][0]["status"] for r in results)
    assert statuses == ["OFFERED"] + ["SKIPPED"] * 9
    assert {r["outcomes"][0]["code"] for r in results if r["outcomes"][0]["status"] == "SKIPPED"} == {
        "INSUFFICIENT_QUANTITY"
    }
    async with api.db.read() as session:
        offered = await session.scalar(select(func.sum(Donation.quantity)).where(Donation.status == "REQUESTED"))
    assert offered == 3


async def test_concurrent_approved_applies_never_reserve_more_than_a_listing_has(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=5)
    needs = [await make_need(api, p, quantity=2) for _ in range(8)]
    staff = await _staff(api)
    async with api.db.write() as session:
        session.add(Membership(organization_id=p.donor_id, user_id=staff.id, role="ADMIN"))
    results = await asyncio.gather(
        *(_apply(api, staff.token, pairs=[{"needId": n, "listingId": listing, "quantity": 2}]) for n in needs)
    )
    approved = sum(2 for r in results if r["outcomes"][0]["status"] == "APPROVED")
    state = (await api.gql(LISTING_STATE, {"id": listing}))["listing"]
    assert state["quantityReserved"] == approved == 4 and state["quantityAvailable"] == 1
