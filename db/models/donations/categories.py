"""The equipment and service taxonomy: reference data shipped by a migration, never truncated by tests."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, Id


class Category(Entity, Base):
    __tablename__ = "category"
    __table_args__ = ({"info": {"reference": True}},)

    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(Id, ForeignKey("category.id", ondelete="RESTRICT"), index=True)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_service: Mapped[bool] = mapped_column(default=False, server_default="0")
    position: Mapped[int] = mapped_column(default=0, server_default="0")
