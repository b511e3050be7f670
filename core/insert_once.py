"""INSERT ... ON CONFLICT DO NOTHING on both databases: claim a unique key once, race-free."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, TextClause
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import Entity


async def insert_once(
    session: AsyncSession,
    model: type[Entity],
    values: Mapping[str, Any],
    unique: list[str],
    where: ColumnElement[bool] | TextClause | None = None,
) -> int | None:
    """The new row's id, or None when a row with the same `unique` columns already exists.

    Two transactions racing for the same key cannot both insert: the loser waits for the winner
    and then inserts nothing, instead of failing with an IntegrityError. `where` names the
    predicate of a partial unique index (only rows matching it are unique), so the database can
    tell which index arbitrates.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    stmt = (
        insert(model)
        .values(**values)
        .on_conflict_do_nothing(index_elements=unique, index_where=where)
        .returning(model.id)
    )
    new_id: int | None = (await session.execute(stmt)).scalar_one_or_none()
    return new_id
