"""Career stories partners publish for students, parents, educators and employers."""

from __future__ import annotations

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id


class Story(Entity, Base):
    __tablename__ = "story"
    __table_args__ = (Index("ix_story_feed_order", "created_at", "id"),)

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    author_user_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(500), default="", server_default="")
    body: Mapped[str] = mapped_column(Text)  # Markdown; rendered and sanitized when read
    media_url: Mapped[str | None] = mapped_column(String(500))
    # Display copies in the author's order; the filter tables below are what queries use.
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)


class StoryAudience(Entity, Base):
    __tablename__ = "story_audience"
    __table_args__ = (
        UniqueConstraint("story_id", "audience"),
        CheckConstraint("audience IN ('STUDENTS', 'PARENTS', 'EDUCATORS', 'EMPLOYERS')", name="audience_known"),
        Index("ix_story_audience_audience", "audience", "story_id"),
    )

    story_id: Mapped[int] = mapped_column(Id, ForeignKey("story.id", ondelete="CASCADE"))
    audience: Mapped[str] = mapped_column(String(20))


class StoryTag(Entity, Base):
    __tablename__ = "story_tag"
    __table_args__ = (UniqueConstraint("story_id", "tag"), Index("ix_story_tag_tag", "tag", "story_id"))

    story_id: Mapped[int] = mapped_column(Id, ForeignKey("story.id", ondelete="CASCADE"))
    tag: Mapped[str] = mapped_column(String(40))
