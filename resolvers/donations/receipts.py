"""Donation receipts: issued once when a donation is received, numbered per donor and year, never changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode, permission_denied
from core.paging import Page, Slice
from core.viewer import Viewer
from db.engine import Database
from db.models import Category, Donation, DonationReceipt, Listing, Organization, ReceiptCounter
from resolvers.donations import policy
from resolvers.donations.events import receipt_event


def receipt_number(year: int, donor_id: int, sequence: int) -> str:
    return f"SR-{year}-{donor_id:05d}-{sequence:06d}"


async def _next_sequence(session: AsyncSession, donor_id: int, year: int) -> int:
    """Bump the donor's counter for the year in one UPDATE (the row lock serializes racing receipts)."""
    bump = (
        update(ReceiptCounter)
        .where(ReceiptCounter.donor_id == donor_id, ReceiptCounter.year == year)
        .values(last_sequence=ReceiptCounter.last_sequence + 1, updated_at=utcnow())
        .returning(ReceiptCounter.last_sequence)
    )
    sequence = (await session.execute(bump)).scalar_one_or_none()
    if sequence is None:
        insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        await session.execute(
            insert(ReceiptCounter)
            .values(donor_id=donor_id, year=year, last_sequence=0)
            .on_conflict_do_nothing(index_elements=["donor_id", "year"])
        )
        sequence = (await session.execute(bump)).scalar_one()
    return sequence


async def issue(session: AsyncSession, donation: Donation) -> DonationReceipt:
    listing = await session.get_one(Listing, donation.listing_id)
    donor = await session.get_one(Organization, donation.donor_id)
    school = await session.get_one(Organization, donation.school_id)
    category = await session.get_one(Category, listing.category_id)
    now = utcnow()
    sequence = await _next_sequence(session, donation.donor_id, now.year)
    receipt = DonationReceipt(
        donation_id=donation.id,
        number=receipt_number(now.year, donation.donor_id, sequence),
        donor_id=donation.donor_id,
        school_id=donation.school_id,
        year=now.year,
        sequence=sequence,
        donor_name=donor.name,
        school_name=school.name,
        item_title=listing.title,
        category_name=category.name,
        condition=listing.condition,
        quantity=donation.quantity,
        unit_value_cents=listing.unit_value_cents,
        declared_value_cents=listing.unit_value_cents * donation.quantity,
        currency=listing.currency,
        requested_at=donation.created_at,
        received_at=now,
    )
    session.add(receipt)
    await session.flush()
    outbox.append(session, receipt_event(receipt))
    return receipt


@dataclass(frozen=True)
class ReceiptFilter:
    year: int | None = None
    donor_id: int | None = None


def donor_ids_for(viewer: Viewer, roles: Mapping[int, object], donor_id: int | None) -> list[int]:
    """The donors whose receipts the viewer may list: its organizations, or the one asked for."""
    if not viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "Sign in to see receipts.")
    if not policy.app_may_read(viewer):
        raise permission_denied("This app token needs the donations:read scope.")
    if donor_id is None:
        return list(roles)
    if donor_id not in roles and not viewer.is_staff:
        raise DomainError(ErrorCode.PERMISSION_DENIED, "You can only see your own organizations' receipts.", "donorId")
    return [donor_id]


async def browse(db: Database, donor_ids: list[int], filter: ReceiptFilter, page: Page) -> Slice[DonationReceipt]:
    if filter.year is not None and not (2000 <= filter.year <= 2100):
        raise DomainError(ErrorCode.OUT_OF_RANGE, "year must be between 2000 and 2100.", "year")
    stmt = select(DonationReceipt).where(DonationReceipt.donor_id.in_(donor_ids))
    if filter.year is not None:
        stmt = stmt.where(DonationReceipt.year == filter.year)
    stmt = stmt.order_by(DonationReceipt.year.desc(), DonationReceipt.sequence.desc(), DonationReceipt.id.desc())
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())
