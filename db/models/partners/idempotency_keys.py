"""Idempotency keys shared by every app process: the first answer to (caller, key), kept 24 hours."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped


class IdempotencyKey(Timestamped, Base):
    """One (caller, key): RUNNING while its first request runs, DONE with the stored response after."""

    __tablename__ = "idempotency_key"
    __table_args__ = (CheckConstraint("state IN ('RUNNING', 'DONE')", name="state_known"),)

    caller: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))
    # A RUNNING row whose process died is taken over once its lease ends.
    locked_until: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
    status_code: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(100))
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
