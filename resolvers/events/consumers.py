"""Positions of the outbox's consumers: each reads events past its position and moves it on in the
same transaction as its own writes, so a crash repeats a batch at worst (consumers are idempotent)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import EventConsumer


async def claim_position(session: AsyncSession, name: str) -> int | None:
    """The consumer's position, locked for this transaction; None when another worker holds it now."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    await session.execute(insert(EventConsumer).values(name=name, position=0).on_conflict_do_nothing())
    position: int | None = await session.scalar(
        select(EventConsumer.position).where(EventConsumer.name == name).with_for_update(skip_locked=True)
    )
    return position


async def move_position(session: AsyncSession, name: str, position: int) -> None:
    await session.execute(update(EventConsumer).where(EventConsumer.name == name).values(position=position))
