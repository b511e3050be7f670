"""The transactional outbox: every domain event, appended in the transaction of the change it reports."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id, Timestamped


class OutboxEvent(Entity, Base):
    """`id` is the sequence: rows become visible in `id` order (see `core.outbox`), so a consumer that
    remembers the last `id` it read misses nothing and reads nothing twice."""

    __tablename__ = "outbox_event"

    uid: Mapped[str] = mapped_column(String(40), unique=True)
    type: Mapped[str] = mapped_column(String(60), index=True)
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int] = mapped_column(Id)
    # Who the event concerns: its organizations and people, and the student it is about, if any.
    organization_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    user_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    student_id: Mapped[int | None] = mapped_column(Id)
    is_public: Mapped[bool] = mapped_column(default=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Events made by a scan (credential expiry) carry a key, so running the scan twice records one event.
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    # Who caused it (the audit trail): a person or an app token; neither for the platform's own jobs.
    actor_user_id: Mapped[int | None] = mapped_column(Id, index=True)
    actor_app_token_id: Mapped[int | None] = mapped_column(Id, index=True)


class EventConsumer(Timestamped, Base):
    """How far a consumer of the outbox (webhook fan-out, match detection) has read."""

    __tablename__ = "event_consumer"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), default=0)


class MatchSnapshot(Timestamped, Base):
    """The last top-k the match watch saw for a target (a posting's candidates, a need's listings), so
    that only entrants are announced, once each."""

    __tablename__ = "match_snapshot"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    target_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    member_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
