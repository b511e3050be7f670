"""Donation receipts: the donor's records, visible to the two parties of the donation."""

from __future__ import annotations

from datetime import datetime

import strawberry

from db import enums, models
from resolvers.donations import receipts
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.donations.donations import Donation, ItemCondition, donation_organizations, sees
from schema.money import Money
from schema.relay import Connection, Node, decode_id, node_type, page_args


@node_type
@strawberry.type(description="The donor's numbered acknowledgement of a received donation; never changes once issued.")
class DonationReceipt(Node):
    number: str = strawberry.field(description="SR-<year>-<donor>-<sequence>, sequential per donor and year.")
    year: int
    issued_at: datetime
    donor_name: str = strawberry.field(description="As it was when the receipt was issued.")
    school_name: str
    item_title: str
    category_name: str
    condition: ItemCondition
    quantity: int
    unit_value: Money
    declared_value: Money
    requested_at: datetime
    received_at: datetime
    _row: strawberry.Private[models.DonationReceipt]

    @classmethod
    def from_model(cls, row: models.DonationReceipt) -> DonationReceipt:
        return cls(
            pk=row.id,
            number=row.number,
            year=row.year,
            issued_at=row.created_at,
            donor_name=row.donor_name,
            school_name=row.school_name,
            item_title=row.item_title,
            category_name=row.category_name,
            condition=enums.ItemCondition(row.condition),
            quantity=row.quantity,
            unit_value=Money(amount=row.unit_value_cents, currency=row.currency),
            declared_value=Money(amount=row.declared_value_cents, currency=row.currency),
            requested_at=row.requested_at,
            received_at=row.received_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> DonationReceipt | None:
        row = await info.context.loaders.by_id(models.DonationReceipt).load(pk)
        if row is None or not sees(await donation_organizations(info), row.donor_id, row.school_id):
            return None
        return cls.from_model(row)

    @strawberry.field
    async def donor(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.donor_id)

    @strawberry.field
    async def school(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.school_id)

    @strawberry.field
    async def donation(self, info: Info) -> Donation:
        return Donation.from_model(await info.context.loaders.by_id(models.Donation).load(self._row.donation_id))


@strawberry.input
class ReceiptFilter:
    year: int | None = None


@strawberry.type
class ReceiptQueries:
    @strawberry.field(description="Receipts of your donor organizations (or of `donorId`), newest first.")
    async def receipts(
        self,
        info: Info,
        donor_id: strawberry.ID | None = None,
        filter: ReceiptFilter | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[DonationReceipt]:
        page = page_args(first, after)
        donor_pk = decode_id(donor_id, "Organization", "donorId") if donor_id else None
        donor_ids = receipts.donor_ids_for(info.context.viewer, await info.context.roles(), donor_pk)
        criteria = receipts.ReceiptFilter(year=(filter or ReceiptFilter()).year, donor_id=donor_pk)
        result = await receipts.browse(info.context.db, donor_ids, criteria, page)
        return Connection.of(result, DonationReceipt.from_model)
