"""Anonymous pay reports for the technician pay tool: no user id, never shown one by one."""

from __future__ import annotations

from sqlalchemy import JSON, CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity
from db.enums import sql_in
from db.enums.talent import PayBasis, PayUnit, RoleType


class PayReport(Entity, Base):
    __tablename__ = "pay_report"
    __table_args__ = (
        CheckConstraint(f"role_type IN ({sql_in(RoleType)})", name="role_type_known"),
        CheckConstraint(f"unit IN ({sql_in(PayUnit)})", name="unit_known"),
        CheckConstraint(f"basis IN ({sql_in(PayBasis)})", name="basis_known"),
        CheckConstraint("amount_cents > 0 AND hourly_cents > 0", name="amount_positive"),
        CheckConstraint("years_experience IS NULL OR years_experience >= 0", name="years_not_negative"),
        Index("ix_pay_report_location", "latitude", "longitude"),
    )

    role_type: Mapped[str] = mapped_column(String(30), index=True)
    program: Mapped[str | None] = mapped_column(String(20))
    postal_code: Mapped[str] = mapped_column(String(10))
    state: Mapped[str | None] = mapped_column(String(2), index=True)
    latitude: Mapped[float]
    longitude: Mapped[float]
    years_experience: Mapped[int | None]
    amount_cents: Mapped[int]
    unit: Mapped[str] = mapped_column(String(10))
    basis: Mapped[str] = mapped_column(String(10))
    hourly_cents: Mapped[int]
    credential_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    # A keyed hash of the reporting account, never its id: counts each person once in an estimate.
    # Null on reports stored before it was kept; each of those counts as its own contributor.
    contributor_key: Mapped[str | None] = mapped_column(String(64), index=True)
