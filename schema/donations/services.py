"""School Assist: a service need's visit, and shops' offers to deliver it (offer, confirm, cancel, complete).

An offer is visible to the members of the school and of the offering shop (their apps with a donations
scope) and to staff; to anyone else it does not exist. That the need is booked is public (`Need.serviceBooked`).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from core.paging import Slice
from db import enums, models
from resolvers.donations import policy, services
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.donations.enums import ServiceOfferStatus
from schema.donations.visibility import donation_organizations
from schema.errors import INPUT, Payload, returns_payload
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args

if TYPE_CHECKING:
    from schema.donations.needs import Need

VISIBLE_TO = (
    "Visible to members of the school and of the offering shop (partner apps of either with DONATIONS_READ or "
    "DONATIONS_WRITE) and to staff; to anyone else it does not exist."
)
STARTS_AT = "When the visit starts: an ISO 8601 date and time with its offset (the school's local time), in the future."
DURATION = f"How long the visit lasts, in minutes: {services.MIN_MINUTES} to {services.MAX_MINUTES} (two days)."
ADDRESS = f"Where the visit happens, up to {services.MAX_ADDRESS} characters; null or left out: at the school."


@strawberry.type(description="When and where a service need's visit (talk, job shadow, tour...) takes place.")
class ServiceSchedule:
    starts_at: datetime = strawberry.field(description="When the visit starts (UTC).")
    ends_at: datetime = strawberry.field(description="`startsAt` plus the duration.")
    duration_minutes: int = strawberry.field(description="How long the visit lasts, in minutes.")
    at_school: bool = strawberry.field(description="True when the visit happens at the school (no `address`).")
    address: str | None = strawberry.field(description="Where the visit happens; null: at the school.")

    @classmethod
    def of(cls, row: models.Need) -> ServiceSchedule | None:
        if row.service_starts_at is None or row.service_minutes is None:
            return None
        return cls(
            starts_at=row.service_starts_at,
            ends_at=services.ends_at(row.service_starts_at, row.service_minutes),
            duration_minutes=row.service_minutes,
            at_school=row.service_address is None,
            address=row.service_address,
        )


@strawberry.input(description="When and where a service need's visit takes place.")
class ServiceScheduleInput:
    starts_at: datetime = strawberry.field(description=STARTS_AT)
    duration_minutes: int = strawberry.field(description=DURATION)
    address: str | None = strawberry.field(default=None, description=ADDRESS)

    def domain(self) -> services.Schedule:
        return services.Schedule(self.starts_at, self.duration_minutes, self.address)


@node_type
@strawberry.type(description=f"A shop's offer to deliver a school's service need. {VISIBLE_TO}")
class ServiceOffer(Node):
    status: ServiceOfferStatus = strawberry.field(description="Where the offer stands.")
    message: str = strawberry.field(description="The shop's message to the school; may be empty.")
    proposed_start: datetime | None = strawberry.field(
        description="When the shop proposes to come, if it proposed a time; the need's `schedule` is the school's."
    )
    cancel_reason: str | None = strawberry.field(description="Why it was cancelled; null unless CANCELLED.")
    confirmed_at: datetime | None = strawberry.field(description="When the school confirmed it; null until then.")
    completed_at: datetime | None = strawberry.field(description="When the school recorded the visit as delivered.")
    cancelled_at: datetime | None = strawberry.field(description="When it was cancelled; null unless CANCELLED.")
    created_at: datetime = strawberry.field(description="When the shop offered.")
    updated_at: datetime = strawberry.field(description="When it last changed; `serviceOffers` lists the latest first.")
    _row: strawberry.Private[models.ServiceOffer]

    @classmethod
    def from_model(cls, row: models.ServiceOffer) -> ServiceOffer:
        return cls(
            pk=row.id,
            status=enums.ServiceOfferStatus(row.status),
            message=row.message,
            proposed_start=row.proposed_start,
            cancel_reason=row.cancel_reason,
            confirmed_at=row.confirmed_at,
            completed_at=row.completed_at,
            cancelled_at=row.cancelled_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> ServiceOffer | None:
        row = await info.context.loaders.by_id(models.ServiceOffer).load(pk)
        readers = await donation_organizations(info)
        if row is None or not policy.sees_service_offer(readers, row.shop_id, row.school_id):
            return None
        return cls.from_model(row)

    @strawberry.field(description="The service need the shop offers to deliver.")
    async def need(self, info: Info) -> Annotated[Need, strawberry.lazy("schema.donations.needs")]:
        from schema.donations.needs import Need

        return Need.from_model(await info.context.loaders.by_id(models.Need).load(self._row.need_id))

    @strawberry.field(description="The shop (a donor or employer) offering.")
    async def shop(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.shop_id)

    @strawberry.field(description="The school asking.")
    async def school(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.school_id)

    @strawberry.field(description="The side that cancelled (the school or the shop); null unless CANCELLED.")
    async def cancelled_by(self, info: Info) -> Organization | None:
        org_id = self._row.cancelled_by_id
        return await Organization.load(info, org_id) if org_id else None


async def offers_of(info: Info, need_id: int, first: int | None, after: str | None) -> Connection[ServiceOffer]:
    """A page of one need's offers that the viewer sees, oldest first (one query for every need on the page)."""
    page = page_args(first, after)
    rows = await info.context.loaders.by_column(models.ServiceOffer, "need_id").load(need_id)
    readers = await donation_organizations(info)
    items, has_next = page.window(
        [row for row in rows if policy.sees_service_offer(readers, row.shop_id, row.school_id)]
    )
    return Connection.of(Slice(items, page.offset, has_next), ServiceOffer.from_model)


