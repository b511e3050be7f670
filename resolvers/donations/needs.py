"""Needs: a school posts, updates and closes them; service needs are marked fulfilled by an organization."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from sqlalchemy import Select, case, func, or_, select, update

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.geo_search import page_near
from core.locations import Circle
from core.paging import Page, Slice
from core.validation import Checks, contains_pattern
from core.viewer import Scope, Viewer, require_role
from db.engine import Database, rows_matched
from db.enums.donations import DonationStatus, NeedPriority, NeedStatus
from db.enums.events import EventType
from db.models import Donation, Need, Organization
from db.models.donations.donations import need_status
from resolvers.donations import categories, services
from resolvers.donations import workflow as donation_workflow
from resolvers.donations.events import need_event
from resolvers.donations.workflow import Action, Actor

MAX_QUANTITY = 100_000


class NeedOrder(str, Enum):
    DISTANCE = "DISTANCE"
    URGENCY = "URGENCY"
    NEWEST = "NEWEST"


def _validated(changes: dict, tree: categories.CategoryTree, *, creating: bool) -> dict:
    checks = Checks()
    values: dict = {}
    if creating or "title" in changes:
        values["title"] = checks.text(changes.get("title"), "title", max_length=200)
    if "description" in changes:
        values["description"] = (
            checks.text(changes["description"], "description", max_length=5000, required=False) or ""
        )
    if creating or "quantity" in changes:
        quantity = changes.get("quantity")
        if quantity is None:
            checks.add(ErrorCode.REQUIRED, "quantity is required.", "quantity")
        checks.in_range(quantity, "quantity", low=1, high=MAX_QUANTITY)
        values["quantity"] = quantity
    if creating or "priority" in changes:
        values["priority"] = (changes.get("priority") or NeedPriority.MEDIUM).value
    if "needed_by" in changes:
        needed_by: date | None = changes["needed_by"]
        if needed_by is not None and needed_by < utcnow().date():
            checks.add(ErrorCode.OUT_OF_RANGE, "neededBy must not be in the past.", "neededBy")
        values["needed_by"] = needed_by
    if "minimum_condition" in changes:
        values["minimum_condition"] = changes["minimum_condition"].value if changes["minimum_condition"] else None
    if creating or "category_id" in changes:
        if changes.get("category_id") is None or tree.get(changes["category_id"]) is None:
            checks.add(ErrorCode.UNKNOWN_CATEGORY, "No such category.", "categoryId")
        values["category_id"] = changes.get("category_id")
    if "schedule" in changes:
        values.update(services.schedule_columns(changes["schedule"], checks))
    checks.raise_any()
    if values.get("service_starts_at") is not None and "category_id" in values:
        services.require_service(tree, values["category_id"])
    return values


def validated_new(changes: dict, tree: categories.CategoryTree) -> dict:
    """The columns of a new need from its input; DomainErrors lists every problem (bulk imports use it too)."""
    return _validated(changes, tree, creating=True)


async def create(db: Database, viewer: Viewer, school_id: int, changes: dict) -> Need:
    values = _validated(changes, await categories.tree(db), creating=True)
    async with db.write() as session:
        school = await session.get(Organization, school_id)
        if school is None:
            raise not_found("Organization", "schoolId")
        await require_role(session, viewer, school_id, scope=Scope.DONATIONS_WRITE)
        if not school.is_school:
            raise DomainError(ErrorCode.INVALID, "Only schools post needs.", "schoolId")
        need = Need(
            school_id=school_id,
            created_by_id=viewer.user_id,
            latitude=school.latitude,
            longitude=school.longitude,
            **values,
        )
        session.add(need)
        await session.flush()
        outbox.append(session, need_event(EventType.NEED_CREATED, need))
    return need


async def _editable(session, viewer: Viewer, need_id: int) -> Need:
    need = await session.get(Need, need_id)
    if need is None:
        raise not_found("Need")
    await require_role(session, viewer, need.school_id, scope=Scope.DONATIONS_WRITE)
    if need.closed_at is not None:
        raise DomainError(ErrorCode.NEED_NOT_OPEN, "This need is closed.", "id")
    return need


async def update_need(db: Database, viewer: Viewer, need_id: int, changes: dict) -> Need:
    tree = await categories.tree(db)
    values = _validated(changes, tree, creating=False)
    async with db.write() as session:
        need = await _editable(session, viewer, need_id)
        if values.get("service_starts_at", need.service_starts_at) is not None:
            services.require_service(tree, values.get("category_id", need.category_id))
        quantity = values.pop("quantity", None)
        if quantity is not None:
            # Atomic against a concurrent receipt: never below what has been received.
            changed = await session.execute(
                update(Need).where(Need.id == need_id, Need.quantity_received <= quantity).values(quantity=quantity)
            )
            if rows_matched(changed) != 1:
                raise DomainError(ErrorCode.OUT_OF_RANGE, "quantity cannot be below what was received.", "quantity")
            await session.refresh(need)
        for key, value in values.items():
            setattr(need, key, value)
        outbox.append(session, need_event(EventType.NEED_UPDATED, need))
    return need


async def close(db: Database, viewer: Viewer, need_id: int) -> Need:
    """Close a need; requests still waiting for the donor are cancelled (approved ones go on), and so are
    shops' live offers and a booked visit."""
    async with db.write() as session:
        need = await _editable(session, viewer, need_id)
        need.closed_at = utcnow()
        actor = Actor.of(viewer, need.school_id)
        pending = await session.scalars(
            select(Donation).where(Donation.need_id == need_id, Donation.status == DonationStatus.REQUESTED.value)
        )
        for donation in pending.all():
            await donation_workflow.move(
                session,
                donation,
                Action.CANCEL,
                actor,
                note="The need was closed.",
                values={"cancel_reason": "The need was closed."},
            )
        await services.cancel_when_closed(session, need)
        outbox.append(session, need_event(EventType.NEED_CLOSED, need))
    return need


