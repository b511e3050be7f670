"""Talent steps a pathway or apprentice test takes for a student created by the pathway factories."""

from __future__ import annotations

from tests.support import Api, Person
from tests.talent import flows
from tests.talent.flows import Student

MENTOR_UPSERT = """
mutation ($input: MentorProfileUpsertInput!) {
  mentorProfileUpsert(input: $input) { mentorProfile { id } userErrors { code } }
}"""
MENTORSHIP_REQUEST = """
mutation ($input: MentorshipRequestInput!) {
  mentorshipRequest(input: $input) { mentorship { id status } userErrors { code } }
}"""
MENTORSHIP_ACCEPT = """
mutation ($input: MentorshipAcceptInput!) {
  mentorshipAccept(input: $input) { mentorship { status } userErrors { code } }
}"""
MENTORSHIP_END = """
mutation ($input: MentorshipEndInput!) { mentorshipEnd(input: $input) { mentorship { status } userErrors { code } } }"""


async def mentor(api: Api, name: str = "Morgan Mentor", capacity: int = 5) -> tuple[Person, str]:
    person = await api.person(name)
    data = await api.gql(MENTOR_UPSERT, {"input": {"capacity": capacity, "yearsExperience": 20}}, token=person.token)
    assert data["mentorProfileUpsert"]["userErrors"] == [], data
    return person, data["mentorProfileUpsert"]["mentorProfile"]["id"]


async def mentorship(
    api: Api, mentee: Person, mentor_person: Person, mentor_id: str, *, accept: bool = True, end: bool = False
) -> str:
    data = await api.gql(MENTORSHIP_REQUEST, {"input": {"mentorId": mentor_id}}, token=mentee.token)
    assert data["mentorshipRequest"]["userErrors"] == [], data
    mentorship_id = data["mentorshipRequest"]["mentorship"]["id"]
    if accept:
        accepted = await api.gql(MENTORSHIP_ACCEPT, {"input": {"id": mentorship_id}}, token=mentor_person.token)
        assert accepted["mentorshipAccept"]["userErrors"] == [], accepted
    if end:
        ended = await api.gql(MENTORSHIP_END, {"input": {"id": mentorship_id}}, token=mentee.token)
        assert ended["mentorshipEnd"]["userErrors"] == [], ended
    return mentorship_id


async def application(
    api: Api,
    student: Student,
    shop: flows.Employer,
    *,
    moves: tuple[str, ...] = (),
    title: str = "Collision Technician",
) -> str:
    """The student applies to a new posting of `shop`, which then makes `moves` in order."""
    job = await flows.posting(api, shop, title=title)
    applied = await flows.apply(api, student, job)
    assert applied["userErrors"] == [], applied
    application_id = applied["application"]["id"]
    for status in moves:
        moved = await flows.move(api, shop.owner.token, application_id, status)
        assert moved["userErrors"] == [], moved
    return application_id


async def talent_history(api: Api, person: Person, profile_gid: str, *, applications: int, mentorships: int) -> None:
    """`applications` applications moved to HIRED by one shop, and `mentorships` mentorships, ended."""
    student = Student(person, profile_gid)
    shop = await flows.employer(api, name="Motor City Collision")
    for i in range(applications):
        await application(api, student, shop, moves=("REVIEWING", "INTERVIEW", "OFFERED", "HIRED"), title=f"Job {i}")
    for i in range(mentorships):
        mentor_person, mentor_id = await mentor(api, f"Mentor {i}")
        await mentorship(api, person, mentor_person, mentor_id, end=True)
