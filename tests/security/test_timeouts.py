"""Statement, lock and busy timeouts: a request waits a bounded time, then answers TIMEOUT.

A request used to wait as long as any other transaction held the lock it needed. Now PostgreSQL
cancels it after `lock_timeout` (or `statement_timeout`), SQLite after its busy timeout, and the
client gets TIMEOUT (in `userErrors` for a mutation), with nothing changed.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from app import create_app
from core.rate_limits import RateLimiter
from core.settings import Settings, SettingsError
from db.engine import Database, Timeouts
from db.models import Base, Listing
from schema.relay import decode_id
from tests.conftest import TEST_DATABASE_URL, test_settings
from tests.donations.support import make_listing, parties

RENAME = """mutation ($id: ID!) { listingUpdate(input: {id: $id, title: "Renamed"}) {
  listing { title } userErrors { field code message } } }"""
NEEDS = "{ needs(first: 5) { edges { cursor } } }"
postgresql_only = pytest.mark.skipif(TEST_DATABASE_URL.startswith("sqlite"), reason="PostgreSQL's own timeouts")


@asynccontextmanager
async def _app_with(timeouts: Timeouts, *, separate_budget: bool = True) -> AsyncIterator[httpx.AsyncClient]:
    """The app on the test database with these timeouts. The query budget lives in a database of its
    own unless told otherwise, so that only the request's own statements wait."""
    db = Database(TEST_DATABASE_URL, timeouts=timeouts)
    budget = Database(f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp()) / 'budget.db'}")
    async with budget.engine.begin() as conn:
        await conn.run_sync(lambda sync: Base.metadata.create_all(sync, tables=[Base.metadata.tables["rate_bucket"]]))
    app = create_app(test_settings(), db=db)
    if separate_budget:
        app.state.graphql.limits = RateLimiter(budget)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            yield client
    finally:
        await db.dispose()
        await budget.dispose()


@asynccontextmanager
async def _holding_the_listing(db: Database, listing_pk: int) -> AsyncIterator[AsyncConnection]:
    """Another transaction holds what renaming the listing needs: its row (PostgreSQL), or the
    database's write lock (SQLite, which has no row locks)."""
    async with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            conn = await conn.execution_options(sqlite_begin="IMMEDIATE")
            await conn.begin()
        else:
            await conn.execute(text("SELECT id FROM listing WHERE id = :id FOR UPDATE"), {"id": listing_pk})
        yield conn
        await conn.rollback()


async def _title(db: Database) -> str | None:
    async with db.read() as session:
        return await session.scalar(select(Listing.title))


async def _rename_while_held(api, timeouts: Timeouts) -> dict:
    p = await parties(api)
    listing = await make_listing(api, p, title="Spot welder")
    async with _app_with(timeouts) as client, _holding_the_listing(api.db, decode_id(listing, "Listing")):
        # bounded, so that a request that would wait for ever fails the test instead of hanging it
        response = await asyncio.wait_for(
            client.post(
                "/graphql",
                json={"query": RENAME, "variables": {"id": listing}},
                headers={"authorization": f"Bearer {p.donor_member.token}"},
            ),
            timeout=20,
        )
    assert response.status_code == 200
    return response.json()["data"]["listingUpdate"]


async def test_a_change_that_waits_too_long_for_a_lock_is_a_timeout_and_changes_nothing(api):
    payload = await _rename_while_held(api, Timeouts(statement_ms=30_000, lock_ms=200, sqlite_busy_ms=200))

    assert payload["listing"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [("TIMEOUT", None)]
    assert "try again" in payload["userErrors"][0]["message"]
    assert await _title(api.db) == "Spot welder"


@postgresql_only
async def test_the_statement_timeout_ends_a_statement_even_without_a_lock_timeout(api):
    payload = await _rename_while_held(api, Timeouts(statement_ms=300, lock_ms=0))

    assert [e["code"] for e in payload["userErrors"]] == ["TIMEOUT"]
    assert await _title(api.db) == "Spot welder"


async def test_a_query_that_waits_too_long_is_a_timeout_error(api):
    p = await parties(api)
    await make_listing(api, p)
    timeouts = Timeouts(statement_ms=30_000, lock_ms=200, sqlite_busy_ms=200)
    # PostgreSQL: the table the query reads is locked; SQLite (readers never wait there): the query's
    # budget is charged in the same database, whose write lock is held
    separate_budget = api.db.dialect == "postgresql"
    async with _app_with(timeouts, separate_budget=separate_budget) as client, api.db.engine.connect() as blocker:
        if api.db.dialect == "sqlite":
            blocker = await blocker.execution_options(sqlite_begin="IMMEDIATE")
            await blocker.begin()
        else:
            await blocker.execute(text("LOCK TABLE need IN ACCESS EXCLUSIVE MODE"))
        response = await asyncio.wait_for(client.post("/graphql", json={"query": NEEDS}), timeout=20)
        await blocker.rollback()
    assert response.status_code == 200
    (error,) = response.json()["errors"]
    assert error["extensions"] == {"code": "TIMEOUT"} and "took too long" in error["message"]


async def test_without_contention_the_same_change_goes_through(api):
    p = await parties(api)
    listing = await make_listing(api, p, title="Spot welder")
    async with _app_with(Timeouts(statement_ms=300, lock_ms=200, sqlite_busy_ms=200)) as client:
        response = await client.post(
            "/graphql",
            json={"query": RENAME, "variables": {"id": listing}},
            headers={"authorization": f"Bearer {p.donor_member.token}"},
        )
    assert response.json()["data"]["listingUpdate"] == {"listing": {"title": "Renamed"}, "userErrors": []}


def test_the_timeouts_are_settings_with_sensible_defaults():
    defaults = Settings.from_env({})
    assert defaults.database_timeouts == Timeouts(statement_ms=10_000, lock_ms=5_000, sqlite_busy_ms=5_000)
    tuned = Settings.from_env(
        {
            "SHOPREADY_DB_STATEMENT_TIMEOUT_MS": "2500",
            "SHOPREADY_DB_LOCK_TIMEOUT_MS": "0",
            "SHOPREADY_SQLITE_BUSY_TIMEOUT_MS": "750",
        }
    )
    assert tuned.database_timeouts == Timeouts(statement_ms=2500, lock_ms=0, sqlite_busy_ms=750)
    with pytest.raises(SettingsError, match="SHOPREADY_DB_LOCK_TIMEOUT_MS"):
        Settings(db_lock_timeout_ms=-1).check()


@postgresql_only
async def test_the_app_engine_sets_them_on_every_postgresql_connection():
    db = Database(TEST_DATABASE_URL, timeouts=Timeouts(statement_ms=1234, lock_ms=567))
    try:
        async with db.engine.connect() as conn:
            shown = [await conn.scalar(text(f"SHOW {name}")) for name in ("statement_timeout", "lock_timeout")]
    finally:
        await db.dispose()
    assert shown == ["1234ms", "567ms"]