async def fulfill_service(db: Database, viewer: Viewer, need_id: int, organization_id: int) -> Need:
    """Mark a service need (speaker, shadow day, tour...) fulfilled by the organization that gets the credit;
    a visit confirmed with that organization completes with it."""
    tree = await categories.tree(db)
    async with db.write() as session:
        need = await _editable(session, viewer, need_id)
        if not tree.in_services(need.category_id):
            raise DomainError(ErrorCode.NOT_A_SERVICE, "Only service needs are fulfilled this way.", "id")
        if await session.get(Organization, organization_id) is None:
            raise not_found("Organization", "organizationId")
        if organization_id == need.school_id:
            raise DomainError(
                ErrorCode.INVALID, "Credit the organization that helped, not the school.", "organizationId"
            )
        await services.credit(session, need, organization_id)
    return need


@dataclass(frozen=True)
class NeedFilter:
    category_id: int | None = None
    school_id: int | None = None
    near: Circle | None = None
    statuses: tuple[NeedStatus, ...] | None = None  # default: OPEN, or every status for one school
    priority: NeedPriority | None = None  # at least
    search: str | None = None


def filtered(filter: NeedFilter, tree: categories.CategoryTree) -> Select:
    """The needs `filter` keeps, unordered: the list query and saved searches share it."""
    stmt = select(Need)
    if filter.category_id is not None:
        stmt = stmt.where(Need.category_id.in_(tree.with_descendants(filter.category_id)))
    if filter.school_id is not None:
        stmt = stmt.where(Need.school_id == filter.school_id)
    statuses = filter.statuses
    if statuses is None:
        statuses = tuple(NeedStatus) if filter.school_id is not None else (NeedStatus.OPEN,)
    stmt = stmt.where(need_status().in_([s.value for s in statuses]))
    if filter.priority is not None:
        ranked = list(NeedPriority)
        stmt = stmt.where(Need.priority.in_([p.value for p in ranked[ranked.index(filter.priority) :]]))
    if filter.search and filter.search.strip():
        pattern = contains_pattern(filter.search)
        stmt = stmt.where(
            or_(
                func.lower(Need.title).like(pattern, escape="\\"),
                func.lower(Need.description).like(pattern, escape="\\"),
            )
        )
    return stmt


def _urgency():
    return case({p.value: rank for rank, p in enumerate(reversed(list(NeedPriority)))}, value=Need.priority)


_ORDERS = {
    NeedOrder.URGENCY: lambda: [_urgency(), Need.needed_by.is_(None), Need.needed_by, Need.created_at, Need.id],
    NeedOrder.NEWEST: lambda: [Need.created_at.desc(), Need.id.desc()],
}


async def browse(db: Database, filter: NeedFilter, order: NeedOrder | None, page: Page) -> Slice[Need]:
    if filter.category_id is not None:
        (await categories.tree(db)).require(filter.category_id, "categoryId")
    order = order or (NeedOrder.DISTANCE if filter.near else NeedOrder.URGENCY)
    if order is NeedOrder.DISTANCE and filter.near is None:
        raise DomainError(ErrorCode.REQUIRED, "Ordering by distance needs a `near` filter.", "near")
    stmt = filtered(filter, await categories.tree(db))
    async with db.read() as session:
        return await page_near(
            session, Need, stmt, page, filter.near, None if order is NeedOrder.DISTANCE else _ORDERS[order]()
        )
