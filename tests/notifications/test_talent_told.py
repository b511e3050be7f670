"""The talent, pathway and account rows of the who-is-told-what table, and the privacy rules they keep."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.clock import today
from db.models import Credential, Membership, StudentCredential
from resolvers.talent.credential_expiry import announce_expiring
from tests.journeys.steps import MENTORSHIP_ACCEPT, mentor, mentorship
from tests.notifications.support import consume, kinds_of, mailed, prefer, told
from tests.pathways.factories import student_profile
from tests.pathways.test_scholarships import apply as apply_for_award
from tests.pathways.test_scholarships import create as create_award
from tests.pathways.test_scholarships import foundation
from tests.support import gid
from tests.talent import flows
from tests.talent.flows import INVITE
from tests.talent.test_applications import WITHDRAW
from tests.talent.test_invitations import ACCEPT

MEMBER_INVITE = """
mutation ($input: OrganizationMemberInviteInput!) {
  organizationMemberInvite(input: $input) { invitation { email } userErrors { field code } }
}"""


async def test_applications_and_invitations_tell_the_employer_and_the_student(api, db, settings, mailer, mailbox):
    shop = await flows.employer(api, name="Motor City Collision")
    alex = await flows.student(api, visible=True)
    sam = await flows.student(api, visible=True, name="Sam Student")
    job = await flows.posting(api, shop, title="Refinish Apprentice")

    applied = await flows.apply(api, alex, job)
    await flows.move(api, shop.owner.token, applied["application"]["id"], "REVIEWING")
    invited = (
        await api.gql(INVITE, {"input": {"jobPostingId": job, "studentId": sam.profile_gid}}, token=shop.owner.token)
    )["invitationCreate"]
    await consume(db, settings, mailer)
    assert await kinds_of(api, shop.owner) == ["APPLICATION_RECEIVED"]
    assert await kinds_of(api, alex.person) == ["APPLICATION_MOVED"]
    assert await kinds_of(api, sam.person) == ["INVITED_TO_APPLY"]
    [moved] = await told(api, alex.person)
    assert moved["title"] == "Your application is now reviewing" and "Refinish Apprentice" in moved["body"]
    [invitation] = await told(api, sam.person)
    assert invitation["title"] == "Motor City Collision invited you to apply"
    # a student's name is never in what the employer is told
    [application] = await told(api, shop.owner)
    assert "Alex" not in application["title"] + application["body"]

    await api.gql(ACCEPT, {"input": {"id": invited["invitation"]["id"]}}, token=sam.person.token)
    await consume(db, settings, mailer)
    # accepting applies too: the employer hears of both, the student of neither
    assert await kinds_of(api, shop.owner) == ["APPLICATION_RECEIVED", "APPLICATION_RECEIVED", "INVITATION_ACCEPTED"]
    assert await kinds_of(api, sam.person) == ["INVITED_TO_APPLY"]
    assert len(await mailed(mailbox, shop.owner)) == 3
    assert await mailed(mailbox, alex.person) == ["Your application is now reviewing"]


async def test_an_employer_is_never_told_of_a_hidden_student(api, db, settings, mailer):
    # given a hidden student who applies and withdraws before the worker runs
    shop = await flows.employer(api)
    hidden = await flows.student(api, visible=False, name="Hidden Student")
    job = await flows.posting(api, shop)
    applied = await flows.apply(api, hidden, job)
    await api.gql(WITHDRAW, {"input": {"applicationId": applied["application"]["id"]}}, token=hidden.person.token)
    # when the consumer reads the application's events
    await consume(db, settings, mailer)
    # then the employer, who may no longer see the student, is told nothing
    assert await kinds_of(api, shop.owner) == []
    # while a visible student's application, withdrawn the same way, still reaches the employer
    visible = await flows.student(api, visible=True)
    again = await flows.apply(api, visible, job)
    await api.gql(WITHDRAW, {"input": {"applicationId": again["application"]["id"]}}, token=visible.person.token)
    await consume(db, settings, mailer)
    assert await kinds_of(api, shop.owner) == ["APPLICATION_RECEIVED"]


async def test_a_mentor_is_told_of_a_request_and_the_mentee_of_the_answer(api, db, settings, mailer, mailbox):
    mentee = await api.person("New Tech")
    mentor_person, mentor_id = await mentor(api)
    requested = await mentorship(api, mentee, mentor_person, mentor_id, accept=False)
    await consume(db, settings, mailer)
    assert await kinds_of(api, mentor_person) == ["MENTORSHIP_REQUESTED"]
    assert await kinds_of(api, mentee) == []
    accepted = await api.gql(MENTORSHIP_ACCEPT, {"input": {"id": requested}}, token=mentor_person.token)
    assert accepted["mentorshipAccept"]["userErrors"] == []
    await consume(db, settings, mailer)
    assert await kinds_of(api, mentee) == ["MENTORSHIP_ACCEPTED"]
    assert await kinds_of(api, mentor_person) == ["MENTORSHIP_REQUESTED"]
    assert await mailed(mailbox, mentee) == ["Your mentor accepted"]


async def test_a_person_invited_to_an_organization_is_told_only_with_a_confirmed_account(
    api, db, settings, mailer, mailbox
):
    owner = await api.person("Owner")
    org = await api.organization(owner=owner, kinds=("SCHOOL",), name="Warren Career Tech")
    confirmed = await api.person("Confirmed")
    unconfirmed = await api.person("Unconfirmed", verified=False)
    await prefer(api, confirmed, "ORGANIZATION_INVITATION", "IMMEDIATE")  # off by default: the invitation is mailed
    for person in (confirmed, unconfirmed):
        invite = {"input": {"organizationId": gid("Organization", org), "email": person.email}}
        assert (await api.gql(MEMBER_INVITE, invite, token=owner.token))["organizationMemberInvite"]["userErrors"] == []
    await consume(db, settings, mailer)
    assert await kinds_of(api, confirmed) == ["ORGANIZATION_INVITATION"]
    [invitation] = await told(api, confirmed)
    assert invitation["title"] == "Warren Career Tech invites you to join"
    assert invitation["subject"]["id"] == gid("Organization", org)
    assert await kinds_of(api, unconfirmed) == [] and await kinds_of(api, owner) == []
    assert "Warren Career Tech invites you to join" in await mailed(mailbox, confirmed)


async def test_a_sponsor_is_told_when_a_student_applies_for_its_award(api, db, settings, mailer):
    manager, sponsor = await foundation(api)
    award = await create_award(api, manager, sponsor)
    person = await api.person("Applicant")
    await student_profile(api, person)
    assert (await apply_for_award(api, person, award))["userErrors"] == []
    await consume(db, settings, mailer)
    assert await kinds_of(api, manager) == ["SCHOLARSHIP_APPLICATION"]
    assert await kinds_of(api, person) == []


async def test_the_student_and_their_school_are_told_when_a_credential_expires(api, db, settings, mailer, mailbox):
    teacher = await api.person("Teacher")
    school = await api.organization(owner=teacher, kinds=("SCHOOL",))
    other_teacher = await api.person("Other school's teacher")
    await api.organization(owner=other_teacher, kinds=("SCHOOL",))
    shop = await flows.employer(api)
    person = await api.person("Student")
    student = await student_profile(api, person, school_id=school, visible_to_employers=True)
    async with db.write() as session:
        credential = await session.scalar(select(Credential.id).limit(1))
        session.add(
            StudentCredential(
                student_id=student,
                credential_id=credential,
                earned_on=today() - timedelta(days=700),
                expires_on=today() + timedelta(days=25),
            )
        )
    assert await announce_expiring(db) == 1
    await consume(db, settings, mailer)
    assert await kinds_of(api, person) == ["CREDENTIAL_EXPIRING"]
    assert await kinds_of(api, teacher) == ["CREDENTIAL_EXPIRING"]
    assert await kinds_of(api, other_teacher) == [] and await kinds_of(api, shop.owner) == []
    [expiring] = await told(api, person)
    assert "30 days" in expiring["title"]
    assert len(await mailed(mailbox, person)) == 1 and len(await mailed(mailbox, teacher)) == 1
    async with db.read() as session:
        assert await session.scalar(select(Membership.id).where(Membership.user_id == person.id)) is None
