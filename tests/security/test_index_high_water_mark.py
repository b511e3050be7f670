"""The matching index's high-water mark moves only after a successful read.

It used to move before the read: one failed refresh (a dropped connection, a failover) left every
row changed before it out of that process's results for good, silently.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.clock import frozen_at, utcnow
from db.engine import Database
from resolvers.matches.index import live
from tests.matches.support import candidate, candidates, headlines, job, shop

UNREACHABLE = "postgresql+asyncpg://nobody@127.0.0.1:1/none"


async def _ranked(api, posting: str, token: str) -> list[str]:
    found = await candidates(api, posting, token)
    assert found is not None
    return headlines(found)


async def test_rows_changed_before_a_failed_refresh_arrive_with_the_next_one(api):
    employer = await shop(api)
    posting = await job(api, employer)
    await candidate(api, "early")
    assert await _ranked(api, posting, employer.owner.token) == ["early"]  # the index is warm
    await candidate(api, "newcomer", postal_code="48126")

    # an hour later, the refresh fails: the database cannot be reached
    holder, broken = live(api.db, "students"), Database(UNREACHABLE)
    try:
        with frozen_at(utcnow() + timedelta(hours=1)), pytest.raises(OSError, match="Connect call failed"):
            await holder.fresh(broken)
    finally:
        await broken.dispose()

    # the next refresh reads from where the last successful one started, so the newcomer arrives
    assert await _ranked(api, posting, employer.owner.token) == ["early", "newcomer"]
