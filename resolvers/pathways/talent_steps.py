"""Pathway steps from the talent exchange: job applications, accepted invitations and mentorship.

Each source is one query whatever the number of students. Job steps name the employer as their
organization, which is what lets that employer (and no other) see them: the student released them
by applying. Mentorship steps name no organization, so only the student and their school see them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from db.enums.talent import ApplicationStatus as A
from db.enums.talent import InvitationStatus, MentorshipStatus
from db.models import (
    Application,
    ApplicationEvent,
    JobInvitation,
    JobPosting,
    MentorProfile,
    Mentorship,
    Organization,
    StudentProfile,
    User,
)
from resolvers.pathways.timeline_entries import TimelineEntry

# The application moves worth a step on the pathway; REVIEWING is the employer's internal triage.
JOB_STEPS = {
    A.APPLIED.value: ("JOB_APPLIED", "Applied for {title} at {employer}"),
    A.INTERVIEW.value: ("JOB_INTERVIEW", "Invited to interview for {title} at {employer}"),
    A.OFFERED.value: ("JOB_OFFERED", "Offered {title} at {employer}"),
    A.HIRED.value: ("JOB_HIRED", "Hired as {title} at {employer}"),
    A.REJECTED.value: ("JOB_REJECTED", "Not selected for {title} at {employer}"),
    A.WITHDRAWN.value: ("JOB_APPLICATION_WITHDRAWN", "Withdrew the application for {title} at {employer}"),
}
INVITATION_ACCEPTED = "JOB_INVITATION_ACCEPTED"
JOB_KINDS = frozenset({kind for kind, _ in JOB_STEPS.values()} | {INVITATION_ACCEPTED})


async def job_applications(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    """One step per recorded move (the application's events are its history, so dates are exact)."""
    rows = await session.execute(
        select(
            ApplicationEvent.id,
            ApplicationEvent.to_status,
            ApplicationEvent.created_at,
            Application.id,
            Application.student_id,
            Application.employer_id,
            JobPosting.title,
            Organization.name,
        )
        .join(Application, Application.id == ApplicationEvent.application_id)
        .join(JobPosting, JobPosting.id == Application.job_posting_id)
        .join(Organization, Organization.id == Application.employer_id)
        .where(Application.student_id.in_(student_ids), ApplicationEvent.to_status.in_(list(JOB_STEPS)))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for event_id, to_status, at, application_id, student_id, employer_id, title, employer in rows:
        kind, template = JOB_STEPS[to_status]
        found[student_id].append(
            TimelineEntry(
                kind,
                at.date(),
                template.format(title=title, employer=employer),
                at,
                organization_id=employer_id,
                subject_type="Application",
                subject_id=application_id,
                record_id=event_id,
            )
        )
    return found


async def accepted_invitations(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    """Only accepted invitations: a pending or declined one released nothing and is not a step."""
    rows = await session.execute(
        select(JobInvitation, JobPosting.title, Organization.name)
        .join(JobPosting, JobPosting.id == JobInvitation.job_posting_id)
        .join(Organization, Organization.id == JobInvitation.employer_id)
        .where(
            JobInvitation.student_id.in_(student_ids),
            JobInvitation.status == InvitationStatus.ACCEPTED.value,
            JobInvitation.responded_at.is_not(None),
        )
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for invitation, title, employer in rows:
        responded_at = invitation.responded_at
        if responded_at is None:  # excluded by the query; this tells the type checker
            continue
        found[invitation.student_id].append(
            TimelineEntry(
                INVITATION_ACCEPTED,
                responded_at.date(),
                f"Accepted {employer}'s invitation to apply for {title}",
                responded_at,
                organization_id=invitation.employer_id,
                subject_type="JobInvitation",
                subject_id=invitation.id,
                record_id=invitation.id,
            )
        )
    return found


async def mentorships(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    """Mentorships of the student's account (a mentee is a user, so join through the profile)."""
    mentor_user = aliased(User)
    rows = await session.execute(
        select(Mentorship, StudentProfile.id, mentor_user.name)
        .join(StudentProfile, StudentProfile.user_id == Mentorship.mentee_id)
        .join(MentorProfile, MentorProfile.id == Mentorship.mentor_id)
        .join(mentor_user, mentor_user.id == MentorProfile.user_id)
        .where(StudentProfile.id.in_(student_ids))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for mentorship, student_id, mentor in rows:
        common: dict[str, Any] = {"subject_type": "Mentorship", "subject_id": mentorship.id, "record_id": mentorship.id}
        entries = found[student_id]
        entries.append(
            TimelineEntry(
                "MENTORSHIP_REQUESTED",
                mentorship.created_at.date(),
                f"Asked {mentor} for mentorship",
                mentorship.created_at,
                **common,
            )
        )
        if mentorship.accepted_at is not None:
            entries.append(
                TimelineEntry(
                    "MENTORSHIP_ACCEPTED",
                    mentorship.accepted_at.date(),
                    f"Began mentorship with {mentor}",
                    mentorship.accepted_at,
                    **common,
                )
            )
        if mentorship.status == MentorshipStatus.ENDED.value and mentorship.ended_at is not None:
            entries.append(
                TimelineEntry(
                    "MENTORSHIP_ENDED",
                    mentorship.ended_at.date(),
                    f"Ended mentorship with {mentor}",
                    mentorship.ended_at,
                    **common,
                )
            )
    return found
