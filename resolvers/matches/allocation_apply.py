"""Plans into action: `allocationApply` turns a stored plan, or chosen pairs, into donations.

Each pair becomes a REQUESTED donation offered to the donor, who confirms it with donationApprove;
where the coordinator may approve for the donor (a member of the donor organization), it is
approved at once and reserves the units. Pairs that no longer hold are skipped with a reason.

No over-allocation, under concurrency: the listings and needs concerned are locked (in id order,
FOR UPDATE on PostgreSQL; SQLite's write transactions are serialized by BEGIN IMMEDIATE), and a
pair is offered only within what is left: a listing's quantity less what is reserved, donated and
already offered by plans; a need's open quantity less what is in flight to it. Approval reserves
with the same conditional UPDATE as donationApprove, and a plan is applied at most once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.viewer import Viewer, role_in
from db.engine import Database, rows_matched
from db.enums.donations import DonationStatus, ListingStatus, NeedStatus
from db.models import Donation, Listing, Need, SavedAllocationPlan
from matching import ExclusionCode, ListingPool, why
from resolvers.donations import workflow
from resolvers.donations.needs import MAX_QUANTITY
from resolvers.donations.workflow import Action, Actor
from resolvers.matches import index as match_index
from resolvers.matches.allocation_plans import Pair, chosen_pairs, pairs_of, require_staff
from resolvers.matches.donation_sources import listing_record, needs_by_ids

MAX_PAIRS = 500
IN_FLIGHT = (DonationStatus.APPROVED.value, DonationStatus.SHIPPED.value)
_ENGINE_CODES = {
    ExclusionCode.NOT_A_SUBSTITUTE: ErrorCode.NOT_A_SUBSTITUTE,
    ExclusionCode.UNRELATED_CATEGORY: ErrorCode.NOT_A_SUBSTITUTE,
    ExclusionCode.CONDITION_BELOW_MINIMUM: ErrorCode.CONDITION_BELOW_MINIMUM,
    ExclusionCode.OUTSIDE_RADIUS: ErrorCode.OUT_OF_REACH,
}


class OutcomeStatus(str, Enum):
    OFFERED = "OFFERED"
    APPROVED = "APPROVED"
    SKIPPED = "SKIPPED"


@dataclass(frozen=True)
class Outcome:
    pair: Pair
    status: OutcomeStatus
    donation: Donation | None = None
    code: ErrorCode | None = None
    message: str | None = None


def checked_pairs(pairs: list[Pair]) -> list[Pair]:
    if not 1 <= len(pairs) <= MAX_PAIRS:
        raise DomainError(ErrorCode.OUT_OF_RANGE, f"Give 1 to {MAX_PAIRS} pairs.", ["pairs"])
    seen = set()
    for i, p in enumerate(pairs):
        if not 1 <= p.quantity <= MAX_QUANTITY:
            raise DomainError(ErrorCode.OUT_OF_RANGE, f"quantity must be 1 to {MAX_QUANTITY}.", ["pairs", str(i)])
        if (p.need_id, p.listing_id) in seen:
            raise DomainError(ErrorCode.DUPLICATE, "Each need and listing pair once.", ["pairs", str(i)])
        seen.add((p.need_id, p.listing_id))
    return pairs


async def apply(
    db: Database, viewer: Viewer, *, plan_id: int | None = None, pairs: list[Pair] | None = None
) -> tuple[SavedAllocationPlan, list[Outcome]]:
    user_id = require_staff(viewer)
    if (plan_id is None) == (pairs is None):
        raise DomainError(ErrorCode.INVALID, "Give either planId or pairs.", ["planId"])
    taxonomy = await match_index.taxonomy(db)
    async with db.write() as session:
        if plan_id is not None:
            saved = await _claim(session, plan_id, user_id)
            wanted = pairs_of(saved)
        else:
            wanted = checked_pairs(list(pairs or ()))
            saved = chosen_pairs(session, user_id, wanted)
            await session.flush()
        listings, needs = await _locked(session, wanted)
        offered, in_flight = await _committed(session, list(listings), list(needs))
        outcomes = []
        for pair in wanted:
            outcome = await _one(session, viewer, saved, pair, listings, needs, offered, in_flight, taxonomy)
            outcomes.append(outcome)
    return saved, outcomes


async def _claim(session: AsyncSession, plan_id: int, user_id: int) -> SavedAllocationPlan:
    saved = await session.get(SavedAllocationPlan, plan_id)
    if saved is None:
        raise not_found("Allocation plan", "planId")
    claimed = await session.execute(
        update(SavedAllocationPlan)
        .where(SavedAllocationPlan.id == plan_id, SavedAllocationPlan.applied_at.is_(None))
        .values(applied_at=utcnow(), applied_by_id=user_id, updated_at=utcnow())
    )
    if rows_matched(claimed) != 1:
        raise DomainError(ErrorCode.PLAN_ALREADY_APPLIED, "This plan has already been applied.", "planId")
    await session.refresh(saved)
    return saved


async def _locked(session: AsyncSession, pairs: list[Pair]) -> tuple[dict[int, Listing], dict[int, Need]]:
    """The pairs' listings and needs, locked in id order so concurrent applies queue, never deadlock."""
    listing_ids = sorted({p.listing_id for p in pairs})
    need_ids = sorted({p.need_id for p in pairs})
    listings = (
        await session.scalars(select(Listing).where(Listing.id.in_(listing_ids)).order_by(Listing.id).with_for_update())
    ).all()
    needs = (await session.scalars(select(Need).where(Need.id.in_(need_ids)).order_by(Need.id).with_for_update())).all()
    return {r.id: r for r in listings}, {r.id: r for r in needs}


