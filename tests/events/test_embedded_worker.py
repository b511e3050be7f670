"""With SQLite, `serve` runs the worker in its own process: the embedded default needs nothing else."""

from __future__ import annotations

import pytest

from app import create_app
from core import outbox
from db.engine import is_sqlite
from db.enums.events import EventType
from tests.conftest import TEST_DATABASE_URL
from tests.events.receiver import running_receiver
from tests.events.support import partner_app, webhook
from tests.events.ws_client import served

pytestmark = pytest.mark.skipif(not is_sqlite(TEST_DATABASE_URL), reason="PostgreSQL runs workers apart")


async def test_serve_on_sqlite_delivers_webhooks_without_a_worker_process(events_api, db, loopback_settings):
    org = await events_api.organization(kinds=("SCHOOL",))
    app = await partner_app(events_api, org, ("donations:read",))
    async with running_receiver() as receiver, served(create_app(loopback_settings, db=db)):
        await webhook(events_api, app, receiver.url, ["NEED_CREATED"])
        async with db.write() as session:
            outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", 1, (org,), is_public=True))
        await receiver.wait_for(1, seconds=10)
    assert '"need.created"' in receiver.received[0].body
