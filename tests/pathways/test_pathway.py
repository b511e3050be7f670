"""StudentProfile.pathway: one timeline, for the student and their school; employers see what is released."""

from __future__ import annotations

from datetime import date

from tests.journeys.steps import talent_history
from tests.pathways.factories import module_ids, student_credential, student_profile
from tests.pathways.test_scholarships import AWARD, FULFILL, apply, award_input, create, foundation, fulfill_input
from tests.pathways.test_training import ENROLL, PROGRAM_CREATE, RECORD, record_input
from tests.support import gid

PATHWAY = """
query ($id: ID!, $first: Int = 100, $after: String) {
  node(id: $id) {
    ... on StudentProfile {
      pathway(first: $first, after: $after) {
        edges { cursor node { kind occurredOn title detail organization { name } subject { id __typename } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
}"""


def steps_of(data) -> list[dict]:
    """The entries of a PATHWAY response's page."""
    return [edge["node"] for edge in data["node"]["pathway"]["edges"]]


async def student_with_history(api, *, modules: int = 6, visible: bool = True):
    """A student enrolled at their school, with modules done, a credential, and an awarded tool grant."""
    instructor = await api.person("Instructor")
    school = await api.organization(owner=instructor, kinds=("SCHOOL",), name="Detroit Career Tech")
    program = (
        await api.gql(
            PROGRAM_CREATE,
            {
                "input": {
                    "organizationId": gid("Organization", school),
                    "name": "Collision I",
                    "areas": ["PLASTIC", "CRF"],
                }
            },
            token=instructor.token,
        )
    )["trainingProgramCreate"]["program"]
    person = await api.person("Student")
    student_id = await student_profile(api, person, school_id=school, visible_to_employers=visible)
    enrollment = (
        await api.gql(
            ENROLL,
            {
                "input": {
                    "programId": program["id"],
                    "enrolledOn": "2026-09-01",
                    "studentId": gid("StudentProfile", student_id),
                }
            },
            token=instructor.token,
        )
    )["enrollmentCreate"]["enrollment"]["id"]
    done = (await module_ids(api, "PLASTIC") + await module_ids(api, "CRF"))[:modules]
    for i, module_id in enumerate(done):
        await api.gql(RECORD, record_input(enrollment, module_id, f"2026-10-{i % 28 + 1:02d}"), token=instructor.token)
    await student_credential(api, student_id, "ASE-EL-MLR", date(2026, 6, 15))
    manager, sponsor = await foundation(api)
    scholarship = await create(api, manager, sponsor, kind="TOOL_GRANT", name="Starter kit")
    application = (await apply(api, person, scholarship))["application"]["id"]
    await api.gql(AWARD, award_input(application), token=manager.token)
    await api.gql(FULFILL, fulfill_input(application, "Kit shipped"), token=manager.token)
    return person, instructor, student_id


async def test_the_student_sees_one_chronological_timeline(api):
    person, _, student_id = await student_with_history(api)
    entries = steps_of(await api.gql(PATHWAY, {"id": gid("StudentProfile", student_id)}, token=person.token))
    kinds = [e["kind"] for e in entries]
    assert kinds[:2] == ["CREDENTIAL_EARNED", "ENROLLED"]
    assert kinds[2:8] == ["MODULE_COMPLETED"] * 6
    assert kinds[8] == "BADGE_EARNED" and kinds[-3:] == [
        "SCHOLARSHIP_APPLIED",
        "SCHOLARSHIP_AWARDED",
        "AWARD_FULFILLED",
    ]
    dates = [e["occurredOn"] for e in entries]
    assert dates == sorted(dates)
    badge = entries[8]
    assert badge["title"] == "Earned Plastic Repair" and badge["organization"]["name"] == "Detroit Career Tech"
    assert entries[1]["subject"]["__typename"] == "Enrollment"
    assert entries[-1]["detail"] == "Kit shipped" and entries[-1]["subject"]["__typename"] == "ScholarshipApplication"


async def test_the_school_sees_everything_and_an_employer_only_credentials(api):
    person, instructor, student_id = await student_with_history(api)
    variables = {"id": gid("StudentProfile", student_id)}
    school_view = steps_of(await api.gql(PATHWAY, variables, token=instructor.token))
    own_view = steps_of(await api.gql(PATHWAY, variables, token=person.token))
    assert school_view == own_view
    employer = await api.person("Employer")
    await api.organization(owner=employer, kinds=("EMPLOYER",))
    employer_view = steps_of(await api.gql(PATHWAY, variables, token=employer.token))
    assert [e["kind"] for e in employer_view] == ["CREDENTIAL_EARNED", "BADGE_EARNED"]


