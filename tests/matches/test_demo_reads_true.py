"""Demo data that reads true to someone in the trade: students whose program, headline, skills and
credentials belong together, invitations and applications that agree, needs that fit the school's
programs, donations of what was asked for, and a README candidates example a shop owner accepts."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import (
    Application,
    Credential,
    Donation,
    JobInvitation,
    JobPosting,
    Listing,
    MentorProfile,
    Need,
    Organization,
    StudentCredential,
    StudentProfile,
    Technician,
)
from db.reference.categories import CATEGORIES
from db.reference.skills import SKILLS
from db.reference.trades import credential_trade, related_programs, trades_of
from resolvers.demo import World, seeders
from resolvers.demo.donations import NEEDS
from resolvers.demo.profiles import MENTOR_TRADES, STUDENT_TRADES
from tests.support import _HASH, sign_in_as

SKILL_SLUGS = {i: s.slug for i, s in enumerate(SKILLS, start=1)}
CATEGORY_SLUGS = {i: c.slug for i, c in enumerate(CATEGORIES, start=1)}
README = Path(__file__).resolve().parents[2] / "README.md"


async def _seed(api, scale: int = 1) -> World:
    world = World(random.Random(7), scale, _HASH)  # the seed `serve --demo` uses
    async with api.db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    return world


def _trade(programs) -> set[str]:
    return set(programs or ()) | related_programs(programs or ())


@pytest.mark.parametrize("scale", [1, 5])
async def test_each_students_program_headline_skills_and_credentials_belong_together(api, scale):
    await _seed(api, scale)
    async with api.db.read() as session:
        # the shop's technicians keep a profile too, but they are past school: their own test covers them
        technicians = select(Technician.user_id)
        at_school = select(StudentProfile).where(StudentProfile.user_id.not_in(technicians))
        students = (await session.scalars(at_school)).all()
        held = (
            await session.execute(
                select(StudentCredential.student_id, Credential.code).join(
                    Credential, Credential.id == StudentCredential.credential_id
                )
            )
        ).all()
    codes: dict[int, set[str]] = {}
    for student_id, code in held:
        codes.setdefault(student_id, set()).add(code)
    for student in students:
        [program] = student.programs
        trade = STUDENT_TRADES[program]
        assert student.headline in trade.headlines, (program, student.headline)
        assert {SKILL_SLUGS[s] for s in student.skill_ids} <= set(trade.skills)
        assert all(credential_trade(c) in _trade(student.programs) for c in codes.get(student.id, ())), (
            program,
            codes[student.id],
        )


async def test_mentors_headlines_specialties_and_credentials_belong_together(api):
    await _seed(api, 5)
    by_headline = {m.headline: m for m in MENTOR_TRADES}
    async with api.db.read() as session:
        mentors = (await session.scalars(select(MentorProfile))).all()
        code_of = dict((await session.execute(select(Credential.id, Credential.code))).all())
    for mentor in mentors:
        trade = by_headline[mentor.headline]
        assert {SKILL_SLUGS[s] for s in mentor.specialty_skill_ids} <= set(trade.skills)
        assert {code_of[c] for c in mentor.credential_ids} == set(trade.credentials)
        assert trades_of([code_of[c] for c in mentor.credential_ids], [])


async def test_invitations_and_applications_agree(api):
    await _seed(api, 5)
    async with api.db.read() as session:
        applied = set((await session.execute(select(Application.student_id, Application.job_posting_id))).all())
        invitations = (await session.scalars(select(JobInvitation))).all()
        postings = {p.id: p for p in (await session.scalars(select(JobPosting))).all()}
        students = {s.id: s for s in (await session.scalars(select(StudentProfile))).all()}
        demo = min(students)
    assert {i.status for i in invitations} == {"PENDING", "ACCEPTED", "DECLINED"}
    for invitation in invitations:
        pair = (invitation.student_id, invitation.job_posting_id)
        assert (pair in applied) == (invitation.status == "ACCEPTED"), invitation.status
    for student_id, posting_id in applied - {(demo, p) for p in postings}:
        assert set(students[student_id].programs) & set(postings[posting_id].programs)


async def test_needs_fit_the_schools_programs_and_donations_give_what_was_asked(api):
    await _seed(api, 5)
    trades = {slug: wanted for slug, _title, _prio, _qty, wanted in NEEDS}
    async with api.db.read() as session:
        needs = (await session.scalars(select(Need).where(Need.fulfilled_by_id.is_(None)))).all()
        schools = {o.id: o for o in (await session.scalars(select(Organization))).all()}
        pairs = (
            await session.execute(
                select(Need.category_id, Listing.category_id)
                .join(Donation, Donation.need_id == Need.id)
                .join(Listing, Listing.id == Donation.listing_id)
            )
        ).all()
    for need in needs:
        slug = CATEGORY_SLUGS[need.category_id]
        programs = set(schools[need.school_id].programs or ())
        if slug in trades:
            assert trades[slug] & programs, (slug, programs)
        assert any(p.lower() in need.description for p in programs)
    assert pairs and all(need == listing for need, listing in pairs)


def _readme_candidates_example() -> str:
    match = re.search(r'```graphql\n(\{\n  jobPosting\(id: "(\w+)"\).*?)```', README.read_text(), re.S)
    assert match is not None
    return match.group(1).replace("node { headline name }", "node { headline name programs travelRadiusKm }")


async def test_the_readme_candidates_example_shows_a_top_five_a_shop_owner_would_accept(api):
    world = await _seed(api)
    employer = await sign_in_as(api.db, api.settings, world.users["employer"].id)

    posting = (await api.gql(_readme_candidates_example(), token=employer))["jobPosting"]

    assert posting["title"] == "Collision Apprentice"
    edges = posting["candidates"]["edges"]
    assert len(edges) == 5
    assert all(e["node"]["programs"] == ["COLLISION"] for e in edges)  # the apprenticeship's trade, every one
    assert all(e["explanation"]["distanceKm"] <= e["node"]["travelRadiusKm"] for e in edges)
    skills = [next(c for c in e["explanation"]["components"] if c["name"] == "skills")["value"] for e in edges]
    assert skills == sorted(skills, reverse=True)  # those with the preferred skill first
    shown = re.findall(r"^\| (\d\.\d+) \| ([^|]+?) \|", README.read_text(), re.M)
    assert [(f"{e['score']:.2f}", e["node"]["headline"]) for e in edges] == [(s, h) for s, h in shown]