async def is_booked(info: Info, need_id: int) -> bool:
    rows = await info.context.loaders.by_column(models.ServiceOffer, "need_id").load(need_id)
    return any(row.status in services.BOOKED for row in rows)


@strawberry.input(description="Offer (or claim) a school's service need for your shop.")
class ServiceOfferInput:
    need_id: strawberry.ID = strawberry.field(description="The OPEN service need (speaker, job shadow, tour...).")
    message: str = strawberry.field(
        description=f"To the school: who would come, what they would show; up to {services.MAX_MESSAGE} characters."
    )
    proposed_start: datetime | None = strawberry.field(
        default=None, description="When you propose to come, in the future; optional, e.g. for an unscheduled need."
    )
    organization_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Your shop (a donor or employer you are a member of; its app needs DONATIONS_WRITE). Optional "
        "when you belong to exactly one such organization.",
    )


@strawberry.input(description="Confirm one shop's offer for your school's service need.")
class ServiceConfirmInput:
    id: strawberry.ID = strawberry.field(
        description="The OFFERED offer; you must be a member of the school. Only one offer per need can be confirmed "
        "(SERVICE_ALREADY_BOOKED)."
    )


@strawberry.input(description="Call off an offer or a confirmed visit, saying why.")
class ServiceCancelInput:
    id: strawberry.ID = strawberry.field(
        description="The OFFERED or CONFIRMED offer; you must be a member of the school or of the shop."
    )
    reason: str = strawberry.field(
        description=f"Why, for the other side; 1 to {services.MAX_REASON} characters. Required."
    )


@strawberry.input(description="Record a confirmed visit as delivered, crediting the shop.")
class ServiceCompleteInput:
    id: strawberry.ID = strawberry.field(
        description="The CONFIRMED offer; you must be a member of the school. The need becomes FULFILLED and the shop "
        "gets the credit in its `impact` (services and hours)."
    )


@strawberry.type(description="A service offer mutation's result.")
class ServiceOfferResult(Payload):
    offer: ServiceOffer | None = strawberry.field(
        default=None, description="The offer after the change; null when `userErrors` is not empty."
    )


@strawberry.type(description="The result of `serviceOffer`: the new OFFERED offer, or why it was refused.")
class ServiceOfferPayload(ServiceOfferResult):
    pass


