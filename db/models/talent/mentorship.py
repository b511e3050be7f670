"""Mentorship: experienced technicians take on a limited number of new ones."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.talent import MentorshipStatus


class MentorProfile(Entity, Base):
    """A mentor's offer; `active_mentees` is a counter moved only by conditional UPDATEs."""

    __tablename__ = "mentor_profile"
    __table_args__ = (
        CheckConstraint("capacity >= 0 AND capacity <= 50", name="capacity_range"),
        CheckConstraint("active_mentees >= 0 AND active_mentees <= capacity", name="active_within_capacity"),
        CheckConstraint("years_experience >= 0 AND years_experience <= 70", name="years_range"),
        Index("ix_mentor_profile_location", "latitude", "longitude"),
    )

    user_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"), unique=True)
    headline: Mapped[str] = mapped_column(String(200), default="", server_default="")
    specialty_skill_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    other_specialties: Mapped[list[str]] = mapped_column(JSON, default=list)
    credential_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    years_experience: Mapped[int] = mapped_column(default=0, server_default="0")
    capacity: Mapped[int] = mapped_column(default=1, server_default="1")
    active_mentees: Mapped[int] = mapped_column(default=0, server_default="0")
    postal_code: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    remote_ok: Mapped[bool] = mapped_column(default=False, server_default="0")


class Mentorship(Entity, Base):
    """A request from a mentee to a mentor, and the mentorship once accepted."""

    __tablename__ = "mentorship"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_in(MentorshipStatus)})", name="status_known"),
        # One open request or mentorship per pair; closed ones stay as history.
        Index(
            "uq_mentorship_open_pair",
            "mentor_id",
            "mentee_id",
            unique=True,
            sqlite_where=text("status IN ('REQUESTED', 'ACTIVE')"),
            postgresql_where=text("status IN ('REQUESTED', 'ACTIVE')"),
        ),
    )

    mentor_id: Mapped[int] = mapped_column(Id, ForeignKey("mentor_profile.id", ondelete="CASCADE"), index=True)
    mentee_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10), default=MentorshipStatus.REQUESTED.value)
    message: Mapped[str] = mapped_column(Text, default="", server_default="")
    accepted_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
