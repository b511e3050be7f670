"""A shop's team: its technicians (from a hire or an accepted invitation) and pending invitations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.workforce import TechnicianInvitationStatus, TechnicianRole, TechnicianStatus


class Technician(Entity, Base):
    """A person working at an employer, in a role, from a start date, with a supervisor or mentor in the shop.

    Their credentials and training stay on their student profile (they carry over, and stay theirs when they
    leave); `shares_earlier_records` says whether the shop counts the records made before `started_on`.
    """

    __tablename__ = "technician"
    __table_args__ = (
        CheckConstraint(f"role IN ({sql_in(TechnicianRole)})", name="role_known"),
        CheckConstraint(f"status IN ({sql_in(TechnicianStatus)})", name="status_known"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="ended_after_started"),
        # One active record per person and shop; records of earlier stints stay as history.
        Index(
            "uq_technician_active_person",
            "organization_id",
            "user_id",
            unique=True,
            sqlite_where=text("status = 'ACTIVE'"),
            postgresql_where=text("status = 'ACTIVE'"),
        ),
    )

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(Id, ForeignKey("student_profile.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(30))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default=TechnicianStatus.ACTIVE.value)
    supervisor_user_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    # The hire this record came from; one record per hire.
    application_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("application.id", ondelete="SET NULL"), unique=True
    )
    shares_earlier_records: Mapped[bool] = mapped_column(default=False, server_default="0")


class TechnicianInvitation(Entity, Base):
    """An owner's or admin's invitation for an existing technician (by email) to join the team."""

    __tablename__ = "technician_invitation"
    __table_args__ = (
        CheckConstraint(f"role IN ({sql_in(TechnicianRole)})", name="role_known"),
        CheckConstraint(f"status IN ({sql_in(TechnicianInvitationStatus)})", name="status_known"),
        Index(
            "uq_technician_invitation_pending_email",
            "organization_id",
            "email",
            unique=True,
            sqlite_where=text("status = 'PENDING'"),
            postgresql_where=text("status = 'PENDING'"),
        ),
    )

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    role: Mapped[str] = mapped_column(String(30))
    started_on: Mapped[date] = mapped_column(Date)
    supervisor_user_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    invited_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    message: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(10), default=TechnicianInvitationStatus.PENDING.value)
    responded_at: Mapped[datetime | None]
    technician_id: Mapped[int | None] = mapped_column(Id, ForeignKey("technician.id", ondelete="SET NULL"))
