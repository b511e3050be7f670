"""A tool grant delivered through the donation workflow: the awarded student's school requests the
sponsor's listing naming the award, and receiving the kit marks the award fulfilled, once."""

from __future__ import annotations

from sqlalchemy import select

from db.models import Donation, ScholarshipApplication
from tests.donations.support import (
    APPROVE,
    DECLINE,
    RECEIVE,
    SHIP,
    Parties,
    make_listing,
    make_need,
    requested,
    step,
    userErrors,
)
from tests.pathways.factories import count, student_profile
from tests.pathways.test_pathway import PATHWAY, steps_of
from tests.pathways.test_scholarships import AWARD, FULFILL, apply, award_input, create, foundation, fulfill_input
from tests.support import gid

REQUEST = """
mutation ($input: DonationRequestInput!) {
  donationRequest(input: $input) {
    donation { id status toolGrantApplication { id status } }
    userErrors { field code message }
  }
}"""
AWARD_STATE = """
query ($id: ID!) { node(id: $id) { ... on ScholarshipApplication { status fulfillmentNote fulfilledAt } } }"""


async def awarded_student(api, *, kind: str = "TOOL_GRANT", award: bool = True):
    """A school, its student with an award from a foundation that also lists starter kits."""
    teacher = await api.person("Teacher")
    school = await api.organization(owner=teacher, kinds=("SCHOOL",), name="Detroit Career Tech")
    person = await api.person("Sam Student")
    student = await student_profile(api, person, school_id=school)
    manager, sponsor = await foundation(api)
    scholarship = await create(api, manager, sponsor, kind=kind, name="Starter kit")
    application = (await apply(api, person, scholarship))["application"]["id"]
    if award:
        assert (await api.gql(AWARD, award_input(application), token=manager.token))["scholarshipApplicationAward"][
            "userErrors"
        ] == []
    parties = Parties(teacher, manager, school, sponsor)
    need = await make_need(api, parties, quantity=3, slug="body-tools", title="Starter tool kits")
    listing = await make_listing(
        api, parties, quantity=5, slug="body-tools", title="Starter tool kit", postalCode="48126"
    )
    return parties, person, student, application, need, listing


async def request(api, parties: Parties, listing: str, need: str, application: str | None, token=None) -> dict:
    variables = {"input": {"listingId": listing, "needId": need, "quantity": 1, "toolGrantApplicationId": application}}
    return (await api.gql(REQUEST, variables, token=token or parties.school_member.token))["donationRequest"]


async def test_receiving_the_kit_fulfils_the_award_naming_the_receipt(api):
    parties, person, student, application, need, listing = await awarded_student(api)
    requested_ = await request(api, parties, listing, need, application)
    assert requested_["userErrors"] == []
    donation = requested_["donation"]
    assert donation["toolGrantApplication"] == {"id": application, "status": "AWARDED"}
    # While the kit is on its way the sponsor cannot mark the award fulfilled by hand.
    manual = await api.gql(FULFILL, fulfill_input(application, "Cheque"), token=parties.donor_member.token)
    assert userErrors(manual["scholarshipAwardFulfill"]) == ["GRANT_DELIVERY_OPEN"]
    assert (await step(api, APPROVE, parties.donor_member.token, id=donation["id"]))["userErrors"] == []
    assert (await step(api, SHIP, parties.donor_member.token, id=donation["id"], carrier="UPS"))["userErrors"] == []
    award = (await api.gql(AWARD_STATE, {"id": application}, token=person.token))["node"]
    assert award["fulfilledAt"] is None
    # when
    received = await step(api, RECEIVE, parties.school_member.token, id=donation["id"])
    # then
    assert received["userErrors"] == []
    number = received["donation"]["receipt"]["number"]
    award = (await api.gql(AWARD_STATE, {"id": application}, token=person.token))["node"]
    assert award["status"] == "AWARDED" and award["fulfilledAt"] is not None
    assert award["fulfillmentNote"] == f"Starter tools delivered by donation, receipt {number}."
    entries = steps_of(await api.gql(PATHWAY, {"id": gid("StudentProfile", student)}, token=person.token))
    assert entries[-1]["kind"] == "AWARD_FULFILLED" and number in entries[-1]["detail"]
    # Once delivered, the award cannot be delivered again, by donation or by hand.
    again = await request(api, parties, listing, need, application)
    assert userErrors(again) == ["GRANT_ALREADY_FULFILLED"] and again["userErrors"][0]["field"] == [
        "toolGrantApplicationId"
    ]
    manual = await api.gql(FULFILL, fulfill_input(application, "Cheque"), token=parties.donor_member.token)
    assert userErrors(manual["scholarshipAwardFulfill"]) == ["INVALID_TRANSITION"]
    assert (await api.gql(AWARD_STATE, {"id": application}, token=person.token))["node"] == award
    assert await count(api, Donation) == 1


