"""School Assist: a shop offers to deliver a school's service need, the school confirms one offer, either
side cancels with a reason, and completing the visit credits the shop (as `needFulfill` always has).

A service need is one visit. At most one offer per need is CONFIRMED or COMPLETED: the partial unique
index `uq_service_offer_booked_need` refuses the second of two racing confirmations on either database,
and the refusal reads SERVICE_ALREADY_BOOKED.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.paging import Page, Slice
from core.validation import Checks
from core.viewer import Scope, Viewer, require_role, role_in
from db.engine import Database, rows_matched
from db.enums.donations import NeedStatus, ServiceOfferStatus
from db.enums.events import EventType
from db.models import Membership, Need, Organization, ServiceOffer
from resolvers.donations import categories, policy
from resolvers.donations.events import need_event, service_offer_event

MIN_MINUTES, MAX_MINUTES = 15, 2 * 24 * 60  # a quarter hour of talk to a two-day job shadow
MAX_ADDRESS = 500
MAX_MESSAGE = 2000
MAX_REASON = 1000
LIVE = (ServiceOfferStatus.OFFERED.value, ServiceOfferStatus.CONFIRMED.value)
BOOKED = (ServiceOfferStatus.CONFIRMED.value, ServiceOfferStatus.COMPLETED.value)
_HIDDEN = "Service offer"
CLOSED_REASON = "The need was closed."


@dataclass(frozen=True)
class Schedule:
    starts_at: datetime
    minutes: int
    address: str | None  # None: at the school


def schedule_columns(schedule: Schedule | None, checks: Checks, field: str = "schedule") -> dict:
    """The need's visit columns from a schedule (None clears it); problems go to `checks`."""
    if schedule is None:
        return {"service_starts_at": None, "service_minutes": None, "service_address": None}
    if schedule.starts_at <= utcnow():
        checks.add(ErrorCode.OUT_OF_RANGE, "The visit must start in the future.", [field, "startsAt"])
    checks.in_range(schedule.minutes, f"{field}.durationMinutes", low=MIN_MINUTES, high=MAX_MINUTES)
    address = checks.text(schedule.address, f"{field}.address", max_length=MAX_ADDRESS, required=False) or None
    return {"service_starts_at": schedule.starts_at, "service_minutes": schedule.minutes, "service_address": address}


def require_service(tree: categories.CategoryTree, need_category_id: int, field: str = "schedule") -> None:
    if not tree.in_services(need_category_id):
        raise DomainError(ErrorCode.NOT_A_SERVICE, "Only service needs have a visit schedule.", field)


async def _booked(session: AsyncSession, need_id: int) -> ServiceOffer | None:
    return await session.scalar(
        select(ServiceOffer).where(
            ServiceOffer.need_id == need_id,
            ServiceOffer.status.in_(BOOKED),
        )
    )


async def offer(
    db: Database,
    viewer: Viewer,
    need_id: int,
    shop_id: int | None,
    message: str | None,
    proposed_start: datetime | None,
) -> ServiceOffer:
    checks = Checks()
    text = checks.text(message, "message", max_length=MAX_MESSAGE, required=False) or ""
    if proposed_start is not None and proposed_start <= utcnow():
        checks.add(ErrorCode.OUT_OF_RANGE, "proposedStart must be in the future.", "proposedStart")
    checks.raise_any()
    if not viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "Sign in to do this.")
    tree = await categories.tree(db)
    async with db.write() as session:
        shop_id = shop_id if shop_id is not None else await _only_shop(session, viewer)
        shop = await session.get(Organization, shop_id)
        if shop is None:
            raise not_found("Organization", "organizationId")
        await require_role(session, viewer, shop_id, scope=Scope.DONATIONS_WRITE)
        if not policy.may_offer_services(shop.is_donor, shop.is_employer):
            raise DomainError(ErrorCode.INVALID, "Only shops (donors or employers) offer services.", "organizationId")
        need = await session.get(Need, need_id)
        if need is None:
            raise not_found("Need", "needId")
        if not tree.in_services(need.category_id):
            raise DomainError(ErrorCode.NOT_A_SERVICE, "Only service needs take offers.", "needId")
        if need.status is not NeedStatus.OPEN:
            raise DomainError(ErrorCode.NEED_NOT_OPEN, f"This need is {need.status.value.lower()}.", "needId")
        if need.school_id == shop_id:
            raise DomainError(ErrorCode.INVALID, "A school does not offer to serve itself.", "organizationId")
        if await _booked(session, need_id) is not None:
            raise DomainError(ErrorCode.SERVICE_ALREADY_BOOKED, "Another shop's visit is confirmed.", "needId")
        row = ServiceOffer(
            need_id=need_id,
            school_id=need.school_id,
            shop_id=shop_id,
            created_by_id=viewer.user_id,
            status=ServiceOfferStatus.OFFERED.value,
            message=text,
            proposed_start=proposed_start,
        )
        session.add(row)
        try:
            await session.flush()
        except IntegrityError:
            raise DomainError(
                ErrorCode.ALREADY_OFFERED, "Your shop already offered; cancel it first.", "needId"
            ) from None
        outbox.append(session, service_offer_event(EventType.SERVICE_OFFER_CREATED, row))
    return row


