"""Saved searches: a person's filter over a public list, and how often they want to hear of new rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.searches import AlertFrequency, SearchKind


class SavedSearch(Entity, Base):
    """`criteria` is the list query's filter in the use case's terms; `given` the input as the person
    wrote it, shown back to them. Rows of its kind with an id up to `seen_through_id` were already
    considered (the high-water mark); the next look is due at `next_alert_at` (null when OFF)."""

    __tablename__ = "saved_search"
    __table_args__ = (
        CheckConstraint(f"kind IN ({sql_in(SearchKind)})", name="kind_known"),
        CheckConstraint(f"frequency IN ({sql_in(AlertFrequency)})", name="frequency_known"),
        Index("ix_saved_search_due", "next_alert_at"),
    )

    owner_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    criteria: Mapped[dict[str, Any]] = mapped_column(JSON)
    given: Mapped[dict[str, Any]] = mapped_column(JSON)
    frequency: Mapped[str] = mapped_column(String(10))
    seen_through_id: Mapped[int] = mapped_column(Id, default=0, server_default="0")
    next_alert_at: Mapped[datetime | None]
    last_alerted_at: Mapped[datetime | None]
