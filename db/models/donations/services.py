"""School Assist: shops offer to deliver a school's service need (a speaker, a job shadow, a tour).

A need is one visit: at most one offer per need is CONFIRMED or COMPLETED, which a partial unique
index enforces, so two confirmations racing on two databases can never both book it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id

_STATUSES = "('OFFERED', 'CONFIRMED', 'COMPLETED', 'CANCELLED')"
BOOKED = text("status IN ('CONFIRMED', 'COMPLETED')")
LIVE = text("status IN ('OFFERED', 'CONFIRMED')")


class ServiceOffer(Entity, Base):
    """One shop's offer to deliver one service need; the school and the shop are its only readers."""

    __tablename__ = "service_offer"
    __table_args__ = (
        CheckConstraint(f"status IN {_STATUSES}", name="status_known"),
        CheckConstraint("shop_id <> school_id", name="not_to_self"),
        CheckConstraint("status <> 'CANCELLED' OR cancel_reason IS NOT NULL", name="cancel_has_reason"),
        Index("uq_service_offer_booked_need", "need_id", unique=True, sqlite_where=BOOKED, postgresql_where=BOOKED),
        Index(
            "uq_service_offer_live_need_shop",
            "need_id",
            "shop_id",
            unique=True,
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        ),
    )

    need_id: Mapped[int] = mapped_column(Id, ForeignKey("need.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    shop_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), index=True)
    message: Mapped[str] = mapped_column(Text, default="", server_default="")
    proposed_start: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    cancelled_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("organization.id", ondelete="SET NULL"))
