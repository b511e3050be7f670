"""Development plans: steps generated from a technician's gaps, with target dates they and their supervisor adjust.

A step's progress is not stored: it is read from the same records the pathways keep (credentials, module
completions) and from safety certifications, so recording training moves the plan without touching it.
Only what no record says is stored: a mentor session held, a step skipped.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.workforce import PlanStepKind, TechnicianRole


class DevelopmentPlan(Entity, Base):
    __tablename__ = "development_plan"
    __table_args__ = (
        CheckConstraint(f"role IN ({sql_in(TechnicianRole)})", name="role_known"),
        CheckConstraint("target_level BETWEEN 1 AND 3", name="target_level_range"),
    )

    technician_id: Mapped[int] = mapped_column(Id, ForeignKey("technician.id", ondelete="CASCADE"), unique=True)
    role: Mapped[str] = mapped_column(String(30))
    target_level: Mapped[int]
    created_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))


class PlanStep(Entity, Base):
    __tablename__ = "plan_step"
    __table_args__ = (CheckConstraint(f"kind IN ({sql_in(PlanStepKind)})", name="kind_known"),)

    plan_id: Mapped[int] = mapped_column(Id, ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    # What meets the step, any one of them: credential codes, an academy badge code or a safety training;
    # empty for a mentor session.
    codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    title: Mapped[str] = mapped_column(String(200))
    target_on: Mapped[date] = mapped_column(Date)
    ordinal: Mapped[int]  # the step's place in the plan (not `position`: the shared page query uses that label)
    completed_on: Mapped[date | None] = mapped_column(Date)  # mentor sessions only: no record says they happened
    skipped: Mapped[bool] = mapped_column(default=False, server_default="0")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
