"""Engine and sessions for SQLite (embedded default) and PostgreSQL.

SQLite gets WAL and a busy timeout so readers never block the writer, and write transactions
start with BEGIN IMMEDIATE so two writers queue for the lock instead of failing with
"database is locked" when a read transaction tries to upgrade.

The app's engine bounds every wait (`Timeouts`): a statement that runs, or waits for a lock, past
its limit is cancelled and the request answers TIMEOUT, instead of holding a connection and a
client as long as some other transaction holds a lock. Migrations run without them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Result, event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

SQLITE_BUSY_TIMEOUT_MS = 30_000  # migrations and tools: wait for the app's writers however long it takes
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./shopready.db"


@dataclass(frozen=True)
class Timeouts:
    """How long the app waits, in milliseconds (0: no limit, as PostgreSQL reads it)."""

    statement_ms: int = 10_000  # PostgreSQL statement_timeout: any one statement, waits included
    lock_ms: int = 5_000  # PostgreSQL lock_timeout: waiting for one lock (a row another change holds)
    sqlite_busy_ms: int = 5_000  # SQLite busy timeout: waiting for the database's single write lock


def database_url_from_env(environ: Mapping[str, str]) -> str:
    """DATABASE_URL, else an SQLite file in the working directory (settings and Alembic read it here)."""
    return environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _configure_sqlite(engine: AsyncEngine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection):
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        if mode:  # reads run without one: each statement is its own consistent snapshot
            connection.exec_driver_sql(f"BEGIN {mode}")


def create_engine(url: str, timeouts: Timeouts | None = None, **kwargs) -> AsyncEngine:
    if is_sqlite(url):
        busy_ms = timeouts.sqlite_busy_ms if timeouts else SQLITE_BUSY_TIMEOUT_MS
        engine = create_async_engine(url, connect_args={"timeout": busy_ms / 1000}, **kwargs)
        _configure_sqlite(engine, busy_ms)
        return engine
    if timeouts is not None:
        # Sent when each connection starts, so they cost no round trip per request. Behind PgBouncer
        # in transaction mode, set them on the role instead (ALTER ROLE ... SET statement_timeout).
        settings = {"statement_timeout": str(int(timeouts.statement_ms)), "lock_timeout": str(int(timeouts.lock_ms))}
        kwargs.setdefault("connect_args", {}).setdefault("server_settings", {}).update(settings)
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

    def __init__(self, url: str, *, timeouts: Timeouts | None = None, **engine_kwargs) -> None:
        self.url = url
        self.timeouts = timeouts or Timeouts()
        self.engine = create_engine(url, self.timeouts, **engine_kwargs)
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
