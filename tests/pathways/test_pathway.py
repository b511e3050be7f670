"""StudentProfile.pathway: one timeline, for the student and their school; employers see what is released."""

from __future__ import annotations

from datetime import date

from tests.journeys.steps import talent_history
from tests.pathways.factories import module_ids, student_credential, student_profile
from tests.pathways.test_scholarships import AWARD, FULFILL, apply, create, foundation
from tests.pathways.test_training import ENROLL, PROGRAM_CREATE, RECORD, record_input
from tests.support import gid

PATHWAY = """
query ($id: ID!) {
  node(id: $id) {
    ... on StudentProfile {
      pathway { kind occurredOn title detail organization { name } subject { id __typename } }
    }
  }
}"""


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
    await api.gql(AWARD, {"id": application}, token=manager.token)
    await api.gql(FULFILL, {"id": application, "note": "Kit shipped"}, token=manager.token)
    return person, instructor, student_id


async def test_the_student_sees_one_chronological_timeline(api):
    person, _, student_id = await student_with_history(api)
    entries = (await api.gql(PATHWAY, {"id": gid("StudentProfile", student_id)}, token=person.token))["node"]["pathway"]
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
    school_view = (await api.gql(PATHWAY, variables, token=instructor.token))["node"]["pathway"]
    own_view = (await api.gql(PATHWAY, variables, token=person.token))["node"]["pathway"]
    assert school_view == own_view
    employer = await api.person("Employer")
    await api.organization(owner=employer, kinds=("EMPLOYER",))
    employer_view = (await api.gql(PATHWAY, variables, token=employer.token))["node"]["pathway"]
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
    small_kinds = {e["kind"] for e in small_entries["node"]["pathway"]}
    large_kinds = [e["kind"] for e in large_entries["node"]["pathway"]]
    assert {"JOB_HIRED", "MENTORSHIP_ENDED"} <= small_kinds <= set(large_kinds)
    assert large_kinds.count("JOB_APPLIED") == 4 and large_kinds.count("MENTORSHIP_ACCEPTED") == 3
    assert {e["subject"]["__typename"] for e in large_entries["node"]["pathway"] if e["subject"]} >= {
        "Application",
        "Mentorship",
        "Enrollment",
        "ScholarshipApplication",
    }
    assert len(large_kinds) > len(small_kinds) + 20
    assert small.count == large.count, (small.statements, large.statements)
