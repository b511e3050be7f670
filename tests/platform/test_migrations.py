"""Migrations: upgrade head -> downgrade base -> upgrade head on a scratch database, then no drift."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from db import migrate
from db.engine import create_engine, is_sqlite
from db.models import Base
from tests.conftest import _TMP, TEST_DATABASE_URL


async def _scratch_database() -> tuple[str, Callable[[], Awaitable[None]] | None]:
    if is_sqlite(TEST_DATABASE_URL):
        path = Path(_TMP) / f"migrations-{uuid.uuid4().hex}.db"
        return f"sqlite+aiosqlite:///{path}", None
    url = make_url(TEST_DATABASE_URL)
    name = f"{url.database}_migrations_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))

    async def drop() -> None:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


def _drift(connection) -> list:
    return compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)


async def test_upgrade_downgrade_upgrade_and_models_match_migrations():
    url, drop = await _scratch_database()
    try:
        migrate.upgrade(url)
        migrate.downgrade(url, "base")
        engine = create_engine(url)
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: c.dialect.get_table_names(c))
        assert set(tables) <= {"alembic_version"}, tables
        migrate.upgrade(url)
        async with engine.connect() as conn:
            drift = await conn.run_sync(_drift)
            current = await conn.run_sync(migrate.current_revisions)
        await engine.dispose()
        assert drift == []
        assert current == migrate.head_revisions(url)
    finally:
        if drop:
            await drop()
