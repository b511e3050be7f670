"""The review's findings, through the API: rankings someone in the trade would accept."""

from __future__ import annotations

import re

from tests.donations.support import (
    APPROVE,
    RECEIVE,
    SHIP,
    category,
    make_listing,
    make_need,
    parties,
    requested,
    step,
)
from tests.matches.support import EXPLANATION, candidate, candidates, job, shop
from tests.matches.test_talent_recommendations import mentor
from tests.support import gid

PLAN = """
query ($input: AllocationPlanInput!) { allocationPlan(input: $input) {
  assignments { need { id title } listing { id title } quantity } } }"""
MATCHING_LISTINGS = f"""
query ($id: ID!) {{ need(id: $id) {{ matchingListings(first: 10) {{
  edges {{ score node {{ id title }} {EXPLANATION} }} }} }} }}"""
IMPACT = "query ($id: ID!) { organization(id: $id) { impact { donationsReceived itemsReceived } } }"
MENTORS = """
query ($id: ID!) { studentProfile(id: $id) { mentorMatches(first: 5) {
  edges { node { headline } score explanation { components { name value reason } } } } } }"""


async def test_a_plan_never_gives_a_mig_welder_to_a_spot_welder_need_nor_discs_to_a_spray_gun_need(api):
    p = await parties(api)
    strsw = await make_need(api, p, slug="welding-strsw", title="STRSW spot welder for the structural lab", quantity=3)
    await make_listing(api, p, slug="welding-mig-steel", title="MIG welder, 140A, with cart", quantity=3)
    await make_listing(api, p, slug="welding-mig-aluminum", title="Aluminum pulse MIG welder", quantity=2)
    guns = await make_need(api, p, slug="refinish-spray-guns", title="Spray guns for 12 refinish booths", quantity=12)
    await make_listing(api, p, slug="refinish-abrasives", title="Sanding discs, 6-inch (boxes)", quantity=40)
    await make_listing(api, p, slug="refinish-paint-clearcoat", title="Clear coat, 1 gallon kits", quantity=20)
    staff = await api.person("Coordinator", staff=True)

    for family, need in (("welding", strsw), ("refinish", guns)):
        variables = {"input": {"categoryId": category(family), "near": {"postalCode": "48226", "radiusKm": 50}}}
        plan = (await api.gql(PLAN, variables, token=staff.token))["allocationPlan"]
        assert [a for a in plan["assignments"] if a["need"]["id"] == need] == []

    listed = (await api.gql(MATCHING_LISTINGS, {"id": guns}, token=p.school_member.token))["need"]
    assert listed["matchingListings"]["edges"] == []


async def test_offering_shipping_as_well_never_ranks_a_nearby_listing_below_a_farther_pickup(api):
    p = await parties(api)
    need = await make_need(api, p, slug="welding-strsw", title="Spot welder")
    near = await make_listing(api, p, title="Spot welder", fulfillment=["PICKUP", "SHIP"], postalCode="48089")
    far = await make_listing(api, p, title="Spot welder", fulfillment=["PICKUP"], postalCode="48335")

    edges = (await api.gql(MATCHING_LISTINGS, {"id": need}, token=p.school_member.token))["need"]["matchingListings"]

    assert [e["node"]["id"] for e in edges["edges"]] == [near, far]  # 15.6 km shipped or picked up, 32.6 km picked up
    distance = {c["name"]: c for c in edges["edges"][0]["explanation"]["components"]}["distance"]
    assert distance["value"] > 0.75 and "pickup within" in distance["reason"]


async def test_the_equity_reason_counts_donations_as_the_schools_impact_does(api):
    p = await parties(api)
    first = await make_need(api, p, slug="welding-strsw", quantity=4)
    given = await make_listing(api, p, slug="welding-strsw", quantity=10)
    for _ in range(2):  # two donations received, of three and one units
        donation = await requested(api, p, given, first, 3 if _ == 0 else 1)
        await step(api, APPROVE, p.donor_member.token, id=donation)
        await step(api, SHIP, p.donor_member.token, id=donation, carrier="UPS")
        await step(api, RECEIVE, p.school_member.token, id=donation)
    need = await make_need(api, p, slug="safety-respirators", title="Respirators", quantity=5)
    await make_listing(api, p, slug="safety-respirators", title="Half-mask respirators")

    impact = await api.gql(IMPACT, {"id": gid("Organization", p.school_id)}, token=p.school_member.token)
    received = impact["organization"]["impact"]["donationsReceived"]
    edges = (await api.gql(MATCHING_LISTINGS, {"id": need}, token=p.school_member.token))["need"]["matchingListings"]
    equity = next(c for c in edges["edges"][0]["explanation"]["components"] if c["name"] == "equity")
    assert received == 2
    cited = re.search(r"(\d+) donations? received", equity["reason"])
    assert cited is not None and cited.group(1) == str(received)


async def test_an_in_program_student_farther_away_outranks_a_nearby_student_of_another_trade(api):
    employer = await shop(api, "48104")  # Ann Arbor, like the demo's shop
    posting = await job(
        api,
        employer,
        title="Collision Apprentice",
        roleType="APPRENTICE",
        requiredCredentials=[],
        preferredSkills=["Disassembly and reassembly"],
        postalCode="48104",
    )
    await candidate(
        api,
        "refinish, nearby",
        credential=False,
        skills=["Masking"],
        programs=["REFINISH"],
        postal_code="48103",
    )
    await candidate(
        api,
        "collision, 60 km",
        credential=False,
        skills=["Masking"],
        programs=["COLLISION"],
        postal_code="48226",
    )

    found = await candidates(api, posting, employer.owner.token)

    assert found is not None
    assert [e["node"]["headline"] for e in found["edges"]] == ["collision, 60 km", "refinish, nearby"]


async def test_mentors_next_door_who_also_mentor_remotely_are_close_and_share_the_trade(api):
    student = await candidate(api, "mentee", programs=["REFINISH"], skills=["Masking"])
    await mentor(
        api, "refinish lead, remote too", remoteOk=True, credentials=["ASE-B2"], specialties=["Color matching"]
    )
    await mentor(api, "mechanic, in person", credentials=["ASE-A5"], specialties=["Brake service"])

    data = await api.gql(MENTORS, {"id": student.profile_gid}, token=student.person.token)
    edges = data["studentProfile"]["mentorMatches"]["edges"]
    assert [e["node"]["headline"] for e in edges] == ["refinish lead, remote too", "mechanic, in person"]
    components = {c["name"]: c for c in edges[0]["explanation"]["components"]}
    assert components["distance"]["value"] == 1.0 and "also mentors remotely" in components["distance"]["reason"]
    assert components["program"]["value"] == 1.0
    assert "availability" not in components
    other = {c["name"]: c for c in edges[1]["explanation"]["components"]}
    assert other["program"]["value"] == 0.0
