"""Needs: what a school asks for, browsed by donors. Needs are public; their donations are not."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import enums, models
from resolvers.donations import needs
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.donations.categories import Category, category_of, given_with_category
from schema.donations.donations import Donation, donations_of
from schema.donations.enums import ItemCondition, NeedOrder, NeedPriority, NeedStatus
from schema.donations.services import ServiceOffer, ServiceSchedule, ServiceScheduleInput, is_booked, offers_of
from schema.errors import INPUT, Payload, returns_payload
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args
from schema.scalars import GeoPoint, NearInput

if TYPE_CHECKING:
    from schema.matches.fields import ListingMatchConnection

TITLE = "A short name of what is needed, up to 200 characters."
DETAILS = "Details for donors, up to 5,000 characters."
QUANTITY = "How many items (or occurrences of a service) the school asks for, 1 to 100,000."
NEEDED_BY = "The date the school needs it by; today or later."
SCHEDULE = "For a service need only (NOT_A_SERVICE otherwise): the visit's start, duration and place."
MINIMUM_CONDITION = "The worst condition the school accepts; matching never proposes listings in worse condition."


@node_type
@strawberry.type(description="A school's request for equipment or a service. Public: anyone may read needs.")
class Need(Node):
    title: str = strawberry.field(description=TITLE)
    description: str = strawberry.field(description=f"{DETAILS} Empty when none were given.")
    quantity: int = strawberry.field(description=QUANTITY)
    quantity_fulfilled: int = strawberry.field(description="Received so far (never above quantity).")
    quantity_remaining: int = strawberry.field(
        description="`quantity` minus `quantityFulfilled`: the most a new request may ask for."
    )
    priority: NeedPriority = strawberry.field(description="How urgent it is, as the school judges it.")
    needed_by: date | None = strawberry.field(description="The date the school needs it by; null when no date.")
    minimum_condition: ItemCondition | None = strawberry.field(description=f"{MINIMUM_CONDITION} Null: any condition.")
    status: NeedStatus = strawberry.field(description="Whether it still takes requests.")
    location: GeoPoint | None = strawberry.field(
        description="The school's location when the need was posted; null when the school has none."
    )
    distance_km: float | None = strawberry.field(
        description="Great-circle kilometres from the `near` point of `needs`; null without one."
    )
    created_at: datetime = strawberry.field(description="When the school posted it.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    closed_at: datetime | None = strawberry.field(description="When the school closed it; null while not closed.")
    fulfilled_at: datetime | None = strawberry.field(
        description="When a service need was marked fulfilled; null for item needs and until then."
    )
    schedule: ServiceSchedule | None = strawberry.field(
        description="For a service need: when and where the visit takes place; null for item needs and until the "
        "school sets it."
    )
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
            location=GeoPoint.of(row.latitude, row.longitude),
            distance_km=distance_km,
            created_at=row.created_at,
            updated_at=row.updated_at,
            closed_at=row.closed_at,
            fulfilled_at=row.fulfilled_at,
            schedule=ServiceSchedule.of(row),
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Need | None:
        row = await info.context.loaders.by_id(models.Need).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field(description="The school asking.")
    async def school(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.school_id)

    @strawberry.field(description="What kind of equipment or service is needed.")
    async def category(self, info: Info) -> Category:
        return await category_of(info, self._row.category_id)

    @strawberry.field(description="For a service need: the organization credited with fulfilling it; else null.")
    async def fulfilled_by(self, info: Info) -> Organization | None:
        org_id = self._row.fulfilled_by_id
        return await Organization.load(info, org_id) if org_id else None

    @strawberry.field(
        description="True when the school confirmed (or completed) a shop's visit for this service need; other "
        "shops' offers then wait. Public; who is booked shows only in `serviceOffers`."
    )
    async def service_booked(self, info: Info) -> bool:
        return await is_booked(info, self.pk)

    @strawberry.field(
        description="Shops' offers to deliver this service need, oldest first: all of them for the school's members, "
        "its own for a shop's members (apps of either with a donations scope), all for staff; empty for anyone else."
    )
    async def service_offers(self, info: Info, first: First = 20, after: After = None) -> Connection[ServiceOffer]:
        return await offers_of(info, self.pk, first, after)

    @strawberry.field(
        description="Available listings ranked for this need, best first, each with why; null unless you are a "
        "member of the school (its app with DONATIONS_READ) or staff."
    )
    async def matching_listings(
        self, info: Info, first: First = 20, after: After = None
    ) -> Annotated[ListingMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import matching_listings

        return await matching_listings(info, self._row, first, after)

    @strawberry.field(
        description="Donations for this need that you can see (members of the school or of the donor, their apps "
        "with a donations scope, staff), oldest first; empty for anyone else."
    )
    async def donations(self, info: Info, first: First = 20, after: After = None) -> Connection[Donation]:
        return await donations_of(info, "need_id", self.pk, first, after)


@strawberry.input(description="A new need for one of your schools.")
class NeedCreateInput:
    school_id: strawberry.ID = strawberry.field(
        description="The school asking; you must be a member (its app needs DONATIONS_WRITE)."
    )
    category_id: strawberry.ID = strawberry.field(description="What kind of equipment or service (see `categories`).")
    title: str = strawberry.field(description=TITLE)
    quantity: int = strawberry.field(description=QUANTITY)
    description: str | None = strawberry.field(default=None, description=f"{DETAILS} Optional.")
    priority: NeedPriority = strawberry.field(
        default=enums.NeedPriority.MEDIUM, description="How urgent it is. Default: MEDIUM."
    )
    needed_by: date | None = strawberry.field(default=None, description=f"{NEEDED_BY} Optional.")
    minimum_condition: ItemCondition | None = strawberry.field(
        default=None, description=f"{MINIMUM_CONDITION} Optional: any condition."
    )
    schedule: ServiceScheduleInput | None = strawberry.field(default=None, description=f"{SCHEDULE} Optional.")


@strawberry.input(
    description="Changes to an open need; only the fields given are changed, null clears an optional one."
)
class NeedUpdateInput:
    id: strawberry.ID = strawberry.field(description="The need; it must not be closed, and you a member of its school.")
    category_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET, description="A new category.")
    title: str | None = strawberry.field(default=strawberry.UNSET, description=TITLE)
    description: str | None = strawberry.field(default=strawberry.UNSET, description=DETAILS)
    quantity: int | None = strawberry.field(
        default=strawberry.UNSET, description=f"{QUANTITY} Not below `quantityFulfilled`."
    )
    priority: NeedPriority | None = strawberry.field(default=strawberry.UNSET, description="How urgent it is.")
    needed_by: date | None = strawberry.field(default=strawberry.UNSET, description=f"{NEEDED_BY} Null: no date.")
    minimum_condition: ItemCondition | None = strawberry.field(
        default=strawberry.UNSET, description=f"{MINIMUM_CONDITION} Null: any condition."
    )
    schedule: ServiceScheduleInput | None = strawberry.field(
        default=strawberry.UNSET, description=f"{SCHEDULE} Null: no schedule."
    )


@strawberry.input(description="Close a need.")
class NeedCloseInput:
    id: strawberry.ID = strawberry.field(description="The need; it must not be closed, and you a member of its school.")


@strawberry.input(description="Mark a service need (speaker, job shadow, tour...) fulfilled.")
class NeedFulfillInput:
    id: strawberry.ID = strawberry.field(
        description="The OPEN service need; you must be a member of its school. Item needs are fulfilled by "
        "receiving donations instead (NOT_A_SERVICE)."
    )
    organization_id: strawberry.ID = strawberry.field(
        description="The organization that provided the service and gets the credit in its `impact`; not the "
        "school itself."
    )


@strawberry.input(description="Narrows `needs`; fields left out do not filter.")
class NeedFilter:
    category_id: strawberry.ID | None = strawberry.field(default=None, description="Includes sub-categories.")
    school_id: strawberry.ID | None = strawberry.field(default=None, description="Only this school's needs.")
    near: NearInput | None = strawberry.field(
        default=None, description="Only needs within this circle; sets each need's `distanceKm`."
    )
    status: list[NeedStatus] | None = strawberry.field(
        default=None, description="Any of these statuses. Default: OPEN (every status when schoolId is given)."
    )
    priority: NeedPriority | None = strawberry.field(default=None, description="At least this urgent.")
    search: str | None = strawberry.field(default=None, description="Words in the title or description, literally.")

    def criteria(self) -> needs.NeedFilter:
        """The filter in the use case's terms (also what a saved search keeps)."""
        return needs.NeedFilter(
            category_id=decode_id(self.category_id, "Category", "categoryId") if self.category_id else None,
            school_id=decode_id(self.school_id, "Organization", "schoolId") if self.school_id else None,
            near=self.near.circle() if self.near else None,
            statuses=tuple(self.status) if self.status else None,
            priority=self.priority,
            search=self.search,
        )


