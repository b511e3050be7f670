"""Demo notifications: the demo's rows announced as the use cases would have announced them, so the
notifications consumer (run after seeding) tells every demo account something, unread."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.global_ids import global_id
from db.enums.events import EventType
from db.models import Application, Donation, Invitation, JobInvitation, MentorProfile, Mentorship, StudentProfile
from resolvers.demo import World
from resolvers.donations.events import donation_event
from resolvers.talent.events import application_event, invitation_event, mentorship_event

LIMIT = 50  # of each kind of row: enough to fill an inbox, few enough to seed in a moment
_DONATION_EVENTS = {
    "REQUESTED": EventType.DONATION_REQUESTED,
    "APPROVED": EventType.DONATION_APPROVED,
    "DECLINED": EventType.DONATION_DECLINED,
    "SHIPPED": EventType.DONATION_SHIPPED,
    "RECEIVED": EventType.DONATION_RECEIVED,
}
_MENTORSHIP_EVENTS = {"REQUESTED": EventType.MENTORSHIP_REQUESTED, "ACTIVE": EventType.MENTORSHIP_ACCEPTED}


async def seed(session: AsyncSession, world: World) -> None:
    await session.flush()
    for donation in await session.scalars(select(Donation).order_by(Donation.id).limit(LIMIT)):
        if (donation_type := _DONATION_EVENTS.get(donation.status)) is not None:
            outbox.append(session, donation_event(donation_type, donation, None))
    applications = await session.execute(
        select(Application, StudentProfile)
        .join(StudentProfile, StudentProfile.id == Application.student_id)
        .order_by(Application.id)
        .limit(LIMIT)
    )
    for application, student in applications:
        outbox.append(session, application_event(EventType.APPLICATION_CREATED, application, student))
        if application.status != "APPLIED":
            outbox.append(session, application_event(EventType.APPLICATION_MOVED, application, student, "APPLIED"))
    invitations = await session.execute(
        select(JobInvitation, StudentProfile)
        .join(StudentProfile, StudentProfile.id == JobInvitation.student_id)
        .order_by(JobInvitation.id)
        .limit(LIMIT)
    )
    for invitation, student in invitations:
        outbox.append(session, invitation_event(EventType.INVITATION_CREATED, invitation, student))
    mentorships = await session.execute(
        select(Mentorship, MentorProfile).join(MentorProfile, MentorProfile.id == Mentorship.mentor_id).limit(LIMIT)
    )
    for mentorship, mentor in mentorships:
        if (mentorship_type := _MENTORSHIP_EVENTS.get(mentorship.status)) is not None:
            outbox.append(session, mentorship_event(EventType.MENTORSHIP_REQUESTED, mentorship, mentor))
            if mentorship_type is EventType.MENTORSHIP_ACCEPTED:
                outbox.append(session, mentorship_event(mentorship_type, mentorship, mentor))
    _technician(session, world)
    await _staff_invitation(session, world)


def _technician(session: AsyncSession, world: World) -> None:
    technician = world.users.get("technician")
    if technician is None:
        return
    outbox.append(
        session,
        outbox.Event(
            EventType.TECHNICIAN_LEVEL_REACHED,
            "User",
            technician.id,
            user_ids=(technician.id,),
            data={
                "title": "Refinish level 1 reached",
                "body": "Every requirement of Refinish level 1 is met: level 2 is next in your plan.",
            },
        ),
    )


async def _staff_invitation(session: AsyncSession, world: World) -> None:
    """Staff are invited to the first demo school, as a school invites an advisor."""
    staff, school = world.users.get("staff"), world.schools[0] if world.schools else None
    if staff is None or school is None:
        return
    session.add(Invitation(organization_id=school.id, email=staff.email, role="MEMBER"))
    outbox.append(
        session,
        outbox.Event(
            EventType.ORGANIZATION_INVITATION_CREATED,
            "Organization",
            school.id,
            organization_ids=(school.id,),
            user_ids=(staff.id,),
            data={"organization": global_id("Organization", school.id), "role": "MEMBER"},
        ),
    )
