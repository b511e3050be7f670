"""Donation rows -> matching records: needs (with their school's tier and how many donations it
has received, counted as `Organization.impact.donationsReceived` counts them, for the equity
boost), listings, and the category taxonomy.

Category ids are used as they are: the parent array is indexed by database id (slot 0 unused).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from db.enums.donations import FulfillmentMethod
from db.models import DonationReceipt, Organization
from db.models import Listing as ListingRow
from db.models import Need as NeedRow
from matching import Condition, Fulfillment, Listing, Need, Priority, SchoolTier, Taxonomy
from resolvers.donations.categories import CategoryTree
from resolvers.matches import reference_taxonomy

# The database numbers fulfillment bits in its own enum order; the engine has its own flags.
_FULFILLMENT = {
    FulfillmentMethod.PICKUP.bit: Fulfillment.PICKUP,
    FulfillmentMethod.SHIP.bit: Fulfillment.SHIP,
    FulfillmentMethod.DELIVERY.bit: Fulfillment.DELIVERY,
    FulfillmentMethod.TOW.bit: Fulfillment.TOW,
}
# Listings state no delivery radius: a donor who delivers is assumed to drive this far.
DELIVERY_RADIUS_KM = 150.0
NEED_RADIUS_KM = 80.0


def fulfillment(mask: int) -> Fulfillment:
    flags = Fulfillment(0)
    for bit, flag in _FULFILLMENT.items():
        if mask & bit:
            flags |= flag
    return flags


def taxonomy(tree: CategoryTree) -> Taxonomy:
    """The tree with what the trade accepts as a stand-in (db/reference/substitutes.py)."""
    return reference_taxonomy.build(
        reference_taxonomy.Node(n.id, n.slug, n.name, n.parent_id) for n in tree.nodes.values()
    )


def _changed(column, since: datetime | None):
    return column >= since if since is not None else True


def _need_select():
    school = aliased(Organization)
    # one receipt per received donation: the number the school's impact shows and the equity
    # reason cites (units, or service needs credited to shops, are not donations received)
    received = (
        select(func.count(DonationReceipt.id)).where(DonationReceipt.school_id == NeedRow.school_id).scalar_subquery()
    )
    stmt = select(
        NeedRow.id,
        NeedRow.school_id,
        func.coalesce(NeedRow.latitude, school.latitude).label("latitude"),
        func.coalesce(NeedRow.longitude, school.longitude).label("longitude"),
        NeedRow.category_id,
        NeedRow.title,
        NeedRow.minimum_condition,
        NeedRow.quantity,
        NeedRow.quantity_received,
        NeedRow.priority,
        NeedRow.needed_by,
        NeedRow.closed_at,
        NeedRow.updated_at,
        school.tier,
        received.label("school_received"),
    ).join(school, school.id == NeedRow.school_id)
    return stmt, school


async def needs(session: AsyncSession, since: datetime | None) -> list[Need]:
    stmt, school = _need_select()
    if since is not None:  # the school's tier and its donations received are part of the record
        new_receipt = (
            select(DonationReceipt.id)
            .where(DonationReceipt.school_id == NeedRow.school_id, DonationReceipt.created_at >= since)
            .exists()
        )
        stmt = stmt.where(or_(NeedRow.updated_at >= since, school.updated_at >= since, new_receipt))
    return [need_record(row) for row in (await session.execute(stmt)).all()]


async def needs_by_ids(session: AsyncSession, ids) -> list[Need]:
    stmt, _ = _need_select()
    return [need_record(row) for row in (await session.execute(stmt.where(NeedRow.id.in_(list(ids))))).all()]


def need_record(row) -> Need:
    located = row.latitude is not None and row.longitude is not None
    remaining = row.quantity - row.quantity_received
    return Need(
        id=row.id,
        school_id=row.school_id,
        lat=float(row.latitude or 0.0),
        lon=float(row.longitude or 0.0),
        radius_km=NEED_RADIUS_KM,
        category_id=row.category_id,
        title=row.title,
        min_condition=Condition[row.minimum_condition] if row.minimum_condition else Condition.FOR_PARTS,
        quantity=max(0, remaining),
        priority=Priority[row.priority],
        needed_by=row.needed_by,
        school_tier=SchoolTier[row.tier] if row.tier in SchoolTier.__members__ else None,
        school_received=int(row.school_received or 0),
        visible=located and row.closed_at is None and remaining > 0,
        updated_at=row.updated_at,
    )


async def listings(session: AsyncSession, since: datetime | None, now: datetime) -> list[Listing]:
    donor = aliased(Organization)
    stmt = (
        select(
            ListingRow.id,
            ListingRow.donor_id,
            func.coalesce(ListingRow.latitude, donor.latitude).label("latitude"),
            func.coalesce(ListingRow.longitude, donor.longitude).label("longitude"),
            ListingRow.fulfillment_mask,
            ListingRow.category_id,
            ListingRow.title,
            ListingRow.condition,
            ListingRow.quantity,
            ListingRow.quantity_reserved,
            ListingRow.quantity_donated,
            ListingRow.available_until,
            ListingRow.withdrawn_at,
            ListingRow.updated_at,
        )
        .join(donor, donor.id == ListingRow.donor_id)
        .where(_changed(ListingRow.updated_at, since))
    )
    return [listing_record(row, now) for row in (await session.execute(stmt)).all()]


def listing_record(row, now: datetime) -> Listing:
    located = row.latitude is not None and row.longitude is not None
    available = row.quantity - row.quantity_reserved - row.quantity_donated
    ways = fulfillment(row.fulfillment_mask)
    return Listing(
        id=row.id,
        donor_id=row.donor_id,
        lat=float(row.latitude or 0.0),
        lon=float(row.longitude or 0.0),
        radius_km=DELIVERY_RADIUS_KM if ways & Fulfillment.DELIVERY else 0.0,
        fulfillment=ways,
        category_id=row.category_id,
        title=row.title,
        condition=Condition[row.condition],
        quantity=max(0, available),
        visible=located
        and row.withdrawn_at is None
        and available > 0
        and (row.available_until is None or row.available_until > now),
        updated_at=row.updated_at,
    )


def open_needs():
    """SQL twin of a visible need record, for the re-check of a final top-k."""
    return and_(NeedRow.closed_at.is_(None), NeedRow.quantity_received < NeedRow.quantity)


def available_listings(now: datetime):
    remaining = ListingRow.quantity - ListingRow.quantity_reserved - ListingRow.quantity_donated
    return and_(
        ListingRow.withdrawn_at.is_(None),
        remaining > 0,
        or_(ListingRow.available_until.is_(None), ListingRow.available_until > now),
    )
