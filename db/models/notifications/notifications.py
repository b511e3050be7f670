"""What a person was told (in app), how they want to be told by email, and which digests went out."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.notifications import DigestPeriod, EmailFrequency, NotificationKind


class Notification(Entity, Base):
    """One per recipient per outbox event: made again for the same event, the unique pair keeps one."""

    __tablename__ = "notification"
    __table_args__ = (
        CheckConstraint(f"kind IN ({sql_in(NotificationKind)})", name="kind_known"),
        UniqueConstraint("user_id", "event_id"),
        Index("ix_notification_user_created", "user_id", "created_at"),
    )

    user_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"))
    # the outbox event's sequence; not a foreign key, since delivered events are pruned after a while
    event_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int] = mapped_column(Id)
    read_at: Mapped[datetime | None]


class NotificationPreference(Entity, Base):
    """A person's choice for one kind; no row means the kind's default (`db.enums.notifications`)."""

    __tablename__ = "notification_preference"
    __table_args__ = (
        CheckConstraint(f"kind IN ({sql_in(NotificationKind)})", name="kind_known"),
        CheckConstraint(f"frequency IN ({sql_in(EmailFrequency)})", name="frequency_known"),
        UniqueConstraint("user_id", "kind"),
    )

    user_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    frequency: Mapped[str] = mapped_column(String(10))


class DigestRun(Entity, Base):
    """A digest claimed for a person and period before it is sent: the unique triple sends it once, however
    many workers run the job and however often."""

    __tablename__ = "digest_run"
    __table_args__ = (
        CheckConstraint(f"period IN ({sql_in(DigestPeriod)})", name="period_known"),
        UniqueConstraint("user_id", "period", "period_start"),
    )

    user_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(10))
    period_start: Mapped[datetime]
    notification_count: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(200))
