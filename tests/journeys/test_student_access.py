"""One rule for who sees a student: the profile itself and the use cases that act on a student agree."""

from __future__ import annotations

from core.viewer import Viewer
from db.models import StudentProfile
from resolvers.talent.policy import can_see_student
from schema.relay import decode_id
from tests.talent import flows

PROFILE = "query ($id: ID!) { studentProfile(id: $id) { id name } }"
PROGRAM_CREATE = """
mutation ($input: TrainingProgramCreateInput!) {
  trainingProgramCreate(input: $input) { program { id } userErrors { code } }
}"""
ENROLL = """
mutation ($input: EnrollmentCreateInput!) {
  enrollmentCreate(input: $input) { enrollment { id status } userErrors { field code } }
}"""
WITHDRAW = """
mutation ($input: ApplicationWithdrawInput!) {
  applicationWithdraw(input: $input) { application { status } userErrors { code } }
}"""


async def _apprentice_program(api, shop: flows.Employer) -> str:
    data = await api.gql(
        PROGRAM_CREATE,
        {"input": {"organizationId": shop.gid, "name": "Apprentices", "areas": ["DR"]}},
        token=shop.owner.token,
    )
    assert data["trainingProgramCreate"]["userErrors"] == [], data
    return data["trainingProgramCreate"]["program"]["id"]


async def _enroll_codes(api, program: str, student: flows.Student, token: str) -> list[str]:
    data = await api.gql(ENROLL, {"input": {"programId": program, "studentId": student.profile_gid}}, token=token)
    return flows.codes(data["enrollmentCreate"])


async def _sees_profile(api, student: flows.Student, token: str) -> bool:
    return (await api.gql(PROFILE, {"id": student.profile_gid}, token=token))["studentProfile"] is not None


async def test_an_employer_the_student_applied_to_sees_and_enrolls_a_hidden_profile(api):
    shop, other_shop = await flows.employer(api, name="Applied To"), await flows.employer(api, name="Stranger Shop")
    program, other_program = await _apprentice_program(api, shop), await _apprentice_program(api, other_shop)
    alex = await flows.student(api, visible=False)
    assert not await _sees_profile(api, alex, shop.owner.token)
    assert await _enroll_codes(api, program, alex, shop.owner.token) == ["NOT_FOUND"]

    assert (await flows.apply(api, alex, await flows.posting(api, shop)))["userErrors"] == []
    profile = (await api.gql(PROFILE, {"id": alex.profile_gid}, token=shop.owner.token))["studentProfile"]
    assert profile == {"id": alex.profile_gid, "name": "Alex Student"}
    assert await _enroll_codes(api, program, alex, shop.owner.token) == []
    # An employer the student did not apply to is refused on both paths alike.
    assert not await _sees_profile(api, alex, other_shop.owner.token)
    assert await _enroll_codes(api, other_program, alex, other_shop.owner.token) == ["NOT_FOUND"]


async def test_an_employer_app_needs_talent_read_to_see_or_enroll_a_student(api):
    shop = await flows.employer(api)
    program = await _apprentice_program(api, shop)
    alex = await flows.student(api, visible=True)
    writer = await flows.app_token(api, shop, ["TALENT_WRITE"])
    assert not await _sees_profile(api, alex, writer)
    assert await _enroll_codes(api, program, alex, writer) == ["NOT_FOUND"]
    reader_writer = await flows.app_token(api, shop, ["TALENT_READ", "TALENT_WRITE"])
    assert await _sees_profile(api, alex, reader_writer)
    assert await _enroll_codes(api, program, alex, reader_writer) == []


async def test_the_profile_and_the_use_case_check_answer_alike_for_every_kind_of_viewer(api):
    teacher = await api.person("Teacher")
    school = await api.organization(owner=teacher, kinds=("SCHOOL",))
    applied_to, withdrawn_from, bystander = [await flows.employer(api, name=n) for n in ("A", "B", "C")]
    hidden = await flows.student(api, visible=False, school_id=school, name="Hidden Student")
    shown = await flows.student(api, visible=True, name="Shown Student")
    assert (await flows.apply(api, hidden, await flows.posting(api, applied_to)))["userErrors"] == []
    withdrawn = (await flows.apply(api, hidden, await flows.posting(api, withdrawn_from)))["application"]["id"]
    await api.gql(WITHDRAW, {"input": {"applicationId": withdrawn}}, token=hidden.person.token)
    staff, stranger = await api.person(staff=True), await api.person()
    viewers = {
        "student": hidden.person,
        "teacher": teacher,
        "staff": staff,
        "stranger": stranger,
        "applied-to employer": applied_to.owner,
        "withdrawn-from employer": withdrawn_from.owner,
        "bystander employer": bystander.owner,
    }
    answers = {}
    for student in (hidden, shown):
        async with api.db.read() as session:
            row = await session.get(StudentProfile, decode_id(student.profile_gid, "StudentProfile"))
            for name, person in viewers.items():
                viewer = Viewer(user_id=person.id, is_staff=person is staff)
                by_use_case = await can_see_student(session, viewer, row)
                by_profile = await _sees_profile(api, student, person.token)
                assert by_use_case == by_profile, (name, student.profile_gid)
                answers[name, student is hidden] = by_profile
    assert [name for name in viewers if answers[name, True]] == ["student", "teacher", "staff", "applied-to employer"]
    assert [name for name in viewers if answers[name, False]] == [
        "staff",
        "applied-to employer",
        "withdrawn-from employer",
        "bystander employer",
    ]
