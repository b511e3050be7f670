"""Donation requests and every later step, with who may take each one.

Only members of the need's school (or its app, with donations:write) request and receive; only the
donor's members approve, decline and ship; either side cancels. Anyone else is told NOT_FOUND.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.insert_once import insert_once
from core.paging import Page, Slice
from core.validation import Checks
from core.viewer import Scope, Viewer, require_role
from db.engine import Database
from db.enums.donations import DonationStatus, FulfillmentMethod, ListingStatus, NeedStatus
from db.models import Donation, Listing, Membership, Need
from db.models.donations.donations import OPEN_DONATION
from resolvers.donations import policy
from resolvers.donations import workflow as donation_workflow
from resolvers.donations.needs import MAX_QUANTITY
from resolvers.donations.workflow import MACHINE, Action, Actor, Party
from resolvers.pathways import tool_grant_delivery


async def request(
    db: Database,
    viewer: Viewer,
    *,
    listing_id: int,
    need_id: int,
    quantity: int,
    message: str | None,
    tool_grant_application_id: int | None = None,
) -> Donation:
    checks = Checks()
    checks.in_range(quantity, "quantity", low=1, high=MAX_QUANTITY)
    message = checks.text(message, "message", max_length=2000, required=False) or ""
    checks.raise_any()
    async with db.write() as session:
        need = await session.get(Need, need_id)
        if need is None:
            raise not_found("Need", "needId")
        try:
            await require_role(session, viewer, need.school_id, scope=Scope.DONATIONS_WRITE)
        except DomainError as error:
            if error.code is ErrorCode.PERMISSION_DENIED:
                raise DomainError(
                    ErrorCode.PERMISSION_DENIED, "Only the need's school can request for it.", "needId"
                ) from error
            raise
        listing = await session.get(Listing, listing_id)
        if listing is None:
            raise not_found("Listing", "listingId")
        _check_request(listing, need, quantity)
        if tool_grant_application_id is not None:
            await tool_grant_delivery.check_deliverable(session, tool_grant_application_id, listing, need)
        # The partial unique index decides, so two racing requests cannot both open one.
        donation_id = await insert_once(
            session,
            Donation,
            {
                "listing_id": listing_id,
                "need_id": need_id,
                "donor_id": listing.donor_id,
                "school_id": need.school_id,
                "quantity": quantity,
                "status": DonationStatus.REQUESTED.value,
                "message": message,
                "tool_grant_application_id": tool_grant_application_id,
            },
            ["need_id", "listing_id"],
            where=OPEN_DONATION,
        )
        if donation_id is None:
            raise DomainError(
                ErrorCode.DUPLICATE, "This need already has an open request for this listing.", "listingId"
            )
        donation = await session.get_one(Donation, donation_id)
        donation_workflow.record(
            session, donation, None, DonationStatus.REQUESTED, Actor.of(viewer, need.school_id), message or None
        )
    return donation


def _check_request(listing: Listing, need: Need, quantity: int) -> None:
    if listing.donor_id == need.school_id:
        raise DomainError(ErrorCode.OWN_LISTING, "An organization cannot request its own listing.", "listingId")
    status = listing.status_at(utcnow())
    if status is ListingStatus.EXPIRED:
        raise DomainError(
            ErrorCode.LISTING_EXPIRED, "This listing is no longer available (past its date).", "listingId"
        )
    if status in (ListingStatus.WITHDRAWN, ListingStatus.DONATED):
        raise DomainError(ErrorCode.LISTING_UNAVAILABLE, f"This listing is {status.value.lower()}.", "listingId")
    if quantity > listing.quantity_available:
        raise DomainError(
            ErrorCode.INSUFFICIENT_QUANTITY,
            f"Only {listing.quantity_available} of this listing are available.",
            "quantity",
        )
    if need.status is not NeedStatus.OPEN:
        raise DomainError(ErrorCode.NEED_NOT_OPEN, f"This need is {need.status.value.lower()}.", "needId")
    if quantity > need.quantity - need.quantity_received:
        raise DomainError(
            ErrorCode.EXCEEDS_NEED, f"The need asks for {need.quantity - need.quantity_received} more.", "quantity"
        )


async def _parties(session: AsyncSession, viewer: Viewer, donation: Donation) -> tuple[set[Party], set[Party]]:
    """(parties the viewer sees the donation as, parties the viewer may act for)."""
    sides = {Party.DONOR: donation.donor_id, Party.SCHOOL: donation.school_id}
    if viewer.is_app:
        member_of: set[int] = {viewer.app_organization_id} if viewer.app_organization_id is not None else set()
    elif viewer.user_id is None:
        return set(), set()
    else:
        member_of = set(
            await session.scalars(
                select(Membership.organization_id).where(
                    Membership.user_id == viewer.user_id, Membership.organization_id.in_(sides.values())
                )
            )
        )
    readers = policy.reader_organizations(viewer, member_of)
    actors = policy.actor_organizations(viewer, member_of)
    visible = set(sides) if readers is None else {p for p, org in sides.items() if org in readers}
    return visible, {p for p, org in sides.items() if org in actors}


async def act(
    db: Database,
    viewer: Viewer,
    donation_id: int,
    action: Action,
    *,
    note: str | None = None,
    values: dict | None = None,
) -> Donation:
    if not viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "Sign in to do this.")
    async with db.write() as session:
        donation = await session.get(Donation, donation_id)
        if donation is None:
            raise not_found("Donation")
        visible, acting = await _parties(session, viewer, donation)
        if not visible:
            raise not_found("Donation")
        allowed = acting & MACHINE[action].parties
        if not allowed:
            who = " or ".join(sorted(p.value.lower() for p in MACHINE[action].parties))
            raise DomainError(ErrorCode.PERMISSION_DENIED, f"Only the {who} can do this.", "id")
        party = sorted(allowed)[0]
        org = donation.donor_id if party is Party.DONOR else donation.school_id
        if action is Action.SHIP:
            await _check_shipment(session, donation, values or {})
        await donation_workflow.move(session, donation, action, Actor.of(viewer, org), note=note, values=values)
    return donation


def shipment(method: FulfillmentMethod, carrier: str | None, tracking: str | None, arrangement: str | None) -> dict:
    checks = Checks()
    carrier = checks.text(carrier, "carrier", max_length=100, required=method is FulfillmentMethod.SHIP) or None
    tracking = checks.text(tracking, "trackingNumber", max_length=100, required=False) or None
    arrangement = checks.text(arrangement, "arrangement", max_length=2000, required=False) or None
    checks.raise_any()
    return {"fulfillment": method.value, "carrier": carrier, "tracking_number": tracking, "arrangement": arrangement}


async def _check_shipment(session: AsyncSession, donation: Donation, values: dict) -> None:
    listing = await session.get_one(Listing, donation.listing_id)
    method = FulfillmentMethod(values["fulfillment"])
    if not listing.fulfillment_mask & method.bit:
        raise DomainError(ErrorCode.INVALID, f"This listing does not offer {method.value.lower()}.", "method")


def reason(text: str | None, field: str) -> str | None:
    checks = Checks()
    value = checks.text(text, field, max_length=2000, required=False) or None
    checks.raise_any()
    return value


@dataclass(frozen=True)
class DonationFilter:
    statuses: tuple[DonationStatus, ...] | None = None
    organization_id: int | None = None


async def browse(db: Database, organization_ids: list[int], filter: DonationFilter, page: Page) -> Slice[Donation]:
    """Donations where one of `organization_ids` is the donor or the school, newest first."""
    if filter.organization_id is not None:
        organization_ids = [o for o in organization_ids if o == filter.organization_id]
    stmt = select(Donation).where(
        or_(Donation.donor_id.in_(organization_ids), Donation.school_id.in_(organization_ids))
    )
    if filter.statuses:
        stmt = stmt.where(Donation.status.in_([s.value for s in filter.statuses]))
    stmt = stmt.order_by(Donation.updated_at.desc(), Donation.id.desc())
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())
