"""Organizations (schools, donors, employers), their members and pending invitations."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Entity, Id

if TYPE_CHECKING:
    from db.models.accounts.users import User


class Organization(Entity, Base):
    __tablename__ = "organization"
    __table_args__ = (
        CheckConstraint("enrollment IS NULL OR enrollment >= 0", name="enrollment_not_negative"),
        CheckConstraint("latitude IS NULL OR (latitude BETWEEN -90 AND 90)", name="latitude_range"),
        CheckConstraint("longitude IS NULL OR (longitude BETWEEN -180 AND 180)", name="longitude_range"),
        Index("ix_organization_location", "latitude", "longitude"),
    )

    name: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    website: Mapped[str | None] = mapped_column(String(500))
    is_school: Mapped[bool] = mapped_column(default=False, server_default="0", index=True)
    is_donor: Mapped[bool] = mapped_column(default=False, server_default="0", index=True)
    is_employer: Mapped[bool] = mapped_column(default=False, server_default="0", index=True)
    street: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(2))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    programs: Mapped[list[str]] = mapped_column(JSON, default=list)
    enrollment: Mapped[int | None]
    accreditation: Mapped[str | None] = mapped_column(String(200))
    tier: Mapped[str | None] = mapped_column(String(20))
    legal_name: Mapped[str | None] = mapped_column(String(200))
    tax_id: Mapped[str | None] = mapped_column(String(10))
    tax_status: Mapped[str | None] = mapped_column(String(20))
    signer_name: Mapped[str | None] = mapped_column(String(200))
    signer_title: Mapped[str | None] = mapped_column(String(200))

    memberships: Mapped[list[Membership]] = relationship(back_populates="organization", lazy="raise")

    @property
    def kinds(self) -> list[str]:
        flags = (("SCHOOL", self.is_school), ("DONOR", self.is_donor), ("EMPLOYER", self.is_employer))
        return [kind for kind, on in flags if on]


class Membership(Entity, Base):
    __tablename__ = "membership"
    __table_args__ = (
        UniqueConstraint("organization_id", "user_id"),
        CheckConstraint("role IN ('OWNER', 'ADMIN', 'MEMBER')", name="role_known"),
    )

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(10))

    organization: Mapped[Organization] = relationship(back_populates="memberships", lazy="raise")
    user: Mapped[User] = relationship(back_populates="memberships", lazy="raise")


class Invitation(Entity, Base):
    """An owner's or admin's invitation for an email address to join with a role."""

    __tablename__ = "organization_invitation"
    __table_args__ = (UniqueConstraint("organization_id", "email"),)

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    role: Mapped[str] = mapped_column(String(10))
    invited_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    accepted_at: Mapped[datetime | None]
