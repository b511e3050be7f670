"""Invitations: to visible students only, capped per employer per week, answered by the student."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import func, select

from app import create_app
from db.models import JobInvitation
from tests import conftest
from tests.support import Api
from tests.talent import flows
from tests.talent.flows import INVITE, codes

ACCEPT = """
mutation ($input: InvitationAcceptInput!) {
  invitationAccept(input: $input) { invitation { status } application { status } userErrors { code } }
}"""
DECLINE = """
mutation ($input: InvitationDeclineInput!) {
  invitationDecline(input: $input) { invitation { status } userErrors { code } }
}"""
PROFILE = "query ($id: ID!) { studentProfile(id: $id) { name email } }"
MY_INVITATIONS = """
{ myStudentProfile { invitations { edges { node { id status message jobPosting { title } employer { name } } } } } }"""
SENT = """
query ($id: ID!, $first: Int, $after: String) {
  jobPosting(id: $id) {
    invitations(first: $first, after: $after) {
      edges { node { status student { id } } } pageInfo { hasNextPage endCursor }
    }
  }
}"""


@pytest.fixture
async def capped_api(db):
    """The app with a weekly cap of 3 invitations per employer."""
    settings = conftest.test_settings(invitation_weekly_cap=3)
    transport = httpx.ASGITransport(app=create_app(settings, db=db))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield Api(client, db, settings)


async def _invitations(api) -> int:
    async with api.db.read() as session:
        return await session.scalar(select(func.count()).select_from(JobInvitation))


def _invite(job: str, student: flows.Student, message: str = "We'd like you to apply.") -> dict:
    return {"input": {"jobPostingId": job, "studentId": student.profile_gid, "message": message}}


async def test_invitation_accepted_applies_and_releases_the_contact(api):
    shop = await flows.employer(api, name="Motor City Collision")
    alex = await flows.student(api, visible=True)
    job = await flows.posting(api, shop)
    sent = (await api.gql(INVITE, _invite(job, alex), token=shop.owner.token))["invitationCreate"]
    assert sent["userErrors"] == [] and sent["invitation"]["status"] == "PENDING"
    assert (await api.gql(PROFILE, {"id": alex.profile_gid}, token=shop.owner.token))["studentProfile"]["name"] is None
    mine = (await api.gql(MY_INVITATIONS, token=alex.person.token))["myStudentProfile"]["invitations"]["edges"]
    assert [(i["node"]["status"], i["node"]["employer"]["name"]) for i in mine] == [("PENDING", "Motor City Collision")]
    # when
    answer = {"input": {"id": sent["invitation"]["id"]}}
    accepted = (await api.gql(ACCEPT, answer, token=alex.person.token))["invitationAccept"]
    # then
    assert accepted["invitation"]["status"] == "ACCEPTED" and accepted["application"]["status"] == "APPLIED"
    released = (await api.gql(PROFILE, {"id": alex.profile_gid}, token=shop.owner.token))["studentProfile"]
    assert released == {"name": "Alex Student", "email": alex.person.email}
    again = (await api.gql(DECLINE, answer, token=alex.person.token))["invitationDecline"]
    assert codes(again) == ["INVALID_TRANSITION"]


async def test_declining_releases_nothing_and_only_the_student_answers(api):
    shop = await flows.employer(api)
    alex = await flows.student(api, visible=True)
    job = await flows.posting(api, shop)
    invitation = (await api.gql(INVITE, _invite(job, alex), token=shop.owner.token))["invitationCreate"]["invitation"]
    answer = {"input": {"id": invitation["id"]}}
    for outsider in (shop.owner, await api.person()):
        refused = await api.gql(ACCEPT, answer, token=outsider.token)
        assert codes(refused["invitationAccept"]) == ["NOT_FOUND"]
        refused = await api.gql(DECLINE, answer, token=outsider.token)
        assert codes(refused["invitationDecline"]) == ["NOT_FOUND"]
    declined = await api.gql(DECLINE, answer, token=alex.person.token)
    assert declined["invitationDecline"]["invitation"]["status"] == "DECLINED"
    assert (await api.gql(PROFILE, {"id": alex.profile_gid}, token=shop.owner.token))["studentProfile"]["name"] is None


async def test_hidden_students_cannot_be_invited_and_duplicates_are_refused(api):
    shop = await flows.employer(api)
    rival = await flows.employer(api)
    hidden = await flows.student(api, visible=False)
    visible = await flows.student(api, visible=True)
    job = await flows.posting(api, shop)
    data = await api.gql(INVITE, _invite(job, hidden), token=shop.owner.token)
    assert [(e["code"], e["field"]) for e in data["invitationCreate"]["userErrors"]] == [("NOT_FOUND", ["studentId"])]
    data = await api.gql(INVITE, _invite(job, visible), token=rival.owner.token)
    assert codes(data["invitationCreate"]) == ["NOT_FOUND"]  # someone else's posting
    await api.gql(INVITE, _invite(job, visible), token=shop.owner.token)
    data = await api.gql(INVITE, _invite(job, visible), token=shop.owner.token)
    assert codes(data["invitationCreate"]) == ["ALREADY_INVITED"]
    applied = await flows.student(api, visible=True)
    await flows.apply(api, applied, job)
    data = await api.gql(INVITE, _invite(job, applied), token=shop.owner.token)
    assert codes(data["invitationCreate"]) == ["ALREADY_APPLIED"]
    assert await _invitations(api) == 1
    mine = await api.gql(SENT, {"id": job}, token=shop.owner.token)
    assert mine["jobPosting"]["invitations"]["edges"] == [
        {"node": {"status": "PENDING", "student": {"id": visible.profile_gid}}}
    ]
    assert (await api.gql(SENT, {"id": job}, token=rival.owner.token))["jobPosting"]["invitations"] is None


async def test_the_weekly_cap_holds_under_concurrent_invitations(capped_api):
    api = capped_api
    shop = await flows.employer(api)
    job = await flows.posting(api, shop)
    students = [await flows.student(api, visible=True, name=f"Student {i}") for i in range(8)]
    results = await asyncio.gather(*(api.post(INVITE, _invite(job, s), token=shop.owner.token) for s in students))
    assert all(r.status_code == 200 for r in results)
    payloads = [r.json()["data"]["invitationCreate"] for r in results]
    assert sorted(tuple(codes(p)) for p in payloads) == [()] * 3 + [("RATE_LIMITED",)] * 5
    assert await _invitations(api) == 3
    # another employer has its own allowance
    other = await flows.employer(api)
    other_job = await flows.posting(api, other)
    data = await api.gql(INVITE, _invite(other_job, students[0]), token=other.owner.token)
    assert data["invitationCreate"]["userErrors"] == []


async def test_invitations_page_newest_first_for_the_employer_and_the_student_only(api):
    shop = await flows.employer(api)
    job = await flows.posting(api, shop)
    students = [await flows.student(api, visible=True, name=f"Student {i}") for i in range(3)]
    for student in students:
        assert (await api.gql(INVITE, _invite(job, student), token=shop.owner.token))["invitationCreate"][
            "userErrors"
        ] == []
    first = (await api.gql(SENT, {"id": job, "first": 2}, token=shop.owner.token))["jobPosting"]["invitations"]
    after = first["pageInfo"]["endCursor"]
    rest = (await api.gql(SENT, {"id": job, "first": 2, "after": after}, token=shop.owner.token))["jobPosting"]
    invited = [e["node"]["student"]["id"] for e in first["edges"] + rest["invitations"]["edges"]]
    assert invited == [s.profile_gid for s in reversed(students)]
    assert first["pageInfo"]["hasNextPage"] and not rest["invitations"]["pageInfo"]["hasNextPage"]
    # the student sees their own here; the employer (who sees the profile) does not
    own = (await api.gql(MY_INVITATIONS, token=students[0].person.token))["myStudentProfile"]["invitations"]
    assert len(own["edges"]) == 1
    theirs = "query ($id: ID!) { studentProfile(id: $id) { invitations { edges { node { id } } } } }"
    seen = await api.gql(theirs, {"id": students[0].profile_gid}, token=shop.owner.token)
    assert seen["studentProfile"] == {"invitations": None}
