"""Test database and app: SQLite by default, PostgreSQL when TEST_DATABASE_URL is set.

The schema is built once with `alembic upgrade head`; every test then starts from empty tables
(reference data shipped by migrations stays). Tests commit for real, because the concurrency tests
need real transactions racing each other.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import create_async_engine

from app import create_app
from core.mailer import Mailer, SmtpSettings, SmtpTransport
from core.settings import Settings
from db import migrate
from db.engine import Database, is_sqlite
from db.models import Base
from tests.mail_server import Received, SmtpServer
from tests.support import Api

_TMP = tempfile.mkdtemp(prefix="shopready-tests-")
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL") or f"sqlite+aiosqlite:///{Path(_TMP) / 'test.db'}"


def test_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": TEST_DATABASE_URL,
        "secret_key": "test-secret-key-that-is-long-enough-0123456789",
        "password_time_cost": 1,
        "password_memory_kib": 8192,
        "mail_dir": str(Path(_TMP) / "mail"),
        "media_dir": str(Path(_TMP) / "media"),
        "mail_from": "ShopReady Tests <no-reply@tests.shopready.dev>",
        # SHOPREADY_COMPILED_EXECUTION=0 runs the suite on graphql-core's own execution path (.ci/run does)
        "compiled_execution": os.environ.get("SHOPREADY_COMPILED_EXECUTION", "1").lower() not in ("0", "false", "no"),
    }
    values.update(overrides)
    return Settings(**values)


test_settings.__test__ = False  # type: ignore[attr-defined]  # a factory, not a test: pytest reads this marker


async def reset_database(url: str) -> None:
    """Drop everything so `upgrade head` starts from nothing (PostgreSQL keeps the old run's tables)."""
    if is_sqlite(url):
        return
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture(scope="session")
async def db():
    await reset_database(TEST_DATABASE_URL)
    migrate.upgrade(TEST_DATABASE_URL)
    database = Database(TEST_DATABASE_URL, timeouts=test_settings().database_timeouts)  # the production defaults
    yield database
    await database.dispose()


@pytest.fixture(scope="session")
def settings() -> Settings:
    return test_settings()


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server on loopback (STARTTLS and AUTH required) that every test app sends through."""
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def mailer(smtp_server, settings) -> Mailer:
    transport = SmtpTransport(SmtpSettings.from_url(smtp_server.url), tls_context=smtp_server.client_context)
    return Mailer(transport, settings.mail_from)


class Mailbox:
    """What reached the SMTP server during this test, once the app's background sends are done."""

    def __init__(self, server: SmtpServer, mailer: Mailer) -> None:
        self.server, self.mailer = server, mailer

    async def received(self, to: str | None = None) -> list[Received]:
        await self.mailer.drain()
        return [r for r in self.server.messages() if to is None or to in r.envelope_to]


@pytest.fixture
def mailbox(smtp_server, mailer) -> Mailbox:
    smtp_server.clear()
    return Mailbox(smtp_server, mailer)


@pytest.fixture(scope="session")
def app(db, settings, mailer):
    return create_app(settings, db=db, mailer=mailer)


@pytest.fixture
async def api(app, db, settings, mailer):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield Api(client, db, settings)
    await mailer.drain()  # nothing a test started is still sending into the next one


_DATA_TABLES = [t for t in reversed(Base.metadata.sorted_tables) if not t.info.get("reference")]


async def empty_data_tables(database: Database) -> None:
    """Every table back to empty, reference data kept."""
    async with database.engine.begin() as conn:
        if database.dialect == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in _DATA_TABLES)
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in _DATA_TABLES:
                await conn.execute(table.delete())


@pytest.fixture(autouse=True)
async def empty_tables(request):
    yield
    if "db" not in request.fixturenames:
        return
    await empty_data_tables(request.getfixturevalue("db"))


class StatementCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_sql(db):
    """`with count_sql() as counter:` counts the SQL statements run inside the block."""

    @contextmanager
    def counting():
        counter = StatementCounter()

        def record(conn, cursor, statement, *args):
            counter.statements.append(statement)

        event.listen(db.engine.sync_engine, "before_cursor_execute", record)
        try:
            yield counter
        finally:
            event.remove(db.engine.sync_engine, "before_cursor_execute", record)

    return counting
