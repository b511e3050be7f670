"""Bulk exports of an organization's records, as rows of plain values, only what the policies allow.

Each dataset names its columns, who may export it (the domain's policy) and the rows, read in
batches by key (see batches.py). Values are strings, numbers, dates or None; the HTTP layer writes
them as CSV or JSON Lines and turns primary keys into global IDs (`global_ids`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from core.clock import utcnow
from core.viewer import Role, Scope, Viewer
from db.engine import Database
from db.models import Category, Donation, DonationReceipt, Listing, Membership, Need
from db.models.donations.donations import listing_available, listing_status, need_status
from resolvers.donations import policy as donation_policy
from resolvers.partners import student_records
from resolvers.partners.batches import keyset_batches

Row = dict[str, Any]


@dataclass(frozen=True)
class Dataset:
    name: str
    columns: tuple[str, ...]
    global_ids: dict[str, str]  # column -> the GraphQL type its primary key belongs to
    may_export: Callable[[Viewer, int, Collection[int]], bool]
    rows: Callable[[Database, Viewer, int, Collection[int]], AsyncIterator[list[Row]]]


async def member_of(db: Database, viewer: Viewer) -> set[int]:
    """The organizations the viewer belongs to (an app: its own)."""
    if viewer.is_app:
        return {viewer.app_organization_id} if viewer.app_organization_id is not None else set()
    if viewer.user_id is None:
        return set()
    async with db.read() as session:
        rows = await session.scalars(select(Membership.organization_id).where(Membership.user_id == viewer.user_id))
        return set(rows)


async def roles_of(db: Database, viewer: Viewer) -> dict[int, Role]:
    """The viewer's role in each of their organizations (an app: admin of its own)."""
    if viewer.is_app:
        return {viewer.app_organization_id: Role.ADMIN} if viewer.app_organization_id is not None else {}
    if viewer.user_id is None:
        return {}
    async with db.read() as session:
        rows = await session.execute(
            select(Membership.organization_id, Membership.role).where(Membership.user_id == viewer.user_id)
        )
        return {organization: Role(role) for organization, role in rows}


async def _needs(db: Database, viewer: Viewer, organization_id: int, _: Collection[int]) -> AsyncIterator[list[Row]]:
    query = (
        select(Need, Category.name.label("category"), need_status().label("status"))
        .join(Category, Category.id == Need.category_id)
        .where(Need.school_id == organization_id)
    )
    async for rows in keyset_batches(db, query, Need.id):
        yield [
            {
                "id": r.Need.id,
                "title": r.Need.title,
                "category": r.category,
                "quantity": r.Need.quantity,
                "quantityReceived": r.Need.quantity_received,
                "priority": r.Need.priority,
                "status": r.status,
                "neededBy": r.Need.needed_by,
                "createdAt": r.Need.created_at,
            }
            for r in rows
        ]


async def _listings(db: Database, viewer: Viewer, organization_id: int, _: Collection[int]) -> AsyncIterator[list[Row]]:
    query = (
        select(
            Listing,
            Category.name.label("category"),
            listing_available().label("available"),
            listing_status(utcnow()).label("status"),
        )
        .join(Category, Category.id == Listing.category_id)
        .where(Listing.donor_id == organization_id)
    )
    async for rows in keyset_batches(db, query, Listing.id):
        yield [
            {
                "id": r.Listing.id,
                "title": r.Listing.title,
                "category": r.category,
                "condition": r.Listing.condition,
                "quantity": r.Listing.quantity,
                "quantityAvailable": r.available,
                "quantityDonated": r.Listing.quantity_donated,
                "unitValueCents": r.Listing.unit_value_cents,
                "currency": r.Listing.currency,
                "status": r.status,
                "availableUntil": r.Listing.available_until,
                "privateNotes": r.Listing.private_notes,  # the donor's own notes: only its members export
                "createdAt": r.Listing.created_at,
            }
            for r in rows
        ]


async def _donations(
    db: Database, viewer: Viewer, organization_id: int, member: Collection[int]
) -> AsyncIterator[list[Row]]:
    readers = donation_policy.reader_organizations(viewer, member)
    party = (Donation.donor_id == organization_id) | (Donation.school_id == organization_id)
    async for rows in keyset_batches(db, select(Donation).where(party), Donation.id):
        yield [
            {
                "id": d.id,
                "listingId": d.listing_id,
                "needId": d.need_id,
                "donorId": d.donor_id,
                "schoolId": d.school_id,
                "quantity": d.quantity,
                "status": d.status,
                "fulfillment": d.fulfillment,
                "carrier": d.carrier,
                "trackingNumber": d.tracking_number,
                "createdAt": d.created_at,
            }
            for (d,) in rows
            if donation_policy.sees_donation(readers, d.donor_id, d.school_id)
        ]


