"""Listings: what a donor offers, browsed by schools."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from core.clock import utcnow
from db import enums, models
from resolvers.donations import listings
from resolvers.donations.listings import fulfillment_methods
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.donations.categories import Category, category_of, given_with_category
from schema.donations.donations import (
    Donation,
    FulfillmentMethod,
    ItemCondition,
    donation_organizations,
    visible_donations,
)
from schema.errors import Payload, returns_payload
from schema.money import Money, MoneyInput
from schema.relay import Connection, Node, decode_id, node_type, page_args
from schema.scalars import GeoPoint, NearInput

ListingStatus = strawberry.enum(enums.ListingStatus, description="Derived from quantities, dates and withdrawal.")
ListingOrder = strawberry.enum(listings.ListingOrder, description="DISTANCE needs `near`; VALUE: available value.")


@node_type
@strawberry.type(description="Equipment, parts or materials a donor offers.")
class Listing(Node):
    title: str
    description: str
    condition: ItemCondition
    quantity: int
    quantity_available: int
    quantity_reserved: int = strawberry.field(description="Approved or shipped, not yet received.")
    quantity_donated: int
    unit_value: Money
    declared_value: Money = strawberry.field(description="Quantity times unit value.")
    fulfillment: list[FulfillmentMethod]
    available_until: datetime | None
    status: ListingStatus
    postal_code: str | None
    location: GeoPoint | None
    distance_km: float | None = strawberry.field(description="Distance from the `near` point, when one was given.")
    created_at: datetime
    updated_at: datetime
    withdrawn_at: datetime | None
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
            unit_value=Money(amount=row.unit_value_cents, currency=row.currency),
            declared_value=Money(amount=row.unit_value_cents * row.quantity, currency=row.currency),
            fulfillment=fulfillment_methods(row.fulfillment_mask),
            available_until=row.available_until,
            status=row.status_at(utcnow()),
            postal_code=row.postal_code,
            location=GeoPoint(latitude=row.latitude, longitude=row.longitude) if row.latitude is not None else None,
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

    @strawberry.field
    async def donor(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.donor_id)

    @strawberry.field
    async def category(self, info: Info) -> Category:
        return await category_of(info, self._row.category_id)

    @strawberry.field(description="The donor's notes for the receiving school; visible to the two parties only.")
    async def private_notes(self, info: Info) -> str | None:
        orgs = await donation_organizations(info)
        if orgs is None or self._row.donor_id in orgs:
            return self._row.private_notes
        if not orgs:
            return None
        rows = await info.context.loaders.by_column(models.Donation, "listing_id").load(self.pk)
        partner = any(r.school_id in orgs and r.status != enums.DonationStatus.DECLINED.value for r in rows)
        return self._row.private_notes if partner else None

    @strawberry.field(description="Open needs ranked for this listing, best first; the donor's members and staff.")
    async def matching_needs(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> Annotated[NeedMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import matching_needs

        return await matching_needs(info, self._row, first, after)

    @strawberry.field(description="Donations of this listing that you can see (you are the donor or the school).")
    async def donations(self, info: Info) -> list[Donation]:
        rows = await info.context.loaders.by_column(models.Donation, "listing_id").load(self.pk)
        return await visible_donations(info, rows)


@strawberry.input
class ListingCreateInput:
    donor_id: strawberry.ID
    category_id: strawberry.ID
    title: str
    condition: ItemCondition
    quantity: int
    unit_value: MoneyInput
    fulfillment: list[FulfillmentMethod]
    description: str | None = None
    private_notes: str | None = None
    postal_code: str | None = strawberry.field(default=None, description="Where the items are; default: the donor's.")
    latitude: float | None = None
    longitude: float | None = None
    available_until: datetime | None = None


@strawberry.input(description="Only the fields given are changed.")
class ListingUpdateInput:
    category_id: strawberry.ID | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    private_notes: str | None = strawberry.UNSET
    condition: ItemCondition | None = strawberry.UNSET
    quantity: int | None = strawberry.UNSET
    unit_value: MoneyInput | None = strawberry.UNSET
    fulfillment: list[FulfillmentMethod] | None = strawberry.UNSET
    postal_code: str | None = strawberry.UNSET
    latitude: float | None = strawberry.UNSET
    longitude: float | None = strawberry.UNSET
    available_until: datetime | None = strawberry.UNSET


@strawberry.input
class ListingFilter:
    category_id: strawberry.ID | None = strawberry.field(default=None, description="Includes sub-categories.")
    donor_id: strawberry.ID | None = None
    near: NearInput | None = None
    condition: ItemCondition | None = strawberry.field(default=None, description="At least this good.")
    fulfillment: list[FulfillmentMethod] | None = strawberry.field(default=None, description="Any of these.")
    status: list[ListingStatus] | None = strawberry.field(
        default=None, description="Default: AVAILABLE (every status when donorId is given)."
    )
    search: str | None = strawberry.field(default=None, description="Words in the title or description, literally.")


@strawberry.type
class ListingPayload(Payload):
    listing: Listing | None = None


@strawberry.type
class ListingQueries:
    @strawberry.field
    async def listing(self, info: Info, id: strawberry.ID) -> Listing | None:
        return await Listing.load(info, decode_id(id, "Listing"))

    @strawberry.field(description="Browse listings: newest first, or nearest first when `near` is given.")
    async def listings(
        self,
        info: Info,
        filter: ListingFilter | None = None,
        order_by: ListingOrder | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Listing]:
        filter = filter or ListingFilter()
        page = page_args(first, after)
        criteria = listings.ListingFilter(
            category_id=decode_id(filter.category_id, "Category", "categoryId") if filter.category_id else None,
            donor_id=decode_id(filter.donor_id, "Organization", "donorId") if filter.donor_id else None,
            near=filter.near.circle() if filter.near else None,
            condition=filter.condition,
            fulfillment=tuple(filter.fulfillment or ()),
            statuses=tuple(filter.status) if filter.status else None,
            search=filter.search,
        )
        result = await listings.browse(info.context.db, criteria, order_by, page)
        distances = result.distances or {}
        return Connection.of(result, lambda row: Listing.from_model(row, distances.get(row.id)))


@strawberry.type
class ListingMutations:
    @strawberry.mutation(description="Offer items for donation.")
    @returns_payload
    async def listing_create(self, info: Info, input: ListingCreateInput) -> ListingPayload:
        changes = given_with_category(input)
        donor_id = decode_id(changes.pop("donor_id"), "Organization", "donorId")
        row = await listings.create(info.context.db, info.context.viewer, donor_id, changes)
        return ListingPayload(listing=Listing.from_model(row))

    @strawberry.mutation
    @returns_payload
    async def listing_update(self, info: Info, id: strawberry.ID, input: ListingUpdateInput) -> ListingPayload:
        row = await listings.update_listing(
            info.context.db, info.context.viewer, decode_id(id, "Listing"), given_with_category(input)
        )
        return ListingPayload(listing=Listing.from_model(row))

    @strawberry.mutation(description="Withdraw a listing; requests still waiting are declined.")
    @returns_payload
    async def listing_withdraw(self, info: Info, id: strawberry.ID, reason: str | None = None) -> ListingPayload:
        row = await listings.withdraw(info.context.db, info.context.viewer, decode_id(id, "Listing"), reason)
        return ListingPayload(listing=Listing.from_model(row))
