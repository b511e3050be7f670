"""GraphQL documents an organization's apps registered, so they can send `documentId` instead of text."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id


class PersistedDocument(Entity, Base):
    __tablename__ = "persisted_document"
    __table_args__ = (UniqueConstraint("organization_id", "document_id"),)

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(String(71), index=True)  # "sha256:" and 64 hex digits
    body: Mapped[str] = mapped_column(Text)
    registered_by_user_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    registered_by_app_token_id: Mapped[int | None] = mapped_column(Id, ForeignKey("app_token.id", ondelete="SET NULL"))
