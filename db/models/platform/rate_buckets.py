"""Leaky buckets shared by every app process: query cost budgets and sign-in throttles."""

from __future__ import annotations

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped


class RateBucket(Timestamped, Base):
    """How full one client's bucket was at `touched`; it drains at the bucket's rate since then."""

    __tablename__ = "rate_bucket"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    level: Mapped[float] = mapped_column(Float)
    # Seconds since the epoch: plain arithmetic on both databases, unlike interval types.
    touched: Mapped[float] = mapped_column(Float)
