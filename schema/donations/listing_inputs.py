"""Inputs and payloads of the listing mutations, and the `listings` filter."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers.donations import listings
from schema.donations.enums import FulfillmentMethod, ItemCondition, ListingStatus
from schema.errors import Payload
from schema.money import MoneyInput
from schema.relay import decode_id
from schema.scalars import NearInput

if TYPE_CHECKING:
    from schema.donations.listings import Listing

LazyListing = Annotated["Listing", strawberry.lazy("schema.donations.listings")]
TITLE = "A short name of the items, up to 200 characters."
DETAILS = "Details for schools, up to 5,000 characters."
NOTES = "Notes for the receiving school only (dock, contact...), up to 5,000 characters; see `Listing.privateNotes`."
QUANTITY = "How many items in all, 1 to 100,000."
UNIT_VALUE = (
    "The declared value of one item, 0 to 1,000,000,000 cents, with a 3-letter ISO currency; it goes on receipts."
)
FULFILLMENT = "How you can hand the items over; at least one."
POSTAL_CODE = "The US ZIP code where the items are."
LATITUDE = "Where the items are, instead of a ZIP code: -90 to 90, given with longitude."
LONGITUDE = "Where the items are, instead of a ZIP code: -180 to 180, given with latitude."
UNTIL = "After this moment (in the future) the listing is EXPIRED and takes no requests."


@strawberry.input(description="A new listing for one of your donor organizations.")
class ListingCreateInput:
    donor_id: strawberry.ID = strawberry.field(
        description="The donor offering; you must be a member (its app needs DONATIONS_WRITE), and it must be a donor."
    )
    category_id: strawberry.ID = strawberry.field(description="What kind of equipment or material (see `categories`).")
    title: str = strawberry.field(description=TITLE)
    condition: ItemCondition = strawberry.field(description="The items' condition.")
    quantity: int = strawberry.field(description=QUANTITY)
    unit_value: MoneyInput = strawberry.field(description=UNIT_VALUE)
    fulfillment: list[FulfillmentMethod] = strawberry.field(description=FULFILLMENT)
    description: str | None = strawberry.field(default=None, description=f"{DETAILS} Optional.")
    private_notes: str | None = strawberry.field(default=None, description=f"{NOTES} Optional.")
    postal_code: str | None = strawberry.field(
        default=None, description=f"{POSTAL_CODE} Default: the donor's, when no coordinates are given either."
    )
    latitude: float | None = strawberry.field(default=None, description=f"{LATITUDE} Optional.")
    longitude: float | None = strawberry.field(default=None, description=f"{LONGITUDE} Optional.")
    available_until: datetime | None = strawberry.field(default=None, description=f"{UNTIL} Optional: no end.")


@strawberry.input(
    description="Changes to a listing that is not withdrawn; only the fields given are changed, null clears an "
    "optional one."
)
class ListingUpdateInput:
    id: strawberry.ID = strawberry.field(description="The listing; you must be a member of its donor.")
    category_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET, description="A new category.")
    title: str | None = strawberry.field(default=strawberry.UNSET, description=TITLE)
    description: str | None = strawberry.field(default=strawberry.UNSET, description=DETAILS)
    private_notes: str | None = strawberry.field(default=strawberry.UNSET, description=NOTES)
    condition: ItemCondition | None = strawberry.field(default=strawberry.UNSET, description="The items' condition.")
    quantity: int | None = strawberry.field(
        default=strawberry.UNSET, description=f"{QUANTITY} Not below what is reserved plus donated."
    )
    unit_value: MoneyInput | None = strawberry.field(
        default=strawberry.UNSET, description=f"{UNIT_VALUE} Receipts already issued keep the old value."
    )
    fulfillment: list[FulfillmentMethod] | None = strawberry.field(default=strawberry.UNSET, description=FULFILLMENT)
    postal_code: str | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"{POSTAL_CODE} Giving any of postalCode, latitude, longitude replaces the place; all null "
        "clears it.",
    )
    latitude: float | None = strawberry.field(default=strawberry.UNSET, description=LATITUDE)
    longitude: float | None = strawberry.field(default=strawberry.UNSET, description=LONGITUDE)
    available_until: datetime | None = strawberry.field(default=strawberry.UNSET, description=f"{UNTIL} Null: no end.")


@strawberry.input(description="Withdraw a listing with nothing reserved; requests still waiting are declined.")
class ListingWithdrawInput:
    id: strawberry.ID = strawberry.field(
        description="The listing; you must be a member of its donor. Refused with HAS_RESERVATIONS while approved "
        "or shipped donations hold part of it."
    )
    reason: str | None = strawberry.field(
        default=None,
        description="Why, given to the schools whose waiting requests are declined as their `declineReason`. "
        "Default: 'The listing was withdrawn.'",
    )


@strawberry.input(description="Narrows `listings`; fields left out do not filter.")
class ListingFilter:
    category_id: strawberry.ID | None = strawberry.field(default=None, description="Includes sub-categories.")
    donor_id: strawberry.ID | None = strawberry.field(default=None, description="Only this donor's listings.")
    near: NearInput | None = strawberry.field(
        default=None, description="Only listings within this circle; sets each listing's `distanceKm`."
    )
    condition: ItemCondition | None = strawberry.field(default=None, description="At least this good.")
    fulfillment: list[FulfillmentMethod] | None = strawberry.field(default=None, description="Any of these.")
    status: list[ListingStatus] | None = strawberry.field(
        default=None, description="Any of these statuses. Default: AVAILABLE (every status when donorId is given)."
    )
    search: str | None = strawberry.field(default=None, description="Words in the title or description, literally.")

    def criteria(self) -> listings.ListingFilter:
        """The filter in the use case's terms (also what a saved search keeps)."""
        return listings.ListingFilter(
            category_id=decode_id(self.category_id, "Category", "categoryId") if self.category_id else None,
            donor_id=decode_id(self.donor_id, "Organization", "donorId") if self.donor_id else None,
            near=self.near.circle() if self.near else None,
            condition=self.condition,
            fulfillment=tuple(self.fulfillment or ()),
            statuses=tuple(self.status) if self.status else None,
            search=self.search,
        )


@strawberry.type(description="A listing mutation's result.")
class ListingResult(Payload):
    listing: LazyListing | None = strawberry.field(
        default=None, description="The listing after the change; null when `userErrors` is not empty."
    )


@strawberry.type(description="The result of `listingCreate`: the new listing, or why it was refused.")
class ListingCreatePayload(ListingResult):
    pass


@strawberry.type(description="The result of `listingUpdate`: the changed listing, or why nothing changed.")
class ListingUpdatePayload(ListingResult):
    pass


@strawberry.type(description="The result of `listingWithdraw`: the WITHDRAWN listing, or why it was refused.")
class ListingWithdrawPayload(ListingResult):
    pass
