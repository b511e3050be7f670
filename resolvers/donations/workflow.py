"""The donation state machine: the one place that moves a donation from one status to another.

    REQUESTED --approve--> APPROVED --ship--> SHIPPED --receive--> RECEIVED (receipt issued)
        |  \\--decline--> DECLINED      |
        \\------cancel------------------+--> CANCELLED (releases the reservation)

Each move is a conditional UPDATE on the donation's current status, so two racing requests cannot
both make the same move; its effect on quantities is a conditional UPDATE too, and a DonationEvent
records who moved it, when, from and to. Everything happens in the caller's write transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sqlalchemy import case, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode
from core.viewer import Viewer
from db.engine import rows_matched
from db.enums.donations import DonationStatus as S
from db.enums.events import EventType
from db.models import Donation, DonationEvent, Listing, Need
from db.models.donations.donations import listing_available
from resolvers.donations.events import donation_event, need_event


class Action(str, Enum):
    APPROVE = "APPROVE"
    DECLINE = "DECLINE"
    SHIP = "SHIP"
    RECEIVE = "RECEIVE"
    CANCEL = "CANCEL"


class Party(str, Enum):
    DONOR = "DONOR"
    SCHOOL = "SCHOOL"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[S]
    target: S
    parties: frozenset[Party]


MACHINE: dict[Action, Transition] = {
    Action.APPROVE: Transition(frozenset({S.REQUESTED}), S.APPROVED, frozenset({Party.DONOR})),
    Action.DECLINE: Transition(frozenset({S.REQUESTED}), S.DECLINED, frozenset({Party.DONOR})),
    Action.SHIP: Transition(frozenset({S.APPROVED}), S.SHIPPED, frozenset({Party.DONOR})),
    Action.RECEIVE: Transition(frozenset({S.SHIPPED}), S.RECEIVED, frozenset({Party.SCHOOL})),
    Action.CANCEL: Transition(
        frozenset({S.REQUESTED, S.APPROVED}), S.CANCELLED, frozenset({Party.DONOR, Party.SCHOOL})
    ),
}
# Statuses that hold part of the listing.
RESERVING = frozenset({S.APPROVED, S.SHIPPED})


@dataclass(frozen=True)
class Actor:
    """Who moved a donation: a person or a partner app, acting for one organization."""

    user_id: int | None
    app_token_id: int | None
    organization_id: int | None

    @classmethod
    def of(cls, viewer: Viewer, organization_id: int | None) -> Actor:
        return cls(viewer.user_id, viewer.app_token_id, organization_id)


def transition(action: Action, status: S) -> Transition:
    move = MACHINE[action]
    if status not in move.sources:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"A {status.value.lower()} donation cannot be {move.target.value.lower()}.",
            "id",
        )
    return move


_ANNOUNCED = {
    S.REQUESTED: EventType.DONATION_REQUESTED,
    S.APPROVED: EventType.DONATION_APPROVED,
    S.DECLINED: EventType.DONATION_DECLINED,
    S.SHIPPED: EventType.DONATION_SHIPPED,
    S.RECEIVED: EventType.DONATION_RECEIVED,
    S.CANCELLED: EventType.DONATION_CANCELLED,
}


def record(
    session: AsyncSession, donation: Donation, source: S | None, target: S, actor: Actor, note: str | None
) -> None:
    """The donation's own history (`Donation.events`) and the domain event partners hear of."""
    outbox.append(session, donation_event(_ANNOUNCED[target], donation, source.value if source else None, note))
    session.add(
        DonationEvent(
            donation_id=donation.id,
            from_status=source.value if source else None,
            to_status=target.value,
            actor_user_id=actor.user_id,
            actor_app_token_id=actor.app_token_id,
            actor_organization_id=actor.organization_id,
            note=note,
        )
    )


async def move(
    session: AsyncSession,
    donation: Donation,
    action: Action,
    actor: Actor,
    *,
    note: str | None = None,
    values: dict | None = None,
) -> None:
    source = S(donation.status)
    target = transition(action, source).target
    now = utcnow()
    changes = dict(values or {}, status=target.value, updated_at=now)
    moved = await session.execute(
        update(Donation).where(Donation.id == donation.id, Donation.status == source.value).values(**changes)
    )
    if rows_matched(moved) != 1:  # someone else moved it first
        raise DomainError(ErrorCode.INVALID_TRANSITION, "This donation was changed meanwhile; reload it.", "id")
    for key, value in changes.items():
        set_committed_value(donation, key, value)
    await _EFFECTS[action](session, donation, source)
    record(session, donation, source, target, actor, note)


async def _reserve(session: AsyncSession, donation: Donation, source: S) -> None:
    reserved = await session.execute(
        update(Listing)
        .where(
            Listing.id == donation.listing_id, Listing.withdrawn_at.is_(None), listing_available() >= donation.quantity
        )
        .values(quantity_reserved=Listing.quantity_reserved + donation.quantity, updated_at=utcnow())
    )
    if rows_matched(reserved) != 1:
        raise DomainError(
            ErrorCode.INSUFFICIENT_QUANTITY, "Not enough of this listing is left to approve this request.", "id"
        )


async def _release(session: AsyncSession, donation: Donation, source: S) -> None:
    if source in RESERVING:
        await _change_listing(session, donation, reserved=-donation.quantity)


async def _deliver(session: AsyncSession, donation: Donation, source: S) -> None:
    from resolvers.donations import receipts
    from resolvers.pathways import tool_grant_delivery

    await _change_listing(session, donation, reserved=-donation.quantity, donated=donation.quantity)
    # The need counts what it asked for at most; anything beyond is still the school's.
    total = Need.quantity_received + donation.quantity
    counted = await session.execute(
        update(Need)
        .where(Need.id == donation.need_id)
        .values(quantity_received=case((total > Need.quantity, Need.quantity), else_=total), updated_at=utcnow())
        .returning(Need.quantity_received, Need.quantity)
        .execution_options(synchronize_session=False)
    )
    received, asked = counted.one()
    if received >= asked > received - donation.quantity:  # this delivery is the one that fulfils the need
        need = await session.get_one(Need, donation.need_id, populate_existing=True)
        outbox.append(session, need_event(EventType.NEED_FULFILLED, need))
    receipt = await receipts.issue(session, donation)
    await tool_grant_delivery.fulfil_on_receipt(session, donation, receipt)


async def _change_listing(session: AsyncSession, donation: Donation, *, reserved: int, donated: int = 0) -> None:
    changed = await session.execute(
        update(Listing)
        .where(Listing.id == donation.listing_id, Listing.quantity_reserved + reserved >= 0)
        .values(
            quantity_reserved=Listing.quantity_reserved + reserved,
            quantity_donated=Listing.quantity_donated + donated,
            updated_at=utcnow(),
        )
    )
    if rows_matched(changed) != 1:
        raise RuntimeError(f"listing {donation.listing_id} reservation out of step with donation {donation.id}")


async def _nothing(session: AsyncSession, donation: Donation, source: S) -> None:
    return None


_EFFECTS = {
    Action.APPROVE: _reserve,
    Action.DECLINE: _nothing,
    Action.SHIP: _nothing,
    Action.RECEIVE: _deliver,
    Action.CANCEL: _release,
}
