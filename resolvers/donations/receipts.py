"""Donation receipts: issued once when a donation is received, numbered per donor and year, never changed."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import Enum

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

NO_GOODS_OR_SERVICES = "No goods or services were provided in return for this contribution."
DONOR_VALUE = "Value as declared by the donor; the school has not appraised the items."
TAX_STATUS_TEXT = {
    "PUBLIC_SCHOOL": "A governmental unit (public school) under section 170(c)(1) of the Internal Revenue Code.",
    "NONPROFIT_501C3": "A tax-exempt organization under section 501(c)(3) of the Internal Revenue Code.",
    "OTHER": "Tax status: other.",
}


def postal_address(organization: Organization) -> str | None:
    """One line: street, city, state and ZIP, whichever it gave."""
    region = " ".join(part for part in (organization.state, organization.postal_code) if part)
    parts = [part for part in (organization.street, organization.city, region) if part]
    return ", ".join(parts) or None


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
        school_legal_name=school.legal_name or school.name,
        school_address=postal_address(school),
        school_tax_id=school.tax_id,
        school_tax_status=school.tax_status,
        signer_name=school.signer_name,
        signer_title=school.signer_title,
    )
    session.add(receipt)
    await session.flush()
    outbox.append(session, receipt_event(receipt))
    return receipt


class ReceiptRole(str, Enum):
    RECEIVED = "RECEIVED"  # as the donor
    ISSUED = "ISSUED"  # as the school


@dataclass(frozen=True)
class ReceiptFilter:
    year: int | None = None
    donor_id: int | None = None
    role: ReceiptRole = ReceiptRole.RECEIVED


def donor_ids_for(viewer: Viewer, roles: Mapping[int, object], donor_id: int | None) -> list[int]:
    """The organizations whose receipts the viewer may list (as donor or as school): its own, or the one
    asked for."""
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
    party = DonationReceipt.school_id if filter.role is ReceiptRole.ISSUED else DonationReceipt.donor_id
    stmt = select(DonationReceipt).where(party.in_(donor_ids))
    if filter.year is not None:
        stmt = stmt.where(DonationReceipt.year == filter.year)
    stmt = stmt.order_by(DonationReceipt.year.desc(), DonationReceipt.sequence.desc(), DonationReceipt.id.desc())
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())


async def for_party(db: Database, viewer: Viewer, receipt_id: int, member: Collection[int]) -> DonationReceipt | None:
    """The receipt, when the viewer is one of its two parties (or staff); None otherwise."""
    async with db.read() as session:
        receipt = await session.get(DonationReceipt, receipt_id)
    readers = policy.reader_organizations(viewer, member)
    if receipt is None or not policy.sees_donation(readers, receipt.donor_id, receipt.school_id):
        return None
    return receipt


async def statement(db: Database, donor_id: int, year: int) -> tuple[Organization | None, list[DonationReceipt]]:
    """A donor's receipts of one calendar year, in number order, for its yearly statement."""
    async with db.read() as session:
        donor = await session.get(Organization, donor_id)
        rows = await session.scalars(
            select(DonationReceipt)
            .where(DonationReceipt.donor_id == donor_id, DonationReceipt.year == year)
            .order_by(DonationReceipt.sequence)
        )
        return donor, list(rows)
