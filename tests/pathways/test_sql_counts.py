"""The pathways connections nested in lists cost the same SQL statements for few rows as for many (no N+1).

Rows are written directly: the counts are about reading.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from sqlalchemy import select

from db.base import utcnow
from db.models import (
    AcademyArea,
    Enrollment,
    Scholarship,
    ScholarshipApplication,
    StudentProfile,
    TrainingProgram,
    TrainingProgramArea,
    User,
)
from tests.support import gid

PROGRAMS = """
query ($org: ID!) {
  trainingPrograms(organizationId: $org, first: 50) {
    edges { node {
      name
      enrollments(first: 10) {
        edges { node { status enrolledOn student { id } progress { percent } completions { score } } }
        pageInfo { hasNextPage endCursor }
      }
    } }
  }
}"""
SCHOLARSHIPS = """
query ($sponsor: ID!) {
  scholarships(sponsorId: $sponsor, first: 50) {
    edges { node {
      name amount { amount currency }
      applications(first: 10) {
        edges { node { status scholarship { name } student { id } } }
        pageInfo { hasNextPage endCursor }
      }
    } }
  }
}"""
RANKED_APPLICANTS = """
query ($sponsor: ID!) {
  scholarships(sponsorId: $sponsor, first: 50) {
    edges { node {
      applications(first: 10, orderBy: FIT) {
        edges { node { fit { score components { name value } } student { name school { name } } } }
        pageInfo { hasNextPage }
      }
    } }
  }
}"""
STUDENTS = """
{
  studentProfiles(first: 50) {
    edges { node {
      headline
      eligibleScholarships(first: 5) {
        edges { node { name amount { amount } sponsor { name } } }
        pageInfo { hasNextPage }
      }
    } }
  }
}"""
_numbers = itertools.count(1)


async def _students(session, n: int, school_id: int | None = None) -> list[int]:
    ids = []
    for _ in range(n):
        number = next(_numbers)
        user = User(email=f"counted{number}@example.com", name=f"Student {number}", password_hash="x")
        session.add(user)
        await session.flush()
        profile = StudentProfile(
            user_id=user.id, school_id=school_id, headline=f"student {number}", programs=["COLLISION"]
        )
        session.add(profile)
        await session.flush()
        ids.append(profile.id)
    return ids


async def _programs(api, school: int, programs: int, students: int) -> None:
    """`programs` programs teaching PLASTIC, each with the same `students` enrolled."""
    async with api.db.write() as session:
        student_ids = await _students(session, students, school)
        plastic = await session.scalar(select(AcademyArea.id).where(AcademyArea.code == "PLASTIC"))
        for _ in range(programs):
            program = TrainingProgram(organization_id=school, name=f"Program {next(_numbers)}")
            session.add(program)
            await session.flush()
            session.add(TrainingProgramArea(program_id=program.id, area_id=plastic))
            session.add_all(
                Enrollment(program_id=program.id, student_id=s, enrolled_on=date(2026, 9, 1)) for s in student_ids
            )


async def _scholarships(api, sponsor: int, scholarships: int, applicants: int) -> None:
    """`scholarships` scholarships, each with the same `applicants` applying."""
    async with api.db.write() as session:
        student_ids = await _students(session, applicants)
        for _ in range(scholarships):
            scholarship = Scholarship(
                sponsor_id=sponsor,
                name=f"Award {next(_numbers)}",
                kind="SCHOLARSHIP",
                amount_cents=100_000,
                awards=3,
                opens_on=utcnow().date(),
                closes_on=utcnow().date() + timedelta(days=30),
            )
            session.add(scholarship)
            await session.flush()
            session.add_all(
                ScholarshipApplication(scholarship_id=scholarship.id, student_id=s, essay="Please.")
                for s in student_ids
            )


async def _count(api, count_sql, query: str, variables: dict, token: str):
    with count_sql() as counter:
        data = await api.gql(query, variables, token=token)
    return data, counter.count


def _nested(data: dict, outer: str, inner: str) -> list[int]:
    return [len(edge["node"][inner]["edges"]) for edge in data[outer]["edges"]]


async def test_enrollments_of_many_programs_cost_the_same_sql_for_2_and_12(api, count_sql):
    owner = await api.person("Instructor")
    school = await api.organization(owner=owner, kinds=("SCHOOL",))
    other_school = await api.organization(owner=owner, kinds=("SCHOOL",))
    variables = {"org": gid("Organization", school)}
    await _programs(api, school, programs=2, students=2)
    small_data, small = await _count(api, count_sql, PROGRAMS, variables, owner.token)
    await _programs(api, other_school, programs=1, students=1)  # not listed
    await _programs(api, school, programs=4, students=12)
    large_data, large = await _count(api, count_sql, PROGRAMS, variables, owner.token)
    assert _nested(small_data, "trainingPrograms", "enrollments") == [2, 2]
    assert sorted(_nested(large_data, "trainingPrograms", "enrollments")) == [2, 2, 10, 10, 10, 10]
    print(f"enrollments: {small} statements for 4 enrollments, {large} for 52")
    assert small == large


async def test_applications_of_many_scholarships_cost_the_same_sql_for_2_and_12(api, count_sql):
    manager = await api.person("Foundation manager")
    sponsor = await api.organization(owner=manager, kinds=("DONOR",))
    variables = {"sponsor": gid("Organization", sponsor)}
    await _scholarships(api, sponsor, scholarships=2, applicants=2)
    small_data, small = await _count(api, count_sql, SCHOLARSHIPS, variables, manager.token)
    await _scholarships(api, sponsor, scholarships=4, applicants=12)
    large_data, large = await _count(api, count_sql, SCHOLARSHIPS, variables, manager.token)
    assert _nested(small_data, "scholarships", "applications") == [2, 2]
    assert sorted(_nested(large_data, "scholarships", "applications")) == [2, 2, 10, 10, 10, 10]
    print(f"applications: {small} statements for 4 applications, {large} for 52")
    assert small == large


async def test_eligible_scholarships_of_many_students_cost_the_same_sql_for_2_and_12(api, count_sql):
    teacher = await api.person("Teacher")
    school = await api.organization(owner=teacher, kinds=("SCHOOL",))
    donor = await api.person("Donor")
    sponsor = await api.organization(owner=donor, kinds=("DONOR",))
    async with api.db.write() as session:
        await _students(session, 2, school)
    await _scholarships(api, sponsor, scholarships=2, applicants=0)
    small_data, small = await _count(api, count_sql, STUDENTS, {}, teacher.token)
    async with api.db.write() as session:
        await _students(session, 10, school)
    await _scholarships(api, sponsor, scholarships=6, applicants=0)
    large_data, large = await _count(api, count_sql, STUDENTS, {}, teacher.token)
    assert _nested(small_data, "studentProfiles", "eligibleScholarships") == [2, 2]
    assert _nested(large_data, "studentProfiles", "eligibleScholarships") == [5] * 12
    print(f"eligible scholarships: {small} statements for 2 students, {large} for 12")
    assert small == large


async def test_applicants_ranked_by_fit_cost_the_same_sql_for_2_and_12(api, count_sql):
    manager = await api.person("Foundation manager")
    sponsor = await api.organization(owner=manager, kinds=("DONOR",))
    variables = {"sponsor": gid("Organization", sponsor)}
    await _scholarships(api, sponsor, scholarships=2, applicants=2)
    small_data, small = await _count(api, count_sql, RANKED_APPLICANTS, variables, manager.token)
    await _scholarships(api, sponsor, scholarships=4, applicants=12)
    large_data, large = await _count(api, count_sql, RANKED_APPLICANTS, variables, manager.token)
    assert _nested(small_data, "scholarships", "applications") == [2, 2]
    assert sorted(_nested(large_data, "scholarships", "applications")) == [2, 2, 10, 10, 10, 10]
    ranked = [e["node"] for s in large_data["scholarships"]["edges"] for e in s["node"]["applications"]["edges"]]
    assert all(a["fit"]["score"] > 0 and a["student"]["name"] for a in ranked)  # released by applying
    print(f"applicants by fit: {small} statements for 4 applications, {large} for 52")
    assert small == large
