"""The demo data shows every part of the talent exchange through the API."""

from __future__ import annotations

import random
import re
from pathlib import Path

from sqlalchemy import select

from db.models import Application
from resolvers.demo import World, seeders
from tests.support import _HASH, sign_in_as

DEMO_STUDENT = """
{ myStudentProfile { name credentials { edges { node { status verified credential { code } } } }
                     applications(first: 100) { edges { node { status } } }
                     invitations { edges { node { status } } } } }"""
JOBS = """
{ jobPostings(filter: {near: {postalCode: "48226", radiusKm: 80}}, first: 100) {
    edges { node { pay { min { amount } max { amount } } status } } } }"""
ESTIMATE = """
{ payEstimate(input: {roleType: TECHNICIAN, postalCode: "48226"}) {
    estimate { p25 { amount } median { amount } p75 { amount } sampleSize sources { reports postings } }
    userErrors { code } } }"""
MENTOR = "{ myMentorProfile { capacity activeMentees mentorships { edges { node { status } } } } }"


async def test_demo_data_shows_students_jobs_applications_mentors_and_pay(api):
    world = World(random.Random(7), 1, _HASH)
    async with api.db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    student = await sign_in_as(api.db, api.settings, world.users["student"].id)
    mentor = await sign_in_as(api.db, api.settings, world.users["mentor"].id)

    me = (await api.gql(DEMO_STUDENT, token=student))["myStudentProfile"]
    assert me["name"] == "Alex Student" and me["credentials"]["edges"]
    assert {a["node"]["status"] for a in me["applications"]["edges"]} == {
        "APPLIED",
        "REVIEWING",
        "INTERVIEW",
        "OFFERED",
        "HIRED",
        "REJECTED",
        "WITHDRAWN",
    }
    assert me["invitations"]["edges"]
    jobs = (await api.gql(JOBS))["jobPostings"]["edges"]
    assert len(jobs) >= 5
    assert all(0 < j["node"]["pay"]["min"]["amount"] <= j["node"]["pay"]["max"]["amount"] for j in jobs)
    estimate = (await api.gql(ESTIMATE))["payEstimate"]
    assert estimate["userErrors"] == [] and estimate["estimate"]["sampleSize"] >= 5
    p25, median, p75 = (estimate["estimate"][p]["amount"] for p in ("p25", "median", "p75"))
    assert p25 <= median <= p75
    mine = (await api.gql(MENTOR, token=mentor))["myMentorProfile"]
    assert mine["activeMentees"] == 1
    assert {m["node"]["status"] for m in mine["mentorships"]["edges"]} == {"ACTIVE", "REQUESTED"}
    async with api.db.read() as session:
        statuses = set((await session.scalars(select(Application.status))).all())
    assert len(statuses) == 7


def _readme_candidates_example() -> str:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    example = re.search(r'```graphql\n(\{\n  jobPosting\(id: "(\w+)"\).*?)```', readme, re.S)
    assert example, "the README's candidates example is gone"
    return example.group(1)


async def test_the_readme_candidates_example_works_on_the_demo_data(api):
    example = _readme_candidates_example()
    world = World(random.Random(7), 1, _HASH)  # the seed `serve --demo` uses
    async with api.db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    employer = await sign_in_as(api.db, api.settings, world.users["employer"].id)
    posting = (await api.gql(example, token=employer))["jobPosting"]
    assert posting["title"] == "Collision Apprentice"
    assert posting["candidates"]["edges"] and all(
        e["explanation"]["components"] for e in posting["candidates"]["edges"]
    )