async def test_a_hidden_profile_shows_no_pathway_to_employers_or_strangers(api):
    _, _, student_id = await student_with_history(api, visible=False)
    employer = await api.person("Employer")
    await api.organization(owner=employer, kinds=("EMPLOYER",))
    for token in (employer.token, (await api.person()).token, None):
        assert (await api.gql(PATHWAY, {"id": gid("StudentProfile", student_id)}, token=token))["node"] is None


async def test_pathway_runs_a_constant_number_of_statements(api, count_sql):
    """Every kind of step at both sizes, job applications and mentorships included (their subjects too)."""
    person, _, small_id = await student_with_history(api, modules=2)
    await talent_history(api, person, gid("StudentProfile", small_id), applications=1, mentorships=1)
    with count_sql() as small:
        small_entries = await api.gql(PATHWAY, {"id": gid("StudentProfile", small_id)}, token=person.token)
    other, _, large_id = await student_with_history(api, modules=13)
    await talent_history(api, other, gid("StudentProfile", large_id), applications=4, mentorships=3)
    with count_sql() as large:
        large_entries = await api.gql(PATHWAY, {"id": gid("StudentProfile", large_id)}, token=other.token)
    small_kinds = {e["kind"] for e in steps_of(small_entries)}
    large_kinds = [e["kind"] for e in steps_of(large_entries)]
    assert {"JOB_HIRED", "MENTORSHIP_ENDED"} <= small_kinds <= set(large_kinds)
    assert large_kinds.count("JOB_APPLIED") == 4 and large_kinds.count("MENTORSHIP_ACCEPTED") == 3
    assert {e["subject"]["__typename"] for e in steps_of(large_entries) if e["subject"]} >= {
        "Application",
        "Mentorship",
        "Enrollment",
        "ScholarshipApplication",
    }
    assert len(large_kinds) > len(small_kinds) + 20
    assert small.count == large.count, (small.statements, large.statements)


async def test_the_pathway_pages_by_position_so_a_step_added_on_an_earlier_day_shifts_no_later_page(api):
    person, _, student_id = await student_with_history(api)
    variables = {"id": gid("StudentProfile", student_id)}
    whole = steps_of(await api.gql(PATHWAY, variables, token=person.token))
    # when: three pages of five
    pages, after = [], None
    while True:
        data = await api.gql(PATHWAY, {**variables, "first": 5, "after": after}, token=person.token)
        pages.append(data["node"]["pathway"])
        after = data["node"]["pathway"]["pageInfo"]["endCursor"]
        if not data["node"]["pathway"]["pageInfo"]["hasNextPage"]:
            break
    # then
    assert [step for page in pages for step in (edge["node"] for edge in page["edges"])] == whole
    assert [len(page["edges"]) for page in pages] == [5, 5, 2]
    assert [page["pageInfo"]["hasPreviousPage"] for page in pages] == [False, True, True]
    assert pages[1]["pageInfo"]["startCursor"] == pages[1]["edges"][0]["cursor"]
    # A credential earned before everything else lands on the first page; the second page still
    # starts right after the first page's last step.
    await student_credential(api, student_id, "ASE-EL-PR", date(2025, 1, 10))
    after_first = pages[0]["pageInfo"]["endCursor"]
    again = await api.gql(PATHWAY, {**variables, "first": 5, "after": after_first}, token=person.token)
    assert steps_of(again) == [edge["node"] for edge in pages[1]["edges"]]
    assert (
        steps_of(await api.gql(PATHWAY, {**variables, "first": 1}, token=person.token))[0]["occurredOn"] == "2025-01-10"
    )


async def test_a_pathway_cursor_is_checked_and_first_is_from_1_to_100(api):
    person, _, student_id = await student_with_history(api, modules=1)
    variables = {"id": gid("StudentProfile", student_id)}
    for bad in ("nonsense", "Y3Vyc29yOjM=", "cGF0aHdheTpbMV0="):  # garbage, an offset cursor, a short position
        errors = await api.errors(PATHWAY, {**variables, "after": bad}, token=person.token)
        assert [(e["extensions"]["code"], e["extensions"]["field"]) for e in errors] == [("INVALID", ["after"])]
    for first in (101, 0):
        errors = await api.errors(PATHWAY, {**variables, "first": first}, token=person.token)
        assert [e["extensions"]["code"] for e in errors] == ["OUT_OF_RANGE"]
