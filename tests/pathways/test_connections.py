"""The pathways connections page with first/after and show their rows only to those who may see them."""

from __future__ import annotations

from datetime import timedelta

from tests.pathways.factories import student_profile
from tests.pathways.test_scholarships import APPLICATIONS, ELIGIBLE, applicant, apply, create, foundation, names, today
from tests.pathways.test_training import ENROLL, school_with_program
from tests.support import gid

ENROLLMENTS = """
query ($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    ... on TrainingProgram {
      enrollments(first: $first, after: $after) {
        edges { cursor node { id status } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }
  }
}"""

APPLICATION_IDS = """
query ($id: ID!) { node(id: $id) { ... on Scholarship { applications(first: 5) { edges { node { id } } } } } }"""


async def pages(api, query: str, variables: dict, field: str, token: str, first: int) -> list[dict]:
    """Every page of `field` (a connection on `node`), following endCursor."""
    found, after = [], None
    while True:
        data = await api.gql(query, {**variables, "first": first, "after": after}, token=token)
        connection = data["node"][field]
        found.append(connection)
        if not connection["pageInfo"]["hasNextPage"]:
            return found
        after = connection["pageInfo"]["endCursor"]


async def test_a_programs_enrollments_page_oldest_first_for_its_organization_only(api):
    instructor, school, program = await school_with_program(api)
    enrolled = []
    for i in range(5):
        student = await api.person(f"Student {i}")
        student_id = await student_profile(api, student, school_id=school)
        data = await api.gql(
            ENROLL,
            {"input": {"programId": program["id"], "studentId": gid("StudentProfile", student_id)}},
            token=instructor.token,
        )
        enrolled.append(data["enrollmentCreate"]["enrollment"]["id"])
    # when
    found = await pages(api, ENROLLMENTS, {"id": program["id"]}, "enrollments", instructor.token, first=2)
    # then
    assert [[edge["node"]["id"] for edge in page["edges"]] for page in found] == [
        enrolled[0:2],
        enrolled[2:4],
        enrolled[4:5],
    ]
    assert [page["pageInfo"]["hasPreviousPage"] for page in found] == [False, True, True]
    staff = await api.person(staff=True)
    staff_view = (await api.gql(ENROLLMENTS, {"id": program["id"], "first": 10}, token=staff.token))["node"]
    assert len(staff_view["enrollments"]["edges"]) == 5
    # The enrolled student, another school and anonymous callers see the program but not who is in it.
    other = await api.person()
    await api.organization(owner=other, kinds=("SCHOOL",))
    for token in (student.token, other.token, None):
        node = (await api.gql(ENROLLMENTS, {"id": program["id"], "first": 10}, token=token))["node"]
        assert node == {"enrollments": None}


async def test_a_scholarships_applications_page_oldest_first_for_the_sponsor_only(api):
    manager, sponsor = await foundation(api)
    scholarship = await create(api, manager, sponsor)
    applied = []
    for _ in range(5):
        person, _ = await applicant(api)
        applied.append((await apply(api, person, scholarship))["application"]["id"])
    # when
    found = await pages(api, APPLICATIONS, {"id": scholarship}, "applications", manager.token, first=3)
    # then
    assert [len(page["edges"]) for page in found] == [3, 2]
    assert [edge["node"]["status"] for page in found for edge in page["edges"]] == ["SUBMITTED"] * 5
    ids = await api.gql(APPLICATION_IDS, {"id": scholarship}, token=manager.token)
    assert [edge["node"]["id"] for edge in ids["node"]["applications"]["edges"]] == applied
    # An applicant sees their own application (as a node), not the others'.
    for token in (person.token, (await api.person()).token, None):
        assert (await api.gql(APPLICATIONS, {"id": scholarship}, token=token))["node"]["applications"] is None
    errors = await api.errors(APPLICATIONS, {"id": scholarship, "first": 101}, token=manager.token)
    assert [(e["extensions"]["code"], e["extensions"]["field"]) for e in errors] == [("OUT_OF_RANGE", ["first"])]


async def test_eligible_scholarships_page_soonest_deadline_first_for_the_student_school_and_staff(api):
    manager, sponsor = await foundation(api)
    for days in (40, 10, 30, 20):
        await create(
            api, manager, sponsor, name=f"Closes in {days}", closesOn=(today() + timedelta(days=days)).isoformat()
        )
    teacher = await api.person("Teacher")
    school = await api.organization(owner=teacher, kinds=("SCHOOL",))
    person, student = await applicant(api, school_id=school, visible_to_employers=True)
    variables = {"id": gid("StudentProfile", student)}
    expected = [["Closes in 10", "Closes in 20", "Closes in 30"], ["Closes in 40"]]
    staff = await api.person(staff=True)
    for token in (person.token, teacher.token, staff.token):
        found = await pages(api, ELIGIBLE, variables, "eligibleScholarships", token, first=3)
        assert [names(page) for page in found] == expected
    # An employer may see the visible profile, but not what the student could apply for.
    employer = await api.person("Employer")
    await api.organization(owner=employer, kinds=("EMPLOYER",))
    node = (await api.gql(ELIGIBLE, variables, token=employer.token))["node"]
    assert node == {"eligibleScholarships": None}