@strawberry.type(description="A need mutation's result.")
class NeedResult(Payload):
    need: Need | None = strawberry.field(
        default=None, description="The need after the change; null when `userErrors` is not empty."
    )


@strawberry.type(description="The result of `needCreate`: the new OPEN need, or why it was refused.")
class NeedCreatePayload(NeedResult):
    pass


@strawberry.type(description="The result of `needUpdate`: the changed need, or why nothing changed.")
class NeedUpdatePayload(NeedResult):
    pass


@strawberry.type(description="The result of `needClose`: the CLOSED need, or why it was refused.")
class NeedClosePayload(NeedResult):
    pass


@strawberry.type(description="The result of `needFulfill`: the FULFILLED service need, or why it was refused.")
class NeedFulfillPayload(NeedResult):
    pass


@strawberry.type
class NeedQueries:
    @strawberry.field(description="A need by ID; null when there is none. Needs are public.")
    async def need(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The need's ID.")]
    ) -> Need | None:
        return await Need.load(info, decode_id(id, "Need"))

    @strawberry.field(description="Browse needs: most urgent first, or nearest first when `near` is given. Public.")
    async def needs(
        self,
        info: Info,
        filter: Annotated[
            NeedFilter | None, strawberry.argument(description="Which needs; default: every OPEN need.")
        ] = None,
        order_by: Annotated[
            NeedOrder | None,
            strawberry.argument(description="Default: DISTANCE with `filter.near`, otherwise URGENCY."),
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[Need]:
        filter = filter or NeedFilter()
        page = page_args(first, after)
        result = await needs.browse(info.context.db, filter.criteria(), order_by, page)
        distances = result.distances or {}
        return Connection.of(result, lambda row: Need.from_model(row, distances.get(row.id)))


def _need_id(id: strawberry.ID) -> int:
    return decode_id(id, "Need")


def _with_schedule(changes: dict) -> dict:
    if changes.get("schedule") is not None:
        changes["schedule"] = changes["schedule"].domain()
    return changes


@strawberry.type
class NeedMutations:
    @strawberry.mutation(description="Post a need for your school.")
    @returns_payload
    async def need_create(
        self, info: Info, input: Annotated[NeedCreateInput, strawberry.argument(description=INPUT)]
    ) -> NeedCreatePayload:
        changes = _with_schedule(given_with_category(input))
        school_id = decode_id(changes.pop("school_id"), "Organization", "schoolId")
        row = await needs.create(info.context.db, info.context.viewer, school_id, changes)
        return NeedCreatePayload(need=Need.from_model(row))

    @strawberry.mutation(description="Change an open need; only the fields given change.")
    @returns_payload
    async def need_update(
        self, info: Info, input: Annotated[NeedUpdateInput, strawberry.argument(description=INPUT)]
    ) -> NeedUpdatePayload:
        need_id = _need_id(input.id)
        changes = _with_schedule(given_with_category(input))
        del changes["id"]
        row = await needs.update_need(info.context.db, info.context.viewer, need_id, changes)
        return NeedUpdatePayload(need=Need.from_model(row))

    @strawberry.mutation(
        description="Close a need; requests still waiting for a donor are cancelled, and so are shops' offers and a "
        "confirmed visit (reason: 'The need was closed.')."
    )
    @returns_payload
    async def need_close(
        self, info: Info, input: Annotated[NeedCloseInput, strawberry.argument(description=INPUT)]
    ) -> NeedClosePayload:
        row = await needs.close(info.context.db, info.context.viewer, _need_id(input.id))
        return NeedClosePayload(need=Need.from_model(row))

    @strawberry.mutation(description="Mark a service need fulfilled by an organization, which gets the credit.")
    @returns_payload
    async def need_fulfill(
        self, info: Info, input: Annotated[NeedFulfillInput, strawberry.argument(description=INPUT)]
    ) -> NeedFulfillPayload:
        row = await needs.fulfill_service(
            info.context.db,
            info.context.viewer,
            _need_id(input.id),
            decode_id(input.organization_id, "Organization", "organizationId"),
        )
        return NeedFulfillPayload(need=Need.from_model(row))