async def _committed(
    session: AsyncSession, listing_ids: list[int], need_ids: list[int]
) -> tuple[defaultdict[int, int], defaultdict[int, int]]:
    """Units already offered by plans (not yet confirmed) per listing; units on their way per need."""
    plan_offer = and_(Donation.status == DonationStatus.REQUESTED.value, Donation.allocation_plan_id.is_not(None))
    offered: defaultdict[int, int] = defaultdict(int)
    for listing_id, units in await session.execute(
        select(Donation.listing_id, func.sum(Donation.quantity))
        .where(Donation.listing_id.in_(listing_ids), plan_offer)
        .group_by(Donation.listing_id)
    ):
        offered[listing_id] = int(units)
    in_flight: defaultdict[int, int] = defaultdict(int)
    for need_id, units in await session.execute(
        select(Donation.need_id, func.sum(Donation.quantity))
        .where(Donation.need_id.in_(need_ids), or_(Donation.status.in_(IN_FLIGHT), plan_offer))
        .group_by(Donation.need_id)
    ):
        in_flight[need_id] = int(units)
    return offered, in_flight


async def _one(session, viewer, saved, pair, listings, needs, offered, in_flight, taxonomy) -> Outcome:
    listing, need = listings.get(pair.listing_id), needs.get(pair.need_id)
    if listing is None or need is None:
        return Outcome(pair, OutcomeStatus.SKIPPED, code=ErrorCode.NOT_FOUND, message="No such need or listing.")
    refusal = await _refusal(session, pair, listing, need, taxonomy)
    if refusal is None:
        left = listing.quantity_available - offered[listing.id]
        open_units = need.quantity - need.quantity_received - in_flight[need.id]
        if pair.quantity > left:
            refusal = (ErrorCode.INSUFFICIENT_QUANTITY, f"Only {max(left, 0)} of this listing are left to offer.")
        elif pair.quantity > open_units:
            refusal = (ErrorCode.EXCEEDS_NEED, f"The need has {max(open_units, 0)} open that nothing covers yet.")
    if refusal is not None:
        return Outcome(pair, OutcomeStatus.SKIPPED, code=refusal[0], message=refusal[1])
    donation = Donation(
        listing_id=listing.id,
        need_id=need.id,
        donor_id=listing.donor_id,
        school_id=need.school_id,
        quantity=pair.quantity,
        status=DonationStatus.REQUESTED.value,
        message=f"Offered by allocation plan {saved.id}; please confirm.",
        allocation_plan_id=saved.id,
    )
    session.add(donation)
    await session.flush()
    workflow.record(
        session, donation, None, DonationStatus.REQUESTED, Actor.of(viewer, need.school_id), donation.message
    )
    in_flight[need.id] += pair.quantity
    if await role_in(session, viewer, listing.donor_id) is not None:  # the coordinator may approve for the donor
        await workflow.move(session, donation, Action.APPROVE, Actor.of(viewer, listing.donor_id))
        await session.refresh(listing)
        return Outcome(pair, OutcomeStatus.APPROVED, donation)
    offered[listing.id] += pair.quantity
    return Outcome(pair, OutcomeStatus.OFFERED, donation)


async def _refusal(session, pair: Pair, listing: Listing, need: Need, taxonomy) -> tuple[ErrorCode, str] | None:
    """What rules the pair out, as donationRequest and the engine would say it."""
    if listing.donor_id == need.school_id:
        return ErrorCode.OWN_LISTING, "An organization cannot receive its own listing."
    status = listing.status_at(utcnow())
    if status is ListingStatus.EXPIRED:
        return ErrorCode.LISTING_EXPIRED, "This listing is no longer available (past its date)."
    if status in (ListingStatus.WITHDRAWN, ListingStatus.DONATED):
        return ErrorCode.LISTING_UNAVAILABLE, f"This listing is {status.value.lower()}."
    if need.status is not NeedStatus.OPEN:
        return ErrorCode.NEED_NOT_OPEN, f"This need is {need.status.value.lower()}."
    duplicate = await session.scalar(
        select(Donation.id).where(
            Donation.listing_id == listing.id,
            Donation.need_id == need.id,
            Donation.status.in_((DonationStatus.REQUESTED.value, *IN_FLIGHT)),
        )
    )
    if duplicate:
        return ErrorCode.DUPLICATE, "This need already has an open request for this listing."
    [record] = await needs_by_ids(session, [need.id])
    answer = why(
        "need_listings",
        record,
        ListingPool.from_rows([listing_record(listing, utcnow())]),
        listing.id,
        taxonomy=taxonomy,
        k=None,
    )
    for reason in answer.reasons:
        if reason.code in _ENGINE_CODES:
            return _ENGINE_CODES[reason.code], reason.message[0].upper() + reason.message[1:] + "."
    return None
