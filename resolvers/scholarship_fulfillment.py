"""Delivering an award: a sponsor marks it fulfilled, and other workflows do so through `mark_fulfilled`.

A tool grant is meant to be delivered as a starter tool kit from a donor listing through the
donation workflow. That workflow calls `mark_fulfilled` in its own transaction when the donation
for an awarded application is received; it may then also store the donation's id on the award.
"""
from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import utcnow
from db.engine import Database
from db.enums import ApplicationStatus
from db.models import Scholarship, ScholarshipApplication
from resolvers.errors import DomainError, ErrorCode, not_found
from resolvers.validation import Checks
from resolvers.viewer import MANAGERS, Viewer, require_role


async def mark_fulfilled(session: AsyncSession, application_id: int, note: str) -> None:
    """Record, once, how an AWARDED application was delivered; refuse anything else."""
    done = (await session.execute(
        update(ScholarshipApplication)
        .where(ScholarshipApplication.id == application_id,
               ScholarshipApplication.status == ApplicationStatus.AWARDED.value,
               ScholarshipApplication.fulfilled_at.is_(None))
        .values(fulfillment_note=note, fulfilled_at=utcnow(), updated_at=utcnow())
        .returning(ScholarshipApplication.id)
        .execution_options(synchronize_session=False)
    )).scalar_one_or_none()
    if done is None:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "Only an award not yet fulfilled can be fulfilled.", "id")


async def fulfill(db: Database, viewer: Viewer, application_id: int, note: str) -> ScholarshipApplication:
    checks = Checks()
    note = checks.text(note, "note", max_length=2000)
    checks.raise_any()
    async with db.write() as session:
        application = await session.get(ScholarshipApplication, application_id)
        if application is None:
            raise not_found("Scholarship application")
        scholarship = await session.get(Scholarship, application.scholarship_id)
        await require_role(session, viewer, scholarship.sponsor_id, roles=MANAGERS, hide="Scholarship application")
        await mark_fulfilled(session, application.id, note)
        return await session.get(ScholarshipApplication, application.id, populate_existing=True)
