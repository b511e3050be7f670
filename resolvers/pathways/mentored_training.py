"""Apprentice programs with mentors: an enrollment may name the student's active mentorship, and
that mentor may then record the apprentice's module completions while the mentorship lasts.

The pairing comes from the mentorship itself (accepted by the mentor, requested by the student),
so a program cannot name a mentor the student never chose; ending the mentorship ends the right.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode, not_found
from core.viewer import Viewer
from db.enums.talent import MentorshipStatus
from db.models import Enrollment, MentorProfile, Mentorship, StudentProfile


async def students_mentorship(session: AsyncSession, mentorship_id: int, student: StudentProfile) -> Mentorship:
    """The mentorship to attach: it must be this student's (else NOT_FOUND, so others' stay private) and active."""
    mentorship = await session.get(Mentorship, mentorship_id)
    if mentorship is None or mentorship.mentee_id != student.user_id:
        raise not_found("Mentorship", "mentorshipId")
    if mentorship.status != MentorshipStatus.ACTIVE.value:
        raise DomainError(
            ErrorCode.MENTORSHIP_NOT_ACTIVE,
            f"Only an active mentorship can be attached; this one is {mentorship.status}.",
            "mentorshipId",
        )
    return mentorship


async def is_active_mentor(session: AsyncSession, viewer: Viewer, enrollment: Enrollment) -> bool:
    """Whether the viewer mentors this enrollment's student through its attached, still active mentorship."""
    if enrollment.mentorship_id is None or viewer.user_id is None or viewer.is_app:
        return False
    mentor_user_id = await session.scalar(
        select(MentorProfile.user_id)
        .join(Mentorship, Mentorship.mentor_id == MentorProfile.id)
        .where(Mentorship.id == enrollment.mentorship_id, Mentorship.status == MentorshipStatus.ACTIVE.value)
    )
    return mentor_user_id == viewer.user_id
