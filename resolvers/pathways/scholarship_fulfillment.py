"""Delivering an award: a sponsor marks it fulfilled, and other workflows do so through `mark_fulfilled`.

A tool grant may be delivered as a starter tool kit from the sponsor's listing through the
donation workflow (see `tool_grant_delivery`): receiving that donation calls `mark_fulfilled` in
the workflow's transaction. While such a donation is under way the sponsor cannot fulfil by hand.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.validation import Checks
from core.viewer import MANAGERS, Viewer, require_role
from db.engine import Database
from db.enums.donations import DonationStatus
from db.enums.pathways import ScholarshipApplicationStatus
from db.models import Donation, Scholarship, ScholarshipApplication

DELIVERY_UNDER_WAY = (DonationStatus.REQUESTED.value, DonationStatus.APPROVED.value, DonationStatus.SHIPPED.value)


async def delivery_under_way(session: AsyncSession, application_id: int) -> bool:
    """Whether a donation delivering this award is requested, approved or shipped."""
    return (
        await session.scalar(
            select(Donation.id).where(
                Donation.tool_grant_application_id == application_id, Donation.status.in_(DELIVERY_UNDER_WAY)
            )
        )
        is not None
    )


async def mark_fulfilled(session: AsyncSession, application_id: int, note: str) -> None:
    """Record, once, how an AWARDED application was delivered; refuse anything else."""
    done = (
        await session.execute(
            update(ScholarshipApplication)
            .where(
                ScholarshipApplication.id == application_id,
                ScholarshipApplication.status == ScholarshipApplicationStatus.AWARDED.value,
                ScholarshipApplication.fulfilled_at.is_(None),
            )
            .values(fulfillment_note=note, fulfilled_at=utcnow(), updated_at=utcnow())
            .returning(ScholarshipApplication.id)
            .execution_options(synchronize_session=False)
        )
    ).scalar_one_or_none()
    if done is None:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "Only an award not yet fulfilled can be fulfilled.", "id")


async def fulfill(db: Database, viewer: Viewer, application_id: int, note: str) -> ScholarshipApplication:
    checks = Checks()
    note = checks.text(note, "note", max_length=2000)
    checks.raise_any()
    async with db.write() as session:
        # Locked (on PostgreSQL) against a donation being requested to deliver it at the same time.
        application = await session.get(ScholarshipApplication, application_id, with_for_update=True)
        if application is None:
            raise not_found("Scholarship application")
        scholarship = await session.get_one(Scholarship, application.scholarship_id)
        await require_role(session, viewer, scholarship.sponsor_id, roles=MANAGERS, hide="Scholarship application")
        if await delivery_under_way(session, application.id):
            raise DomainError(
                ErrorCode.GRANT_DELIVERY_OPEN,
                "A donation delivering this grant is under way; it is fulfilled when received.",
                "id",
            )
        await mark_fulfilled(session, application.id, note)
        return await session.get_one(ScholarshipApplication, application.id, populate_existing=True)
