"""CSV imports of needs or listings: progress while one runs, every error by line and column after."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id


class BulkImport(Entity, Base):
    __tablename__ = "bulk_import"
    __table_args__ = (
        CheckConstraint("kind IN ('NEEDS', 'LISTINGS')", name="kind_known"),
        CheckConstraint("status IN ('RUNNING', 'SUCCEEDED', 'FAILED')", name="status_known"),
        CheckConstraint("processed_rows <= total_rows", name="progress_bounded"),
    )

    organization_id: Mapped[int] = mapped_column(Id, ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    filename: Mapped[str] = mapped_column(String(200))
    total_rows: Mapped[int] = mapped_column(default=0, server_default="0")
    processed_rows: Mapped[int] = mapped_column(default=0, server_default="0")
    created_count: Mapped[int] = mapped_column(default=0, server_default="0")
    error_count: Mapped[int] = mapped_column(default=0, server_default="0")
    # The first errors, each {"line", "column", "field", "code", "message"}; error_count has them all.
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_by_user_id: Mapped[int | None] = mapped_column(Id, ForeignKey("user_account.id", ondelete="SET NULL"))
    created_by_app_token_id: Mapped[int | None] = mapped_column(Id, ForeignKey("app_token.id", ondelete="SET NULL"))
    finished_at: Mapped[datetime | None]
