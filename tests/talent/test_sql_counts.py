"""The talent exchange's per-parent connections cost the same number of SQL statements for few rows as for many."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete

from db.models import (
    Application,
    JobInvitation,
    JobPosting,
    MentorProfile,
    Mentorship,
    StudentCredential,
    StudentProfile,
    User,
)
from tests.support import Api
from tests.talent import flows

CREDENTIALS = """{ studentProfiles(first: 50) { edges { node {
  headline credentials(first: 5) { edges { node { status verified credential { code } } } pageInfo { hasNextPage } }
} } } }"""
# One list per query: two lists loading the same rows (postings) may share a batch or not, as timing has it.
OWN_LISTS = {
    "applications": """{ myStudentProfile {
  applications(first: 50) { edges { node { status jobPosting { title employer { name } } events { toStatus } } } }
} }""",
    "invitations": """{ myStudentProfile {
  invitations(first: 50) { edges { node { status employer { name } jobPosting { title employer { name } } } } }
} }""",
}
SENT = """query ($employer: ID!) { jobPostings(filter: {employerId: $employer}, first: 50) { edges { node {
  title invitations(first: 5) { edges { node { status student { headline } } } }
} } } }"""
RECEIVED = """query ($employer: ID!) { jobPostings(filter: {employerId: $employer}, first: 50) { edges { node {
  title applications(first: 5) { edges { node { status student { headline } } } pageInfo { hasNextPage } }
} } } }"""
MENTOR_SIDE = """{ myMentorProfile {
  mentorships(first: 50) { edges { node { status mentee { name } mentor { headline } } } }
} }"""
MENTEE_SIDE = """{ myMentorships(first: 50) { edges { node { status mentor { headline user { name } } } } } }"""


async def _users(api: Api, n: int, prefix: str) -> list[int]:
    async with api.db.write() as session:
        users = [User(email=f"{prefix}{i}@example.com", name=f"{prefix} {i}", password_hash="x") for i in range(n)]
        session.add_all(users)
    return [user.id for user in users]


async def _profiles(api: Api, user_ids: list[int], **columns) -> list[int]:
    async with api.db.write() as session:
        profiles = [
            StudentProfile(
                user_id=u, headline=f"student {u}", postal_code="48226", latitude=42.33, longitude=-83.05, **columns
            )
            for u in user_ids
        ]
        session.add_all(profiles)
    return [profile.id for profile in profiles]


async def _postings(api: Api, employer_id: int, n: int) -> list[int]:
    async with api.db.write() as session:
        postings = [
            JobPosting(
                employer_id=employer_id,
                title=f"Job {i}",
                role_type="TECHNICIAN",
                postal_code="48226",
                latitude=42.33,
                longitude=-83.05,
                pay_min_cents=2500,
                pay_max_cents=3000,
                pay_unit="HOUR",
                pay_basis="HOURLY",
                pay_min_hourly_cents=2500,
                pay_max_hourly_cents=3000,
            )
            for i in range(n)
        ]
        session.add_all(postings)
    return [posting.id for posting in postings]


async def _counted(api: Api, count_sql, query: str, token: str, variables: dict | None = None) -> tuple[dict, int]:
    with count_sql() as counter:
        data = await api.gql(query, variables, token=token)
    return data, counter.count


async def test_profiles_credentials_cost_the_same_sql_for_5_and_30_profiles(api, count_sql):
    staff = await api.person("Staff", staff=True)
    counts = []
    for size in (5, 30):
        async with api.db.write() as session:
            await session.execute(delete(StudentCredential))
            await session.execute(delete(StudentProfile))
        profiles = await _profiles(api, await _users(api, size, f"s{size}-"), visible_to_employers=True)
        async with api.db.write() as session:
            session.add_all(
                StudentCredential(student_id=p, credential_id=c, earned_on=date(2025, 5, 1))
                for p in profiles
                for c in (1, 2 + p % 5)
            )
        data, count = await _counted(api, count_sql, CREDENTIALS, staff.token)
        edges = data["studentProfiles"]["edges"]
        assert len(edges) == size and all(len(e["node"]["credentials"]["edges"]) == 2 for e in edges)
        counts.append(count)
    assert counts[0] == counts[1], counts


async def test_a_students_applications_and_invitations_cost_the_same_sql_for_2_and_10(api, count_sql):
    shops = [await flows.employer(api, name=f"Shop {i}") for i in range(2)]
    person = await api.person("Alex Student")
    [profile] = await _profiles(api, [person.id], visible_to_employers=True)
    counts: dict[str, list[int]] = {"applications": [], "invitations": []}
    for size in (2, 10):
        async with api.db.write() as session:
            await session.execute(delete(Application))
            await session.execute(delete(JobInvitation))
        postings = await _postings(api, shops[0].org_id, size) + await _postings(api, shops[1].org_id, size)
        async with api.db.write() as session:
            for i, posting in enumerate(postings):
                employer = shops[i // size].org_id
                if i % 2:
                    session.add(JobInvitation(job_posting_id=posting, student_id=profile, employer_id=employer))
                else:
                    session.add(Application(job_posting_id=posting, student_id=profile, employer_id=employer))
        for field, query in OWN_LISTS.items():
            data, count = await _counted(api, count_sql, query, person.token)
            edges = data["myStudentProfile"][field]["edges"]
            assert len(edges) == size
            assert {e["node"]["jobPosting"]["employer"]["name"] for e in edges} == {"Shop 0", "Shop 1"}
            counts[field].append(count)
    assert counts["applications"][0] == counts["applications"][1], counts
    assert counts["invitations"][0] == counts["invitations"][1], counts


async def test_a_postings_invitations_cost_the_same_sql_for_3_and_12_postings(api, count_sql):
    shop = await flows.employer(api)
    counts = []
    for size in (3, 12):
        async with api.db.write() as session:
            await session.execute(delete(JobInvitation))
            await session.execute(delete(JobPosting))
            await session.execute(delete(StudentProfile))
        students = await _profiles(api, await _users(api, 2, f"i{size}-"), visible_to_employers=True)
        postings = await _postings(api, shop.org_id, size)
        async with api.db.write() as session:
            session.add_all(
                JobInvitation(job_posting_id=p, student_id=s, employer_id=shop.org_id)
                for p in postings
                for s in students
            )
        data, count = await _counted(api, count_sql, SENT, shop.owner.token, {"employer": shop.gid})
        edges = data["jobPostings"]["edges"]
        assert len(edges) == size and all(len(e["node"]["invitations"]["edges"]) == 2 for e in edges)
        assert edges[0]["node"]["invitations"]["edges"][0]["node"]["student"]["headline"].startswith("student")
        counts.append(count)
    assert counts[0] == counts[1], counts


async def test_a_postings_applications_cost_the_same_sql_for_3_and_12_postings(api, count_sql):
    shop = await flows.employer(api)
    counts = []
    for size in (3, 12):
        async with api.db.write() as session:
            await session.execute(delete(Application))
            await session.execute(delete(JobPosting))
            await session.execute(delete(StudentProfile))
        students = await _profiles(api, await _users(api, 6, f"a{size}-"), visible_to_employers=True)
        postings = await _postings(api, shop.org_id, size)
        async with api.db.write() as session:
            session.add_all(
                Application(job_posting_id=p, student_id=s, employer_id=shop.org_id) for p in postings for s in students
            )
        data, count = await _counted(api, count_sql, RECEIVED, shop.owner.token, {"employer": shop.gid})
        edges = data["jobPostings"]["edges"]
        assert len(edges) == size
        assert all(len(e["node"]["applications"]["edges"]) == 5 for e in edges)
        assert all(e["node"]["applications"]["pageInfo"]["hasNextPage"] for e in edges)
        counts.append(count)
    assert counts[0] == counts[1], counts


async def _mentors(api: Api, n: int, prefix: str) -> list[int]:
    users = await _users(api, n, prefix)
    async with api.db.write() as session:
        mentors = [MentorProfile(user_id=u, headline=f"mentor {u}", capacity=50) for u in users]
        session.add_all(mentors)
    return [mentor.id for mentor in mentors]


async def test_mentorships_cost_the_same_sql_for_2_and_10_on_either_side(api, count_sql):
    mentor_person = await api.person("Morgan Mentor")
    mentee = await api.person("New Tech")
    async with api.db.write() as session:
        own = MentorProfile(user_id=mentor_person.id, headline="mine", capacity=50)
        session.add(own)
    counts: dict[str, list[int]] = {"mentor": [], "mentee": []}
    for size in (2, 10):
        async with api.db.write() as session:
            await session.execute(delete(Mentorship))
        mentees = await _users(api, size, f"m{size}-")
        others = await _mentors(api, size, f"o{size}-")
        async with api.db.write() as session:
            session.add_all(Mentorship(mentor_id=own.id, mentee_id=m) for m in mentees)
            session.add_all(Mentorship(mentor_id=o, mentee_id=mentee.id) for o in others)
        for side, query, person in (("mentor", MENTOR_SIDE, mentor_person), ("mentee", MENTEE_SIDE, mentee)):
            data, count = await _counted(api, count_sql, query, person.token)
            listed = data["myMentorProfile"]["mentorships"] if side == "mentor" else data["myMentorships"]
            assert len(listed["edges"]) == size
            counts[side].append(count)
    assert counts["mentor"][0] == counts["mentor"][1], counts
    assert counts["mentee"][0] == counts["mentee"][1], counts
