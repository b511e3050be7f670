"""Scholarships and tool grants offered by donors, and students' applications for them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id


class Scholarship(Entity, Base):
    __tablename__ = "scholarship"
    __table_args__ = (
        CheckConstraint("kind IN ('SCHOLARSHIP', 'TOOL_GRANT')", name="kind_known"),
        CheckConstraint("amount_cents >= 0", name="amount_not_negative"),
        CheckConstraint("awards > 0", name="awards_positive"),
        # The counter awarding moves with a conditional UPDATE; this is the last line of defence.
        CheckConstraint("awards_made >= 0 AND awards_made <= awards", name="awards_made_within_count"),
        CheckConstraint("closes_on >= opens_on", name="closes_after_opens"),
        CheckConstraint("region_radius_km IS NULL OR region_radius_km > 0", name="region_radius_positive"),
    )

    sponsor_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    kind: Mapped[str] = mapped_column(String(20))
    amount_cents: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    awards: Mapped[int]
    awards_made: Mapped[int] = mapped_column(default=0, server_default="0")
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date, index=True)
    # Eligibility; an empty list or NULL means "no restriction".
    programs: Mapped[list[str]] = mapped_column(JSON, default=list)
    school_tiers: Mapped[list[str]] = mapped_column(JSON, default=list)
    required_credentials: Mapped[list[str]] = mapped_column(JSON, default=list)  # credential codes
    region_postal_code: Mapped[str | None] = mapped_column(String(10))
    region_latitude: Mapped[float | None]
    region_longitude: Mapped[float | None]
    region_radius_km: Mapped[float | None]
    graduation_from: Mapped[date | None] = mapped_column(Date)
    graduation_to: Mapped[date | None] = mapped_column(Date)


class ScholarshipApplication(Entity, Base):
    __tablename__ = "scholarship_application"
    __table_args__ = (
        UniqueConstraint("scholarship_id", "student_id"),
        CheckConstraint("status IN ('SUBMITTED', 'AWARDED', 'DECLINED')", name="status_known"),
        CheckConstraint("fulfilled_at IS NULL OR status = 'AWARDED'", name="only_awards_fulfilled"),
    )

    scholarship_id: Mapped[int] = mapped_column(Id, ForeignKey("scholarship.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(Id, ForeignKey("student_profile.id", ondelete="CASCADE"), index=True)
    essay: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="SUBMITTED", server_default="SUBMITTED")
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    # How an award reached the student (a cheque, a starter tool kit donated through the exchange).
    fulfillment_note: Mapped[str | None] = mapped_column(Text)
    fulfilled_at: Mapped[datetime | None]
