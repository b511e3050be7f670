"""The pathway's talent steps: job applications, accepted invitations and mentorship, and who sees which."""

from __future__ import annotations

from datetime import date

from tests.journeys import steps
from tests.pathways.factories import student_credential, student_profile
from tests.pathways.test_pathway import PATHWAY, steps_of
from tests.support import gid
from tests.talent import flows
from tests.talent.flows import INVITE, Student

INVITATION_ACCEPT = """
mutation ($input: InvitationAcceptInput!) {
  invitationAccept(input: $input) { invitation { status } userErrors { code } }
}"""


async def pathway(api, student: Student, token):
    data = await api.gql(PATHWAY, {"id": student.profile_gid}, token=token)
    return None if data["node"] is None else steps_of(data)


def kinds(entries) -> list[str]:
    return [e["kind"] for e in entries]


async def job_seeker(api, *, visible: bool):
    """A student at a school with a credential, hired by one shop and turned down by another."""
    teacher = await api.person("Teacher")
    school = await api.organization(owner=teacher, kinds=("SCHOOL",), name="Detroit Career Tech")
    person = await api.person("Sam Student")
    student_id = await student_profile(api, person, school_id=school, visible_to_employers=visible)
    await student_credential(api, student_id, "ASE-EL-MLR", date(2026, 6, 15))
    student = Student(person, gid("StudentProfile", student_id))
    hiring = await flows.employer(api, name="Motor City Collision")
    other = await flows.employer(api, name="Dearborn Body Works")
    await steps.application(api, student, hiring, moves=("REVIEWING", "INTERVIEW", "OFFERED", "HIRED"))
    await steps.application(api, student, other, moves=("REJECTED",), title="Estimator")
    return teacher, student, hiring, other


async def test_the_student_sees_applications_invitations_and_mentorship_in_order(api):
    teacher, student, _hiring, _other = await job_seeker(api, visible=True)
    inviting = await flows.employer(api, name="Warren Auto Body")
    job = await flows.posting(api, inviting, title="Apprentice")
    sent = await api.gql(
        INVITE, {"input": {"jobPostingId": job, "studentId": student.profile_gid}}, token=inviting.owner.token
    )
    accepted = await api.gql(
        INVITATION_ACCEPT, {"input": {"id": sent["invitationCreate"]["invitation"]["id"]}}, token=student.person.token
    )
    assert accepted["invitationAccept"]["userErrors"] == []
    mentor_person, mentor_id = await steps.mentor(api, "Morgan Mentor")
    await steps.mentorship(api, student.person, mentor_person, mentor_id, end=True)
    # when
    entries = await pathway(api, student, student.person.token)
    # then
    # Everything happened today, so the steps follow the same-day order of their kinds.
    assert kinds(entries) == [
        "CREDENTIAL_EARNED",
        "MENTORSHIP_REQUESTED",
        "MENTORSHIP_ACCEPTED",
        "JOB_INVITATION_ACCEPTED",
        "JOB_APPLIED",
        "JOB_APPLIED",
        "JOB_APPLIED",
        "JOB_INTERVIEW",
        "JOB_OFFERED",
        "JOB_HIRED",  # no REVIEWING:
        "JOB_REJECTED",
        "MENTORSHIP_ENDED",  # the shop's triage
    ]
    by_kind = {e["kind"]: e for e in entries}
    assert by_kind["JOB_HIRED"]["title"] == "Hired as Collision Technician at Motor City Collision"
    assert by_kind["JOB_HIRED"]["organization"]["name"] == "Motor City Collision"
    assert by_kind["JOB_REJECTED"]["title"] == "Not selected for Estimator at Dearborn Body Works"
    assert (
        by_kind["JOB_INVITATION_ACCEPTED"]["title"] == "Accepted Warren Auto Body's invitation to apply for Apprentice"
    )
    assert by_kind["MENTORSHIP_ENDED"]["title"] == "Ended mentorship with Morgan Mentor"
    assert by_kind["MENTORSHIP_ENDED"]["organization"] is None
    subjects = [e["subject"]["__typename"] if e["subject"] else None for e in entries]
    assert subjects[1:] == ["Mentorship"] * 2 + ["JobInvitation"] + ["Application"] * 7 + ["Mentorship"]
    # The school sees every step, and each record behind it only through that record's own rules.
    school_view = await pathway(api, student, teacher.token)
    assert kinds(school_view) == kinds(entries)
    assert [e["subject"] for e in school_view[1:]] == [None] * 11


async def test_an_employer_sees_the_steps_of_applications_to_it_and_nothing_else(api):
    _, student, hiring, other = await job_seeker(api, visible=True)
    mentor_person, mentor_id = await steps.mentor(api)
    await steps.mentorship(api, student.person, mentor_person, mentor_id)
    hiring_view = await pathway(api, student, hiring.owner.token)
    assert kinds(hiring_view) == ["CREDENTIAL_EARNED", "JOB_APPLIED", "JOB_INTERVIEW", "JOB_OFFERED", "JOB_HIRED"]
    assert {e["subject"]["__typename"] for e in hiring_view[1:]} == {"Application"}
    other_view = await pathway(api, student, other.owner.token)
    assert kinds(other_view) == ["CREDENTIAL_EARNED", "JOB_APPLIED", "JOB_REJECTED"]
    assert {e["organization"]["name"] for e in other_view[1:]} == {"Dearborn Body Works"}
    bystander = await flows.employer(api, name="Unrelated Shop")
    assert kinds(await pathway(api, student, bystander.owner.token)) == ["CREDENTIAL_EARNED"]


async def test_applying_releases_only_that_application_of_a_hidden_profile(api):
    _, student, hiring, other = await job_seeker(api, visible=False)
    # Applying released the profile to both shops, but credentials stay unreleased to employers.
    assert kinds(await pathway(api, student, hiring.owner.token)) == [
        "JOB_APPLIED",
        "JOB_INTERVIEW",
        "JOB_OFFERED",
        "JOB_HIRED",
    ]
    assert kinds(await pathway(api, student, other.owner.token)) == ["JOB_APPLIED", "JOB_REJECTED"]
    bystander = await flows.employer(api, name="Unrelated Shop")
    assert await pathway(api, student, bystander.owner.token) is None
    assert await pathway(api, student, None) is None


async def test_a_shop_app_without_talent_read_sees_no_application_steps(api):
    _, student, hiring, _ = await job_seeker(api, visible=True)
    content_only = await flows.app_token(api, hiring, ["CONTENT_WRITE"])
    talent = await flows.app_token(api, hiring, ["TALENT_READ"])
    assert await pathway(api, student, content_only) is None
    assert kinds(await pathway(api, student, talent)) == [
        "CREDENTIAL_EARNED",
        "JOB_APPLIED",
        "JOB_INTERVIEW",
        "JOB_OFFERED",
        "JOB_HIRED",
    ]
