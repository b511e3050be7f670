"""The job board: postings with transparent pay, applications with their history, and invitations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id, utcnow
from db.enums import sql_in
from db.enums.talent import ApplicationStatus, InvitationStatus, PayBasis, PayUnit, PostingStatus, RoleType


class JobPosting(Entity, Base):
    """A job, internship or apprenticeship; pay is required and kept in integer cents."""

    __tablename__ = "job_posting"
    __table_args__ = (
        CheckConstraint(f"role_type IN ({sql_in(RoleType)})", name="role_type_known"),
        CheckConstraint(f"status IN ({sql_in(PostingStatus)})", name="status_known"),
        CheckConstraint(f"pay_unit IN ({sql_in(PayUnit)})", name="pay_unit_known"),
        CheckConstraint(f"pay_basis IN ({sql_in(PayBasis)})", name="pay_basis_known"),
        CheckConstraint("pay_min_cents > 0 AND pay_min_cents <= pay_max_cents", name="pay_range_valid"),
        CheckConstraint("openings > 0", name="openings_positive"),
        CheckConstraint("hires >= 0 AND hires <= openings", name="hires_within_openings"),
        Index("ix_job_posting_location", "latitude", "longitude"),
        Index("ix_job_posting_status_created", "status", "created_at"),
    )

    employer_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    role_type: Mapped[str] = mapped_column(String(30), index=True)
    programs: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    postal_code: Mapped[str] = mapped_column(String(10))
    state: Mapped[str | None] = mapped_column(String(2), index=True)
    latitude: Mapped[float]
    longitude: Mapped[float]
    pay_min_cents: Mapped[int]
    pay_max_cents: Mapped[int]
    pay_unit: Mapped[str] = mapped_column(String(10))
    pay_basis: Mapped[str] = mapped_column(String(10))
    # The range in cents per hour (2,080 hours a year), so pay filters and ordering compare like with like.
    pay_min_hourly_cents: Mapped[int]
    pay_max_hourly_cents: Mapped[int] = mapped_column(index=True)
    benefits: Mapped[list[str]] = mapped_column(JSON, default=list)
    preferred_skill_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    other_preferred_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    openings: Mapped[int] = mapped_column(default=1, server_default="1")
    # Applications moved to HIRED; counted up by a conditional UPDATE so hires never pass openings.
    hires: Mapped[int] = mapped_column(default=0, server_default="0")
    closes_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default=PostingStatus.OPEN.value, server_default="OPEN")
    closed_at: Mapped[datetime | None]


class JobRequiredCredential(Entity, Base):
    """A credential a posting requires (a table, not a list, so postings can be filtered by it)."""

    __tablename__ = "job_required_credential"
    __table_args__ = (UniqueConstraint("job_posting_id", "credential_id"),)

    job_posting_id: Mapped[int] = mapped_column(Id, ForeignKey("job_posting.id", ondelete="CASCADE"), index=True)
    credential_id: Mapped[int] = mapped_column(Id, ForeignKey("credential.id"), index=True)


class Application(Entity, Base):
    """A student's application to a posting: once per posting, moved by one explicit state machine."""

    __tablename__ = "application"
    __table_args__ = (
        UniqueConstraint("job_posting_id", "student_id"),
        CheckConstraint(f"status IN ({sql_in(ApplicationStatus)})", name="status_known"),
    )

    job_posting_id: Mapped[int] = mapped_column(Id, ForeignKey("job_posting.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(Id, ForeignKey("student_profile.id", ondelete="CASCADE"), index=True)
    # Copied from the posting so an employer's pipeline and contact release need no join.
    employer_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ApplicationStatus.APPLIED.value)
    message: Mapped[str] = mapped_column(Text, default="", server_default="")
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApplicationEvent(Entity, Base):
    """One step of an application's history: who moved it, when, from what, to what."""

    __tablename__ = "application_event"

    application_id: Mapped[int] = mapped_column(Id, ForeignKey("application.id", ondelete="CASCADE"), index=True)
    actor_user_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    actor_app_token_id: Mapped[int | None] = mapped_column(Id, ForeignKey("app_token.id", ondelete="SET NULL"))
    actor_role: Mapped[str] = mapped_column(String(10))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class JobInvitation(Entity, Base):
    """An employer's invitation to a visible student to apply; capped per employer per week."""

    __tablename__ = "job_invitation"
    __table_args__ = (
        UniqueConstraint("job_posting_id", "student_id"),
        CheckConstraint(f"status IN ({sql_in(InvitationStatus)})", name="status_known"),
        Index("ix_job_invitation_employer_created", "employer_id", "created_at"),
    )

    job_posting_id: Mapped[int] = mapped_column(Id, ForeignKey("job_posting.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(Id, ForeignKey("student_profile.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"))
    sent_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    message: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(10), default=InvitationStatus.PENDING.value)
    responded_at: Mapped[datetime | None]
