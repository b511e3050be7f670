"""Partner app webhooks, the delivery of each event to each endpoint, and every attempt made."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.events import DeliveryStatus


class Webhook(Entity, Base):
    """An endpoint of a partner app; it receives what the app's token may read, and nothing more."""

    __tablename__ = "webhook"

    app_token_id: Mapped[int] = mapped_column(Id, ForeignKey("app_token.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(String(500), default="")
    event_types: Mapped[list[str]] = mapped_column(JSON)
    # The signing key has to be read back to sign, so it is stored as given (like any HMAC key).
    secret: Mapped[str] = mapped_column(String(100))
    is_active: Mapped[bool] = mapped_column(default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(200))


class WebhookDelivery(Entity, Base):
    """One event for one endpoint; `next_attempt_at` is both the retry time and, while an attempt is
    in flight, the end of its lease: a worker that dies leaves it due again for another."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("webhook_id", "event_id"),
        CheckConstraint(f"status IN ({sql_in(DeliveryStatus)})", name="status_known"),
        Index("ix_webhook_delivery_due", "status", "next_attempt_at"),
    )

    webhook_id: Mapped[int] = mapped_column(Id, ForeignKey("webhook.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(Id, ForeignKey("outbox_event.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=DeliveryStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    last_response_code: Mapped[int | None]
    last_duration_ms: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[datetime | None]


class WebhookAttempt(Entity, Base):
    """One try: recorded when claimed, completed with the response; UNIQUE numbers mean no attempt
    is ever made twice, whichever worker makes it."""

    __tablename__ = "webhook_attempt"
    __table_args__ = (UniqueConstraint("delivery_id", "number"),)

    delivery_id: Mapped[int] = mapped_column(Id, ForeignKey("webhook_delivery.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    started_at: Mapped[datetime]
    response_code: Mapped[int | None]
    duration_ms: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(Text)