@strawberry.type(description="The result of `serviceConfirm`: the CONFIRMED offer, or why it was refused.")
class ServiceConfirmPayload(ServiceOfferResult):
    pass


@strawberry.type(description="The result of `serviceCancel`: the CANCELLED offer, or why it was refused.")
class ServiceCancelPayload(ServiceOfferResult):
    pass


@strawberry.type(description="The result of `serviceComplete`: the COMPLETED offer, or why it was refused.")
class ServiceCompletePayload(ServiceOfferResult):
    pass


@strawberry.input(description="Narrows `serviceOffers`; fields left out do not filter.")
class ServiceOfferFilter:
    status: list[ServiceOfferStatus] | None = strawberry.field(default=None, description="Any of these statuses.")
    organization_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Only offers of this one of your organizations, as shop or school; another organization's ID "
        "gives an empty list.",
    )


@strawberry.type
class ServiceQueries:
    @strawberry.field(
        description="Offers where one of your organizations is the shop or the school (for a partner app: its "
        "organization, with a donations scope), most recently changed first; empty when signed out."
    )
    async def service_offers(
        self,
        info: Info,
        filter: Annotated[
            ServiceOfferFilter | None, strawberry.argument(description="Statuses or one organization; default: all.")
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[ServiceOffer]:
        filter = filter or ServiceOfferFilter()
        page = page_args(first, after)
        readers = await donation_organizations(info) or set()
        criteria = services.OfferFilter(
            statuses=tuple(filter.status) if filter.status else None,
            organization_id=decode_id(filter.organization_id, "Organization", "organizationId")
            if filter.organization_id
            else None,
        )
        result = await services.browse(info.context.db, sorted(readers), criteria, page)
        return Connection.of(result, ServiceOffer.from_model)


def _offer_id(id: strawberry.ID) -> int:
    return decode_id(id, "ServiceOffer")


@strawberry.type
class ServiceMutations:
    @strawberry.mutation(description="Your shop offers to deliver a school's service need; the school confirms one.")
    @returns_payload
    async def service_offer(
        self, info: Info, input: Annotated[ServiceOfferInput, strawberry.argument(description=INPUT)]
    ) -> ServiceOfferPayload:
        row = await services.offer(
            info.context.db,
            info.context.viewer,
            decode_id(input.need_id, "Need", "needId"),
            decode_id(input.organization_id, "Organization", "organizationId") if input.organization_id else None,
            input.message,
            input.proposed_start,
        )
        return ServiceOfferPayload(offer=ServiceOffer.from_model(row))

    @strawberry.mutation(description="The school confirms one shop's visit; the need is then booked.")
    @returns_payload
    async def service_confirm(
        self, info: Info, input: Annotated[ServiceConfirmInput, strawberry.argument(description=INPUT)]
    ) -> ServiceConfirmPayload:
        row = await services.confirm(info.context.db, info.context.viewer, _offer_id(input.id))
        return ServiceConfirmPayload(offer=ServiceOffer.from_model(row))

    @strawberry.mutation(description="The school or the shop cancels an offer or a confirmed visit, with a reason.")
    @returns_payload
    async def service_cancel(
        self, info: Info, input: Annotated[ServiceCancelInput, strawberry.argument(description=INPUT)]
    ) -> ServiceCancelPayload:
        row = await services.cancel(info.context.db, info.context.viewer, _offer_id(input.id), input.reason)
        return ServiceCancelPayload(offer=ServiceOffer.from_model(row))

    @strawberry.mutation(description="The school records the confirmed visit as delivered; the shop gets the credit.")
    @returns_payload
    async def service_complete(
        self, info: Info, input: Annotated[ServiceCompleteInput, strawberry.argument(description=INPUT)]
    ) -> ServiceCompletePayload:
        row = await services.complete(info.context.db, info.context.viewer, _offer_id(input.id))
        return ServiceCompletePayload(offer=ServiceOffer.from_model(row))
