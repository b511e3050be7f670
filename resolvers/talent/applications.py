"""Applications: a student applies once per posting; the employer moves it; the student may withdraw."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.errors import DomainError, ErrorCode, not_found
from core.paging import Page, Slice
from core.validation import Checks
from core.viewer import ANY_MEMBER, Scope, Viewer, require_role
from db.engine import Database
from db.enums.events import EventType
from db.enums.talent import ApplicationStatus
from db.models import Application, JobPosting, StudentProfile
from resolvers.talent import application_workflow as workflow
from resolvers.talent import openings as job_openings
from resolvers.talent.application_workflow import Party
from resolvers.talent.events import application_event
from resolvers.talent.jobs import is_open
from resolvers.talent.students import own_profile


def checked_note(text: str | None, field: str, limit: int = 5000) -> str:
    checks = Checks()
    value = checks.text(text, field, max_length=limit, required=False) or ""
    checks.raise_any()
    return value


async def open_application(
    session: AsyncSession, viewer: Viewer, posting: JobPosting, student: StudentProfile, message: str
) -> Application:
    """Insert the application and its first event; the UNIQUE pair refuses a second one."""
    application = Application(
        job_posting_id=posting.id,
        student_id=student.id,
        employer_id=posting.employer_id,
        message=message,
        status=ApplicationStatus.APPLIED.value,
    )
    session.add(application)
    try:
        await session.flush()
    except IntegrityError:
        raise DomainError(ErrorCode.ALREADY_APPLIED, "You already applied to this posting.", "jobPostingId") from None
    workflow.record(session, application.id, viewer, Party.STUDENT, None, ApplicationStatus.APPLIED)
    outbox.append(session, application_event(EventType.APPLICATION_CREATED, application, student))
    return application


async def create(db: Database, viewer: Viewer, posting_id: int, message: str | None) -> Application:
    user_id = viewer.require_person()
    message = checked_note(message, "message")
    async with db.write() as session:
        student = await own_profile(session, user_id)
        posting = await session.get(JobPosting, posting_id)
        if posting is None:
            raise not_found("Job posting", "jobPostingId")
        if not is_open(posting):
            raise DomainError(ErrorCode.POSTING_CLOSED, "This posting no longer takes applications.", "jobPostingId")
        existing = await session.scalar(
            select(Application.id).where(Application.job_posting_id == posting_id, Application.student_id == student.id)
        )
        if existing:
            raise DomainError(ErrorCode.ALREADY_APPLIED, "You already applied to this posting.", "jobPostingId")
        return await open_application(session, viewer, posting, student, message)


async def move(
    db: Database, viewer: Viewer, application_id: int, to: ApplicationStatus, note: str | None
) -> Application:
    """The employer's moves; another employer (or a stranger) gets NOT_FOUND and nothing changes.
    A hire fills one of the posting's openings in the same transaction, or is refused when none is left."""
    note = checked_note(note, "note")
    if to is ApplicationStatus.WITHDRAWN:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "Only the student can withdraw an application.", "status")
    async with db.write() as session:
        application = await session.get(Application, application_id)
        if application is None:
            raise not_found("Application", "applicationId")
        await require_role(
            session, viewer, application.employer_id, roles=ANY_MEMBER, scope=Scope.TALENT_WRITE, hide="Application"
        )
        await workflow.move(session, application, to, Party.EMPLOYER, viewer, note)
        if to is ApplicationStatus.HIRED:
            await job_openings.fill_opening(session, application.job_posting_id)
    return application


async def withdraw(db: Database, viewer: Viewer, application_id: int, note: str | None) -> Application:
    user_id = viewer.require_person()
    note = checked_note(note, "note")
    async with db.write() as session:
        application = await session.get(Application, application_id)
        student = await session.get_one(StudentProfile, application.student_id) if application else None
        if application is None or student is None or student.user_id != user_id:
            raise not_found("Application", "applicationId")
        await workflow.move(session, application, ApplicationStatus.WITHDRAWN, Party.STUDENT, viewer, note)
    return application


@dataclass(frozen=True)
class ApplicationFilter:
    employer_id: int | None = None
    job_posting_id: int | None = None
    student_id: int | None = None
    status: str | None = None


async def browse(db: Database, filter: ApplicationFilter, page: Page) -> Slice[Application]:
    """Applications matching the filter, newest first; callers have already authorized the scope."""
    stmt = select(Application)
    for column, value in (
        (Application.employer_id, filter.employer_id),
        (Application.job_posting_id, filter.job_posting_id),
        (Application.student_id, filter.student_id),
        (Application.status, filter.status),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    stmt = stmt.order_by(Application.created_at.desc(), Application.id.desc())
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())


async def pages_by_posting(
    db: Database, posting_ids: Sequence[int], status: str | None, page: Page
) -> list[Slice[Application]]:
    """The same page of each posting's applications, newest first, in one query for every posting asked about."""
    rank = (
        func.row_number()
        .over(
            partition_by=Application.job_posting_id,
            order_by=(Application.created_at.desc(), Application.id.desc()),
        )
        .label("rank")
    )
    ranking = select(Application.id, rank).where(Application.job_posting_id.in_(posting_ids))
    if status is not None:
        ranking = ranking.where(Application.status == status)
    ranked = ranking.subquery()
    stmt = (
        select(Application, ranked.c.rank)
        .join(ranked, ranked.c.id == Application.id)
        .where(ranked.c.rank > page.offset, ranked.c.rank <= page.offset + page.first + 1)
        .order_by(Application.job_posting_id, ranked.c.rank)
    )
    async with db.read() as session:
        rows = (await session.execute(stmt)).all()
    grouped: dict[int, list[Application]] = {posting_id: [] for posting_id in posting_ids}
    for application, _ in rows:
        grouped[application.job_posting_id].append(application)
    return [page.slice(grouped[posting_id]) for posting_id in posting_ids]
