"""Safety certifications a shop records for its technicians, and the tasks it assigns them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.workforce import SafetyTraining, TaskKind, TaskStatus


class SafetyCertification(Entity, Base):
    """One completed safety training; the latest of each training is the one in force."""

    __tablename__ = "safety_certification"
    __table_args__ = (
        CheckConstraint(f"training IN ({sql_in(SafetyTraining)})", name="training_known"),
        CheckConstraint("expires_on IS NULL OR expires_on > completed_on", name="expires_after_completed"),
        Index("ix_safety_certification_technician_training", "technician_id", "training"),
    )

    # indexed by ix_safety_certification_technician_training, whose first column it is
    technician_id: Mapped[int] = mapped_column(Id, ForeignKey("technician.id", ondelete="CASCADE"))
    training: Mapped[str] = mapped_column(String(30))
    completed_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class ShopTask(Entity, Base):
    """A job assigned to a technician; never assigned while a safety training it needs has lapsed."""

    __tablename__ = "shop_task"
    __table_args__ = (
        CheckConstraint(f"kind IN ({sql_in(TaskKind)})", name="kind_known"),
        CheckConstraint(f"status IN ({sql_in(TaskStatus)})", name="status_known"),
    )

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    technician_id: Mapped[int] = mapped_column(Id, ForeignKey("technician.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default=TaskStatus.ASSIGNED.value)
    assigned_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    completed_at: Mapped[datetime | None]
