"""Recognition: a school's thank-you note on a received donation, and the organizations on the public wall."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id


class ThankYouNote(Entity, Base):
    """One per donation, written by the school once the items arrived; the parties are copied for lists."""

    __tablename__ = "thank_you_note"
    __table_args__ = (UniqueConstraint("donation_id"),)

    donation_id: Mapped[int] = mapped_column(Id, ForeignKey("donation.id", ondelete="CASCADE"))
    school_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    donor_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    author_user_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    message: Mapped[str] = mapped_column(Text)


class RecognitionWallEntry(Entity, Base):
    """An organization that chose to appear on the public recognition wall; no row, not shown."""

    __tablename__ = "recognition_wall_entry"
    __table_args__ = (UniqueConstraint("organization_id"),)

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"))
