"""Needs, listings, donations with their history, receipts and the per-donor receipt counters.

Quantities are guarded twice: CHECK constraints here, and conditional UPDATEs in the workflow.
Statuses that depend on quantities or time are derived (see `listing_status` and `need_status`),
so they can never disagree with the numbers and can be filtered in SQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ColumnElement,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    case,
    literal,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums.donations import ListingStatus, NeedStatus

_CONDITIONS = "('NEW', 'LIKE_NEW', 'GOOD', 'FAIR', 'FOR_PARTS')"
_DONATION_STATUSES = "('REQUESTED', 'APPROVED', 'DECLINED', 'SHIPPED', 'RECEIVED', 'CANCELLED')"
_ENDED_WITHOUT_DELIVERY = "('DECLINED', 'CANCELLED')"
OPEN_DONATION = text("status IN ('REQUESTED', 'APPROVED', 'SHIPPED')")  # still under way: not ended, not received


class Need(Entity, Base):
    """A school's request for equipment or a service; located at the school when posted."""

    __tablename__ = "need"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("quantity_received >= 0 AND quantity_received <= quantity", name="received_within_quantity"),
        CheckConstraint("priority IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')", name="priority_known"),
        CheckConstraint(f"minimum_condition IS NULL OR minimum_condition IN {_CONDITIONS}", name="condition_known"),
        CheckConstraint(
            "(service_starts_at IS NULL AND service_minutes IS NULL AND service_address IS NULL) "
            "OR (service_starts_at IS NOT NULL AND service_minutes > 0)",
            name="service_schedule_whole",
        ),
        Index("ix_need_location", "latitude", "longitude"),
    )

    school_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(Id, ForeignKey("category.id", ondelete="RESTRICT"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    quantity: Mapped[int]
    quantity_received: Mapped[int] = mapped_column(default=0, server_default="0")
    priority: Mapped[str] = mapped_column(String(10), index=True)
    needed_by: Mapped[date | None]
    minimum_condition: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    closed_at: Mapped[datetime | None]
    fulfilled_by_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    fulfilled_at: Mapped[datetime | None]
    # A service need's visit: when it starts, how long it lasts, and where (null address: at the school).
    service_starts_at: Mapped[datetime | None]
    service_minutes: Mapped[int | None]
    service_address: Mapped[str | None] = mapped_column(Text)

    @property
    def status(self) -> NeedStatus:
        if self.closed_at is not None:
            return NeedStatus.CLOSED
        return NeedStatus.FULFILLED if self.quantity_received >= self.quantity else NeedStatus.OPEN


def need_status() -> ColumnElement[str]:
    return case(
        (Need.closed_at.is_not(None), literal(NeedStatus.CLOSED.value)),
        (Need.quantity_received >= Need.quantity, literal(NeedStatus.FULFILLED.value)),
        else_=literal(NeedStatus.OPEN.value),
    )


class Listing(Entity, Base):
    """A donor's offer of `quantity` items; `quantity_reserved` covers approved and shipped donations."""

    __tablename__ = "listing"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("quantity_reserved >= 0 AND quantity_donated >= 0", name="counts_not_negative"),
        CheckConstraint("quantity_reserved + quantity_donated <= quantity", name="no_over_allocation"),
        CheckConstraint("unit_value_cents >= 0", name="value_not_negative"),
        CheckConstraint("length(currency) = 3", name="currency_code"),
        CheckConstraint(f"condition IN {_CONDITIONS}", name="condition_known"),
        CheckConstraint("fulfillment_mask > 0", name="fulfillment_given"),
        Index("ix_listing_location", "latitude", "longitude"),
    )

    donor_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(Id, ForeignKey("category.id", ondelete="RESTRICT"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    private_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    condition: Mapped[str] = mapped_column(String(10))
    quantity: Mapped[int]
    quantity_reserved: Mapped[int] = mapped_column(default=0, server_default="0")
    quantity_donated: Mapped[int] = mapped_column(default=0, server_default="0")
    unit_value_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    fulfillment_mask: Mapped[int]
    postal_code: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    available_until: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]

    @property
    def quantity_available(self) -> int:
        return self.quantity - self.quantity_reserved - self.quantity_donated

    def status_at(self, now: datetime) -> ListingStatus:
        if self.withdrawn_at is not None:
            return ListingStatus.WITHDRAWN
        if self.quantity_donated >= self.quantity:
            return ListingStatus.DONATED
        if self.quantity_available <= 0:
            return ListingStatus.RESERVED
        if self.available_until is not None and self.available_until <= now:
            return ListingStatus.EXPIRED
        return ListingStatus.AVAILABLE


def listing_available() -> ColumnElement[int]:
    return Listing.quantity - Listing.quantity_reserved - Listing.quantity_donated


def listing_status(now: datetime) -> ColumnElement[str]:
    """The SQL twin of `Listing.status_at`."""
    return case(
        (Listing.withdrawn_at.is_not(None), literal(ListingStatus.WITHDRAWN.value)),
        (Listing.quantity_donated >= Listing.quantity, literal(ListingStatus.DONATED.value)),
        (listing_available() <= 0, literal(ListingStatus.RESERVED.value)),
        (
            Listing.available_until.is_not(None) & (Listing.available_until <= now),
            literal(ListingStatus.EXPIRED.value),
        ),
        else_=literal(ListingStatus.AVAILABLE.value),
    )


class Donation(Entity, Base):
    """One school's request for part of one listing, against one of its needs."""

    __tablename__ = "donation"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint(f"status IN {_DONATION_STATUSES}", name="status_known"),
        CheckConstraint("donor_id <> school_id", name="not_to_self"),
        # One live (or received) donation per tool grant, so a grant is delivered at most once.
        Index(
            "uq_donation_live_tool_grant",
            "tool_grant_application_id",
            unique=True,
            sqlite_where=text(f"status NOT IN {_ENDED_WITHOUT_DELIVERY}"),
            postgresql_where=text(f"status NOT IN {_ENDED_WITHOUT_DELIVERY}"),
        ),
        # One open request per need and listing: racing requests cannot both be approved.
        Index(
            "uq_donation_open_need_listing",
            "need_id",
            "listing_id",
            unique=True,
            sqlite_where=OPEN_DONATION,
            postgresql_where=OPEN_DONATION,
        ),
    )

    listing_id: Mapped[int] = mapped_column(Id, ForeignKey("listing.id", ondelete="CASCADE"), index=True)
    need_id: Mapped[int] = mapped_column(Id, ForeignKey("need.id", ondelete="CASCADE"), index=True)
    donor_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    quantity: Mapped[int]
    status: Mapped[str] = mapped_column(String(10), index=True)
    message: Mapped[str] = mapped_column(Text, default="", server_default="")
    decline_reason: Mapped[str | None] = mapped_column(Text)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    fulfillment: Mapped[str | None] = mapped_column(String(10))
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking_number: Mapped[str | None] = mapped_column(String(100))
    arrangement: Mapped[str | None] = mapped_column(Text)
    # Set when the donation delivers a student's awarded tool grant; receiving it fulfils the award.
    tool_grant_application_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("scholarship_application.id", ondelete="SET NULL")
    )
    # Set when a coordinator's allocation plan offered it (allocationApply); such offers count against
    # the listing's quantity even before the donor confirms them.
    allocation_plan_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("allocation_plan.id", ondelete="SET NULL"), index=True
    )


