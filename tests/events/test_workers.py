"""Worker processes (`python app.py worker`) sharing one database: at-least-once, never one attempt twice."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from core import outbox
from db.enums.events import DeliveryStatus, EventType
from tests.conftest import TEST_DATABASE_URL, test_settings
from tests.events.receiver import running_receiver
from tests.events.support import attempts, deliveries, partner_app, webhook

ROOT = Path(__file__).resolve().parents[2]


def start_worker(timeout_seconds: int = 2) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": TEST_DATABASE_URL,
        "SHOPREADY_WEBHOOK_ALLOW_PRIVATE": "1",
        "SHOPREADY_WEBHOOK_TIMEOUT_SECONDS": str(timeout_seconds),
        "SHOPREADY_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "SHOPREADY_LOG_LEVEL": "WARNING",
        "SHOPREADY_MEDIA_DIR": test_settings().media_dir,  # its housekeeping sweeps the tests' media, never ./media
    }
    return subprocess.Popen([sys.executable, "app.py", "worker"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def until(condition, seconds: float = 60.0) -> None:
    async with asyncio.timeout(seconds):
        while not await condition():  # noqa: ASYNC110 - polling the database, which sends no event
            await asyncio.sleep(0.1)


async def test_a_worker_killed_mid_delivery_leaves_the_event_to_another(events_api, db):
    org = await events_api.organization(kinds=("SCHOOL",))
    app = await partner_app(events_api, org, ("donations:read",))
    async with running_receiver() as receiver:
        receiver.answers = ["hang"]  # the first attempt never gets an answer
        await webhook(events_api, app, receiver.url, ["NEED_CREATED"])
        async with db.write() as session:
            outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", 1, (org,), is_public=True))
        first = start_worker()
        try:
            await receiver.wait_for(1, seconds=60)
            first.send_signal(signal.SIGKILL)  # mid-delivery: the request is in flight, nothing recorded yet
            first.wait()
        finally:
            stop(first)
        second = start_worker()
        try:

            async def delivered() -> bool:
                return [d.status for d in await deliveries(db)] == [DeliveryStatus.DELIVERED.value]

            await until(delivered)
        finally:
            stop(second)
        assert len(receiver.received) == 2
        assert receiver.received[0].headers["webhook-id"] == receiver.received[1].headers["webhook-id"]
    log = await attempts(db)
    assert [(a.number, a.response_code) for a in log] == [(1, None), (2, 200)]


async def test_two_workers_never_make_one_attempt_twice(events_api, db):
    org = await events_api.organization(kinds=("SCHOOL",))
    app = await partner_app(events_api, org, ("donations:read",))
    events = 120
    async with running_receiver() as receiver:
        await webhook(events_api, app, receiver.url, ["NEED_CREATED"])
        workers = [start_worker(), start_worker()]
        try:
            for batch in range(0, events, 10):  # committed while both workers run
                async with db.write() as session:
                    for n in range(batch, batch + 10):
                        outbox.append(
                            session, outbox.Event(EventType.NEED_CREATED, "Need", n + 1, (org,), is_public=True)
                        )

            async def all_delivered() -> bool:
                found = await deliveries(db)
                return len(found) == events and all(d.status == DeliveryStatus.DELIVERED.value for d in found)

            await until(all_delivered)
        finally:
            for worker in workers:
                stop(worker)
        ids = Counter(r.headers["webhook-id"] for r in receiver.received)
    assert len(ids) == events and set(ids.values()) == {1}
    assert {a.number for a in await attempts(db)} == {1}