async def test_an_award_not_made_or_not_a_tool_grant_is_refused_and_nothing_changes(api):
    parties, _, _, submitted, need, listing = await awarded_student(api, award=False)
    assert userErrors(await request(api, parties, listing, need, submitted)) == ["GRANT_NOT_AWARDED"]
    cash, _, _, scholarship_award, cash_need, cash_listing = await awarded_student(api, kind="SCHOLARSHIP")
    assert userErrors(await request(api, cash, cash_listing, cash_need, scholarship_award)) == ["NOT_A_TOOL_GRANT"]
    assert await count(api, Donation) == 0


async def test_an_award_fulfilled_by_hand_is_refused(api):
    parties, _, _, application, need, listing = await awarded_student(api)
    fulfilled = await api.gql(
        FULFILL, fulfill_input(application, "Kit handed over at the banquet"), token=parties.donor_member.token
    )
    assert fulfilled["scholarshipAwardFulfill"]["userErrors"] == []
    assert userErrors(await request(api, parties, listing, need, application)) == ["GRANT_ALREADY_FULFILLED"]
    assert await count(api, Donation) == 0


async def test_only_the_students_school_and_the_sponsors_listing_deliver_a_grant_once_at_a_time(api):
    parties, _, _, application, need, listing = await awarded_student(api)
    # Another donor's listing cannot deliver the sponsor's grant.
    other_donor = await api.person("Other donor")
    other_id = await api.organization(owner=other_donor, kinds=("DONOR",), name="Tool Co")
    other_listing = await make_listing(
        api,
        Parties(parties.school_member, other_donor, parties.school_id, other_id),
        slug="body-tools",
        postalCode="48126",
    )
    assert userErrors(await request(api, parties, other_listing, need, application)) == ["NOT_THE_SPONSORS_LISTING"]
    # Another school does not see this student's award at all.
    other_teacher = await api.person("Other teacher")
    other_school = await api.organization(owner=other_teacher, kinds=("SCHOOL",))
    theirs = Parties(other_teacher, parties.donor_member, other_school, parties.donor_id)
    their_need = await make_need(api, theirs, slug="body-tools")
    assert userErrors(await request(api, theirs, listing, their_need, application)) == ["NOT_FOUND"]
    # One delivery at a time; a declined one frees the award for another request.
    first = await request(api, parties, listing, need, application)
    assert first["userErrors"] == []
    assert userErrors(await request(api, parties, listing, need, application)) == ["GRANT_DELIVERY_OPEN"]
    assert (await step(api, DECLINE, parties.donor_member.token, id=first["donation"]["id"]))["userErrors"] == []
    second = await request(api, parties, listing, need, application)
    assert second["userErrors"] == []
    async with api.db.read() as session:
        linked = (await session.scalars(select(Donation.tool_grant_application_id))).all()
        fulfilled = await session.scalar(select(ScholarshipApplication.fulfilled_at))
    assert len(linked) == 2 and len(set(linked)) == 1 and fulfilled is None


async def test_a_plain_request_still_works_without_a_grant(api):
    parties, _, _, _, need, listing = await awarded_student(api)
    assert await requested(api, parties, listing, need, 1)
