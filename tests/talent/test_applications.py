"""Applications: once per posting, one state machine, events, and employers kept to their own."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from sqlalchemy import select

from db.enums.talent import ApplicationStatus
from db.models import Application, ApplicationEvent
from resolvers.talent.application_workflow import TRANSITIONS, Party
from tests.talent import flows
from tests.talent.flows import codes

WITHDRAW = """
mutation ($input: ApplicationWithdrawInput!) {
  applicationWithdraw(input: $input) { application { status } userErrors { code } }
}"""
READ = """
query ($id: ID!) {
  application(id: $id) {
    status message nextStatuses jobPosting { title } student { name }
    events { fromStatus toStatus by note actor { name } }
  }
}"""
PIPELINE = """
query ($employerId: ID!, $status: ApplicationStatus) {
  applications(filter: {employerId: $employerId, status: $status}) { edges { node { id status student { name } } } }
}"""


async def _setup(api):
    shop = await flows.employer(api)
    alex = await flows.student(api)
    job = await flows.posting(api, shop)
    created = await flows.apply(api, alex, job)
    assert created["userErrors"] == []
    return shop, alex, job, created["application"]["id"]


async def _stored(api) -> tuple[list[str], int]:
    async with api.db.read() as session:
        status = (await session.scalars(select(Application.status))).all()
        events = (await session.scalars(select(ApplicationEvent.id))).all()
    return list(status), len(events)


async def test_employer_moves_an_application_to_hired_with_every_step_recorded(api):
    shop, alex, _job, application = await _setup(api)
    for status in ("REVIEWING", "INTERVIEW", "OFFERED"):
        moved = await flows.move(api, shop.owner.token, application, status, note=f"now {status.lower()}")
        assert moved["userErrors"] == [] and moved["application"]["status"] == status
    seen = (await api.gql(READ, {"id": application}, token=alex.person.token))["application"]
    assert seen["nextStatuses"] == ["WITHDRAWN"]
    hired = await flows.move(api, shop.owner.token, application, "HIRED")
    assert hired["application"]["status"] == "HIRED"
    data = (await api.gql(READ, {"id": application}, token=shop.owner.token))["application"]
    assert data["student"]["name"] == "Alex Student" and data["jobPosting"]["title"] == "Collision Technician"
    assert data["nextStatuses"] == []
    assert [(e["fromStatus"], e["toStatus"], e["by"]) for e in data["events"]] == [
        (None, "APPLIED", "STUDENT"),
        ("APPLIED", "REVIEWING", "EMPLOYER"),
        ("REVIEWING", "INTERVIEW", "EMPLOYER"),
        ("INTERVIEW", "OFFERED", "EMPLOYER"),
        ("OFFERED", "HIRED", "EMPLOYER"),
    ]
    assert data["events"][1]["actor"] == {"name": "Erin Owner"} and data["events"][0]["actor"] is None
    assert data["events"][1]["note"] == "now reviewing"
    # the student cannot withdraw once hired
    late = await api.gql(WITHDRAW, {"input": {"applicationId": application}}, token=alex.person.token)
    assert codes(late["applicationWithdraw"]) == ["INVALID_TRANSITION"]


async def test_a_student_applies_once_per_posting(api):
    _shop, alex, job, _ = await _setup(api)
    again = await flows.apply(api, alex, job)
    assert codes(again) == ["ALREADY_APPLIED"] and again["application"] is None
    assert await _stored(api) == (["APPLIED"], 1)


async def test_concurrent_duplicate_applications_make_one(api):
    shop = await flows.employer(api)
    alex = await flows.student(api)
    job = await flows.posting(api, shop)
    results = await asyncio.gather(*(flows.apply(api, alex, job) for _ in range(5)))
    assert sorted(tuple(codes(r)) for r in results) == [()] + [("ALREADY_APPLIED",)] * 4
    assert await _stored(api) == (["APPLIED"], 1)


async def test_closed_postings_and_students_without_profiles_cannot_apply(api):
    shop = await flows.employer(api)
    job = await flows.posting(api, shop)
    nobody = await api.person()
    data = await api.gql(flows.APPLY, {"input": {"jobPostingId": job}}, token=nobody.token)
    assert codes(data["applicationCreate"]) == ["PROFILE_REQUIRED"]
    await api.gql(
        "mutation ($input: JobPostingCloseInput!) { jobPostingClose(input: $input) { userErrors { code } } }",
        {"input": {"id": job}},
        token=shop.owner.token,
    )
    alex = await flows.student(api)
    assert codes(await flows.apply(api, alex, job)) == ["POSTING_CLOSED"]


@pytest.mark.parametrize(
    ("path", "illegal"),
    [
        ((), "INTERVIEW"),
        ((), "HIRED"),
        (("REVIEWING",), "APPLIED"),
        (("REJECTED",), "REVIEWING"),
        ((), "WITHDRAWN"),
    ],
)
async def test_illegal_moves_are_refused_and_change_nothing(api, path, illegal):
    shop, _alex, _job, application = await _setup(api)
    for status in path:
        assert (await flows.move(api, shop.owner.token, application, status))["userErrors"] == []
    before = await _stored(api)
    refused = await flows.move(api, shop.owner.token, application, illegal)
    assert codes(refused) == ["INVALID_TRANSITION"] and refused["application"] is None
    assert await _stored(api) == before


async def test_another_employer_cannot_move_or_see_the_application(api):
    shop, alex, _job, application = await _setup(api)
    rival = await flows.employer(api)
    refused = await flows.move(api, rival.owner.token, application, "REJECTED")
    assert codes(refused) == ["NOT_FOUND"]
    assert await _stored(api) == (["APPLIED"], 1)
    assert (await api.gql(READ, {"id": application}, token=rival.owner.token))["application"] is None
    errors = await api.errors(PIPELINE, {"employerId": shop.gid}, token=rival.owner.token)
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"
    # and a student cannot move it as the employer would
    assert codes(await flows.move(api, alex.person.token, application, "REVIEWING")) == ["NOT_FOUND"]


async def test_student_withdraws_and_the_employer_loses_the_contact(api):
    shop, alex, _job, application = await _setup(api)
    listed = await api.gql(PIPELINE, {"employerId": shop.gid, "status": "APPLIED"}, token=shop.owner.token)
    assert [e["node"]["student"]["name"] for e in listed["applications"]["edges"]] == ["Alex Student"]
    stranger = await api.person()
    denied = await api.gql(WITHDRAW, {"input": {"applicationId": application}}, token=stranger.token)
    assert codes(denied["applicationWithdraw"]) == ["NOT_FOUND"]
    done = await api.gql(
        WITHDRAW, {"input": {"applicationId": application, "note": "Took another offer"}}, token=alex.person.token
    )
    assert done["applicationWithdraw"]["application"]["status"] == "WITHDRAWN"
    data = (await api.gql(READ, {"id": application}, token=shop.owner.token))["application"]
    assert data["status"] == "WITHDRAWN" and data["student"] == {"name": None}  # visible profile, contact withdrawn


async def test_two_concurrent_moves_cannot_both_win(api):
    shop, alex, _job, application = await _setup(api)
    results = await asyncio.gather(
        flows.move(api, shop.owner.token, application, "REVIEWING"),
        flows.move(api, shop.owner.token, application, "REJECTED"),
        api.gql(WITHDRAW, {"input": {"applicationId": application}}, token=alex.person.token),
    )
    payloads = [results[0], results[1], results[2]["applicationWithdraw"]]
    winners = [p for p in payloads if not p["userErrors"]]
    assert all(codes(p) == ["INVALID_TRANSITION"] for p in payloads if p["userErrors"])
    _statuses, events = await _stored(api)
    # REVIEWING can still be followed by a withdrawal or rejection, so up to two may succeed in sequence,
    # but each success is one recorded step from the status it actually left.
    assert events == 1 + len(winners)
    async with api.db.read() as session:
        steps = (
            await session.execute(
                select(ApplicationEvent.from_status, ApplicationEvent.to_status).order_by(ApplicationEvent.id)
            )
        ).all()
    for (_, previous_to), (frm, _) in itertools.pairwise(steps):
        assert frm == previous_to


async def test_partner_app_moves_applications_with_talent_write(api):
    shop, _alex, _job, application = await _setup(api)
    reader = await flows.app_token(api, shop, ["TALENT_READ"])
    assert codes(await flows.move(api, reader, application, "REVIEWING")) == ["NOT_FOUND"]
    listed = await api.gql(PIPELINE, {"employerId": shop.gid}, token=reader)
    assert len(listed["applications"]["edges"]) == 1
    writer = await flows.app_token(api, shop, ["TALENT_WRITE"])
    moved = await flows.move(api, writer, application, "REVIEWING")
    assert moved["application"]["status"] == "REVIEWING"
    assert moved["application"]["events"][-1]["actor"] is None  # an app, not a person


def test_the_transition_table_only_lets_the_student_withdraw():
    for (frm, to), party in TRANSITIONS.items():
        assert (to is ApplicationStatus.WITHDRAWN) == (party is Party.STUDENT)
        assert frm not in (ApplicationStatus.HIRED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)


MY_APPLICATIONS = """
query ($first: Int, $after: String) {
  myStudentProfile { applications(first: $first, after: $after) {
    edges { node { jobPosting { title } status } } pageInfo { hasNextPage endCursor }
  } }
}"""


async def test_the_student_pages_their_own_applications_newest_first(api):
    shop = await flows.employer(api)
    alex = await flows.student(api, visible=True)
    for title in ("First", "Second", "Third"):
        assert (await flows.apply(api, alex, await flows.posting(api, shop, title=title)))["userErrors"] == []
    page = (await api.gql(MY_APPLICATIONS, {"first": 2}, token=alex.person.token))["myStudentProfile"]["applications"]
    after = page["pageInfo"]["endCursor"]
    rest = (await api.gql(MY_APPLICATIONS, {"after": after}, token=alex.person.token))["myStudentProfile"]
    titles = [e["node"]["jobPosting"]["title"] for e in page["edges"] + rest["applications"]["edges"]]
    assert titles == ["Third", "Second", "First"]
    assert page["pageInfo"]["hasNextPage"] and not rest["applications"]["pageInfo"]["hasNextPage"]
    # the employer sees the profile (released by applying) but not this list; it has its own pipeline
    theirs = "query ($id: ID!) { studentProfile(id: $id) { name applications { edges { node { id } } } } }"
    seen = (await api.gql(theirs, {"id": alex.profile_gid}, token=shop.owner.token))["studentProfile"]
    assert seen == {"name": "Alex Student", "applications": None}


POSTING_APPLICATIONS = """
query ($id: ID!, $status: ApplicationStatus, $first: Int, $after: String) {
  jobPosting(id: $id) { applications(status: $status, first: $first, after: $after) {
    edges { node { id status } } pageInfo { hasNextPage endCursor }
  } }
}"""


async def test_a_postings_applications_page_newest_first_for_its_employer_only(api):
    shop = await flows.employer(api)
    rival = await flows.employer(api)
    job = await flows.posting(api, shop)
    made = []
    for i in range(3):
        student = await flows.student(api, name=f"Student {i}")
        made.append((await flows.apply(api, student, job))["application"]["id"])
    assert (await flows.move(api, shop.owner.token, made[0], "REJECTED"))["userErrors"] == []

    async def page(**variables):
        data = await api.gql(POSTING_APPLICATIONS, {"id": job, **variables}, token=shop.owner.token)
        return data["jobPosting"]["applications"]

    first = await page(first=2)
    rest = await page(first=2, after=first["pageInfo"]["endCursor"])
    assert [e["node"]["id"] for e in first["edges"] + rest["edges"]] == list(reversed(made))
    assert first["pageInfo"]["hasNextPage"] and not rest["pageInfo"]["hasNextPage"]
    assert [e["node"]["id"] for e in (await page(status="REJECTED"))["edges"]] == [made[0]]
    applied = await page(status="APPLIED", first=1)
    assert [e["node"]["id"] for e in applied["edges"]] == [made[2]] and applied["pageInfo"]["hasNextPage"]
    hidden = await api.gql(POSTING_APPLICATIONS, {"id": job}, token=rival.owner.token)
    assert hidden["jobPosting"]["applications"] is None
