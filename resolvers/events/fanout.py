"""Turn outbox events into webhook deliveries: one per event per endpoint that asked for its type and
whose app may read what it is about (`audience.may_hear`, the same rules as reads)."""

from __future__ import annotations

from sqlalchemy import insert, select

from core.viewer import Viewer
from db.engine import Database
from db.enums.events import DeliveryStatus
from db.models import AppToken, OutboxEvent, Webhook, WebhookDelivery
from resolvers.events.audience import CachedTies, may_hear, students_of
from resolvers.events.consumers import claim_position, move_position

CONSUMER = "webhooks"
BATCH = 500


async def fan_out(db: Database, batch: int = BATCH) -> int:
    """Read the next events past the fan-out's position; returns how many were read."""
    async with db.write() as session:
        position = await claim_position(session, CONSUMER)
        if position is None:  # another worker is fanning out this moment
            return 0
        events = (
            await session.scalars(
                select(OutboxEvent).where(OutboxEvent.id > position).order_by(OutboxEvent.id).limit(batch)
            )
        ).all()
        if not events:
            return 0
        endpoints = (
            await session.execute(
                select(Webhook, AppToken)
                .join(AppToken, AppToken.id == Webhook.app_token_id)
                .where(Webhook.is_active, AppToken.revoked_at.is_(None))
            )
        ).all()
        students = await students_of(db, events) if endpoints else {}
        rows = []
        for webhook, token in endpoints:
            ties = CachedTies(
                db,
                Viewer(
                    app_token_id=token.id, app_organization_id=token.organization_id, scopes=frozenset(token.scopes)
                ),
            )
            wanted = set(webhook.event_types)
            for event in events:
                if (
                    event.type in wanted
                    and event.occurred_at >= webhook.created_at
                    and await may_hear(ties, event, students)
                ):
                    rows.append(
                        {
                            "webhook_id": webhook.id,
                            "event_id": event.id,
                            "status": DeliveryStatus.PENDING.value,
                            "attempts": 0,
                            "next_attempt_at": event.occurred_at,
                        }
                    )
        if rows:
            await session.execute(insert(WebhookDelivery), rows)
        await move_position(session, CONSUMER, events[-1].id)
    return len(events)
