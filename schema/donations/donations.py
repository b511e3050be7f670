"""Donations, their history and receipts; the workflow mutations; who sees what.

A donation, its events and its receipt are visible to members of its two parties (apps with a
donations scope), and staff; to anyone else they do not exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlalchemy import and_, or_, select

from core.viewer import Scope
from db import enums, models
from resolvers.donations import donations
from resolvers.donations.workflow import Action
from schema.accounts.organizations import CONTACT_VISIBILITY, Organization
from schema.accounts.users import User
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.money import Money
from schema.relay import Connection, Node, decode_id, node_type, page_args

if TYPE_CHECKING:
    from schema.donations.listings import Listing
    from schema.donations.needs import Need
    from schema.donations.receipts import DonationReceipt
    from schema.pathways.scholarships import ScholarshipApplication

DonationStatus = strawberry.enum(enums.DonationStatus, description="Where a donation is in its workflow.")
FulfillmentMethod = strawberry.enum(enums.FulfillmentMethod, description="How items get from donor to school.")
ItemCondition = strawberry.enum(enums.ItemCondition, description="An item's condition, best first.")
_READ_SCOPES = frozenset({Scope.DONATIONS_READ.value, Scope.DONATIONS_WRITE.value})


async def donation_organizations(info: Info) -> set[int] | None:
    """Organizations whose donations the viewer sees; None means all (staff)."""
    viewer = info.context.viewer
    if viewer.is_staff:
        return None
    if viewer.is_app:
        return {viewer.app_organization_id} if viewer.scopes & _READ_SCOPES else set()
    return set(await info.context.roles())


def sees(orgs: set[int] | None, donor_id: int, school_id: int) -> bool:
    return orgs is None or donor_id in orgs or school_id in orgs


async def visible_donations(info: Info, rows: Iterable[models.Donation]) -> list[Donation]:
    orgs = await donation_organizations(info)
    return [Donation.from_model(row) for row in rows if sees(orgs, row.donor_id, row.school_id)]


@strawberry.type(description="How the donor hands the items over.")
class Shipment:
    method: FulfillmentMethod
    carrier: str | None
    tracking_number: str | None
    arrangement: str | None = strawberry.field(description="Pickup, delivery or tow details.")


@strawberry.type(description="One step of a donation: who moved it, when, from which status to which.")
class DonationEvent:
    from_status: DonationStatus | None
    to_status: DonationStatus
    at: datetime
    note: str | None
    via_app: bool = strawberry.field(description="True when a partner app took the step.")
    _row: strawberry.Private[models.DonationEvent]

    @strawberry.field(description="The person who took the step (null for an app).")
    async def actor(self, info: Info) -> User | None:
        return await User.load(info, self._row.actor_user_id) if self._row.actor_user_id else None

    @strawberry.field(description="The organization the step was taken for.")
    async def organization(self, info: Info) -> Organization | None:
        org_id = self._row.actor_organization_id
        return await Organization.load(info, org_id) if org_id else None


@node_type
@strawberry.type(description="A school's request for part of a listing, against one of its needs.")
class Donation(Node):
    status: DonationStatus
    quantity: int
    message: str
    decline_reason: str | None
    cancel_reason: str | None
    shipment: Shipment | None
    created_at: datetime
    updated_at: datetime
    _row: strawberry.Private[models.Donation]

    @classmethod
    def from_model(cls, row: models.Donation) -> Donation:
        shipment = None
        if row.fulfillment:
            shipment = Shipment(
                method=enums.FulfillmentMethod(row.fulfillment),
                carrier=row.carrier,
                tracking_number=row.tracking_number,
                arrangement=row.arrangement,
            )
        return cls(
            pk=row.id,
            status=enums.DonationStatus(row.status),
            quantity=row.quantity,
            message=row.message,
            decline_reason=row.decline_reason,
            cancel_reason=row.cancel_reason,
            shipment=shipment,
            created_at=row.created_at,
            updated_at=row.updated_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Donation | None:
        row = await info.context.loaders.by_id(models.Donation).load(pk)
        if row is None or not sees(await donation_organizations(info), row.donor_id, row.school_id):
            return None
        return cls.from_model(row)

    @strawberry.field
    async def listing(self, info: Info) -> Annotated[Listing, strawberry.lazy("schema.donations.listings")]:
        from schema.donations.listings import Listing

        return Listing.from_model(await info.context.loaders.by_id(models.Listing).load(self._row.listing_id))

    @strawberry.field
    async def need(self, info: Info) -> Annotated[Need, strawberry.lazy("schema.donations.needs")]:
        from schema.donations.needs import Need

        return Need.from_model(await info.context.loaders.by_id(models.Need).load(self._row.need_id))

    @strawberry.field
    async def donor(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.donor_id)

    @strawberry.field
    async def school(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.school_id)

    @strawberry.field(description="Quantity times the listing's unit value.")
    async def declared_value(self, info: Info) -> Money:
        listing = await info.context.loaders.by_id(models.Listing).load(self._row.listing_id)
        return Money(amount=listing.unit_value_cents * self.quantity, currency=listing.currency)

    @strawberry.field(description="Every step, oldest first.")
    async def events(self, info: Info) -> list[DonationEvent]:
        rows = await info.context.loaders.by_column(models.DonationEvent, "donation_id").load(self.pk)
        return [
            DonationEvent(
                from_status=enums.DonationStatus(r.from_status) if r.from_status else None,
                to_status=enums.DonationStatus(r.to_status),
                at=r.created_at,
                note=r.note,
                via_app=r.actor_app_token_id is not None,
                _row=r,
            )
            for r in rows
        ]

    @strawberry.field(description="The awarded tool grant this donation delivers, when you may see the award.")
    async def tool_grant_application(
        self, info: Info
    ) -> Annotated[ScholarshipApplication, strawberry.lazy("schema.pathways.scholarships")] | None:
        from schema.pathways.scholarships import ScholarshipApplication

        pk = self._row.tool_grant_application_id
        return await ScholarshipApplication.load(info, pk) if pk else None

    @strawberry.field(description="Issued when the school receives the items.")
    async def receipt(
        self, info: Info
    ) -> Annotated[DonationReceipt, strawberry.lazy("schema.donations.receipts")] | None:
        from schema.donations.receipts import DonationReceipt

        rows = await info.context.loaders.by_column(models.DonationReceipt, "donation_id").load(self.pk)
        return DonationReceipt.from_model(rows[0]) if rows else None


async def _counterpart_batch(info: Info, organization_ids) -> list[bool]:
    """For each organization: does the viewer's side have a (not declined) donation with it?"""
    mine = await donation_organizations(info)
    if not mine:
        return [mine is None] * len(organization_ids)
    d = models.Donation
    async with info.context.db.read() as session:
        rows = await session.execute(
            select(d.donor_id, d.school_id).where(
                d.status != enums.DonationStatus.DECLINED.value,
                or_(
                    and_(d.donor_id.in_(organization_ids), d.school_id.in_(mine)),
                    and_(d.school_id.in_(organization_ids), d.donor_id.in_(mine)),
                ),
            )
        )
        partners = {org for pair in rows for org in pair} - mine
    return [org in partners for org in organization_ids]