async def _receipts(
    db: Database, viewer: Viewer, organization_id: int, member: Collection[int]
) -> AsyncIterator[list[Row]]:
    readers = donation_policy.reader_organizations(viewer, member)
    party = (DonationReceipt.donor_id == organization_id) | (DonationReceipt.school_id == organization_id)
    async for rows in keyset_batches(db, select(DonationReceipt).where(party), DonationReceipt.id):
        yield [
            {
                "number": r.number,
                "donationId": r.donation_id,
                "year": r.year,
                "donorName": r.donor_name,
                "schoolName": r.school_name,
                "itemTitle": r.item_title,
                "category": r.category_name,
                "condition": r.condition,
                "quantity": r.quantity,
                "unitValueCents": r.unit_value_cents,
                "declaredValueCents": r.declared_value_cents,
                "currency": r.currency,
                "requestedAt": r.requested_at,
                "receivedAt": r.received_at,
                "donorId": r.donor_id,
                "schoolId": r.school_id,
                "schoolLegalName": r.school_legal_name or r.school_name,
                "schoolAddress": r.school_address,
                "schoolTaxId": r.school_tax_id,
                "schoolTaxStatus": r.school_tax_status,
                "signerName": r.signer_name,
                "signerTitle": r.signer_title,
            }
            for (r,) in rows
            if donation_policy.sees_donation(readers, r.donor_id, r.school_id)
        ]


def _donation_export(viewer: Viewer, organization_id: int, member: Collection[int]) -> bool:
    return donation_policy.may_export(viewer, organization_id, member)


_TALENT_SCOPES = frozenset({Scope.TALENT_READ.value, Scope.TALENT_WRITE.value})


def _student_export(viewer: Viewer, organization_id: int, member: Collection[int]) -> bool:
    """A school's members (its apps with a talent scope: schools hold talent:write) and staff."""
    if viewer.is_app and not viewer.scopes & _TALENT_SCOPES:
        return False
    return viewer.is_staff or organization_id in member


DATASETS: dict[str, Dataset] = {
    dataset.name: dataset
    for dataset in (
        Dataset(
            "needs",
            ("id", "title", "category", "quantity", "quantityReceived", "priority", "status", "neededBy", "createdAt"),
            {"id": "Need"},
            _donation_export,
            _needs,
        ),
        Dataset(
            "listings",
            (
                "id",
                "title",
                "category",
                "condition",
                "quantity",
                "quantityAvailable",
                "quantityDonated",
                "unitValueCents",
                "currency",
                "status",
                "availableUntil",
                "privateNotes",
                "createdAt",
            ),
            {"id": "Listing"},
            _donation_export,
            _listings,
        ),
        Dataset(
            "donations",
            (
                "id",
                "listingId",
                "needId",
                "donorId",
                "schoolId",
                "quantity",
                "status",
                "fulfillment",
                "carrier",
                "trackingNumber",
                "createdAt",
            ),
            {
                "id": "Donation",
                "listingId": "Listing",
                "needId": "Need",
                "donorId": "Organization",
                "schoolId": "Organization",
            },
            _donation_export,
            _donations,
        ),
        Dataset(
            "receipts",
            (
                "number",
                "donationId",
                "year",
                "donorName",
                "schoolName",
                "itemTitle",
                "category",
                "condition",
                "quantity",
                "unitValueCents",
                "declaredValueCents",
                "currency",
                "requestedAt",
                "receivedAt",
                "donorId",
                "schoolId",
                "schoolLegalName",
                "schoolAddress",
                "schoolTaxId",
                "schoolTaxStatus",
                "signerName",
                "signerTitle",
            ),
            {"donationId": "Donation", "donorId": "Organization", "schoolId": "Organization"},
            _donation_export,
            _receipts,
        ),
        Dataset(
            "students",
            student_records.COLUMNS,
            {"studentId": "StudentProfile", "programId": "TrainingProgram"},
            _student_export,
            student_records.rows,
        ),
    )
}
