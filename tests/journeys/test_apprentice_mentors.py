"""Apprentice programs with mentors: an enrollment names the apprentice's active mentorship, and that
mentor records module completions while the mentorship lasts."""

from __future__ import annotations

from db.models import Enrollment, ModuleCompletion
from tests.journeys import steps
from tests.pathways.factories import count, module_ids, student_profile
from tests.pathways.test_training import PROGRAM_CREATE, record_input
from tests.support import gid
from tests.talent import flows

ENROLL = """
mutation ($input: EnrollmentCreateInput!) {
  enrollmentCreate(input: $input) {
    enrollment { id mentorship { id status } }
    userErrors { field code message }
  }
}"""
RECORD = """
mutation ($input: ModuleCompletionRecordInput!) {
  moduleCompletionRecord(input: $input) {
    completion { module { code } }
    userErrors { field code message }
  }
}"""
ENROLLMENT = """
query ($id: ID!) { node(id: $id) { ... on Enrollment { mentorship { id } completions { module { code } } } } }"""


async def apprentice_shop(api):
    """A shop's apprentice program, an apprentice (visible to employers) and their mentor."""
    shop = await flows.employer(api, name="Motor City Collision")
    program = (
        await api.gql(
            PROGRAM_CREATE,
            {"input": {"organizationId": shop.gid, "name": "Apprentice track", "areas": ["PLASTIC"]}},
            token=shop.owner.token,
        )
    )["trainingProgramCreate"]["program"]
    person = await api.person("Ari Apprentice")
    student = gid("StudentProfile", await student_profile(api, person, visible_to_employers=True))
    mentor_person, mentor_id = await steps.mentor(api)
    return shop, program, person, student, mentor_person, mentor_id


def enroll_input(program, student, mentorship=None) -> dict:
    return {
        "input": {
            "programId": program["id"],
            "studentId": student,
            "enrolledOn": "2026-09-01",
            "mentorshipId": mentorship,
        }
    }


async def test_the_mentor_of_an_attached_mentorship_records_completions_while_it_lasts(api):
    shop, program, person, student, mentor_person, mentor_id = await apprentice_shop(api)
    mentorship = await steps.mentorship(api, person, mentor_person, mentor_id)
    enrolled = (await api.gql(ENROLL, enroll_input(program, student, mentorship), token=shop.owner.token))[
        "enrollmentCreate"
    ]
    assert enrolled["userErrors"] == []
    enrollment = enrolled["enrollment"]["id"]
    # The shop does not see the mentorship itself (only its two parties do); the mentor and apprentice do.
    assert enrolled["enrollment"]["mentorship"] is None
    for token in (mentor_person.token, person.token):
        node = (await api.gql(ENROLLMENT, {"id": enrollment}, token=token))["node"]
        assert node["mentorship"] == {"id": mentorship}
    first, second = (await module_ids(api, "PLASTIC"))[:2]
    # when
    recorded = (await api.gql(RECORD, record_input(enrollment, first, "2026-10-01"), token=mentor_person.token))[
        "moduleCompletionRecord"
    ]
    # then
    assert recorded["userErrors"] == [] and recorded["completion"]["module"]["code"].startswith("PLASTIC")
    other_mentor, _ = await steps.mentor(api, "Other Mentor")
    refused = await api.gql(RECORD, record_input(enrollment, second, "2026-10-02"), token=other_mentor.token)
    assert [e["code"] for e in refused["moduleCompletionRecord"]["userErrors"]] == ["NOT_FOUND"]
    await api.gql(steps.MENTORSHIP_END, {"input": {"id": mentorship}}, token=person.token)
    after_end = await api.gql(RECORD, record_input(enrollment, second, "2026-10-02"), token=mentor_person.token)
    assert [e["code"] for e in after_end["moduleCompletionRecord"]["userErrors"]] == ["NOT_FOUND"]
    assert (await api.gql(ENROLLMENT, {"id": enrollment}, token=mentor_person.token))["node"] is None
    assert await count(api, ModuleCompletion) == 1


async def test_only_the_students_active_mentorship_can_be_attached(api):
    shop, program, person, student, mentor_person, mentor_id = await apprentice_shop(api)
    someone_else = await api.person("Someone Else")
    others = await steps.mentorship(api, someone_else, mentor_person, mentor_id)
    pending = await steps.mentorship(api, person, mentor_person, mentor_id, accept=False)
    for mentorship, code in (
        (others, "NOT_FOUND"),
        (pending, "MENTORSHIP_NOT_ACTIVE"),
        (gid("Mentorship", 999_999), "NOT_FOUND"),
    ):
        payload = (await api.gql(ENROLL, enroll_input(program, student, mentorship), token=shop.owner.token))[
            "enrollmentCreate"
        ]
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["mentorshipId"], code)], payload
    wrong_type = await api.gql(ENROLL, enroll_input(program, student, student), token=shop.owner.token)
    assert wrong_type["enrollmentCreate"]["userErrors"][0]["field"] == ["mentorshipId"]
    assert await count(api, Enrollment) == 0