async def is_donation_partner(info: Info, organization_id: int) -> bool:
    loader = info.context.loaders.custom("donation_partner", lambda db, keys: _counterpart_batch(info, keys))
    return await loader.load(organization_id)


CONTACT_VISIBILITY.append(is_donation_partner)


@strawberry.input
class DonationRequestInput:
    listing_id: strawberry.ID
    need_id: strawberry.ID
    quantity: int
    message: str | None = None
    tool_grant_application_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A student's awarded tool grant this donation delivers: requested by the student's school "
        "from a listing of the grant's sponsor; receiving it marks the award fulfilled.",
    )


@strawberry.input
class DonationFilter:
    status: list[DonationStatus] | None = None
    organization_id: strawberry.ID | None = strawberry.field(default=None, description="One of your organizations.")


@strawberry.type
class DonationPayload(Payload):
    donation: Donation | None = None


@strawberry.type
class DonationQueries:
    @strawberry.field
    async def donation(self, info: Info, id: strawberry.ID) -> Donation | None:
        return await Donation.load(info, decode_id(id, "Donation"))

    @strawberry.field(description="Donations given or requested by your organizations, most recently changed first.")
    async def donations(
        self, info: Info, filter: DonationFilter | None = None, first: int | None = 20, after: str | None = None
    ) -> Connection[Donation]:
        filter = filter or DonationFilter()
        page = page_args(first, after)
        orgs = await donation_organizations(info) or set()
        criteria = donations.DonationFilter(
            statuses=tuple(filter.status) if filter.status else None,
            organization_id=decode_id(filter.organization_id, "Organization", "organizationId")
            if filter.organization_id
            else None,
        )
        result = await donations.browse(info.context.db, sorted(orgs), criteria, page)
        return Connection.of(result, Donation.from_model)


