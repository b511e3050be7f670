"""Training programs, enrollments, module completions, automatic badges and progress, through HTTP."""

from __future__ import annotations

import asyncio
from datetime import date

from sqlalchemy import select

from db.models import (
    AreaBadgeAward,
    Enrollment,
    ModuleCompletion,
    StudentCredential,
    StudentProfile,
    TrainingProgram,
)
from tests.pathways.factories import count, module_ids, student_profile
from tests.support import gid

PROGRAM_CREATE = """
mutation ($input: TrainingProgramCreateInput!) {
  trainingProgramCreate(input: $input) {
    program { id name areas { code modules { code hours } } mentor { id } }
    userErrors { field code message }
  }
}"""
ENROLL = """
mutation ($input: EnrollmentCreateInput!) {
  enrollmentCreate(input: $input) { enrollment { id status enrolledOn } userErrors { field code message } }
}"""
WITHDRAW = """
mutation ($input: EnrollmentWithdrawInput!) {
  enrollmentWithdraw(input: $input) { enrollment { status withdrawnOn } userErrors { field code } }
}"""
RECORD = """
mutation ($input: ModuleCompletionRecordInput!) {
  moduleCompletionRecord(input: $input) {
    completion { completedOn score module { code } }
    enrollment { progress { modulesCompleted modulesTotal hoursCompleted hoursTotal percent } }
    badgeAwarded { code earnedOn }
    userErrors { field code message }
  }
}"""
ENROLLMENT = """
query ($id: ID!) {
  node(id: $id) {
    ... on Enrollment {
      status
      progress { modulesCompleted modulesTotal hoursCompleted hoursTotal percent
                 areas { area { code } modulesCompleted modulesTotal completed } }
      completions { module { code } score }
    }
  }
}"""
CURRICULUM = "{ academyAreas { code name badgeCode hours modules { id code hours } } }"


async def school_with_program(api, areas=("PLASTIC",)):
    instructor = await api.person("Instructor")
    school = await api.organization(owner=instructor, kinds=("SCHOOL",))
    data = await api.gql(
        PROGRAM_CREATE,
        {
            "input": {
                "organizationId": gid("Organization", school),
                "name": "Collision I",
                "areas": list(areas),
            }
        },
        token=instructor.token,
    )
    assert data["trainingProgramCreate"]["userErrors"] == []
    return instructor, school, data["trainingProgramCreate"]["program"]


async def enrolled_student(api, areas=("PLASTIC",)):
    instructor, school, program = await school_with_program(api, areas)
    student = await api.person("Student")
    student_id = await student_profile(api, student, school_id=school)
    data = await api.gql(
        ENROLL,
        {
            "input": {
                "programId": program["id"],
                "studentId": gid("StudentProfile", student_id),
                "enrolledOn": "2026-09-01",
            }
        },
        token=instructor.token,
    )
    assert data["enrollmentCreate"]["userErrors"] == []
    return instructor, student, student_id, data["enrollmentCreate"]["enrollment"]["id"]


def record_input(enrollment_id, module_id, completed_on="2026-10-01", score=90):
    return {
        "input": {
            "enrollmentId": enrollment_id,
            "moduleId": gid("AcademyModule", module_id),
            "completedOn": completed_on,
            "score": score,
        }
    }


async def test_curriculum_ships_five_areas_with_stable_ids(api):
    areas = (await api.gql(CURRICULUM))["academyAreas"]
    assert [a["code"] for a in areas] == ["CRF", "DR", "PLASTIC", "SDR", "PREP"]
    assert areas[2]["badgeCode"] == "ICAR-ACAD-PLASTIC" and areas[2]["hours"] == 24
    assert areas[0]["modules"][0]["id"] == gid("AcademyModule", 1)


async def test_school_creates_program_and_employer_runs_apprentice_program_with_mentor(api):
    _, _, program = await school_with_program(api, ("crf", "PLASTIC", "PLASTIC"))
    assert [a["code"] for a in program["areas"]] == ["CRF", "PLASTIC"]
    owner, mentor = await api.person("Shop owner"), await api.person("Mentor")
    shop = await api.organization(owner=owner, kinds=("EMPLOYER",))
    data = await api.gql(
        PROGRAM_CREATE,
        {
            "input": {
                "organizationId": gid("Organization", shop),
                "name": "Apprentices",
                "areas": ["DR"],
                "mentorUserId": mentor.gid,
            }
        },
        token=owner.token,
    )
    assert data["trainingProgramCreate"]["program"]["mentor"]["id"] == mentor.gid


async def test_program_create_refusals_change_nothing(api):
    owner = await api.person()
    donor = await api.organization(owner=owner, kinds=("DONOR",))
    school = await api.organization(owner=owner, kinds=("SCHOOL",))
    outsider = await api.person()
    cases = [
        (donor, ["CRF"], owner, "WRONG_ORGANIZATION_KIND"),
        (school, ["CRF", "WELDING"], owner, "UNKNOWN_AREA"),
        (school, [], owner, "REQUIRED"),
        (school, ["CRF"], outsider, "PERMISSION_DENIED"),
    ]
    for org, areas, person, code in cases:
        data = await api.gql(
            PROGRAM_CREATE,
            {"input": {"organizationId": gid("Organization", org), "name": "P", "areas": areas}},
            token=person.token,
        )
        assert [e["code"] for e in data["trainingProgramCreate"]["userErrors"]] == [code]
    assert await count(api, TrainingProgram) == 0


