"""Hires fill a posting's openings: the last one fills the posting, and no hire passes the count."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from db.models import Application, ApplicationEvent, JobPosting
from tests.talent import flows
from tests.talent.flows import codes

POSTING = "query ($id: ID!) { jobPosting(id: $id) { openings hires status } }"
BOARD = "{ jobPostings { edges { node { id } } } }"
UPDATE = """
mutation ($input: JobPostingUpdateInput!) {
  jobPostingUpdate(input: $input) { jobPosting { openings hires status } userErrors { field code } }
}"""
TO_OFFER = ("REVIEWING", "INTERVIEW", "OFFERED")


async def _offered(api, shop, job, count: int) -> list[str]:
    """`count` students apply to the job and each gets an offer."""
    applications = []
    for i in range(count):
        student = await flows.student(api, name=f"Student {i}")
        application = (await flows.apply(api, student, job))["application"]["id"]
        for status in TO_OFFER:
            assert (await flows.move(api, shop.owner.token, application, status))["userErrors"] == []
        applications.append(application)
    return applications


async def _posting(api, job: str, token: str) -> dict:
    return (await api.gql(POSTING, {"id": job}, token=token))["jobPosting"]


async def _on_board(api, job: str) -> bool:
    return job in [edge["node"]["id"] for edge in (await api.gql(BOARD))["jobPostings"]["edges"]]


async def _hired_rows(api) -> tuple[int, int]:
    async with api.db.read() as session:
        hired = await session.scalar(select(func.count()).select_from(Application).where(Application.status == "HIRED"))
        events = await session.scalar(
            select(func.count()).select_from(ApplicationEvent).where(ApplicationEvent.to_status == "HIRED")
        )
    return hired, events


async def test_the_last_hire_fills_the_posting_and_one_more_is_refused(api):
    shop = await flows.employer(api)
    job = await flows.posting(api, shop, openings=2)
    first, second, third = await _offered(api, shop, job, 3)

    assert (await flows.move(api, shop.owner.token, first, "HIRED"))["userErrors"] == []
    assert await _posting(api, job, shop.owner.token) == {"openings": 2, "hires": 1, "status": "OPEN"}
    assert await _on_board(api, job)

    assert (await flows.move(api, shop.owner.token, second, "HIRED"))["userErrors"] == []
    assert await _posting(api, job, shop.owner.token) == {"openings": 2, "hires": 2, "status": "FILLED"}
    assert not await _on_board(api, job)
    late = await flows.student(api, name="Late Student")
    assert codes(await flows.apply(api, late, job)) == ["POSTING_CLOSED"]

    refused = await flows.move(api, shop.owner.token, third, "HIRED")
    assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [("NO_OPENINGS_LEFT", ["status"])]
    assert refused["application"] is None
    assert await _hired_rows(api) == (2, 2)  # the refused hire left no status and no event behind
    assert await _posting(api, job, shop.owner.token) == {"openings": 2, "hires": 2, "status": "FILLED"}
    rejected = await flows.move(api, shop.owner.token, third, "REJECTED")  # still OFFERED, so still movable
    assert rejected["application"]["status"] == "REJECTED"


async def test_openings_never_drop_below_hires_and_adding_one_reopens_a_filled_posting(api):
    shop = await flows.employer(api)
    job = await flows.posting(api, shop, openings=3)
    for application in await _offered(api, shop, job, 2):
        assert (await flows.move(api, shop.owner.token, application, "HIRED"))["userErrors"] == []

    lowered = (
        await api.gql(UPDATE, {"input": {"id": job, "openings": 1, "title": "Renamed"}}, token=shop.owner.token)
    )["jobPostingUpdate"]
    assert [(e["code"], e["field"]) for e in lowered["userErrors"]] == [("OPENINGS_BELOW_HIRES", ["openings"])]
    async with api.db.read() as session:
        stored = await session.scalar(select(JobPosting))
    assert (stored.openings, stored.hires, stored.status, stored.title) == (3, 2, "OPEN", "Collision Technician")

    filled = (await api.gql(UPDATE, {"input": {"id": job, "openings": 2}}, token=shop.owner.token))["jobPostingUpdate"]
    assert filled == {"jobPosting": {"openings": 2, "hires": 2, "status": "FILLED"}, "userErrors": []}
    assert not await _on_board(api, job)

    reopened = (await api.gql(UPDATE, {"input": {"id": job, "openings": 4}}, token=shop.owner.token))[
        "jobPostingUpdate"
    ]
    assert reopened == {"jobPosting": {"openings": 4, "hires": 2, "status": "OPEN"}, "userErrors": []}
    assert await _on_board(api, job)


async def test_five_concurrent_hires_for_two_openings_hire_exactly_two(api):
    shop = await flows.employer(api)
    job = await flows.posting(api, shop, openings=2)
    applications = await _offered(api, shop, job, 5)
    variables = [{"input": {"applicationId": a, "status": "HIRED"}} for a in applications]
    responses = await asyncio.gather(*(api.post(flows.MOVE, v, token=shop.owner.token) for v in variables))
    assert [r.status_code for r in responses] == [200] * 5
    bodies = [r.json() for r in responses]
    assert not any(b.get("errors") for b in bodies), [b["errors"] for b in bodies if b.get("errors")]
    payloads = [b["data"]["applicationMove"] for b in bodies]
    assert sum(1 for p in payloads if not p["userErrors"]) == 2
    assert sorted(tuple(codes(p)) for p in payloads if p["userErrors"]) == [("NO_OPENINGS_LEFT",)] * 3
    assert await _hired_rows(api) == (2, 2)
    assert await _posting(api, job, shop.owner.token) == {"openings": 2, "hires": 2, "status": "FILLED"}


async def test_the_database_refuses_more_hires_than_openings(api):
    shop = await flows.employer(api)
    await flows.posting(api, shop, openings=1)
    with pytest.raises(IntegrityError):
        async with api.db.write() as session:
            await session.execute(update(JobPosting).values(hires=2))