async def _only_shop(session: AsyncSession, viewer: Viewer) -> int:
    """The caller's one shop, when `organizationId` is left out."""
    if viewer.is_app:
        if viewer.app_organization_id is None:
            raise DomainError(ErrorCode.REQUIRED, "Say which organization offers.", "organizationId")
        return viewer.app_organization_id
    shops = list(
        await session.scalars(
            select(Organization.id)
            .join(Membership, Membership.organization_id == Organization.id)
            .where(Membership.user_id == viewer.user_id, or_(Organization.is_donor, Organization.is_employer))
        )
    )
    if len(shops) != 1:
        raise DomainError(ErrorCode.REQUIRED, "Say which of your shops offers.", "organizationId")
    return shops[0]


async def _side(session: AsyncSession, viewer: Viewer, row: ServiceOffer, sides: tuple[int, ...]) -> int:
    """The organization among `sides` the viewer acts for; NOT_FOUND to an outsider, so the offer stays hidden."""
    if not viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "Sign in to do this.")
    member_of = {org for org in (row.shop_id, row.school_id) if await role_in(session, viewer, org) is not None}
    if not policy.sees_service_offer(policy.reader_organizations(viewer, member_of), row.shop_id, row.school_id):
        raise not_found(_HIDDEN)
    acting = [org for org in sides if org in policy.actor_organizations(viewer, member_of)]
    if not acting:
        who = "the school" if sides == (row.school_id,) else "the school or the shop"
        raise DomainError(ErrorCode.PERMISSION_DENIED, f"Only {who} can do this.", "id")
    return acting[0]


async def _offer(session: AsyncSession, offer_id: int) -> ServiceOffer:
    row = await session.get(ServiceOffer, offer_id)
    if row is None:
        raise not_found(_HIDDEN)
    return row


async def _move(session: AsyncSession, row: ServiceOffer, allowed: tuple[str, ...], values: dict) -> None:
    """One conditional UPDATE: a concurrent move of the same offer finds it moved and is refused."""
    changed = await session.execute(
        update(ServiceOffer)
        .where(ServiceOffer.id == row.id, ServiceOffer.status.in_(allowed))
        .values(updated_at=utcnow(), **values)
    )
    if rows_matched(changed) != 1:
        raise DomainError(ErrorCode.INVALID_TRANSITION, f"This offer is {row.status.lower()}.", "id")
    await session.refresh(row)


async def confirm(db: Database, viewer: Viewer, offer_id: int) -> ServiceOffer:
    async with db.write() as session:
        row = await _offer(session, offer_id)
        await _side(session, viewer, row, (row.school_id,))
        need = await session.get_one(Need, row.need_id)
        if need.status is not NeedStatus.OPEN:
            raise DomainError(ErrorCode.NEED_NOT_OPEN, f"This need is {need.status.value.lower()}.", "id")
        try:
            await _move(
                session,
                row,
                (ServiceOfferStatus.OFFERED.value,),
                {"status": ServiceOfferStatus.CONFIRMED.value, "confirmed_at": utcnow()},
            )
        except IntegrityError:
            raise DomainError(
                ErrorCode.SERVICE_ALREADY_BOOKED, "Another shop's visit is already confirmed for this need.", "id"
            ) from None
        outbox.append(session, service_offer_event(EventType.SERVICE_OFFER_CONFIRMED, row))
        outbox.append(session, need_event(EventType.NEED_UPDATED, need))
    return row


