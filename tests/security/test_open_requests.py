"""One open request per need and listing, decided by the database (a partial unique index).

On PostgreSQL, eight racing `donationRequest`s used to open four requests (all approvable: three
receipts for a need of one). The use case now inserts with ON CONFLICT against the index, so the
losers wait for the winner and are told DUPLICATE.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine

from db import migrate
from db.models import Donation, DonationEvent, Membership
from tests.donations.support import APPROVE, CANCEL, make_listing, make_need, parties, request, requested, step
from tests.platform.test_migrations import _scratch_database
from tests.support import Person


async def _teacher(api, school_id: int) -> Person:
    teacher = await api.person("Teacher")
    async with api.db.write() as session:
        session.add(Membership(organization_id=school_id, user_id=teacher.id, role="MEMBER"))
    return teacher


async def _open_requests(api) -> int:
    async with api.db.read() as session:
        return await session.scalar(
            select(func.count()).select_from(Donation).where(Donation.status.in_(("REQUESTED", "APPROVED", "SHIPPED")))
        )


async def _waiting_on_locks(db, racing: list[asyncio.Task]) -> None:
    """Until every racer waits for a lock (it has read and queues to write), or one has ended early."""
    deadline = time.monotonic() + 60  # generous: a busy server can stall commits for seconds
    waiting = 0
    # autocommit: within one transaction PostgreSQL would answer from its first snapshot of the activity
    async with db.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        while time.monotonic() < deadline and not any(task.done() for task in racing):
            waiting = await conn.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            )
            if waiting >= len(racing):
                return
            await asyncio.sleep(0.01)
    assert any(task.done() for task in racing), f"only {waiting} of {len(racing)} requests reached the insert"


async def test_eight_concurrent_requests_for_one_need_and_listing_open_exactly_one(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=10)
    need = await make_need(api, p, quantity=1)
    teachers = [p.school_member] + [await _teacher(api, p.school_id) for _ in range(7)]

    if api.db.dialect == "postgresql":
        # Hold inserts (not reads) until all eight have checked for an open request and queue to
        # insert: the widest race window, every time. (SQLite queues whole write transactions.)
        async with api.db.engine.connect() as blocker:
            await blocker.execute(text("LOCK TABLE donation IN SHARE MODE"))
            racing = [asyncio.create_task(request(api, p, listing, need, 1, token=t.token)) for t in teachers]
            await _waiting_on_locks(api.db, racing)
            await blocker.rollback()
        results = await asyncio.gather(*racing)
    else:
        results = await asyncio.gather(*(request(api, p, listing, need, 1, token=t.token) for t in teachers))

    opened = [r for r in results if not r["userErrors"]]
    refused = [r["userErrors"] for r in results if r["userErrors"]]
    assert len(opened) == 1 and opened[0]["donation"]["status"] == "REQUESTED"
    assert refused == [[{"field": ["listingId"], "code": "DUPLICATE", "message": refused[0][0]["message"]}]] * 7
    assert "already has an open request" in refused[0][0]["message"]
    assert await _open_requests(api) == 1
    async with api.db.read() as session:  # the refused ones left no trace
        assert await session.scalar(select(func.count()).select_from(Donation)) == 1
        assert await session.scalar(select(func.count()).select_from(DonationEvent)) == 1


async def test_a_new_request_may_follow_once_the_open_one_ended(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=10)
    need = await make_need(api, p, quantity=2)
    first = await requested(api, p, listing, need, 1)
    assert [e["code"] for e in (await request(api, p, listing, need, 1))["userErrors"]] == ["DUPLICATE"]

    await step(api, CANCEL, p.school_member.token, id=first)

    second = await request(api, p, listing, need, 1)
    assert second["userErrors"] == [] and second["donation"]["id"] != first
    assert (await step(api, APPROVE, p.donor_member.token, id=second["donation"]["id"]))["userErrors"] == []
    assert await _open_requests(api) == 1


async def test_the_database_refuses_a_second_open_row_written_behind_the_use_case(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=10)
    need = await make_need(api, p, quantity=2)
    await requested(api, p, listing, need, 1)
    with pytest.raises(IntegrityError):
        async with api.db.write() as session:
            await session.execute(
                text(
                    "INSERT INTO donation (listing_id, need_id, donor_id, school_id, quantity, status) "
                    "SELECT listing_id, need_id, donor_id, school_id, 1, 'APPROVED' FROM donation"
                )
            )
    assert await _open_requests(api) == 1


async def _run(url: str, *statements: tuple[str, dict]) -> list:
    engine = create_async_engine(url)
    rows: list = []
    async with engine.begin() as conn:
        for sql, values in statements:
            result = await conn.execute(text(sql), values)
            rows = list(result.all()) if result.returns_rows else rows
    await engine.dispose()
    return rows


def _donation(need: int, status: str) -> tuple[str, dict]:
    return (
        "INSERT INTO donation (listing_id, need_id, donor_id, school_id, quantity, status) "
        "VALUES (1, :need, 2, 1, 1, :status)",
        {"need": need, "status": status},
    )


async def test_the_upgrade_cancels_duplicate_requests_and_stops_on_duplicates_holding_the_listing():
    url, drop = await _scratch_database()
    try:
        migrate.upgrade(url, "0014")
        need = "INSERT INTO need (school_id, category_id, title, quantity, priority) VALUES (1, 1, 'n', 3, 'LOW')"
        await _run(
            url,
            ("INSERT INTO organization (name, programs) VALUES ('School', '[]'), ('Donor', '[]')", {}),
            (need, {}),
            (need, {}),
            (
                "INSERT INTO listing (donor_id, category_id, title, condition, quantity, unit_value_cents, "
                "currency, fulfillment_mask) VALUES (2, 1, 'l', 'GOOD', 5, 100, 'USD', 1)",
                {},
            ),
            *(_donation(1, status) for status in ("REQUESTED", "APPROVED", "REQUESTED", "DECLINED")),
            *(_donation(2, status) for status in ("APPROVED", "SHIPPED")),
        )
        statuses = "SELECT id, status, cancel_reason FROM donation ORDER BY id"
        before = await _run(url, (statuses, {}))

        # two open donations of need 2 hold part of the listing: a person must choose
        with pytest.raises(RuntimeError, match="Donations 5 duplicate"):
            migrate.upgrade(url, "0015")
        assert await _run(url, (statuses, {})) == before  # the failed upgrade changed nothing

        await _run(url, ("UPDATE donation SET status = 'CANCELLED' WHERE id = 5", {}))
        migrate.upgrade(url, "0015")
        after = await _run(url, (statuses, {}))
        assert [(i, s) for i, s, _ in after] == [
            (1, "CANCELLED"),
            (2, "APPROVED"),
            (3, "CANCELLED"),
            (4, "DECLINED"),
            (5, "CANCELLED"),
            (6, "SHIPPED"),
        ]
        assert ["duplicate" in (reason or "") for i, _, reason in after] == [True, False, True, False, False, False]
        events = await _run(url, ("SELECT donation_id, from_status, to_status FROM donation_event ORDER BY 1", {}))
        assert [tuple(e) for e in events] == [(1, "REQUESTED", "CANCELLED"), (3, "REQUESTED", "CANCELLED")]
    finally:
        if drop:
            await drop()
