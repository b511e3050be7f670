"""Listings: a donor's offer of equipment; browsed by schools with filters, distance and value order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import Select, UnaryExpression, func, or_, select, update

from core import outbox
from core.clock import utcnow
from core.currencies import check_currency
from core.errors import DomainError, ErrorCode, not_found
from core.geo_search import page_near
from core.locations import Circle, locate, location_columns
from core.paging import Page, Slice
from core.validation import Checks, contains_pattern
from core.viewer import Scope, Viewer, require_role
from db.engine import Database, rows_matched
from db.enums.donations import DonationStatus, FulfillmentMethod, ItemCondition, ListingStatus
from db.enums.events import EventType
from db.models import Donation, Listing, Organization
from db.models.donations.donations import listing_available, listing_status
from resolvers.donations import categories
from resolvers.donations import workflow as donation_workflow
from resolvers.donations.events import listing_event
from resolvers.donations.needs import MAX_QUANTITY
from resolvers.donations.workflow import Action, Actor

MAX_UNIT_VALUE_CENTS = 1_000_000_000  # $10M a unit


class ListingOrder(str, Enum):
    DISTANCE = "DISTANCE"
    NEWEST = "NEWEST"
    VALUE = "VALUE"


def fulfillment_mask(methods) -> int:
    mask = 0
    for method in methods or ():
        mask |= method.bit
    return mask


def fulfillment_methods(mask: int) -> list[FulfillmentMethod]:
    return [m for m in FulfillmentMethod if mask & m.bit]


def _validated(changes: dict, tree: categories.CategoryTree, *, creating: bool) -> dict:
    checks = Checks()
    values: dict = {}
    if creating or "title" in changes:
        values["title"] = checks.text(changes.get("title"), "title", max_length=200)
    for key, name in (("description", "description"), ("private_notes", "privateNotes")):
        if key in changes:
            values[key] = checks.text(changes[key], name, max_length=5000, required=False) or ""
    if creating or "condition" in changes:
        if changes.get("condition") is None:
            checks.add(ErrorCode.REQUIRED, "condition is required.", "condition")
        else:
            values["condition"] = changes["condition"].value
    if creating or "quantity" in changes:
        if changes.get("quantity") is None:
            checks.add(ErrorCode.REQUIRED, "quantity is required.", "quantity")
        checks.in_range(changes.get("quantity"), "quantity", low=1, high=MAX_QUANTITY)
        values["quantity"] = changes.get("quantity")
    if creating or "unit_value" in changes:
        money = changes.get("unit_value")
        if money is None:
            checks.add(ErrorCode.REQUIRED, "unitValue is required.", "unitValue")
        else:
            if not 0 <= money.amount <= MAX_UNIT_VALUE_CENTS:
                checks.add(
                    ErrorCode.OUT_OF_RANGE,
                    f"unitValue.amount must be between 0 and {MAX_UNIT_VALUE_CENTS} cents.",
                    ["unitValue", "amount"],
                )
            currency = check_currency(checks, money.currency, ["unitValue", "currency"])
            values.update(unit_value_cents=money.amount, currency=currency)
    if creating or "fulfillment" in changes:
        mask = fulfillment_mask(changes.get("fulfillment"))
        if not mask:
            checks.add(ErrorCode.REQUIRED, "Offer at least one way to hand the items over.", "fulfillment")
        values["fulfillment_mask"] = mask
    if "available_until" in changes:
        until = changes["available_until"]
        if until is not None and until <= utcnow():
            checks.add(ErrorCode.OUT_OF_RANGE, "availableUntil must be in the future.", "availableUntil")
        values["available_until"] = until
    if creating or "category_id" in changes:
        if changes.get("category_id") is None or tree.get(changes["category_id"]) is None:
            checks.add(ErrorCode.UNKNOWN_CATEGORY, "No such category.", "categoryId")
        values["category_id"] = changes.get("category_id")
    checks.raise_any()
    if any(k in changes for k in ("postal_code", "latitude", "longitude")):
        point = locate(changes.get("postal_code"), changes.get("latitude"), changes.get("longitude"))
        values.update(location_columns(point))
    return values


def validated_new(changes: dict, tree: categories.CategoryTree) -> dict:
    """The columns of a new listing from its input; DomainErrors lists every problem (bulk imports use it too)."""
    return _validated(changes, tree, creating=True)


async def create(db: Database, viewer: Viewer, donor_id: int, changes: dict) -> Listing:
    values = _validated(changes, await categories.tree(db), creating=True)
    async with db.write() as session:
        donor = await session.get(Organization, donor_id)
        if donor is None:
            raise not_found("Organization", "donorId")
        await require_role(session, viewer, donor_id, scope=Scope.DONATIONS_WRITE)
        if not donor.is_donor:
            raise DomainError(ErrorCode.INVALID, "Only donors post listings.", "donorId")
        if values.get("latitude") is None:  # no place given: the donor's own
            values.update(postal_code=donor.postal_code, latitude=donor.latitude, longitude=donor.longitude)
        listing = Listing(donor_id=donor_id, created_by_id=viewer.user_id, **values)
        session.add(listing)
        await session.flush()
        outbox.append(session, _event(EventType.LISTING_CREATED, listing))
    return listing


def _event(type: EventType, listing: Listing) -> outbox.Event:
    return listing_event(type, listing, listing.status_at(utcnow()).value)


async def _editable(session, viewer: Viewer, listing_id: int) -> Listing:
    listing = await session.get(Listing, listing_id)
    if listing is None:
        raise not_found("Listing")
    await require_role(session, viewer, listing.donor_id, scope=Scope.DONATIONS_WRITE)
    if listing.withdrawn_at is not None:
        raise DomainError(ErrorCode.LISTING_UNAVAILABLE, "This listing was withdrawn.", "id")
    return listing


async def update_listing(db: Database, viewer: Viewer, listing_id: int, changes: dict) -> Listing:
    values = _validated(changes, await categories.tree(db), creating=False)
    async with db.write() as session:
        listing = await _editable(session, viewer, listing_id)
        quantity = values.pop("quantity", None)
        if quantity is not None:
            # Atomic against a concurrent approval: never below what is reserved or given.
            changed = await session.execute(
                update(Listing)
                .where(Listing.id == listing_id, Listing.quantity_reserved + Listing.quantity_donated <= quantity)
                .values(quantity=quantity)
            )
            if rows_matched(changed) != 1:
                raise DomainError(
                    ErrorCode.OUT_OF_RANGE, "quantity cannot be below what is reserved or donated.", "quantity"
                )
            await session.refresh(listing)
        for key, value in values.items():
            setattr(listing, key, value)
        outbox.append(session, _event(EventType.LISTING_UPDATED, listing))
    return listing


async def withdraw(db: Database, viewer: Viewer, listing_id: int, reason: str | None) -> Listing:
    """Withdraw a listing with no approved or shipped donations; waiting requests are declined."""
    async with db.write() as session:
        listing = await _editable(session, viewer, listing_id)
        now = utcnow()
        changed = await session.execute(
            update(Listing)
            .where(Listing.id == listing_id, Listing.quantity_reserved == 0, Listing.withdrawn_at.is_(None))
            .values(withdrawn_at=now, updated_at=now)
        )
        if rows_matched(changed) != 1:
            raise DomainError(
                ErrorCode.HAS_RESERVATIONS, "Ship or cancel the approved donations before withdrawing.", "id"
            )
        await session.refresh(listing)
        note = reason or "The listing was withdrawn."
        pending = await session.scalars(
            select(Donation).where(Donation.listing_id == listing_id, Donation.status == DonationStatus.REQUESTED.value)
        )
        for donation in pending.all():
            await donation_workflow.move(
                session,
                donation,
                Action.DECLINE,
                Actor.of(viewer, listing.donor_id),
                note=note,
                values={"decline_reason": note},
            )
        outbox.append(session, _event(EventType.LISTING_WITHDRAWN, listing))
    return listing


@dataclass(frozen=True)
class ListingFilter:
    category_id: int | None = None
    donor_id: int | None = None
    near: Circle | None = None
    condition: ItemCondition | None = None  # at least
    fulfillment: tuple[FulfillmentMethod, ...] = ()  # any of
    statuses: tuple[ListingStatus, ...] | None = None  # default: AVAILABLE, or every status for one donor
    search: str | None = None


def filtered(filter: ListingFilter, tree: categories.CategoryTree) -> Select:
    """The listings `filter` keeps, unordered: the list query and saved searches share it."""
    stmt = select(Listing)
    if filter.category_id is not None:
        stmt = stmt.where(Listing.category_id.in_(tree.with_descendants(filter.category_id)))
    if filter.donor_id is not None:
        stmt = stmt.where(Listing.donor_id == filter.donor_id)
    if filter.condition is not None:
        stmt = stmt.where(Listing.condition.in_(filter.condition.at_least()))
    if filter.fulfillment:
        stmt = stmt.where(Listing.fulfillment_mask.op("&")(fulfillment_mask(filter.fulfillment)) != 0)
    statuses = filter.statuses
    if statuses is None:
        statuses = tuple(ListingStatus) if filter.donor_id is not None else (ListingStatus.AVAILABLE,)
    stmt = stmt.where(listing_status(utcnow()).in_([s.value for s in statuses]))
    if filter.search and filter.search.strip():
        pattern = contains_pattern(filter.search)
        stmt = stmt.where(
            or_(
                func.lower(Listing.title).like(pattern, escape="\\"),
                func.lower(Listing.description).like(pattern, escape="\\"),
            )
        )
    return stmt


_ORDERS: dict[ListingOrder, Callable[[], list[UnaryExpression[Any]]]] = {
    ListingOrder.NEWEST: lambda: [Listing.created_at.desc(), Listing.id.desc()],
    ListingOrder.VALUE: lambda: [(Listing.unit_value_cents * listing_available()).desc(), Listing.id.desc()],
}


async def browse(db: Database, filter: ListingFilter, order: ListingOrder | None, page: Page) -> Slice[Listing]:
    tree = await categories.tree(db)
    if filter.category_id is not None:
        tree.require(filter.category_id, "categoryId")
    order = order or (ListingOrder.DISTANCE if filter.near else ListingOrder.NEWEST)
    if order is ListingOrder.DISTANCE and filter.near is None:
        raise DomainError(ErrorCode.REQUIRED, "Ordering by distance needs a `near` filter.", "near")
    async with db.read() as session:
        return await page_near(
            session,
            Listing,
            filtered(filter, tree),
            page,
            filter.near,
            None if order is ListingOrder.DISTANCE else _ORDERS[order](),
        )