async def cancel(db: Database, viewer: Viewer, offer_id: int, reason: str | None) -> ServiceOffer:
    checks = Checks()
    text = checks.text(reason, "reason", max_length=MAX_REASON)
    checks.raise_any()
    async with db.write() as session:
        row = await _offer(session, offer_id)
        side = await _side(session, viewer, row, (row.shop_id, row.school_id))
        was_booked = row.status == ServiceOfferStatus.CONFIRMED.value
        now = utcnow()
        await _move(
            session,
            row,
            LIVE,
            {
                "status": ServiceOfferStatus.CANCELLED.value,
                "cancelled_at": now,
                "cancel_reason": text,
                "cancelled_by_id": side,
            },
        )
        outbox.append(session, service_offer_event(EventType.SERVICE_OFFER_CANCELLED, row))
        if was_booked:
            outbox.append(session, need_event(EventType.NEED_UPDATED, await session.get_one(Need, row.need_id)))
    return row


async def cancel_when_closed(session: AsyncSession, need: Need) -> None:
    """Closing a need calls off its live offers and its booked visit, for the school."""
    live = await session.scalars(
        select(ServiceOffer).where(ServiceOffer.need_id == need.id, ServiceOffer.status.in_(LIVE))
    )
    for row in live.all():
        await _move(
            session,
            row,
            LIVE,
            {
                "status": ServiceOfferStatus.CANCELLED.value,
                "cancelled_at": utcnow(),
                "cancel_reason": CLOSED_REASON,
                "cancelled_by_id": need.school_id,
            },
        )
        outbox.append(session, service_offer_event(EventType.SERVICE_OFFER_CANCELLED, row))


async def complete(db: Database, viewer: Viewer, offer_id: int) -> ServiceOffer:
    """The school records the confirmed visit as delivered: the need is fulfilled and the shop credited."""
    async with db.write() as session:
        row = await _offer(session, offer_id)
        await _side(session, viewer, row, (row.school_id,))
        if row.status != ServiceOfferStatus.CONFIRMED.value:
            raise DomainError(ErrorCode.INVALID_TRANSITION, f"This offer is {row.status.lower()}.", "id")
        need = await session.get_one(Need, row.need_id)
        await credit(session, need, row.shop_id)
    return row


async def credit(session: AsyncSession, need: Need, organization_id: int) -> None:
    """Fulfil the service need for the organization that delivered it; its confirmed visit, if any, completes.

    A need booked with one shop cannot be credited to another: cancel that visit first.
    """
    booked = await _booked(session, need.id)
    if booked is not None and booked.shop_id != organization_id:
        raise DomainError(
            ErrorCode.SERVICE_ALREADY_BOOKED, "Another shop's visit is confirmed; cancel it first.", "organizationId"
        )
    now = utcnow()
    changed = await session.execute(
        update(Need)
        .where(Need.id == need.id, Need.closed_at.is_(None), Need.quantity_received < Need.quantity)
        .values(quantity_received=Need.quantity, fulfilled_by_id=organization_id, fulfilled_at=now, updated_at=now)
    )
    if rows_matched(changed) != 1:
        raise DomainError(ErrorCode.NEED_NOT_OPEN, "This need is already fulfilled.", "id")
    await session.refresh(need)
    if booked is not None and booked.status == ServiceOfferStatus.CONFIRMED.value:
        await _move(
            session,
            booked,
            (ServiceOfferStatus.CONFIRMED.value,),
            {"status": ServiceOfferStatus.COMPLETED.value, "completed_at": now},
        )
        outbox.append(session, service_offer_event(EventType.SERVICE_OFFER_COMPLETED, booked))
    outbox.append(session, need_event(EventType.NEED_FULFILLED, need))


def ends_at(starts_at: datetime, minutes: int) -> datetime:
    return starts_at + timedelta(minutes=minutes)


@dataclass(frozen=True)
class OfferFilter:
    statuses: tuple[ServiceOfferStatus, ...] | None = None
    organization_id: int | None = None


async def browse(db: Database, organization_ids: list[int], filter: OfferFilter, page: Page) -> Slice[ServiceOffer]:
    """Offers where one of `organization_ids` is the shop or the school, most recently changed first."""
    if filter.organization_id is not None:
        organization_ids = [o for o in organization_ids if o == filter.organization_id]
    stmt = select(ServiceOffer).where(
        or_(ServiceOffer.shop_id.in_(organization_ids), ServiceOffer.school_id.in_(organization_ids))
    )
    if filter.statuses:
        stmt = stmt.where(ServiceOffer.status.in_([s.value for s in filter.statuses]))
    stmt = stmt.order_by(ServiceOffer.updated_at.desc(), ServiceOffer.id.desc())
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())
