"""Engine and sessions for SQLite (embedded default) and PostgreSQL.

SQLite gets WAL and a busy timeout so readers never block the writer, and write transactions
start with BEGIN IMMEDIATE so two writers queue for the lock instead of failing with
"database is locked" when a read transaction tries to upgrade.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any, cast

from sqlalchemy import CursorResult, Result, event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

SQLITE_BUSY_TIMEOUT_MS = 30_000
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./shopready.db"


def database_url_from_env(environ: Mapping[str, str]) -> str:
    """DATABASE_URL, else an SQLite file in the working directory (settings and Alembic read it here)."""
    return environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection):
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        if mode:  # reads run without one: each statement is its own consistent snapshot
            connection.exec_driver_sql(f"BEGIN {mode}")


def create_engine(url: str, **kwargs) -> AsyncEngine:
    if is_sqlite(url):
        engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    # No pre-ping: it costs a round trip per checkout, several per request. A connection lost to a
    # server restart fails one statement, and SQLAlchemy then discards every older pooled one.
    kwargs.setdefault("pool_recycle", 900)
    return create_async_engine(url, **kwargs)


def rows_matched(result: Result[*tuple[Any, ...]]) -> int:
    """Rows an UPDATE or DELETE matched: `session.execute()` is typed to return a Result, but for
    those statements it is a CursorResult, which knows its rowcount."""
    return cast("CursorResult[*tuple[Any, ...]]", result).rowcount


class Database:
    """One engine per process, with separate session factories for reads and writes."""

    def __init__(self, url: str, **engine_kwargs) -> None:
        self.url = url
        self.engine = create_engine(url, **engine_kwargs)
        self.dialect = self.engine.dialect.name
        # Reads need no transaction: under READ COMMITTED (and SQLite's autocommit) each statement
        # sees committed data either way, and skipping BEGIN/ROLLBACK saves two round trips a read.
        self._reader = async_sessionmaker(
            self.engine.execution_options(isolation_level="AUTOCOMMIT")
            if self.dialect == "postgresql"
            else self.engine.execution_options(sqlite_begin=None),
            expire_on_commit=False,
        )
        self._writer = async_sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        async with self._reader() as session:
            yield session

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """A session in one write transaction: committed on success, rolled back on any error."""
        async with self._writer() as session, session.begin():
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()
