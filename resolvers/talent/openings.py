"""Hires fill a posting's openings: counted by conditional UPDATEs so hires never pass openings.

A posting whose openings are all filled is FILLED: it leaves the board and takes no applications.
Both changes run inside the caller's write transaction, so a refusal undoes the whole use case.
"""

from __future__ import annotations

from sqlalchemy import case, update
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode
from db.engine import rows_matched
from db.enums.events import EventType
from db.enums.talent import PostingStatus
from db.models import JobPosting
from resolvers.talent.events import job_posting_event


async def fill_opening(session: AsyncSession, posting_id: int) -> None:
    """Count one hire against the posting; refused once every opening is filled."""
    last_one = JobPosting.hires + 1 >= JobPosting.openings
    counted = await session.execute(
        update(JobPosting)
        .where(JobPosting.id == posting_id, JobPosting.hires < JobPosting.openings)
        .values(
            hires=JobPosting.hires + 1,
            updated_at=utcnow(),
            status=case((last_one, PostingStatus.FILLED.value), else_=JobPosting.status),
        )
        .returning(JobPosting.status)
        .execution_options(synchronize_session=False)
    )
    status = counted.scalar_one_or_none()
    if status is None:
        raise DomainError(ErrorCode.NO_OPENINGS_LEFT, "Every opening of this posting is already filled.", "status")
    if status == PostingStatus.FILLED.value:
        posting = await session.get_one(JobPosting, posting_id, populate_existing=True)
        outbox.append(session, job_posting_event(EventType.JOB_POSTING_FILLED, posting, status))


async def set_openings(session: AsyncSession, posting: JobPosting, openings: int) -> None:
    """Change the number of openings, never below the hires made; the posting is FILLED exactly
    when no opening is left, so adding openings to a filled posting opens it again."""
    changed = await session.execute(
        update(JobPosting)
        .where(
            JobPosting.id == posting.id, JobPosting.hires <= openings, JobPosting.status != PostingStatus.CLOSED.value
        )
        .values(
            openings=openings,
            updated_at=utcnow(),
            status=case((JobPosting.hires >= openings, PostingStatus.FILLED.value), else_=PostingStatus.OPEN.value),
        )
        .execution_options(synchronize_session=False)
    )
    await session.refresh(posting)
    if rows_matched(changed) == 0 and posting.status == PostingStatus.CLOSED.value:
        raise DomainError(ErrorCode.POSTING_CLOSED, "A closed posting cannot be changed.", "id")
    if rows_matched(changed) == 0:
        raise DomainError(
            ErrorCode.OPENINGS_BELOW_HIRES,
            f"openings cannot go below the {posting.hires} hire(s) already made.",
            "openings",
        )
