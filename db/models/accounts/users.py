"""People and the partner apps that act for organizations."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Entity, Id

if TYPE_CHECKING:
    from db.models.accounts.organizations import Membership


class User(Entity, Base):
    __tablename__ = "user_account"

    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_staff: Mapped[bool] = mapped_column(default=False, server_default="0")
    # Set when the person proves they read this mailbox (an emailed token); until then the account cannot
    # sign in and no invitation to the address attaches to it.
    email_verified_at: Mapped[datetime | None]

    memberships: Mapped[list[Membership]] = relationship(back_populates="user", lazy="raise")


class AppToken(Entity, Base):
    """A partner app's long-lived token: only its SHA-256 digest and last four characters are kept."""

    __tablename__ = "app_token"
    __table_args__ = (CheckConstraint("length(last4) = 4", name="last4_length"),)

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(100))
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    last4: Mapped[str] = mapped_column(String(4))
    scopes: Mapped[list[str]] = mapped_column(JSON)
    revoked_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]
    # Recorded at most every few minutes (a write per request would serialize every app call on SQLite).
    last_used_at: Mapped[datetime | None]
