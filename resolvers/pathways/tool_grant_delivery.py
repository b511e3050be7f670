"""Delivering an awarded tool grant as a donation: the school asks the sponsor's listing for the kit.

Who links what: the awarded student's school requests, against one of its needs, a listing of the
grant's sponsor, naming the award (`toolGrantApplicationId`). The school is the party that receives
the kit and signs for it, and the donation workflow already lets only it request and receive; the
sponsor (the donor) keeps its say by approving or declining, and only its own listing can deliver
its grant, so nobody else's gift is recorded as the sponsor's award.

At most one live donation delivers a grant (a partial UNIQUE index, and the award's row is locked
while checking); when that donation is received, the award is marked fulfilled in the same
transaction, naming the receipt, by the one `mark_fulfilled` that refuses a second fulfilment.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode, not_found
from db.enums.pathways import ScholarshipApplicationStatus, ScholarshipKind
from db.models import Donation, DonationReceipt, Listing, Need, Scholarship, ScholarshipApplication, StudentProfile
from resolvers.pathways.scholarship_fulfillment import delivery_under_way, mark_fulfilled

FIELD = "toolGrantApplicationId"


async def check_deliverable(session: AsyncSession, application_id: int, listing: Listing, need: Need) -> None:
    """Refuse, with a code saying why, any award this listing may not deliver for this need's school."""
    # Locked (on PostgreSQL) so a concurrent request or a manual fulfilment waits for this one.
    application = await session.get(ScholarshipApplication, application_id, with_for_update=True)
    student = await session.get_one(StudentProfile, application.student_id) if application else None
    if application is None or student is None or student.school_id != need.school_id:
        # A school sees only its own students' awards; any other is not there for it.
        raise not_found("Scholarship application", FIELD)
    scholarship = await session.get_one(Scholarship, application.scholarship_id)
    if scholarship.kind != ScholarshipKind.TOOL_GRANT.value:
        raise DomainError(ErrorCode.NOT_A_TOOL_GRANT, "Only a tool grant is delivered as a donation.", FIELD)
    if application.status != ScholarshipApplicationStatus.AWARDED.value:
        raise DomainError(ErrorCode.GRANT_NOT_AWARDED, "This application has not been awarded the grant.", FIELD)
    if application.fulfilled_at is not None:
        raise DomainError(ErrorCode.GRANT_ALREADY_FULFILLED, "This grant has already been delivered.", FIELD)
    if listing.donor_id != scholarship.sponsor_id:
        raise DomainError(
            ErrorCode.NOT_THE_SPONSORS_LISTING,
            "A tool grant is delivered from a listing of the grant's sponsor.",
            "listingId",
        )
    if await delivery_under_way(session, application.id):
        raise DomainError(ErrorCode.GRANT_DELIVERY_OPEN, "A donation for this grant is already under way.", FIELD)


async def fulfil_on_receipt(session: AsyncSession, donation: Donation, receipt: DonationReceipt) -> None:
    """Called by the workflow as the donation is received, inside its transaction."""
    if donation.tool_grant_application_id is None:
        return
    await mark_fulfilled(
        session, donation.tool_grant_application_id, f"Starter tools delivered by donation, receipt {receipt.number}."
    )
