"""Partner apps' webhook endpoints: created, changed, listed and deleted by the app that owns them.

An endpoint belongs to the app token that created it and receives what that token may read; revoking
the token stops it. The signing secret is shown once, when the endpoint is created.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.paging import Page, Slice
from core.settings import Settings
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database
from db.enums.events import DeliveryStatus, EventType
from db.models import Webhook, WebhookDelivery
from resolvers.events.signing import new_secret
from resolvers.events.targets import checked_url

MAX_WEBHOOKS_PER_APP = 20


@dataclass(frozen=True)
class WebhookChanges:
    url: str | None = None
    event_types: Sequence[EventType] | None = None
    description: str | None = None
    is_active: bool | None = None


def _app(viewer: Viewer) -> tuple[int, int]:
    if viewer.app_token_id is None or viewer.app_organization_id is None:
        raise DomainError(ErrorCode.APP_TOKEN_REQUIRED, "Webhooks are managed with a partner app token.")
    return viewer.app_token_id, viewer.app_organization_id


def _validated(settings: Settings, changes: WebhookChanges, *, creating: bool) -> dict:
    checks = Checks()
    values: dict = {}
    if changes.url is not None or creating:
        try:
            values["url"] = checked_url(changes.url or "", allow_private=settings.webhook_allow_private)
        except DomainError as error:
            checks.errors.append(error)
    if changes.event_types is not None or creating:
        if not changes.event_types:
            checks.add(ErrorCode.REQUIRED, "Choose at least one event type.", "eventTypes")
        personal = sorted(t.value for t in changes.event_types or () if t.is_personal)
        if personal:
            checks.add(
                ErrorCode.INVALID, f"These events reach people, never apps: {', '.join(personal)}.", "eventTypes"
            )
        values["event_types"] = sorted({t.value for t in changes.event_types or ()})
    if changes.description is not None:
        values["description"] = checks.text(changes.description, "description", max_length=500, required=False)
    if changes.is_active is not None:
        values["is_active"] = changes.is_active
        if changes.is_active:
            values["disabled_reason"] = None
    checks.raise_any()
    return values


async def create(db: Database, settings: Settings, viewer: Viewer, changes: WebhookChanges) -> tuple[Webhook, str]:
    """The endpoint and, once only, its signing secret."""
    token_id, organization_id = _app(viewer)
    values = _validated(settings, changes, creating=True)
    async with db.write() as session:
        count = len((await session.scalars(select(Webhook.id).where(Webhook.app_token_id == token_id))).all())
        if count >= MAX_WEBHOOKS_PER_APP:
            raise DomainError(ErrorCode.OUT_OF_RANGE, f"An app may have at most {MAX_WEBHOOKS_PER_APP} webhooks.")
        secret = new_secret()
        webhook = Webhook(app_token_id=token_id, organization_id=organization_id, secret=secret, **values)
        session.add(webhook)
    return webhook, secret


async def owned(session, viewer: Viewer, webhook_id: int, field: str = "id") -> Webhook:
    token_id, _ = _app(viewer)
    webhook = await session.get(Webhook, webhook_id)
    if webhook is None or webhook.app_token_id != token_id:
        raise not_found("Webhook", field)
    return webhook


async def update_webhook(
    db: Database, settings: Settings, viewer: Viewer, webhook_id: int, changes: WebhookChanges
) -> Webhook:
    values = _validated(settings, changes, creating=False)
    async with db.write() as session:
        webhook = await owned(session, viewer, webhook_id)
        for key, value in values.items():
            setattr(webhook, key, value)
    return webhook


async def delete(db: Database, viewer: Viewer, webhook_id: int) -> Webhook:
    async with db.write() as session:
        webhook = await owned(session, viewer, webhook_id)
        await session.delete(webhook)
    return webhook


async def browse(db: Database, viewer: Viewer, page: Page) -> Slice[Webhook]:
    token_id, _ = _app(viewer)
    stmt = select(Webhook).where(Webhook.app_token_id == token_id).order_by(Webhook.id)
    async with db.read() as session:
        rows = (await session.scalars(page.apply(stmt))).all()
    return page.slice(rows)


async def deliveries(
    db: Database, viewer: Viewer, webhook_id: int, status: DeliveryStatus | None, page: Page
) -> Slice[WebhookDelivery]:
    """The delivery log of one endpoint, newest first."""
    async with db.read() as session:
        await owned(session, viewer, webhook_id, "webhookId")
        stmt = select(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook_id)
        if status is not None:
            stmt = stmt.where(WebhookDelivery.status == status.value)
        rows = (await session.scalars(page.apply(stmt.order_by(WebhookDelivery.id.desc())))).all()
    return page.slice(rows)


async def retry(db: Database, viewer: Viewer, delivery_id: int) -> WebhookDelivery:
    """Try a delivery again now, whatever its state (a partner replaying after fixing its endpoint)."""
    async with db.write() as session:
        delivery = await session.get(WebhookDelivery, delivery_id)
        if delivery is None:
            raise not_found("Webhook delivery")
        webhook = await owned(session, viewer, delivery.webhook_id)
        if not webhook.is_active:
            raise DomainError(ErrorCode.INVALID_TRANSITION, "Enable the webhook (isActive: true) first.", "id")
        await session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id)
            .values(status=DeliveryStatus.PENDING.value, next_attempt_at=utcnow(), updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        await session.refresh(delivery)
    return delivery
