"""Scholarships and tool grants: create, eligibility, applying once, awarding within the count."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from sqlalchemy import select, update

from db.base import utcnow
from db.models import Scholarship, ScholarshipApplication
from tests.pathways.factories import count, student_credential, student_profile
from tests.support import gid
from tests.talent import flows

CREATE = """
mutation ($input: ScholarshipCreateInput!) {
  scholarshipCreate(input: $input) {
    scholarship { id name kind amount { amount currency } awards awardsRemaining isOpen
                  eligibility { programs region { postalCode radiusKm } graduationBetween { from to }
                                requiredCredentials schoolTiers } }
    userErrors { field code message }
  }
}"""
APPLY = """
mutation ($input: ScholarshipApplyInput!) {
  scholarshipApply(input: $input) { application { id status } userErrors { field code message } }
}"""
AWARD = """
mutation ($input: ScholarshipApplicationAwardInput!) {
  scholarshipApplicationAward(input: $input) { application { status } userErrors { field code } }
}"""
DECLINE = """
mutation ($input: ScholarshipApplicationDeclineInput!) {
  scholarshipApplicationDecline(input: $input) { application { status } userErrors { field code } }
}"""
FULFILL = """
mutation ($input: ScholarshipAwardFulfillInput!) {
  scholarshipAwardFulfill(input: $input) { application { fulfillmentNote fulfilledAt } userErrors { field code } }
}"""
ELIGIBLE = """
query ($id: ID!, $first: Int = 100, $after: String) {
  node(id: $id) {
    ... on StudentProfile {
      eligibleScholarships(first: $first, after: $after) {
        edges { cursor node { name } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}"""
APPLICATIONS = """
query ($id: ID!, $first: Int = 100, $after: String) {
  node(id: $id) {
    ... on Scholarship {
      awardsMade
      applications(first: $first, after: $after) {
        edges { node { status student { id } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}"""


def award_input(application_id: str) -> dict:
    return {"input": {"id": application_id}}


def fulfill_input(application_id: str, note: str) -> dict:
    return {"input": {"id": application_id, "note": note}}


def names(connection) -> list[str]:
    return [edge["node"]["name"] for edge in connection["edges"]]


def today() -> date:
    return utcnow().date()


def scholarship_input(sponsor: int, **overrides) -> dict:
    values = {
        "sponsorId": gid("Organization", sponsor),
        "name": "Refinish Futures",
        "kind": "SCHOLARSHIP",
        "amount": {"amount": 250_000},
        "awards": 3,
        "opensOn": (today() - timedelta(days=1)).isoformat(),
        "closesOn": (today() + timedelta(days=30)).isoformat(),
    }
    values.update(overrides)
    return {"input": values}


async def foundation(api):
    manager = await api.person("Foundation manager")
    return manager, await api.organization(owner=manager, kinds=("DONOR",), name="Collision Education Foundation")


async def create(api, manager, sponsor, **overrides) -> str:
    data = await api.gql(CREATE, scholarship_input(sponsor, **overrides), token=manager.token)
    assert data["scholarshipCreate"]["userErrors"] == [], data
    return data["scholarshipCreate"]["scholarship"]["id"]


async def applicant(api, **profile):
    person = await api.person("Applicant")
    return person, await student_profile(api, person, **profile)


async def apply(api, person, scholarship_id, essay="I want to paint cars.") -> dict:
    data = await api.gql(APPLY, {"input": {"scholarshipId": scholarship_id, "essay": essay}}, token=person.token)
    return data["scholarshipApply"]


async def test_donor_creates_scholarship_with_eligibility_rules(api):
    manager, sponsor = await foundation(api)
    data = await api.gql(
        CREATE,
        scholarship_input(
            sponsor,
            kind="TOOL_GRANT",
            eligibility={
                "programs": ["COLLISION", "REFINISH"],
                "region": {"postalCode": "48226", "radiusKm": 80},
                "graduationBetween": {"from": "2027-01-01", "to": "2027-12-31"},
                "requiredCredentials": [" icar-acad-crf "],
                "schoolTiers": ["DEVELOPING"],
            },
        ),
        token=manager.token,
    )
    scholarship = data["scholarshipCreate"]["scholarship"]
    assert scholarship["kind"] == "TOOL_GRANT" and scholarship["isOpen"] and scholarship["awardsRemaining"] == 3
    assert scholarship["amount"] == {"amount": 250_000, "currency": "USD"}
    assert scholarship["eligibility"] == {
        "programs": ["COLLISION", "REFINISH"],
        "region": {"postalCode": "48226", "radiusKm": 80.0},
        "graduationBetween": {"from": "2027-01-01", "to": "2027-12-31"},
        "requiredCredentials": ["ICAR-ACAD-CRF"],
        "schoolTiers": ["DEVELOPING"],
    }


async def test_scholarship_create_refusals_change_nothing(api):
    manager, sponsor = await foundation(api)
    school = await api.organization(owner=manager, kinds=("SCHOOL",))
    outsider = await api.person()
    cases = [
        (scholarship_input(school), manager, "WRONG_ORGANIZATION_KIND"),
        (scholarship_input(sponsor), outsider, "PERMISSION_DENIED"),
        (scholarship_input(sponsor, awards=0), manager, "OUT_OF_RANGE"),
        (scholarship_input(sponsor, closesOn=(today() - timedelta(days=2)).isoformat()), manager, "OUT_OF_RANGE"),
        (scholarship_input(sponsor, eligibility={"requiredCredentials": ["ASE-Z9"]}), manager, "UNKNOWN_CREDENTIAL"),
        (
            scholarship_input(sponsor, eligibility={"region": {"postalCode": "00000", "radiusKm": 10}}),
            manager,
            "UNKNOWN_POSTAL_CODE",
        ),
    ]
    for variables, person, code in cases:
        data = await api.gql(CREATE, variables, token=person.token)
        assert [e["code"] for e in data["scholarshipCreate"]["userErrors"]] == [code], variables
    assert await count(api, Scholarship) == 0


async def test_the_amount_is_money_in_the_currency_given(api):
    manager, sponsor = await foundation(api)
    data = await api.gql(
        CREATE, scholarship_input(sponsor, amount={"amount": 120_000, "currency": " cad "}), token=manager.token
    )
    assert data["scholarshipCreate"]["scholarship"]["amount"] == {"amount": 120_000, "currency": "CAD"}
    kit = await api.gql(
        CREATE, scholarship_input(sponsor, kind="TOOL_GRANT", amount={"amount": 0}), token=manager.token
    )
    assert kit["scholarshipCreate"]["scholarship"]["amount"] == {"amount": 0, "currency": "USD"}
    for amount, expected in [
        ({"amount": 0}, [("OUT_OF_RANGE", ["amount", "amount"])]),
        ({"amount": 100_000_001}, [("OUT_OF_RANGE", ["amount", "amount"])]),
        ({"amount": 100, "currency": "dollars"}, [("INVALID_CURRENCY", ["amount", "currency"])]),
        (
            {"amount": -1, "currency": "US"},
            [("OUT_OF_RANGE", ["amount", "amount"]), ("INVALID_CURRENCY", ["amount", "currency"])],
        ),
    ]:
        refused = await api.gql(CREATE, scholarship_input(sponsor, amount=amount), token=manager.token)
        assert [(e["code"], e["field"]) for e in refused["scholarshipCreate"]["userErrors"]] == expected, amount
    assert await count(api, Scholarship) == 2


async def test_students_see_only_scholarships_they_are_eligible_for(api):
    manager, sponsor = await foundation(api)
    await create(api, manager, sponsor, name="Anyone")
    await create(
        api, manager, sponsor, name="Detroit area", eligibility={"region": {"postalCode": "48226", "radiusKm": 50}}
    )
    await create(api, manager, sponsor, name="Diesel only", eligibility={"programs": ["DIESEL"]})
    await create(api, manager, sponsor, name="Badge holders", eligibility={"requiredCredentials": ["ICAR-ACAD-CRF"]})
    await create(api, manager, sponsor, name="Class of 2030", eligibility={"graduationBetween": {"from": "2030-01-01"}})
    await create(api, manager, sponsor, name="Next month", opensOn=(today() + timedelta(days=20)).isoformat())
    person, student = await applicant(api)
    await student_credential(api, student, "ICAR-ACAD-CRF", date(2026, 5, 1))
    data = await api.gql(ELIGIBLE, {"id": gid("StudentProfile", student)}, token=person.token)
    assert sorted(names(data["node"]["eligibleScholarships"])) == [
        "Anyone",
        "Badge holders",
        "Detroit area",
        "Next month",
    ]
    far_person, far_student = await applicant(api, postal_code="49503")  # Grand Rapids: ~240 km away
    data = await api.gql(ELIGIBLE, {"id": gid("StudentProfile", far_student)}, token=far_person.token)
    assert sorted(names(data["node"]["eligibleScholarships"])) == ["Anyone", "Next month"]


async def test_an_ineligible_student_is_told_every_reason_and_nothing_is_stored(api):
    manager, sponsor = await foundation(api)
    scholarship_id = await create(
        api,
        manager,
        sponsor,
        eligibility={
            "programs": ["DIESEL"],
            "requiredCredentials": ["ICAR-ACAD-CRF"],
            "schoolTiers": ["ADVANCED"],
        },
    )
    person, student = await applicant(api)
    await student_credential(api, student, "ICAR-ACAD-CRF", date(2026, 5, 1), verified=False)
    payload = await apply(api, person, scholarship_id)
    assert payload["application"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [
        ("INELIGIBLE", ["eligibility", "programs"]),
        ("INELIGIBLE", ["eligibility", "requiredCredentials"]),
        ("INELIGIBLE", ["eligibility", "schoolTiers"]),
    ]
    assert await count(api, ScholarshipApplication) == 0


async def test_apply_once_and_only_while_open(api):
    manager, sponsor = await foundation(api)
    scholarship_id = await create(api, manager, sponsor)
    later_id = await create(api, manager, sponsor, opensOn=(today() + timedelta(days=5)).isoformat())
    person, _ = await applicant(api)
    assert (await apply(api, person, scholarship_id))["application"]["status"] == "SUBMITTED"
    assert [e["code"] for e in (await apply(api, person, scholarship_id))["userErrors"]] == ["ALREADY_APPLIED"]
    assert [e["code"] for e in (await apply(api, person, later_id))["userErrors"]] == ["NOT_OPEN"]
    assert [e["code"] for e in (await apply(api, person, scholarship_id, "  "))["userErrors"]] == ["REQUIRED"]
    no_profile = await api.person()
    assert [e["code"] for e in (await apply(api, no_profile, scholarship_id))["userErrors"]] == ["NO_STUDENT_PROFILE"]
    assert await count(api, ScholarshipApplication) == 1


async def test_applying_after_closes_on_is_refused(api):
    manager, sponsor = await foundation(api)
    scholarship_id = await create(api, manager, sponsor)
    async with api.db.write() as session:  # given: the deadline has passed
        await session.execute(
            update(Scholarship).values(opens_on=date(2026, 1, 1), closes_on=today() - timedelta(days=1))
        )
    person, _ = await applicant(api)
    payload = await apply(api, person, scholarship_id)
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [("CLOSED", ["scholarshipId"])]
    assert await count(api, ScholarshipApplication) == 0


async def test_sponsor_awards_declines_and_fulfills_and_others_cannot(api):
    manager, sponsor = await foundation(api)
    scholarship_id = await create(api, manager, sponsor, kind="TOOL_GRANT", amount={"amount": 60_000})
    (first, _), (second, _) = await applicant(api), await applicant(api)
    first_app = (await apply(api, first, scholarship_id))["application"]["id"]
    second_app = (await apply(api, second, scholarship_id))["application"]["id"]
    outsider = await api.person()
    assert [
        e["code"]
        for e in (await api.gql(AWARD, award_input(first_app), token=outsider.token))["scholarshipApplicationAward"][
            "userErrors"
        ]
    ] == ["NOT_FOUND"]
    assert [
        e["code"]
        for e in (await api.gql(AWARD, award_input(first_app), token=first.token))["scholarshipApplicationAward"][
            "userErrors"
        ]
    ] == ["NOT_FOUND"]
    awarded = await api.gql(AWARD, award_input(first_app), token=manager.token)
    assert awarded["scholarshipApplicationAward"]["application"]["status"] == "AWARDED"
    declined = await api.gql(DECLINE, award_input(second_app), token=manager.token)
    assert declined["scholarshipApplicationDecline"]["application"]["status"] == "DECLINED"
    again = await api.gql(AWARD, award_input(second_app), token=manager.token)
    assert [e["code"] for e in again["scholarshipApplicationAward"]["userErrors"]] == ["INVALID_TRANSITION"]
    not_awarded = await api.gql(FULFILL, fulfill_input(second_app, "x"), token=manager.token)
    assert [e["code"] for e in not_awarded["scholarshipAwardFulfill"]["userErrors"]] == ["INVALID_TRANSITION"]
    fulfilled = await api.gql(FULFILL, fulfill_input(first_app, "Starter tool kit picked up"), token=manager.token)
    assert fulfilled["scholarshipAwardFulfill"]["application"]["fulfillmentNote"] == "Starter tool kit picked up"
    view = (await api.gql(APPLICATIONS, {"id": scholarship_id}, token=manager.token))["node"]
    statuses = sorted(edge["node"]["status"] for edge in view["applications"]["edges"])
    assert view["awardsMade"] == 1 and statuses == ["AWARDED", "DECLINED"]
    assert (await api.gql(APPLICATIONS, {"id": scholarship_id}, token=outsider.token))["node"]["applications"] is None


async def test_twenty_concurrent_awards_on_three_remaining_make_exactly_three(api):
    manager, sponsor = await foundation(api)
    scholarship_id = await create(api, manager, sponsor, awards=3)
    applications = []
    for _ in range(20):
        person, _ = await applicant(api)
        applications.append((await apply(api, person, scholarship_id))["application"]["id"])
    responses = await asyncio.gather(*(api.post(AWARD, award_input(app), token=manager.token) for app in applications))
    assert all(r.status_code == 200 and not r.json().get("errors") for r in responses), [r.text for r in responses]
    payloads = [r.json()["data"]["scholarshipApplicationAward"] for r in responses]
    assert sum(p["application"] is not None and p["application"]["status"] == "AWARDED" for p in payloads) == 3
    assert sorted(e["code"] for p in payloads for e in p["userErrors"]) == ["AWARDS_EXHAUSTED"] * 17
    async with api.db.read() as session:
        assert await session.scalar(select(Scholarship.awards_made)) == 3
        statuses = (await session.scalars(select(ScholarshipApplication.status))).all()
    assert sorted(statuses).count("AWARDED") == 3 and statuses.count("SUBMITTED") == 17
    # and once every award is made, the scholarship stops taking applications
    late, _ = await applicant(api)
    assert [e["code"] for e in (await apply(api, late, scholarship_id))["userErrors"]] == ["AWARDS_EXHAUSTED"]


async def test_partner_apps_cannot_offer_or_decide_awards(api):
    manager, sponsor = await foundation(api)
    scholarship_id = await create(api, manager, sponsor)
    person, _ = await applicant(api)
    application = (await apply(api, person, scholarship_id))["application"]["id"]
    scopes = ["ORGANIZATION_WRITE", "DONATIONS_READ", "DONATIONS_WRITE", "CONTENT_WRITE"]  # all a donor may hold
    app = await flows.app_token(api, flows.Employer(manager, sponsor), scopes)
    refused = [
        (await api.gql(CREATE, scholarship_input(sponsor), token=app))["scholarshipCreate"],
        (await api.gql(AWARD, award_input(application), token=app))["scholarshipApplicationAward"],
        (await api.gql(DECLINE, award_input(application), token=app))["scholarshipApplicationDecline"],
        (await api.gql(FULFILL, fulfill_input(application, "Cheque"), token=app))["scholarshipAwardFulfill"],
    ]
    assert [[e["code"] for e in payload["userErrors"]] for payload in refused] == [["PERMISSION_DENIED"]] * 4
    assert await count(api, Scholarship) == 1
    assert await count(api, ScholarshipApplication, ScholarshipApplication.status == "SUBMITTED") == 1