async def test_completing_an_area_awards_its_badge_verified_once_and_progress_follows(api):
    instructor, _, student_id, enrollment_id = await enrolled_student(api, ("PLASTIC", "CRF"))
    modules = await module_ids(api, "PLASTIC")
    for i, module_id in enumerate(modules[:-1]):
        data = await api.gql(
            RECORD, record_input(enrollment_id, module_id, f"2026-10-0{i + 1}"), token=instructor.token
        )
        assert data["moduleCompletionRecord"]["badgeAwarded"] is None
    data = await api.gql(RECORD, record_input(enrollment_id, modules[-1], "2026-10-20"), token=instructor.token)
    payload = data["moduleCompletionRecord"]
    assert payload["userErrors"] == []
    assert payload["badgeAwarded"] == {"code": "ICAR-ACAD-PLASTIC", "earnedOn": "2026-10-20"}
    assert payload["enrollment"]["progress"] == {
        "modulesCompleted": 6,
        "modulesTotal": 14,
        "hoursCompleted": 24,
        "hoursTotal": 61,
        "percent": 39.3,
    }
    async with api.db.read() as session:
        held = (await session.scalars(select(StudentCredential))).all()
    assert len(held) == 1 and held[0].student_id == student_id and held[0].verified_at is not None
    assert held[0].verified_by_id == instructor.id and held[0].earned_on == date(2026, 10, 20)
    node = (await api.gql(ENROLLMENT, {"id": enrollment_id}, token=instructor.token))["node"]
    assert [(a["area"]["code"], a["completed"]) for a in node["progress"]["areas"]] == [
        ("CRF", False),
        ("PLASTIC", True),
    ]
    assert len(node["completions"]) == 6


async def test_completing_a_module_twice_is_refused_and_changes_nothing(api):
    instructor, _, _, enrollment_id = await enrolled_student(api)
    module_id = (await module_ids(api, "PLASTIC"))[0]
    await api.gql(RECORD, record_input(enrollment_id, module_id, score=80), token=instructor.token)
    data = await api.gql(RECORD, record_input(enrollment_id, module_id, "2026-10-05", score=95), token=instructor.token)
    assert [(e["code"], e["field"]) for e in data["moduleCompletionRecord"]["userErrors"]] == [
        ("ALREADY_COMPLETED", ["moduleId"])
    ]
    node = (await api.gql(ENROLLMENT, {"id": enrollment_id}, token=instructor.token))["node"]
    assert node["completions"] == [{"module": {"code": "PLASTIC-01"}, "score": 80}]


async def test_recording_for_a_student_not_enrolled_or_a_module_outside_the_program(api):
    instructor, _, _, enrollment_id = await enrolled_student(api)
    crf_module = (await module_ids(api, "CRF"))[0]
    data = await api.gql(RECORD, record_input(enrollment_id, crf_module), token=instructor.token)
    assert [e["code"] for e in data["moduleCompletionRecord"]["userErrors"]] == ["MODULE_NOT_IN_PROGRAM"]
    withdrawn = await api.gql(WITHDRAW, {"input": {"id": enrollment_id}}, token=instructor.token)
    assert withdrawn["enrollmentWithdraw"]["enrollment"]["status"] == "WITHDRAWN"
    plastic_module = (await module_ids(api, "PLASTIC"))[0]
    data = await api.gql(RECORD, record_input(enrollment_id, plastic_module), token=instructor.token)
    assert [(e["code"], e["field"]) for e in data["moduleCompletionRecord"]["userErrors"]] == [
        ("NOT_ENROLLED", ["enrollmentId"])
    ]
    data = await api.gql(RECORD, record_input(gid("Enrollment", 999), plastic_module), token=instructor.token)
    assert [e["code"] for e in data["moduleCompletionRecord"]["userErrors"]] == ["NOT_FOUND"]
    assert await count(api, ModuleCompletion) == 0


async def test_outsiders_cannot_record_or_see_an_enrollment(api):
    _, _, _, enrollment_id = await enrolled_student(api)
    outsider = await api.person()
    module_id = (await module_ids(api, "PLASTIC"))[0]
    data = await api.gql(RECORD, record_input(enrollment_id, module_id), token=outsider.token)
    assert [e["code"] for e in data["moduleCompletionRecord"]["userErrors"]] == ["NOT_FOUND"]
    assert (await api.gql(ENROLLMENT, {"id": enrollment_id}, token=outsider.token))["node"] is None
    assert await count(api, ModuleCompletion) == 0


