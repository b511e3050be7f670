"""Sign-in sessions: one per sign-in, each with a chain of single-use refresh tokens (stored hashed)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.accounts import SessionEnd


class UserSession(Entity, Base):
    """A person's sign-in on one device. Access tokens name it, so ending it refuses them at once."""

    __tablename__ = "user_session"
    __table_args__ = (CheckConstraint(f"ended_reason IN ({sql_in(SessionEnd)})", name="ended_reason_known"),)

    user_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    # Slides forward with every refresh: a session unused for the refresh lifetime ends by itself.
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    ended_reason: Mapped[str | None] = mapped_column(String(30))


class RefreshToken(Entity, Base):
    """One link of a session's refresh chain. A used link presented again means the chain leaked: the
    whole session is revoked (refresh token rotation with reuse detection)."""

    __tablename__ = "refresh_token"

    session_id: Mapped[int] = mapped_column(Id, ForeignKey("user_session.id", ondelete="CASCADE"), index=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    used_at: Mapped[datetime | None]
