"""Invitations: an employer invites a visible student to apply, a capped number per week."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.viewer import ANY_MEMBER, Scope, Viewer, require_role
from db.engine import Database, rows_matched
from db.enums.events import EventType
from db.enums.talent import InvitationStatus
from db.models import Application, JobInvitation, JobPosting, Organization, StudentProfile
from resolvers.talent.applications import checked_note, open_application
from resolvers.talent.events import invitation_event
from resolvers.talent.jobs import is_open

CAP_WINDOW = timedelta(days=7)


async def create(
    db: Database, viewer: Viewer, posting_id: int, student_id: int, message: str | None, weekly_cap: int
) -> JobInvitation:
    message = checked_note(message, "message", 2000)
    async with db.write() as session:
        posting = await session.get(JobPosting, posting_id)
        if posting is None:
            raise not_found("Job posting", "jobPostingId")
        await require_role(
            session, viewer, posting.employer_id, roles=ANY_MEMBER, scope=Scope.TALENT_WRITE, hide="Job posting"
        )
        student = await session.get(StudentProfile, student_id)
        if student is None or not student.visible_to_employers:
            raise not_found("Student profile", "studentId")
        if not is_open(posting):
            raise DomainError(ErrorCode.POSTING_CLOSED, "This posting no longer takes applications.", "jobPostingId")
        # Count inside the write transaction, after locking the employer's row on PostgreSQL (SQLite's
        # BEGIN IMMEDIATE already serializes writers), so concurrent invitations cannot overshoot the cap.
        await session.get(Organization, posting.employer_id, with_for_update=True, populate_existing=True)
        sent = await session.scalar(
            select(func.count()).where(
                JobInvitation.employer_id == posting.employer_id, JobInvitation.created_at >= utcnow() - CAP_WINDOW
            )
        )
        if (sent or 0) >= weekly_cap:
            raise DomainError(
                ErrorCode.RATE_LIMITED,
                f"Your organization has sent its {weekly_cap} invitations for this week.",
                "studentId",
            )
        duplicate = await session.scalar(
            select(JobInvitation.id).where(
                JobInvitation.job_posting_id == posting_id, JobInvitation.student_id == student_id
            )
        )
        if duplicate:
            raise DomainError(
                ErrorCode.ALREADY_INVITED, "This student was already invited to this posting.", "studentId"
            )
        applied = await session.scalar(
            select(Application.id).where(Application.job_posting_id == posting_id, Application.student_id == student_id)
        )
        if applied:
            raise DomainError(ErrorCode.ALREADY_APPLIED, "This student already applied to this posting.", "studentId")
        invitation = JobInvitation(
            job_posting_id=posting_id,
            student_id=student_id,
            employer_id=posting.employer_id,
            sent_by_id=viewer.user_id,
            message=message,
        )
        session.add(invitation)
        await session.flush()
        outbox.append(session, invitation_event(EventType.INVITATION_CREATED, invitation, student))
    return invitation


async def respond(
    db: Database, viewer: Viewer, invitation_id: int, accept: bool
) -> tuple[JobInvitation, Application | None]:
    """The student accepts (which applies for them and releases their name and contact) or declines."""
    user_id = viewer.require_person()
    async with db.write() as session:
        invitation = await session.get(JobInvitation, invitation_id)
        student = await session.get_one(StudentProfile, invitation.student_id) if invitation else None
        if invitation is None or student is None or student.user_id != user_id:
            raise not_found("Invitation")
        posting = await session.get_one(JobPosting, invitation.job_posting_id)
        if accept and not is_open(posting):
            raise DomainError(ErrorCode.POSTING_CLOSED, "This posting no longer takes applications.", "id")
        to = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
        now = utcnow()
        answered = await session.execute(
            update(JobInvitation)
            .where(JobInvitation.id == invitation_id, JobInvitation.status == InvitationStatus.PENDING.value)
            .values(status=to.value, responded_at=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if rows_matched(answered) == 0:
            raise DomainError(ErrorCode.INVALID_TRANSITION, f"This invitation is already {invitation.status}.", "id")
        invitation.status, invitation.responded_at = to.value, now
        announced = EventType.INVITATION_ACCEPTED if accept else EventType.INVITATION_DECLINED
        outbox.append(session, invitation_event(announced, invitation, student))
        application = None
        if accept:
            application = await session.scalar(
                select(Application).where(
                    Application.job_posting_id == posting.id, Application.student_id == student.id
                )
            )
            if application is None:
                application = await open_application(session, viewer, posting, student, "")
    return invitation, application
