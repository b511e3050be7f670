"""Partner webhooks: endpoints, their delivery log, and the mutations that manage them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from core.errors import DomainError
from db import models
from db.enums.events import DeliveryStatus as DomainDeliveryStatus
from db.enums.events import EventType as DomainEventType
from resolvers.events import webhooks
from schema.context import Info
from schema.errors import INPUT, Payload, returns_payload
from schema.events.enums import DeliveryStatus, EventType
from schema.relay import Connection, Node, decode_id, encode_id, node_type, page_args


@node_type
@strawberry.type(
    description="A partner app's endpoint that receives events as signed HTTP POSTs (Standard Webhooks). It "
    "receives only events about what its app token may read. Visible to that app only."
)
class Webhook(Node):
    url: str = strawberry.field(description="Where events are POSTed: https to a public address.")
    description: str = strawberry.field(description="What the endpoint is for.")
    event_types: list[EventType] = strawberry.field(description="The event types it receives.")
    is_active: bool = strawberry.field(
        description="False when switched off by the app or after the endpoint answered 410 Gone."
    )
    disabled_reason: str | None = strawberry.field(description="Why it was switched off automatically, if it was.")
    created_at: datetime = strawberry.field(description="When it was created; it receives events from then on.")

    @classmethod
    def from_model(cls, row: models.Webhook) -> Webhook:
        return cls(
            pk=row.id,
            url=row.url,
            description=row.description,
            event_types=[DomainEventType(t) for t in row.event_types],
            is_active=row.is_active,
            disabled_reason=row.disabled_reason,
            created_at=row.created_at,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Webhook | None:
        row = await info.context.loaders.by_id(models.Webhook).load(pk)
        viewer = info.context.viewer
        if row is None or viewer.app_token_id != row.app_token_id:
            return None
        return cls.from_model(row)


@strawberry.type(description="One try at delivering an event to an endpoint.")
class WebhookAttempt:
    number: int = strawberry.field(description="1 for the first try, then 2, 3...")
    started_at: datetime = strawberry.field(description="When the request was sent.")
    response_code: int | None = strawberry.field(description="The HTTP status answered; null when none came.")
    duration_ms: int | None = strawberry.field(description="How long the endpoint took, in milliseconds.")
    error: str | None = strawberry.field(
        description="Why it failed (HTTP status, timeout, refused target); null on success or while in flight."
    )


@strawberry.type(description="One event for one endpoint, with every attempt made to deliver it.")
class WebhookDelivery:
    pk: strawberry.Private[int]
    _event_id: strawberry.Private[int]
    status: DeliveryStatus = strawberry.field(description="Delivered, waiting, or given up.")
    attempt_count: int = strawberry.field(description="How many attempts were made.")
    next_attempt_at: datetime | None = strawberry.field(
        description="When the next attempt is due, while PENDING; null otherwise."
    )
    last_response_code: int | None = strawberry.field(description="The last HTTP status answered, if any.")
    last_duration_ms: int | None = strawberry.field(description="How long the last attempt took, in milliseconds.")
    delivered_at: datetime | None = strawberry.field(description="When the endpoint answered 2xx.")
    created_at: datetime = strawberry.field(description="When the event was queued for this endpoint.")

    @strawberry.field(description="The delivery's ID, for `webhookDeliveryRetry`.")
    def id(self) -> strawberry.ID:
        return encode_id("WebhookDelivery", self.pk)

    @strawberry.field(description="The event's id, sent as the `webhook-id` header (de-duplicate on it).")
    async def event_id(self, info: Info) -> str:
        row = await info.context.loaders.by_id(models.OutboxEvent).load(self._event_id)
        return row.uid if row is not None else ""

    @strawberry.field(description="The event's type.")
    async def event_type(self, info: Info) -> EventType | None:
        row = await info.context.loaders.by_id(models.OutboxEvent).load(self._event_id)
        return DomainEventType(row.type) if row is not None else None

    @strawberry.field(description="Every attempt, oldest first (at most about a dozen over three days).")
    async def attempts(self, info: Info) -> list[WebhookAttempt]:
        loader = info.context.loaders.by_column(models.WebhookAttempt, "delivery_id", order_by=("number",))
        return [
            WebhookAttempt(
                number=a.number,
                started_at=a.started_at,
                response_code=a.response_code,
                duration_ms=a.duration_ms,
                error=a.error,
            )
            for a in await loader.load(self.pk)
        ]

    @classmethod
    def from_model(cls, row: models.WebhookDelivery) -> WebhookDelivery:
        pending = row.status == DomainDeliveryStatus.PENDING.value
        return cls(
            pk=row.id,
            _event_id=row.event_id,
            status=DomainDeliveryStatus(row.status),
            attempt_count=row.attempts,
            next_attempt_at=row.next_attempt_at if pending else None,
            last_response_code=row.last_response_code,
            last_duration_ms=row.last_duration_ms,
            delivered_at=row.delivered_at,
            created_at=row.created_at,
        )


@strawberry.type(description="Webhooks of the calling partner app.")
class WebhookQueries:
    @strawberry.field(description="The calling app's webhooks, oldest first; null for anyone but an app token.")
    async def webhooks(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description="Page size, at most 100.")] = None,
        after: Annotated[str | None, strawberry.argument(description="Cursor to continue after.")] = None,
    ) -> Connection[Webhook] | None:
        if not info.context.viewer.is_app:
            return None
        rows = await webhooks.browse(info.context.db, info.context.viewer, page_args(first, after))
        return Connection.of(rows, Webhook.from_model)

    @strawberry.field(description="One webhook's delivery log, newest first; null unless it is the calling app's.")
    async def webhook_deliveries(
        self,
        info: Info,
        webhook_id: Annotated[strawberry.ID, strawberry.argument(description="The webhook.")],
        status: Annotated[
            DeliveryStatus | None, strawberry.argument(description="Only deliveries in this state.")
        ] = None,
        first: Annotated[int | None, strawberry.argument(description="Page size, at most 100.")] = None,
        after: Annotated[str | None, strawberry.argument(description="Cursor to continue after.")] = None,
    ) -> Connection[WebhookDelivery] | None:
        if not info.context.viewer.is_app:
            return None
        pk = decode_id(webhook_id, "Webhook", "webhookId")
        try:
            rows = await webhooks.deliveries(info.context.db, info.context.viewer, pk, status, page_args(first, after))
        except DomainError:  # not this app's webhook: nothing to show
            return None
        return Connection.of(rows, WebhookDelivery.from_model)


@strawberry.input(description="A new webhook endpoint for the calling partner app.")
class WebhookCreateInput:
    url: str = strawberry.field(
        description="Where to POST events: https and a public address (TARGET_NOT_ALLOWED otherwise)."
    )
    event_types: list[EventType] = strawberry.field(description="The event types to receive; at least one.")
    description: str | None = strawberry.field(default=None, description="What it is for, up to 500 characters.")


@strawberry.input(description="Changes to a webhook; fields left out stay as they are.")
class WebhookUpdateInput:
    id: strawberry.ID = strawberry.field(description="The webhook; NOT_FOUND unless it is the calling app's.")
    url: str | None = strawberry.field(default=None, description="A new target URL.")
    event_types: list[EventType] | None = strawberry.field(default=None, description="A new set of event types.")
    description: str | None = strawberry.field(default=None, description="A new description.")
    is_active: bool | None = strawberry.field(
        default=None, description="Switch it off or on again (clears `disabledReason`)."
    )


@strawberry.input(description="A webhook to delete, with its delivery log.")
class WebhookDeleteInput:
    id: strawberry.ID = strawberry.field(description="The webhook; NOT_FOUND unless it is the calling app's.")


@strawberry.input(description="A delivery to try again now.")
class WebhookDeliveryRetryInput:
    id: strawberry.ID = strawberry.field(description="The delivery, from `webhookDeliveries`.")


@strawberry.type(description="The result of `webhookCreate`.")
class WebhookCreatePayload(Payload):
    webhook: Webhook | None = strawberry.field(default=None, description="The new webhook; null when refused.")
    secret: str | None = strawberry.field(
        default=None,
        description="The signing secret (`whsec_...`) for verifying `webhook-signature`; shown only now.",
    )


@strawberry.type(description="The result of `webhookUpdate`.")
class WebhookUpdatePayload(Payload):
    webhook: Webhook | None = strawberry.field(default=None, description="The webhook as changed; null when refused.")


@strawberry.type(description="The result of `webhookDelete`.")
class WebhookDeletePayload(Payload):
    deleted_webhook_id: strawberry.ID | None = strawberry.field(
        default=None, description="The ID of the deleted webhook; null when refused."
    )


@strawberry.type(description="The result of `webhookDeliveryRetry`.")
class WebhookDeliveryRetryPayload(Payload):
    delivery: WebhookDelivery | None = strawberry.field(
        default=None, description="The delivery, due again now; null when refused."
    )


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(description="Create a webhook for the calling partner app (app tokens only).")
    @returns_payload
    async def webhook_create(
        self, info: Info, input: Annotated[WebhookCreateInput, strawberry.argument(description=INPUT)]
    ) -> WebhookCreatePayload:
        changes = webhooks.WebhookChanges(url=input.url, event_types=input.event_types, description=input.description)
        row, secret = await webhooks.create(info.context.db, info.context.settings, info.context.viewer, changes)
        return WebhookCreatePayload(webhook=Webhook.from_model(row), secret=secret)

    @strawberry.mutation(description="Change a webhook of the calling partner app.")
    @returns_payload
    async def webhook_update(
        self, info: Info, input: Annotated[WebhookUpdateInput, strawberry.argument(description=INPUT)]
    ) -> WebhookUpdatePayload:
        changes = webhooks.WebhookChanges(
            url=input.url, event_types=input.event_types, description=input.description, is_active=input.is_active
        )
        pk = decode_id(input.id, "Webhook")
        row = await webhooks.update_webhook(info.context.db, info.context.settings, info.context.viewer, pk, changes)
        return WebhookUpdatePayload(webhook=Webhook.from_model(row))

    @strawberry.mutation(description="Delete a webhook of the calling partner app and its delivery log.")
    @returns_payload
    async def webhook_delete(
        self, info: Info, input: Annotated[WebhookDeleteInput, strawberry.argument(description=INPUT)]
    ) -> WebhookDeletePayload:
        row = await webhooks.delete(info.context.db, info.context.viewer, decode_id(input.id, "Webhook"))
        return WebhookDeletePayload(deleted_webhook_id=encode_id("Webhook", row.id))

    @strawberry.mutation(description="Try a delivery again now, whatever its state (after fixing an endpoint).")
    @returns_payload
    async def webhook_delivery_retry(
        self, info: Info, input: Annotated[WebhookDeliveryRetryInput, strawberry.argument(description=INPUT)]
    ) -> WebhookDeliveryRetryPayload:
        pk = decode_id(input.id, "WebhookDelivery")
        row = await webhooks.retry(info.context.db, info.context.viewer, pk)
        return WebhookDeliveryRetryPayload(delivery=WebhookDelivery.from_model(row))
