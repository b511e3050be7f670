"""Allocation plans kept with their inputs, so a coordinator (or anyone reviewing one later) can see
what was planned from what, and which donations carried it out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id


class SavedAllocationPlan(Entity, Base):
    """One plan: computed for a category and a region (`source` PLAN), or a coordinator's chosen
    pairs (`source` PAIRS). `inputs` holds every quantity, score and setting it was computed from;
    `assignments` and `greedy_assignments` are [need id, listing id, units, score] rows."""

    __tablename__ = "allocation_plan"
    __table_args__ = (
        CheckConstraint("source IN ('PLAN', 'PAIRS')", name="source_known"),
        CheckConstraint("radius_km IS NULL OR radius_km > 0", name="radius_positive"),
    )

    source: Mapped[str] = mapped_column(String(10))
    created_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    category_id: Mapped[int | None] = mapped_column(Id, ForeignKey("category.id", ondelete="RESTRICT"))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    radius_km: Mapped[float | None]
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    assignments: Mapped[list[list[Any]]] = mapped_column(JSON)
    greedy_assignments: Mapped[list[list[Any]]] = mapped_column(JSON)
    total: Mapped[float]
    greedy_total: Mapped[float]
    unconstrained_total: Mapped[float]
    fairness_bonus: Mapped[float] = mapped_column(default=0.0, server_default="0")
    applied_at: Mapped[datetime | None]
    applied_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
