"""How each person wants to be told by email, per kind: a row only where they changed the default."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.viewer import Viewer
from db.engine import Database
from db.enums.notifications import EmailFrequency, NotificationKind, default_frequency
from db.models import NotificationPreference

Choices = Mapping[NotificationKind, EmailFrequency]
# One read-only copy shared by everyone who chose nothing (most people), so telling a thousand people
# builds no dictionary per person.
_DEFAULTS: Choices = MappingProxyType({kind: default_frequency(kind) for kind in NotificationKind})


def defaults() -> Choices:
    return _DEFAULTS


async def frequencies(session: AsyncSession, user_ids: Iterable[int]) -> dict[int, Choices]:
    """Every kind's frequency for each of these people, in one query."""
    ids = sorted(set(user_ids))
    chosen: dict[int, Choices] = dict.fromkeys(ids, _DEFAULTS)
    if ids:
        rows = await session.execute(
            select(NotificationPreference.user_id, NotificationPreference.kind, NotificationPreference.frequency).where(
                NotificationPreference.user_id.in_(ids)
            )
        )
        for user, kind, frequency in rows:
            chosen[user] = {**chosen[user], NotificationKind(kind): EmailFrequency(frequency)}
    return chosen


async def store(session: AsyncSession, user_id: int, changes: Mapping[NotificationKind, EmailFrequency]) -> None:
    """Upsert the changes (back to a kind's default removes its row)."""
    back = [kind.value for kind, frequency in changes.items() if frequency is default_frequency(kind)]
    if back:
        await session.execute(
            delete(NotificationPreference).where(
                NotificationPreference.user_id == user_id, NotificationPreference.kind.in_(back)
            )
        )
    rows = [
        {
            "user_id": user_id,
            "kind": kind.value,
            "frequency": frequency.value,
            "created_at": utcnow(),
            "updated_at": utcnow(),
        }
        for kind, frequency in changes.items()
        if frequency is not default_frequency(kind)
    ]
    if not rows:
        return
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(NotificationPreference).values(rows)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=["user_id", "kind"],
            set_={"frequency": stmt.excluded.frequency, "updated_at": stmt.excluded.updated_at},
        )
    )


async def mine(db: Database, viewer: Viewer) -> Choices:
    user_id = viewer.require_person()
    async with db.read() as session:
        return (await frequencies(session, [user_id]))[user_id]


async def update(db: Database, viewer: Viewer, changes: Mapping[NotificationKind, EmailFrequency]) -> Choices:
    user_id = viewer.require_person()
    async with db.write() as session:
        await store(session, user_id, changes)
        return (await frequencies(session, [user_id]))[user_id]
