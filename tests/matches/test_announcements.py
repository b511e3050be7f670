"""A warm match index reads the database when a change is announced, or when its safety interval has
passed, and not otherwise: a quiet database costs no query per request."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from core.clock import utcnow
from resolvers.matches import staleness
from tests.matches.support import candidate, candidates, headlines, job, pk, shop, sql

SHOW = "UPDATE student_profile SET visible_to_employers = true, updated_at = :now WHERE id = :id"


async def test_an_unannounced_change_waits_for_the_safety_read(api, monkeypatch):
    monkeypatch.setattr(staleness, "SAFETY_SECONDS", 3600.0)
    employer = await shop(api)
    posting = await job(api, employer)
    await candidate(api, "early")
    late = await candidate(api, "late", visible=False, postal_code="48126")
    assert headlines(await candidates(api, posting, employer.owner.token)) == ["early"]

    # stamped, but written past the application's commit hooks and announced to no one
    await sql(api, SHOW, now=utcnow(), id=pk(late.profile_gid))
    assert headlines(await candidates(api, posting, employer.owner.token)) == ["early"]

    monkeypatch.setattr(staleness, "SAFETY_SECONDS", 0.0)
    assert headlines(await candidates(api, posting, employer.owner.token)) == ["early", "late"]


async def test_a_change_another_process_announces_reaches_the_index(api, monkeypatch):
    if api.db.dialect != "postgresql":
        pytest.skip("processes announce changes to each other through PostgreSQL NOTIFY")
    monkeypatch.setattr(staleness, "SAFETY_SECONDS", 3600.0)  # only the announcement can tell
    employer = await shop(api)
    posting = await job(api, employer)
    await candidate(api, "early")
    late = await candidate(api, "late", visible=False, postal_code="48126")
    assert headlines(await candidates(api, posting, employer.owner.token)) == ["early"]

    # what another process's commit does: the change, and in the same transaction the NOTIFY
    async with api.db.engine.begin() as conn:
        await conn.execute(text(SHOW), {"now": utcnow(), "id": pk(late.profile_gid)})
        await conn.execute(text(f"SELECT pg_notify('{staleness.CHANNEL}', '')"))
    found: list[str] = []
    for _ in range(50):  # the notification arrives on this process's LISTEN connection, a moment later
        found = headlines(await candidates(api, posting, employer.owner.token))
        if found == ["early", "late"]:
            break
        await asyncio.sleep(0.1)
    assert found == ["early", "late"]
