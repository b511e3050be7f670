"""Donations and their history; the workflow mutations from request to receipt.

A donation, its events and its receipt are visible to members of its two parties (apps with a
donations scope), and staff; to anyone else they do not exist (see `visibility`).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from core.paging import Slice
from db import enums, models
from resolvers.donations import donations
from resolvers.donations.workflow import Action
from schema.accounts.organizations import Organization
from schema.accounts.users import User
from schema.context import Info
from schema.donations.enums import DonationStatus, FulfillmentMethod
from schema.donations.visibility import donation_organizations, sees
from schema.donations.workflow import (
    DonationApproveInput,
    DonationApprovePayload,
    DonationCancelInput,
    DonationCancelPayload,
    DonationDeclineInput,
    DonationDeclinePayload,
    DonationReceiveInput,
    DonationReceivePayload,
    DonationRequestInput,
    DonationRequestPayload,
    DonationShipInput,
    DonationShipPayload,
)
from schema.errors import INPUT, returns_payload
from schema.money import Money
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args

if TYPE_CHECKING:
    from schema.donations.listings import Listing
    from schema.donations.needs import Need
    from schema.donations.receipts import DonationReceipt
    from schema.pathways.scholarships import ScholarshipApplication
    from schema.recognition.thanks import ThankYouNote

VISIBLE_TO = (
    "Visible to members of the donor and of the school (partner apps of either with DONATIONS_READ or "
    "DONATIONS_WRITE) and to staff; to anyone else it does not exist."
)


@strawberry.type(description="How the donor hands the items over; set when the donor ships.")
class Shipment:
    method: FulfillmentMethod = strawberry.field(description="Pickup, shipping, delivery or tow.")
    carrier: str | None = strawberry.field(description="The carrier, e.g. UPS; always given when method is SHIP.")
    tracking_number: str | None = strawberry.field(description="The carrier's tracking number, when given.")
    arrangement: str | None = strawberry.field(
        description="Pickup, delivery or tow details (place, time, contact), when given."
    )


@strawberry.type(description="One step of a donation: who moved it, when, from which status to which.")
class DonationEvent:
    from_status: DonationStatus | None = strawberry.field(description="Status before the step; null for the request.")
    to_status: DonationStatus = strawberry.field(description="Status after the step.")
    at: datetime = strawberry.field(description="When the step was taken.")
    note: str | None = strawberry.field(
        description="What the actor wrote with the step: the request's message, an approval or receipt note, a "
        "decline or cancel reason; null when none."
    )
    via_app: bool = strawberry.field(description="True when a partner app took the step; `actor` is then null.")
    _row: strawberry.Private[models.DonationEvent]

    @classmethod
    def from_model(cls, row: models.DonationEvent) -> DonationEvent:
        return cls(
            from_status=enums.DonationStatus(row.from_status) if row.from_status else None,
            to_status=enums.DonationStatus(row.to_status),
            at=row.created_at,
            note=row.note,
            via_app=row.actor_app_token_id is not None,
            _row=row,
        )

    @strawberry.field(description="The person who took the step; null for a partner app or a deleted account.")
    async def actor(self, info: Info) -> User | None:
        return await User.load(info, self._row.actor_user_id) if self._row.actor_user_id else None

    @strawberry.field(
        description="The organization the step was taken for (the donor or the school); null if it was deleted."
    )
    async def organization(self, info: Info) -> Organization | None:
        org_id = self._row.actor_organization_id
        return await Organization.load(info, org_id) if org_id else None


@node_type
@strawberry.type(description=f"A school's request for part of a listing, against one of its needs. {VISIBLE_TO}")
class Donation(Node):
    status: DonationStatus = strawberry.field(description="Where the donation is in its workflow.")
    quantity: int = strawberry.field(
        description="Items requested; reserved on the listing once APPROVED, counted on the need once RECEIVED."
    )
    message: str = strawberry.field(description="The school's message to the donor with the request; may be empty.")
    decline_reason: str | None = strawberry.field(
        description="Why the donor declined, or the withdrawal reason when withdrawing the listing declined it; "
        "null unless DECLINED with a reason."
    )
    cancel_reason: str | None = strawberry.field(
        description="Why it was cancelled ('The need was closed.' when closing the need cancelled it); null unless "
        "CANCELLED with a reason."
    )
    shipment: Shipment | None = strawberry.field(description="How the items are handed over; null until SHIPPED.")
    created_at: datetime = strawberry.field(description="When the school requested it.")
    updated_at: datetime = strawberry.field(description="When it last changed; `donations` lists the latest first.")
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

    @strawberry.field(description="The listing the items come from.")
    async def listing(self, info: Info) -> Annotated[Listing, strawberry.lazy("schema.donations.listings")]:
        from schema.donations.listings import Listing

        return Listing.from_model(await info.context.loaders.by_id(models.Listing).load(self._row.listing_id))

    @strawberry.field(description="The school's need the items are for.")
    async def need(self, info: Info) -> Annotated[Need, strawberry.lazy("schema.donations.needs")]:
        from schema.donations.needs import Need

        return Need.from_model(await info.context.loaders.by_id(models.Need).load(self._row.need_id))

    @strawberry.field(description="The organization giving the items (the listing's donor).")
    async def donor(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.donor_id)

    @strawberry.field(description="The school receiving the items (the need's school).")
    async def school(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.school_id)

    @strawberry.field(
        description="Quantity times the listing's current unit value, in its currency; the receipt keeps the value "
        "as it was on receipt."
    )
    async def declared_value(self, info: Info) -> Money:
        listing = await info.context.loaders.by_id(models.Listing).load(self._row.listing_id)
        return Money(amount=listing.unit_value_cents * self.quantity, currency=listing.currency)

    @strawberry.field(description="Every step, oldest first; at most one per workflow step.")
    async def events(self, info: Info) -> list[DonationEvent]:
        rows = await info.context.loaders.by_column(models.DonationEvent, "donation_id").load(self.pk)
        return [DonationEvent.from_model(r) for r in rows]

    @strawberry.field(
        description="The awarded tool grant this donation delivers; null when it delivers none or you may not see "
        "the award (the student, the student's school and the sponsor may)."
    )
    async def tool_grant_application(
        self, info: Info
    ) -> Annotated[ScholarshipApplication, strawberry.lazy("schema.pathways.scholarships")] | None:
        from schema.pathways.scholarships import ScholarshipApplication

        pk = self._row.tool_grant_application_id
        return await ScholarshipApplication.load(info, pk) if pk else None

    @strawberry.field(description="The donor's receipt, issued when the school confirms receipt; null until RECEIVED.")
    async def receipt(
        self, info: Info
    ) -> Annotated[DonationReceipt, strawberry.lazy("schema.donations.receipts")] | None:
        from schema.donations.receipts import DonationReceipt

        rows = await info.context.loaders.by_column(models.DonationReceipt, "donation_id").load(self.pk)
        return DonationReceipt.from_model(rows[0]) if rows else None

    @strawberry.field(description="The school's thank-you note, with photos; null until the school writes one.")
    async def thank_you_note(
        self, info: Info
    ) -> Annotated[ThankYouNote, strawberry.lazy("schema.recognition.thanks")] | None:
        from schema.recognition.thanks import note_of_donation

        return await note_of_donation(info, self.pk)


async def donations_of(info: Info, column: str, key: int, first: int | None, after: str | None) -> Connection[Donation]:
    """A page of one need's or listing's donations that the viewer sees, oldest first.

    The parent's rows come through the request's loader (one query for all parents on the page) and are
    filtered before paging, so cursors count only what this viewer sees.
    """
    page = page_args(first, after)
    rows = await info.context.loaders.by_column(models.Donation, column).load(key)
    orgs = await donation_organizations(info)
    items, has_next = page.window([row for row in rows if sees(orgs, row.donor_id, row.school_id)])
    return Connection.of(Slice(items, page.offset, has_next), Donation.from_model)


@strawberry.input(description="Narrows `donations`; fields left out do not filter.")
class DonationFilter:
    status: list[DonationStatus] | None = strawberry.field(default=None, description="Any of these statuses.")
    organization_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Only donations of this one of your organizations, as donor or school; another organization's "
        "ID gives an empty list.",
    )


@strawberry.type
class DonationQueries:
    @strawberry.field(description=f"A donation by ID; null when it does not exist or you may not see it. {VISIBLE_TO}")
    async def donation(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The donation's ID.")]
    ) -> Donation | None:
        return await Donation.load(info, decode_id(id, "Donation"))

    @strawberry.field(
        description="Donations where one of your organizations is the donor or the school (for a partner app: its "
        "organization, with a donations scope), most recently changed first; empty when signed out."
    )
    async def donations(
        self,
        info: Info,
        filter: Annotated[
            DonationFilter | None, strawberry.argument(description="Statuses or one organization; default: all.")
        ] = None,
        first: First = 20,
        after: After = None,
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
    @strawberry.mutation(description="Ask for part of a listing for one of your school's open needs.")
    @returns_payload
    async def donation_request(
        self, info: Info, input: Annotated[DonationRequestInput, strawberry.argument(description=INPUT)]
    ) -> DonationRequestPayload:
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
        return DonationRequestPayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="The donor approves a request, reserving its quantity on the listing.")
    @returns_payload
    async def donation_approve(
        self, info: Info, input: Annotated[DonationApproveInput, strawberry.argument(description=INPUT)]
    ) -> DonationApprovePayload:
        note = donations.reason(input.note, "note")
        row = await donations.act(
            info.context.db, info.context.viewer, _donation_id(input.id), Action.APPROVE, note=note
        )
        return DonationApprovePayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="The donor declines a request.")
    @returns_payload
    async def donation_decline(
        self, info: Info, input: Annotated[DonationDeclineInput, strawberry.argument(description=INPUT)]
    ) -> DonationDeclinePayload:
        text = donations.reason(input.reason, "reason")
        row = await donations.act(
            info.context.db,
            info.context.viewer,
            _donation_id(input.id),
            Action.DECLINE,
            note=text,
            values={"decline_reason": text},
        )
        return DonationDeclinePayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="The donor ships (carrier and tracking) or arranges pickup, delivery or tow.")
    @returns_payload
    async def donation_ship(
        self, info: Info, input: Annotated[DonationShipInput, strawberry.argument(description=INPUT)]
    ) -> DonationShipPayload:
        values = donations.shipment(input.method, input.carrier, input.tracking_number, input.arrangement)
        row = await donations.act(
            info.context.db, info.context.viewer, _donation_id(input.id), Action.SHIP, values=values
        )
        return DonationShipPayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="The school confirms receipt; the donor's receipt is issued.")
    @returns_payload
    async def donation_receive(
        self, info: Info, input: Annotated[DonationReceiveInput, strawberry.argument(description=INPUT)]
    ) -> DonationReceivePayload:
        note = donations.reason(input.note, "note")
        row = await donations.act(
            info.context.db, info.context.viewer, _donation_id(input.id), Action.RECEIVE, note=note
        )
        return DonationReceivePayload(donation=Donation.from_model(row))

    @strawberry.mutation(description="Either side cancels before shipping; a reservation is released.")
    @returns_payload
    async def donation_cancel(
        self, info: Info, input: Annotated[DonationCancelInput, strawberry.argument(description=INPUT)]
    ) -> DonationCancelPayload:
        text = donations.reason(input.reason, "reason")
        row = await donations.act(
            info.context.db,
            info.context.viewer,
            _donation_id(input.id),
            Action.CANCEL,
            note=text,
            values={"cancel_reason": text},
        )
        return DonationCancelPayload(donation=Donation.from_model(row))