def _donation_id(id: strawberry.ID) -> int:
    return decode_id(id, "Donation")


@strawberry.type
class DonationMutations:
    @strawberry.mutation(description="Ask for part of a listing for one of your school's needs.")
    @returns_payload
    async def donation_request(self, info: Info, input: DonationRequestInput) -> DonationPayload:
        row = await donations.request(
            info.context.db,
            info.context.viewer,
            listing_id=decode_id(input.listing_id, "Listing", "listingId"),
            need_id=decode_id(input.need_id, "Need", "needId"),
            quantity=input.quantity,
            message=input.message,
            tool_grant_application_id=decode_id(
                input.tool_grant_application_id, "ScholarshipApplication", "toolGrantApplicationId"
            )
            if input.tool_grant_application_id
            else None,
        )
        return DonationPayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="The donor approves a request, reserving its quantity.")
    @returns_payload
    async def donation_approve(self, info: Info, id: strawberry.ID, note: str | None = None) -> DonationPayload:
        row = await donations.act(
            info.context.db, info.context.viewer, _donation_id(id), Action.APPROVE, note=donations.reason(note, "note")
        )
        return DonationPayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="The donor declines a request.")
    @returns_payload
    async def donation_decline(self, info: Info, id: strawberry.ID, reason: str | None = None) -> DonationPayload:
        text = donations.reason(reason, "reason")
        row = await donations.act(
            info.context.db,
            info.context.viewer,
            _donation_id(id),
            Action.DECLINE,
            note=text,
            values={"decline_reason": text},
        )
        return DonationPayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="The donor ships (carrier and tracking) or arranges pickup, delivery or tow.")
    @returns_payload
    async def donation_ship(
        self,
        info: Info,
        id: strawberry.ID,
        carrier: str | None = None,
        tracking_number: str | None = None,
        method: FulfillmentMethod = enums.FulfillmentMethod.SHIP,
        arrangement: str | None = None,
    ) -> DonationPayload:
        values = donations.shipment(method, carrier, tracking_number, arrangement)
        row = await donations.act(info.context.db, info.context.viewer, _donation_id(id), Action.SHIP, values=values)
        return DonationPayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="The school confirms receipt; the donor's receipt is issued.")
    @returns_payload
    async def donation_receive(self, info: Info, id: strawberry.ID, note: str | None = None) -> DonationPayload:
        row = await donations.act(
            info.context.db, info.context.viewer, _donation_id(id), Action.RECEIVE, note=donations.reason(note, "note")
        )
        return DonationPayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="Either side cancels before shipping; a reservation is released.")
    @returns_payload
    async def donation_cancel(self, info: Info, id: strawberry.ID, reason: str | None = None) -> DonationPayload:
        text = donations.reason(reason, "reason")
        row = await donations.act(
            info.context.db,
            info.context.viewer,
            _donation_id(id),
            Action.CANCEL,
            note=text,
            values={"cancel_reason": text},
        )
        return DonationPayload(donation=Donation.from_model(row))
