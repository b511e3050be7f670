"""Inputs and payloads of the donation workflow mutations, one pair per mutation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from db import enums
from schema.donations.enums import FulfillmentMethod
from schema.errors import Payload

if TYPE_CHECKING:
    from schema.donations.donations import Donation

LazyDonation = Annotated["Donation", strawberry.lazy("schema.donations.donations")]
REASON = "up to 2,000 characters; optional"
DONOR_ACTS = "members of its donor, or the donor's app with DONATIONS_WRITE, may"


@strawberry.input(description="Ask for part of a listing for one of your school's open needs.")
class DonationRequestInput:
    listing_id: strawberry.ID = strawberry.field(
        description="The listing to request from: AVAILABLE (so not past its `availableUntil`) and not your own."
    )
    need_id: strawberry.ID = strawberry.field(
        description="Your school's OPEN need the items are for; only one open request per need and listing."
    )
    quantity: int = strawberry.field(
        description="How many items: at least 1, at most the listing's `quantityAvailable` and the need's "
        "`quantityRemaining`."
    )
    message: str | None = strawberry.field(default=None, description=f"A note to the donor ({REASON}).")
    tool_grant_application_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A student's awarded tool grant this donation delivers: requested by the student's school "
        "from a listing of the grant's sponsor; receiving it marks the award fulfilled.",
    )


@strawberry.input(description="The donor approves a REQUESTED donation, reserving its quantity on the listing.")
class DonationApproveInput:
    id: strawberry.ID = strawberry.field(description=f"The REQUESTED donation to approve; {DONOR_ACTS}.")
    note: str | None = strawberry.field(default=None, description=f"A note to the school, kept in `events` ({REASON}).")


@strawberry.input(description="The donor declines a REQUESTED donation.")
class DonationDeclineInput:
    id: strawberry.ID = strawberry.field(description=f"The REQUESTED donation to decline; {DONOR_ACTS}.")
    reason: str | None = strawberry.field(
        default=None, description=f"Why, shown to the school as `declineReason` ({REASON})."
    )


@strawberry.input(
    description="The donor hands over an APPROVED donation: ships it or arranges pickup, delivery or tow."
)
class DonationShipInput:
    id: strawberry.ID = strawberry.field(description=f"The APPROVED donation to hand over; {DONOR_ACTS}.")
    method: FulfillmentMethod = strawberry.field(
        default=enums.FulfillmentMethod.SHIP,
        description="How the items are handed over; one of the listing's `fulfillment` methods. Default: SHIP.",
    )
    carrier: str | None = strawberry.field(
        default=None, description="The carrier, e.g. UPS; up to 100 characters, required when method is SHIP."
    )
    tracking_number: str | None = strawberry.field(
        default=None, description="The carrier's tracking number; up to 100 characters, optional."
    )
    arrangement: str | None = strawberry.field(
        default=None, description=f"Pickup, delivery or tow details for the school: place, time, contact ({REASON})."
    )


@strawberry.input(description="The school confirms it received a SHIPPED donation; the donor's receipt is issued.")
class DonationReceiveInput:
    id: strawberry.ID = strawberry.field(
        description="The SHIPPED donation the school received; members of the school, or its app with "
        "DONATIONS_WRITE, may."
    )
    note: str | None = strawberry.field(default=None, description=f"A note to the donor, kept in `events` ({REASON}).")


@strawberry.input(description="Either side cancels a REQUESTED or APPROVED donation; a reservation is released.")
class DonationCancelInput:
    id: strawberry.ID = strawberry.field(
        description="The REQUESTED or APPROVED donation to cancel; members of either side, or their apps with "
        "DONATIONS_WRITE, may."
    )
    reason: str | None = strawberry.field(
        default=None, description=f"Why, shown to the other side as `cancelReason` ({REASON})."
    )


@strawberry.type(description="A donation workflow mutation's result.")
class DonationResult(Payload):
    donation: LazyDonation | None = strawberry.field(
        default=None, description="The donation after the step; null when `userErrors` is not empty."
    )


@strawberry.type(description="The result of `donationRequest`: the new REQUESTED donation, or why it was refused.")
class DonationRequestPayload(DonationResult):
    pass


@strawberry.type(description="The result of `donationApprove`: the APPROVED donation, or why it was refused.")
class DonationApprovePayload(DonationResult):
    pass


@strawberry.type(description="The result of `donationDecline`: the DECLINED donation, or why it was refused.")
class DonationDeclinePayload(DonationResult):
    pass


@strawberry.type(description="The result of `donationShip`: the SHIPPED donation, or why it was refused.")
class DonationShipPayload(DonationResult):
    pass


@strawberry.type(description="The result of `donationReceive`: the RECEIVED donation with its receipt, or why not.")
class DonationReceivePayload(DonationResult):
    pass


@strawberry.type(description="The result of `donationCancel`: the CANCELLED donation, or why it was refused.")
class DonationCancelPayload(DonationResult):
    pass
