"""Single-use, expiring tokens sent by email: to verify an address, or to reset a password."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.accounts import AccountTokenPurpose


class AccountToken(Entity, Base):
    """Only the SHA-256 digest is kept: the token itself exists in the mail alone."""

    __tablename__ = "account_token"
    __table_args__ = (
        CheckConstraint(f"purpose IN ({sql_in(AccountTokenPurpose)})", name="purpose_known"),
        Index("ix_account_token_user_purpose", "user_id", "purpose"),
    )

    user_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(20))
    # The address the token was mailed to: verifying proves this address, not whatever the account holds later.
    email: Mapped[str] = mapped_column(String(254))
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    # What the registration that mailed a verification token chose; applied when it is verified, so the
    # mailbox owner's own link wins even if someone else registered the address too.
    name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200))
