"""Donation receipts: the donor's records, visible to the two parties of the donation."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from db import enums, models
from resolvers.donations import receipts
from schema.accounts.organizations import Organization, ReceiptSigner
from schema.context import Info
from schema.donations.donations import VISIBLE_TO, Donation
from schema.donations.enums import ItemCondition
from schema.donations.visibility import donation_organizations, sees
from schema.enum_type import enum_type
from schema.money import Cents, Money
from schema.relay import After, Connection, First, Node, decode_id, encode_id, node_type, page_args
from schema.scalars import TaxStatus

AS_ISSUED = "as it was when the receipt was issued"


@node_type
@strawberry.type(
    description="The donor's numbered acknowledgement of a received donation, for its tax records; issued when the "
    f"school confirms receipt and never changed afterwards. {VISIBLE_TO}"
)
class DonationReceipt(Node):
    number: str = strawberry.field(description="SR-<year>-<donor>-<sequence>, sequential per donor and year.")
    year: int = strawberry.field(description="The calendar year (UTC) of receipt; numbering restarts each year.")
    issued_at: datetime = strawberry.field(description="When the receipt was issued.")
    donor_name: str = strawberry.field(description=f"The donor's name, {AS_ISSUED}.")
    school_name: str = strawberry.field(description=f"The receiving school's name, {AS_ISSUED}.")
    item_title: str = strawberry.field(description=f"The listing's title, {AS_ISSUED}.")
    category_name: str = strawberry.field(description=f"The listing's category name, {AS_ISSUED}.")
    condition: ItemCondition = strawberry.field(description=f"The items' condition, {AS_ISSUED}.")
    quantity: int = strawberry.field(description="Items received.")
    unit_value: Money = strawberry.field(
        description=f"The donor's declared value of one item (the listing's), {AS_ISSUED}; not appraised by the school."
    )
    declared_value: Money = strawberry.field(
        description="Quantity times unit value: the donor's declared value, not appraised by the school."
    )
    requested_at: datetime = strawberry.field(description="When the school requested the donation.")
    received_at: datetime = strawberry.field(description="When the school confirmed receipt: the date received.")
    school_legal_name: str = strawberry.field(
        description=f"The school's legal name, {AS_ISSUED} (its name when it gave no legal name)."
    )
    school_address: str | None = strawberry.field(
        description=f"The school's postal address on one line, {AS_ISSUED}; null when it gave none."
    )
    school_tax_id: str | None = strawberry.field(
        description=f"The school's EIN, NN-NNNNNNN, {AS_ISSUED}; null when its profile had none."
    )
    school_tax_status: TaxStatus | None = strawberry.field(
        description=f"Why the gift is deductible, {AS_ISSUED}; null when its profile had none."
    )
    signer: ReceiptSigner | None = strawberry.field(
        description=f"Who signs for the school, {AS_ISSUED}; null when its profile named no one."
    )
    goods_or_services_statement: str = strawberry.field(
        description="The statement that no goods or services were provided in return for the contribution."
    )
    value_statement: str = strawberry.field(
        description="Whose value `declaredValue` is: the donor's own; the school does not appraise."
    )
    pdf_path: str = strawberry.field(
        description="Where to download this receipt as a PDF (GET, with the same bearer token); only the two "
        "parties of the donation get it."
    )
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
            unit_value=Money(amount=Cents(row.unit_value_cents), currency=row.currency),
            declared_value=Money(amount=Cents(row.declared_value_cents), currency=row.currency),
            requested_at=row.requested_at,
            received_at=row.received_at,
            school_legal_name=row.school_legal_name or row.school_name,
            school_address=row.school_address,
            school_tax_id=row.school_tax_id,
            school_tax_status=TaxStatus(row.school_tax_status) if row.school_tax_status else None,
            signer=ReceiptSigner(name=row.signer_name, title=row.signer_title) if row.signer_name else None,
            goods_or_services_statement=receipts.NO_GOODS_OR_SERVICES,
            value_statement=receipts.DONOR_VALUE,
            pdf_path=f"/receipts/{encode_id('DonationReceipt', row.id)}.pdf",
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> DonationReceipt | None:
        row = await info.context.loaders.by_id(models.DonationReceipt).load(pk)
        if row is None or not sees(await donation_organizations(info), row.donor_id, row.school_id):
            return None
        return cls.from_model(row)

    @strawberry.field(description="The donor organization, as it is now (see `donorName` for the issued name).")
    async def donor(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.donor_id)

    @strawberry.field(description="The receiving school, as it is now (see `schoolName` for the issued name).")
    async def school(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.school_id)

    @strawberry.field(description="The donation the receipt acknowledges.")
    async def donation(self, info: Info) -> Donation:
        return Donation.from_model(await info.context.loaders.by_id(models.Donation).load(self._row.donation_id))


ReceiptRole = enum_type(
    receipts.ReceiptRole,
    name="ReceiptRole",
    description="Which side of the receipts to list.",
    values={
        "RECEIVED": "Receipts your organizations received as donors.",
        "ISSUED": "Receipts your organizations issued as schools, for donations they received.",
    },
)


@strawberry.input(description="Narrows `receipts`; fields left out do not filter.")
class ReceiptFilter:
    year: int | None = strawberry.field(default=None, description="Only this calendar year's receipts, 2000 to 2100.")
    role: ReceiptRole = strawberry.field(
        default=receipts.ReceiptRole.RECEIVED,
        description="RECEIVED (default): as the donor; ISSUED: as the school that issued them.",
    )


@strawberry.type
class ReceiptQueries:
    @strawberry.field(
        description="Receipts your organizations (or `donorId`'s) received as donors, or with `filter.role: "
        "ISSUED` issued as schools; newest first. Signed-out callers get UNAUTHENTICATED; a partner app needs a "
        "donations scope."
    )
    async def receipts(
        self,
        info: Info,
        donor_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only this organization's receipts (the donor's, or with role ISSUED the school's); "
                "it must be one of your organizations (any for staff). Default: all your organizations'."
            ),
        ] = None,
        filter: Annotated[
            ReceiptFilter | None, strawberry.argument(description="Which receipts; default: every year.")
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[DonationReceipt]:
        page = page_args(first, after)
        donor_pk = decode_id(donor_id, "Organization", "donorId") if donor_id else None
        donor_ids = receipts.donor_ids_for(info.context.viewer, await info.context.roles(), donor_pk)
        filter = filter or ReceiptFilter()
        criteria = receipts.ReceiptFilter(year=filter.year, donor_id=donor_pk, role=receipts.ReceiptRole(filter.role))
        result = await receipts.browse(info.context.db, donor_ids, criteria, page)
        return Connection.of(result, DonationReceipt.from_model)
