"""The talent core: the credential catalogue, the skills vocabulary, student profiles and credentials."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id

REFERENCE = {"info": {"reference": True}}


class Credential(Entity, Base):
    """A recognized credential (ASE, ASE Entry-Level, I-CAR), shipped as reference data."""

    __tablename__ = "credential"
    __table_args__ = (
        CheckConstraint("validity_months IS NULL OR validity_months > 0", name="validity_positive"),
        REFERENCE,
    )

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(20), index=True)
    area: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    validity_months: Mapped[int | None]
    renewable: Mapped[bool]


class Skill(Entity, Base):
    """A canonical skill of the trade with the aliases people type, shipped as reference data."""

    __tablename__ = "skill"
    __table_args__ = (REFERENCE,)

    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)


class StudentProfile(Entity, Base):
    """A student's or new technician's profile; hidden from employers unless they opt in."""

    __tablename__ = "student_profile"
    __table_args__ = (
        CheckConstraint("travel_radius_km > 0 AND travel_radius_km <= 1000", name="travel_radius_range"),
        Index("ix_student_profile_location", "latitude", "longitude"),
    )

    user_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"), unique=True)
    school_id: Mapped[int | None] = mapped_column(Id, ForeignKey("organization.id", ondelete="SET NULL"), index=True)
    headline: Mapped[str] = mapped_column(String(200), default="", server_default="")
    programs: Mapped[list[str]] = mapped_column(JSON, default=list)
    availability: Mapped[list[str]] = mapped_column(JSON, default=list)
    graduation_date: Mapped[date | None] = mapped_column(Date)
    postal_code: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    travel_radius_km: Mapped[float] = mapped_column(default=50.0, server_default="50")
    # Canonical skill ids, normalized once on write so matching never fuzzy-matches per candidate;
    # free text that matched no canonical skill is kept as given.
    skill_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    other_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    visible_to_employers: Mapped[bool] = mapped_column(default=False, server_default="0", index=True)
    bio: Mapped[str] = mapped_column(Text, default="", server_default="")


class StudentCredential(Entity, Base):
    """A credential a student holds; the student's school (or a completed training area) verifies it."""

    __tablename__ = "student_credential"
    __table_args__ = (
        UniqueConstraint("student_id", "credential_id", "earned_on"),
        CheckConstraint("expires_on IS NULL OR expires_on > earned_on", name="expires_after_earned"),
    )

    student_id: Mapped[int] = mapped_column(Id, ForeignKey("student_profile.id", ondelete="CASCADE"), index=True)
    credential_id: Mapped[int] = mapped_column(Id, ForeignKey("credential.id"), index=True)
    earned_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    credential_number: Mapped[str | None] = mapped_column(String(60))
    verified_at: Mapped[datetime | None]
    verified_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