async def test_enrolling_twice_is_refused_and_a_withdrawn_student_can_return(api):
    instructor, school, program = await school_with_program(api)
    student = await api.person()
    student_id = await student_profile(api, student, school_id=school)
    variables = {"input": {"programId": program["id"], "studentId": gid("StudentProfile", student_id)}}
    first = (await api.gql(ENROLL, variables, token=instructor.token))["enrollmentCreate"]["enrollment"]
    again = await api.gql(ENROLL, variables, token=instructor.token)
    assert [e["code"] for e in again["enrollmentCreate"]["userErrors"]] == ["ALREADY_ENROLLED"]
    await api.gql(WITHDRAW, {"input": {"id": first["id"]}}, token=instructor.token)
    back = (await api.gql(ENROLL, variables, token=instructor.token))["enrollmentCreate"]
    assert back["userErrors"] == [] and back["enrollment"]["id"] == first["id"]
    assert back["enrollment"]["status"] == "ACTIVE"
    assert await count(api, Enrollment) == 1


async def test_a_program_cannot_enroll_a_student_whose_profile_it_cannot_see(api):
    instructor, _, program = await school_with_program(api)
    other_school_student = await api.person()
    student_id = await student_profile(api, other_school_student, school_id=None)
    data = await api.gql(
        ENROLL,
        {"input": {"programId": program["id"], "studentId": gid("StudentProfile", student_id)}},
        token=instructor.token,
    )
    assert [e["code"] for e in data["enrollmentCreate"]["userErrors"]] == ["NOT_FOUND"]
    assert await count(api, Enrollment) == 0


async def test_last_two_modules_completed_concurrently_award_the_badge_exactly_once(api):
    instructor, _, student_id, enrollment_id = await enrolled_student(api)
    modules = await module_ids(api, "PLASTIC")
    for module_id in modules[:-2]:
        await api.gql(RECORD, record_input(enrollment_id, module_id), token=instructor.token)
    results = await asyncio.gather(
        *(
            api.gql(RECORD, record_input(enrollment_id, module_id, "2026-10-02"), token=instructor.token)
            for module_id in modules[-2:]
        )
    )
    assert all(r["moduleCompletionRecord"]["userErrors"] == [] for r in results)
    assert sum(r["moduleCompletionRecord"]["badgeAwarded"] is not None for r in results) == 1
    assert await count(api, StudentCredential, StudentCredential.student_id == student_id) == 1
    assert await count(api, AreaBadgeAward) == 1


async def test_the_same_area_finished_in_a_second_program_does_not_award_again(api):
    instructor, _, student_id, enrollment_id = await enrolled_student(api)
    modules = await module_ids(api, "PLASTIC")
    for module_id in modules:
        await api.gql(RECORD, record_input(enrollment_id, module_id), token=instructor.token)
    # given: the student is now an apprentice at a shop that runs the same area
    async with api.db.write() as session:
        (await session.get(StudentProfile, student_id)).visible_to_employers = True
    owner = await api.person()
    shop = await api.organization(owner=owner, kinds=("EMPLOYER",))
    program = await api.gql(
        PROGRAM_CREATE,
        {"input": {"organizationId": gid("Organization", shop), "name": "Shop", "areas": ["PLASTIC"]}},
        token=owner.token,
    )
    enrolled = await api.gql(
        ENROLL,
        {
            "input": {
                "programId": program["trainingProgramCreate"]["program"]["id"],
                "studentId": gid("StudentProfile", student_id),
            }
        },
        token=owner.token,
    )
    second = enrolled["enrollmentCreate"]["enrollment"]["id"]
    for module_id in modules:
        data = await api.gql(RECORD, record_input(second, module_id, "2026-11-20"), token=owner.token)
        assert data["moduleCompletionRecord"]["userErrors"] == []
        assert data["moduleCompletionRecord"]["badgeAwarded"] is None
    assert await count(api, StudentCredential) == 1


async def test_withdrawal_is_dated_within_the_enrollment_and_only_instructors_record_it(api):
    instructor, student, _, enrollment_id = await enrolled_student(api)
    for withdrawn_on in ("2026-08-31", "2999-01-01"):  # before enrolledOn (2026-09-01), in the future
        data = await api.gql(
            WITHDRAW, {"input": {"id": enrollment_id, "withdrawnOn": withdrawn_on}}, token=instructor.token
        )
        assert data["enrollmentWithdraw"]["userErrors"] == [{"field": ["withdrawnOn"], "code": "OUT_OF_RANGE"}]
    refused = await api.gql(WITHDRAW, {"input": {"id": enrollment_id}}, token=student.token)
    assert refused["enrollmentWithdraw"] == {"enrollment": None, "userErrors": [{"field": ["id"], "code": "NOT_FOUND"}]}
    data = await api.gql(
        WITHDRAW, {"input": {"id": enrollment_id, "withdrawnOn": "2026-10-15"}}, token=instructor.token
    )
    assert data["enrollmentWithdraw"]["enrollment"] == {"status": "WITHDRAWN", "withdrawnOn": "2026-10-15"}
    again = await api.gql(WITHDRAW, {"input": {"id": enrollment_id}}, token=instructor.token)
    assert again["enrollmentWithdraw"]["userErrors"] == [{"field": ["id"], "code": "INVALID_TRANSITION"}]
