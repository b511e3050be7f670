"""Needs: what a school asks for, browsed by donors."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from db import enums, models
from resolvers.donations import needs
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.donations.categories import Category, category_of, given_with_category
from schema.donations.donations import Donation, ItemCondition, visible_donations
from schema.errors import Payload, returns_payload
from schema.relay import Connection, Node, decode_id, node_type, page_args
from schema.scalars import GeoPoint, NearInput

NeedPriority = strawberry.enum(enums.NeedPriority, description="How urgent a need is.")
NeedStatus = strawberry.enum(enums.NeedStatus, description="OPEN until received in full (FULFILLED) or CLOSED.")
NeedOrder = strawberry.enum(needs.NeedOrder, description="DISTANCE needs `near`; URGENCY: priority, then date.")


@node_type
@strawberry.type(description="A school's request for equipment or a service.")
class Need(Node):
    title: str
    description: str
    quantity: int
    quantity_fulfilled: int = strawberry.field(description="Received so far (never above quantity).")
    quantity_remaining: int
    priority: NeedPriority
    needed_by: date | None
    minimum_condition: ItemCondition | None
    status: NeedStatus
    location: GeoPoint | None
    distance_km: float | None = strawberry.field(description="Distance from the `near` point, when one was given.")
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    fulfilled_at: datetime | None = strawberry.field(description="When a service need was marked fulfilled.")
    _row: strawberry.Private[models.Need]

    @classmethod
    def from_model(cls, row: models.Need, distance_km: float | None = None) -> Need:
        return cls(
            pk=row.id,
            title=row.title,
            description=row.description,
            quantity=row.quantity,
            quantity_fulfilled=row.quantity_received,
            quantity_remaining=row.quantity - row.quantity_received,
            priority=enums.NeedPriority(row.priority),
            needed_by=row.needed_by,
            minimum_condition=enums.ItemCondition(row.minimum_condition) if row.minimum_condition else None,
            status=row.status,
            location=GeoPoint(latitude=row.latitude, longitude=row.longitude) if row.latitude is not None else None,
            distance_km=distance_km,
            created_at=row.created_at,
            updated_at=row.updated_at,
            closed_at=row.closed_at,
            fulfilled_at=row.fulfilled_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Need | None:
        row = await info.context.loaders.by_id(models.Need).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field
    async def school(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.school_id)

    @strawberry.field
    async def category(self, info: Info) -> Category:
        return await category_of(info, self._row.category_id)

    @strawberry.field(description="For a service need: the organization credited with fulfilling it.")
    async def fulfilled_by(self, info: Info) -> Organization | None:
        org_id = self._row.fulfilled_by_id
        return await Organization.load(info, org_id) if org_id else None

    @strawberry.field(
        description="Available listings ranked for this need, best first; the school's members and staff."
    )
    async def matching_listings(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> Annotated[ListingMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import matching_listings

        return await matching_listings(info, self._row, first, after)

    @strawberry.field(description="Donations for this need that you can see (you are the school or the donor).")
    async def donations(self, info: Info) -> list[Donation]:
        rows = await info.context.loaders.by_column(models.Donation, "need_id").load(self.pk)
        return await visible_donations(info, rows)


@strawberry.input
class NeedCreateInput:
    school_id: strawberry.ID
    category_id: strawberry.ID
    title: str
    quantity: int
    description: str | None = None
    priority: NeedPriority = enums.NeedPriority.MEDIUM
    needed_by: date | None = None
    minimum_condition: ItemCondition | None = None


@strawberry.input(description="Only the fields given are changed.")
class NeedUpdateInput:
    category_id: strawberry.ID | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    quantity: int | None = strawberry.UNSET
    priority: NeedPriority | None = strawberry.UNSET
    needed_by: date | None = strawberry.UNSET
    minimum_condition: ItemCondition | None = strawberry.UNSET


@strawberry.input
class NeedFilter:
    category_id: strawberry.ID | None = strawberry.field(default=None, description="Includes sub-categories.")
    school_id: strawberry.ID | None = None
    near: NearInput | None = None
    status: list[NeedStatus] | None = strawberry.field(
        default=None, description="Default: OPEN (every status when schoolId is given)."
    )
    priority: NeedPriority | None = strawberry.field(default=None, description="At least this urgent.")
    search: str | None = strawberry.field(default=None, description="Words in the title or description, literally.")


@strawberry.type
class NeedPayload(Payload):
    need: Need | None = None


@strawberry.type
class NeedQueries:
    @strawberry.field
    async def need(self, info: Info, id: strawberry.ID) -> Need | None:
        return await Need.load(info, decode_id(id, "Need"))

    @strawberry.field(description="Browse needs: most urgent first, or nearest first when `near` is given.")
    async def needs(
        self,
        info: Info,
        filter: NeedFilter | None = None,
        order_by: NeedOrder | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Need]:
        filter = filter or NeedFilter()
        page = page_args(first, after)
        criteria = needs.NeedFilter(
            category_id=decode_id(filter.category_id, "Category", "categoryId") if filter.category_id else None,
            school_id=decode_id(filter.school_id, "Organization", "schoolId") if filter.school_id else None,
            near=filter.near.circle() if filter.near else None,
            statuses=tuple(filter.status) if filter.status else None,
            priority=filter.priority,
            search=filter.search,
        )
        result = await needs.browse(info.context.db, criteria, order_by, page)
        distances = result.distances or {}
        return Connection.of(result, lambda row: Need.from_model(row, distances.get(row.id)))


@strawberry.type
class NeedMutations:
    @strawberry.mutation(description="Post a need for your school.")
    @returns_payload
    async def need_create(self, info: Info, input: NeedCreateInput) -> NeedPayload:
        changes = given_with_category(input)
        school_id = decode_id(changes.pop("school_id"), "Organization", "schoolId")
        row = await needs.create(info.context.db, info.context.viewer, school_id, changes)
        return NeedPayload(need=Need.from_model(row))

    @strawberry.mutation
    @returns_payload
    async def need_update(self, info: Info, id: strawberry.ID, input: NeedUpdateInput) -> NeedPayload:
        row = await needs.update_need(
            info.context.db, info.context.viewer, decode_id(id, "Need"), given_with_category(input)
        )
        return NeedPayload(need=Need.from_model(row))

    @strawberry.mutation(description="Close a need; requests still waiting for a donor are cancelled.")
    @returns_payload
    async def need_close(self, info: Info, id: strawberry.ID) -> NeedPayload:
        row = await needs.close(info.context.db, info.context.viewer, decode_id(id, "Need"))
        return NeedPayload(need=Need.from_model(row))

    @strawberry.mutation(description="Mark a service need fulfilled by an organization, which gets the credit.")
    @returns_payload
    async def need_fulfill(self, info: Info, id: strawberry.ID, organization_id: strawberry.ID) -> NeedPayload:
        row = await needs.fulfill_service(
            info.context.db,
            info.context.viewer,
            decode_id(id, "Need"),
            decode_id(organization_id, "Organization", "organizationId"),
        )
        return NeedPayload(need=Need.from_model(row))
