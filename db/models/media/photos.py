"""Photos of listings and of thank-you notes: where their files are, their sizes, caption and order.

The files themselves are in the media store (core/media_storage.py), named by content; a file goes
when no photo row names it any more (removal deletes it at once, a sweep catches rows deleted with
their listing).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id


class Photo(Entity, Base):
    __tablename__ = "photo"
    __table_args__ = (
        CheckConstraint(
            "(listing_id IS NOT NULL AND thank_you_note_id IS NULL) "
            "OR (listing_id IS NULL AND thank_you_note_id IS NOT NULL)",
            name="one_owner",
        ),
        CheckConstraint("position >= 0", name="position_not_negative"),
        CheckConstraint("width > 0 AND height > 0 AND thumbnail_width > 0 AND thumbnail_height > 0", name="sized"),
    )

    listing_id: Mapped[int | None] = mapped_column(Id, ForeignKey("listing.id", ondelete="CASCADE"), index=True)
    thank_you_note_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("thank_you_note.id", ondelete="CASCADE"), index=True
    )
    uploaded_by_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    position: Mapped[int]
    key: Mapped[str] = mapped_column(String(80), index=True)
    thumbnail_key: Mapped[str] = mapped_column(String(80), index=True)
    width: Mapped[int]
    height: Mapped[int]
    thumbnail_width: Mapped[int]
    thumbnail_height: Mapped[int]
    byte_size: Mapped[int]
    caption: Mapped[str] = mapped_column(String(300), default="", server_default="")
