"""Listings: what a donor offers, browsed by schools. Listings are public except their private notes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from core.clock import utcnow
from db import enums, models
from resolvers.donations import listings
from resolvers.donations.listings import fulfillment_methods
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.donations.categories import Category, category_of, given_with_category
from schema.donations.donations import Donation, donations_of
from schema.donations.enums import FulfillmentMethod, ItemCondition, ListingOrder, ListingStatus
from schema.donations.listing_inputs import (
    ListingCreateInput,
    ListingCreatePayload,
    ListingFilter,
    ListingUpdateInput,
    ListingUpdatePayload,
    ListingWithdrawInput,
    ListingWithdrawPayload,
)
from schema.donations.visibility import donation_organizations
from schema.errors import INPUT, returns_payload
from schema.money import Cents, Money
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args
from schema.scalars import GeoPoint

if TYPE_CHECKING:
    from schema.matches.fields import NeedMatchConnection
    from schema.media.photos import Photo


@node_type
@strawberry.type(
    description="Equipment, parts or materials a donor offers. Public: anyone may read listings, except `privateNotes`."
)
class Listing(Node):
    title: str = strawberry.field(description="A short name of the items, up to 200 characters.")
    description: str = strawberry.field(description="Details, up to 5,000 characters; empty when none were given.")
    condition: ItemCondition = strawberry.field(description="The items' condition.")
    quantity: int = strawberry.field(description="How many items the donor offers in all, 1 to 100,000.")
    quantity_available: int = strawberry.field(
        description="Items still open to requests: quantity minus reserved minus donated."
    )
    quantity_reserved: int = strawberry.field(description="Approved or shipped, not yet received.")
    quantity_donated: int = strawberry.field(description="Received by schools so far.")
    unit_value: Money = strawberry.field(description="The donor's declared value of one item; it goes on receipts.")
    declared_value: Money = strawberry.field(description="Quantity times unit value.")
    fulfillment: list[FulfillmentMethod] = strawberry.field(
        description="How the donor can hand the items over; at least one."
    )
    available_until: datetime | None = strawberry.field(
        description="After this moment the listing is EXPIRED and takes no requests; null: no end date."
    )
    status: ListingStatus = strawberry.field(description="Whether it still takes requests, and why not.")
    postal_code: str | None = strawberry.field(
        description="The US ZIP code where the items are; null when only coordinates are known, or no place."
    )
    location: GeoPoint | None = strawberry.field(
        description="Where the items are (the donor's place unless the donor gave another); null when unknown."
    )
    distance_km: float | None = strawberry.field(
        description="Great-circle kilometres from the `near` point of `listings`; null without one."
    )
    created_at: datetime = strawberry.field(description="When the donor posted it.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    withdrawn_at: datetime | None = strawberry.field(description="When the donor withdrew it; null unless WITHDRAWN.")
    _row: strawberry.Private[models.Listing]

    @classmethod
    def from_model(cls, row: models.Listing, distance_km: float | None = None) -> Listing:
        return cls(
            pk=row.id,
            title=row.title,
            description=row.description,
            condition=enums.ItemCondition(row.condition),
            quantity=row.quantity,
            quantity_available=row.quantity_available,
            quantity_reserved=row.quantity_reserved,
            quantity_donated=row.quantity_donated,
            unit_value=Money(amount=Cents(row.unit_value_cents), currency=row.currency),
            declared_value=Money(amount=Cents(row.unit_value_cents * row.quantity), currency=row.currency),
            fulfillment=fulfillment_methods(row.fulfillment_mask),
            available_until=row.available_until,
            status=row.status_at(utcnow()),
            postal_code=row.postal_code,
            location=GeoPoint.of(row.latitude, row.longitude),
            distance_km=distance_km,
            created_at=row.created_at,
            updated_at=row.updated_at,
            withdrawn_at=row.withdrawn_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Listing | None:
        row = await info.context.loaders.by_id(models.Listing).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field(description="The organization offering the items.")
    async def donor(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.donor_id)

    @strawberry.field(description="What kind of equipment or material it is.")
    async def category(self, info: Info) -> Category:
        return await category_of(info, self._row.category_id)

    @strawberry.field(description="Its photos, cover first, at most 8; public like the listing.")
    async def photos(self, info: Info) -> list[Annotated[Photo, strawberry.lazy("schema.media.photos")]]:
        from schema.media.photos import photos_of

        return await photos_of(info, "listing_id", self.pk)

    @strawberry.field(
        description="The donor's notes for the receiving school (dock, contact...); null unless you are a member of "
        "the donor, of a school with a donation of it that was not declined, or staff."
    )
    async def private_notes(self, info: Info) -> str | None:
        orgs = await donation_organizations(info)
        if orgs is None or self._row.donor_id in orgs:
            return self._row.private_notes
        if not orgs:
            return None
        rows = await info.context.loaders.by_column(models.Donation, "listing_id").load(self.pk)
        partner = any(r.school_id in orgs and r.status != enums.DonationStatus.DECLINED.value for r in rows)
        return self._row.private_notes if partner else None

    @strawberry.field(
        description="Open needs ranked for this listing, best first, each with why; null unless you are a member of "
        "the donor (its app with DONATIONS_READ) or staff."
    )
    async def matching_needs(
        self, info: Info, first: First = 20, after: After = None
    ) -> Annotated[NeedMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import matching_needs

        return await matching_needs(info, self._row, first, after)

    @strawberry.field(
        description="Donations of this listing that you can see (members of the donor or of the school, their apps "
        "with a donations scope, staff), oldest first; empty for anyone else."
    )
    async def donations(self, info: Info, first: First = 20, after: After = None) -> Connection[Donation]:
        return await donations_of(info, "listing_id", self.pk, first, after)


@strawberry.type
class ListingQueries:
    @strawberry.field(description="A listing by ID; null when there is none. Listings are public.")
    async def listing(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The listing's ID.")]
    ) -> Listing | None:
        return await Listing.load(info, decode_id(id, "Listing"))

    @strawberry.field(description="Browse listings: newest first, or nearest first when `near` is given. Public.")
    async def listings(
        self,
        info: Info,
        filter: Annotated[
            ListingFilter | None, strawberry.argument(description="Which listings; default: every AVAILABLE one.")
        ] = None,
        order_by: Annotated[
            ListingOrder | None,
            strawberry.argument(description="Default: DISTANCE with `filter.near`, otherwise NEWEST."),
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[Listing]:
        filter = filter or ListingFilter()
        page = page_args(first, after)
        result = await listings.browse(info.context.db, filter.criteria(), order_by, page)
        distances = result.distances or {}
        return Connection.of(result, lambda row: Listing.from_model(row, distances.get(row.id)))


def _listing_id(id: strawberry.ID) -> int:
    return decode_id(id, "Listing")


@strawberry.type
class ListingMutations:
    @strawberry.mutation(description="Offer items for donation.")
    @returns_payload
    async def listing_create(
        self, info: Info, input: Annotated[ListingCreateInput, strawberry.argument(description=INPUT)]
    ) -> ListingCreatePayload:
        changes = given_with_category(input)
        donor_id = decode_id(changes.pop("donor_id"), "Organization", "donorId")
        row = await listings.create(info.context.db, info.context.viewer, donor_id, changes)
        return ListingCreatePayload(listing=Listing.from_model(row))

    @strawberry.mutation(description="Change a listing that is not withdrawn; only the fields given change.")
    @returns_payload
    async def listing_update(
        self, info: Info, input: Annotated[ListingUpdateInput, strawberry.argument(description=INPUT)]
    ) -> ListingUpdatePayload:
        listing_id = _listing_id(input.id)
        changes = given_with_category(input)
        del changes["id"]
        row = await listings.update_listing(info.context.db, info.context.viewer, listing_id, changes)
        return ListingUpdatePayload(listing=Listing.from_model(row))

    @strawberry.mutation(description="Withdraw a listing; requests still waiting are declined.")
    @returns_payload
    async def listing_withdraw(
        self, info: Info, input: Annotated[ListingWithdrawInput, strawberry.argument(description=INPUT)]
    ) -> ListingWithdrawPayload:
        row = await listings.withdraw(info.context.db, info.context.viewer, _listing_id(input.id), input.reason)
        return ListingWithdrawPayload(listing=Listing.from_model(row))
