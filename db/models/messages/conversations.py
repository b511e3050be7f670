"""Conversations between the two sides of a donation, application, invitation or mentorship."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id
from db.enums import sql_in
from db.enums.messages import ConversationSubject

BODY_LIMIT = 4000
_ONE_OF = "({0}_organization_id IS NULL) <> ({0}_user_id IS NULL)"


class Conversation(Entity, Base):
    """One thread per subject. Each side is an organization (all its members) or one person, copied from
    the subject when the thread starts, so "my conversations" is one indexed query."""

    __tablename__ = "conversation"
    __table_args__ = (
        UniqueConstraint("subject_type", "subject_id"),
        CheckConstraint(f"subject_type IN ({sql_in(ConversationSubject)})", name="subject_type_known"),
        CheckConstraint(_ONE_OF.format("side_a"), name="side_a_one_party"),
        CheckConstraint(_ONE_OF.format("side_b"), name="side_b_one_party"),
        Index("ix_conversation_last_message", "last_message_at", "id"),
    )

    subject_type: Mapped[str] = mapped_column(String(12))
    subject_id: Mapped[int] = mapped_column(Id)
    side_a_organization_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    side_a_user_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    side_b_organization_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    side_b_user_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    # An organization's first message to a student opens the thread: counted against its weekly cap.
    first_contact_organization_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    last_message_at: Mapped[datetime | None]


class Message(Entity, Base):
    """Plain text as written; never rendered as HTML except through the sanitizer."""

    __tablename__ = "message"
    __table_args__ = (
        CheckConstraint(f"length(body) BETWEEN 1 AND {BODY_LIMIT}", name="body_length"),
        Index("ix_message_conversation_order", "conversation_id", "id"),
    )

    conversation_id: Mapped[int] = mapped_column(Id, ForeignKey("conversation.id", ondelete="CASCADE"))
    sender_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    body: Mapped[str] = mapped_column(Text)


class MessageBlock(Entity, Base):
    """A person refuses messages from another person, or from every member of an organization."""

    __tablename__ = "message_block"
    __table_args__ = (
        CheckConstraint("(blocked_user_id IS NULL) <> (blocked_organization_id IS NULL)", name="one_blocked"),
        UniqueConstraint("blocker_id", "blocked_user_id"),
        UniqueConstraint("blocker_id", "blocked_organization_id"),
    )

    blocker_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    blocked_user_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"))
    blocked_organization_id: Mapped[int | None] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"))


class MessageReport(Entity, Base):
    """A recipient's report of a message, for staff to review; once per message and reporter."""

    __tablename__ = "message_report"
    __table_args__ = (UniqueConstraint("message_id", "reporter_id"),)

    message_id: Mapped[int] = mapped_column(Id, ForeignKey("message.id", ondelete="CASCADE"), index=True)
    reporter_id: Mapped[int] = mapped_column(Id, ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
