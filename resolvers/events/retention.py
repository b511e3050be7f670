"""Pruning: finished deliveries (and their attempts) go after the delivery log's retention period, events
after the audit trail's (they are its record of who did what, so they usually stay longer).

An event is kept while a consumer has not read it or a delivery of it is still pending, whatever its age.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, exists, func, select

from core.clock import utcnow
from db.engine import Database, rows_matched
from db.enums.events import DeliveryStatus
from db.models import EventConsumer, OutboxEvent, WebhookDelivery


async def prune(db: Database, retention_days: int, audit_days: int) -> tuple[int, int]:
    """(deliveries, events) deleted."""
    cutoff = utcnow() - timedelta(days=retention_days)
    audit_cutoff = utcnow() - timedelta(days=audit_days)
    async with db.write() as session:
        deliveries = await session.execute(
            delete(WebhookDelivery).where(
                WebhookDelivery.status != DeliveryStatus.PENDING.value, WebhookDelivery.updated_at < cutoff
            )
        )
        read_by_all = await session.scalar(select(func.min(EventConsumer.position)))
        events_deleted = 0
        if read_by_all is not None:
            pending = exists().where(
                WebhookDelivery.event_id == OutboxEvent.id, WebhookDelivery.status == DeliveryStatus.PENDING.value
            )
            events = await session.execute(
                delete(OutboxEvent).where(
                    OutboxEvent.occurred_at < audit_cutoff, OutboxEvent.id <= read_by_all, ~pending
                )
            )
            events_deleted = rows_matched(events)
    return rows_matched(deliveries), events_deleted