class DonationEvent(Entity, Base):
    """One transition: who (person or app, for which organization), when, from and to."""

    __tablename__ = "donation_event"

    donation_id: Mapped[int] = mapped_column(Id, ForeignKey("donation.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(10))
    to_status: Mapped[str] = mapped_column(String(10))
    actor_user_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    actor_app_token_id: Mapped[int | None] = mapped_column(Id, ForeignKey("app_token.id", ondelete="SET NULL"))
    actor_organization_id: Mapped[int | None] = mapped_column(Id, ForeignKey("organization.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)


class DonationReceipt(Entity, Base):
    """The donor's acknowledgement, issued once on receipt; names and values are copied, never updated."""

    __tablename__ = "donation_receipt"
    __table_args__ = (
        UniqueConstraint("donation_id"),
        UniqueConstraint("number"),
        UniqueConstraint("donor_id", "year", "sequence"),
        CheckConstraint("quantity > 0 AND declared_value_cents >= 0", name="amounts_valid"),
    )

    donation_id: Mapped[int] = mapped_column(Id, ForeignKey("donation.id", ondelete="RESTRICT"))
    number: Mapped[str] = mapped_column(String(32))
    donor_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="RESTRICT"), index=True)
    school_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int]
    sequence: Mapped[int]
    donor_name: Mapped[str] = mapped_column(String(200))
    school_name: Mapped[str] = mapped_column(String(200))
    item_title: Mapped[str] = mapped_column(String(200))
    category_name: Mapped[str] = mapped_column(String(200))
    condition: Mapped[str] = mapped_column(String(10))
    quantity: Mapped[int]
    unit_value_cents: Mapped[int] = mapped_column(BigInteger)
    declared_value_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    requested_at: Mapped[datetime]
    received_at: Mapped[datetime]
    # what a tax acknowledgement names, copied from the school's profile when issued (null on receipts issued before)
    school_legal_name: Mapped[str | None] = mapped_column(String(200))
    school_address: Mapped[str | None] = mapped_column(String(400))
    school_tax_id: Mapped[str | None] = mapped_column(String(10))
    school_tax_status: Mapped[str | None] = mapped_column(String(20))
    signer_name: Mapped[str | None] = mapped_column(String(200))
    signer_title: Mapped[str | None] = mapped_column(String(200))


class ReceiptCounter(Entity, Base):
    """The last receipt number a donor used in a year; bumped by one atomic UPDATE per receipt."""

    __tablename__ = "receipt_counter"
    __table_args__ = (UniqueConstraint("donor_id", "year"),)

    donor_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"))
    year: Mapped[int]
    last_sequence: Mapped[int] = mapped_column(default=0, server_default="0")
