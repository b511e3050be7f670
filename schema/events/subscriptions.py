"""Live events over GraphQL subscriptions (graphql-transport-ws on /graphql), with the read rules of queries."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Annotated, cast

import strawberry
from strawberry.scalars import JSON

from core.errors import DomainError, ErrorCode, not_found
from db import models
from db.enums.events import EventType as DomainEventType
from resolvers.events.bus import EventBus
from resolvers.events.feed import cursor_of, follow, position_of
from schema.context import Info
from schema.donations.donations import Donation
from schema.events.enums import EventType
from schema.loaders import Loaders
from schema.relay import Node, decode_id, encode_id, resolve_node
from schema.talent.access import acts_for
from schema.talent.jobs import JobPosting


@strawberry.type(description="Something that happened, as partners receive it (see the README's event catalogue).")
class Event:
    id: str = strawberry.field(description="The event's id, the same as a webhook's `webhook-id`; de-duplicate on it.")
    type: EventType = strawberry.field(description="What happened.")
    occurred_at: datetime = strawberry.field(description="When the change committed.")
    cursor: str = strawberry.field(description="Pass as `after` to resume right after this event.")
    data: JSON = strawberry.field(description="The payload: global IDs of the objects concerned and their key fields.")
    organization_ids: list[strawberry.ID] = strawberry.field(description="The organizations the event concerns.")
    _subject: strawberry.Private[str]

    @strawberry.field(description="The object the event is about, as you may see it now; null if you may not.")
    async def node(self, info: Info) -> Node | None:
        try:
            return await resolve_node(info, self._subject)
        except DomainError:  # a type without a node of its own (e.g. a mentorship): nothing to show
            return None

    @classmethod
    def from_model(cls, row: models.OutboxEvent) -> Event:
        return cls(
            id=row.uid,
            type=DomainEventType(row.type),
            occurred_at=row.occurred_at,
            cursor=cursor_of(row),
            data=cast(JSON, row.data),
            organization_ids=[encode_id("Organization", org) for org in row.organization_ids],
            _subject=encode_id(row.subject_type, row.subject_id),
        )


def _bus(info: Info) -> EventBus:
    if not info.context.viewer.is_authenticated or info.context.bus is None:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "Subscribe over a websocket with a valid token.")
    return info.context.bus


def _fresh(info: Info) -> None:
    """A websocket's context lives as long as the connection: each event is read afresh, not from a cache."""
    info.context.loaders = Loaders(info.context.db)
    info.context._roles = None


@strawberry.type(description="Live updates over graphql-transport-ws on /graphql.")
class Subscription:
    @strawberry.subscription(
        description="Every event you may see, in order, from `after` (or from now); resume with the last `cursor` "
        "you received and nothing is missed while events are kept (30 days by default)."
    )
    async def events(
        self,
        info: Info,
        types: Annotated[
            list[EventType] | None, strawberry.argument(description="Only these types; all when left out.")
        ] = None,
        after: Annotated[str | None, strawberry.argument(description="A `cursor` from an earlier event.")] = None,
    ) -> AsyncGenerator[Event, None]:
        bus = _bus(info)
        position = position_of(after) if after else None
        wanted = {t.value for t in types} if types else None
        shared = info.context.shared_results.sharing(info) if info.context.shared_results else None
        async for row in follow(bus, info.context.viewer, wanted, position):
            if shared is not None:  # over a socket: executed once for every subscriber of its shape and class
                await shared.send(row.id, lambda row=row: Event.from_model(row))  # type: ignore[misc]
                continue
            _fresh(info)
            yield Event.from_model(row)

    @strawberry.subscription(description="The donation each time it changes (requested, approved, shipped...).")
    async def donation_updated(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The donation.")]
    ) -> AsyncGenerator[Donation, None]:
        bus = _bus(info)
        pk = decode_id(id, "Donation")
        if await Donation.load(info, pk) is None:
            raise not_found("Donation")
        types = {t.value for t in DomainEventType if t.domain == "donation"}
        async for row in follow(bus, info.context.viewer, types, None):
            if row.subject_id == pk:
                _fresh(info)
                donation = await Donation.load(info, pk)
                if donation is not None:
                    yield donation

    @strawberry.subscription(
        description="The job posting each time a new candidate enters its top 20; read `candidates` again. "
        "For the employer's members (apps with talent:read)."
    )
    async def candidates_changed(
        self, info: Info, job_posting_id: Annotated[strawberry.ID, strawberry.argument(description="The posting.")]
    ) -> AsyncGenerator[JobPosting, None]:
        bus = _bus(info)
        pk = decode_id(job_posting_id, "JobPosting", "jobPostingId")
        posting = await JobPosting.load(info, pk)
        if posting is None or not await acts_for(info, posting._row.employer_id):
            raise not_found("Job posting", "jobPostingId")
        types = {DomainEventType.MATCH_CANDIDATE_ENTERED.value}
        async for row in follow(bus, info.context.viewer, types, None):
            if row.subject_id == pk:
                _fresh(info)
                changed = await JobPosting.load(info, pk)
                if changed is not None:
                    yield changed
