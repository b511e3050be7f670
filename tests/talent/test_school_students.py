"""A school finds its own students by name and graduation year; nobody else does."""

from __future__ import annotations

import itertools
from datetime import date

from db.models import StudentProfile, User
from tests.partners.support import app_token
from tests.support import gid

_emails = itertools.count(1)
STUDENTS = """query ($id: ID!, $name: String, $year: Int, $first: Int, $after: String) { organization(id: $id) {
  students(filter: {name: $name, graduationYear: $year}, first: $first, after: $after) {
    edges { node { name graduationDate school { name } } }
    pageInfo { hasNextPage endCursor }
  }
} }"""
STUDENTS_ERRORS = """query ($id: ID!, $year: Int) { organization(id: $id) {
  students(filter: {graduationYear: $year}) { edges { node { name } } }
} }"""


async def _students(api, school_id: int | None, people: list[tuple[str, date | None]]) -> None:
    async with api.db.write() as session:
        for name, graduation in people:
            user = User(email=f"student{next(_emails)}@example.com", name=name, password_hash="x")
            session.add(user)
            await session.flush()
            session.add(StudentProfile(user_id=user.id, school_id=school_id, graduation_date=graduation))


async def _school(api, name: str):
    teacher = await api.person(f"Teacher at {name}")
    school_id = await api.organization(owner=teacher, kinds=("SCHOOL",), name=name)
    return teacher, school_id


async def _names(api, token: str, school_id: int, **variables) -> list[str]:
    data = await api.gql(STUDENTS, {"id": gid("Organization", school_id), "first": 50, **variables}, token=token)
    return [edge["node"]["name"] for edge in data["organization"]["students"]["edges"]]


async def test_a_school_finds_its_students_by_partial_name_and_graduation_year(api):
    teacher, school = await _school(api, "Detroit Tech")
    _, other = await _school(api, "Elsewhere CC")
    await _students(
        api,
        school,
        [
            ("Ann Smith", date(2027, 6, 1)),
            ("Annabel Jones", date(2026, 5, 20)),
            ("Joe SMITHERS", date(2027, 12, 31)),
            ("Maria Lopez", None),
        ],
    )
    await _students(api, other, [("Ann Smithfield", date(2027, 6, 1))])
    await _students(api, None, [("Ann Nobody", date(2027, 6, 1))])

    assert await _names(api, teacher.token, school) == ["Ann Smith", "Annabel Jones", "Joe SMITHERS", "Maria Lopez"]
    assert await _names(api, teacher.token, school, name="smith") == ["Ann Smith", "Joe SMITHERS"]
    assert await _names(api, teacher.token, school, name="ann") == ["Ann Smith", "Annabel Jones"]
    assert await _names(api, teacher.token, school, name="SMI ann") == ["Ann Smith"]
    assert await _names(api, teacher.token, school, year=2027) == ["Ann Smith", "Joe SMITHERS"]
    assert await _names(api, teacher.token, school, name="jones", year=2027) == []
    assert await _names(api, teacher.token, school, name="100%") == []

    first = await api.gql(STUDENTS, {"id": gid("Organization", school), "first": 3}, token=teacher.token)
    page = first["organization"]["students"]
    assert page["pageInfo"]["hasNextPage"] is True
    assert await _names(api, teacher.token, school, after=page["pageInfo"]["endCursor"]) == ["Maria Lopez"]


async def test_outsiders_never_search_a_schools_students(api):
    teacher, school = await _school(api, "Detroit Tech")
    other_teacher, _ = await _school(api, "Elsewhere CC")
    await _students(api, school, [("Ann Smith", date(2027, 6, 1))])
    employer = await api.person("Hiring Manager")
    await api.organization(owner=employer, kinds=("EMPLOYER",), name="Body Shop")
    staff = await api.person("Platform Staff", staff=True)
    app = await app_token(api, teacher, school, ["TALENT_WRITE"])
    variables = {"id": gid("Organization", school), "name": "ann", "first": 10}
    for token in (None, other_teacher.token, employer.token, staff.token, app):
        data = await api.gql(STUDENTS, variables, token=token)
        assert data["organization"]["students"] is None
    assert await _names(api, teacher.token, school, name="ann") == ["Ann Smith"]


async def test_a_graduation_year_out_of_range_is_refused(api):
    teacher, school = await _school(api, "Detroit Tech")
    errors = await api.errors(STUDENTS_ERRORS, {"id": gid("Organization", school), "year": 1800}, token=teacher.token)
    assert errors[0]["extensions"]["code"] == "OUT_OF_RANGE"


async def test_students_cost_the_same_sql_for_5_and_50(api, count_sql):
    teacher, school = await _school(api, "Detroit Tech")
    query = """query ($id: ID!) { organization(id: $id) { students(first: 100) {
      edges { node { name graduationDate school { name } credentials(first: 5) { edges { node { id } } } } }
    } } }"""
    counts: list[int] = []
    for total in (5, 50):
        await _students(
            api, school, [(f"Student {total}-{i}", date(2027, 6, 1)) for i in range(total - len(counts) * 5)]
        )
        with count_sql() as counter:
            data = await api.gql(query, {"id": gid("Organization", school)}, token=teacher.token)
        assert len(data["organization"]["students"]["edges"]) == total
        counts.append(counter.count)
    assert counts[0] == counts[1]
