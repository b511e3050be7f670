"""Two app processes on one PostgreSQL: a change committed through A reaches a subscriber on B in under 1 s."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from db.engine import is_sqlite
from tests.conftest import TEST_DATABASE_URL, test_settings
from tests.donations.support import NEED_CREATE, category, parties
from tests.events.receiver import free_port
from tests.events.test_subscriptions import EVENTS
from tests.events.ws_client import subscriber

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    is_sqlite(TEST_DATABASE_URL), reason="across processes is PostgreSQL's LISTEN/NOTIFY; SQLite serves one process"
)


def start_server(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": TEST_DATABASE_URL,
        "SHOPREADY_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "SHOPREADY_PASSWORD_TIME_COST": "1",
        "SHOPREADY_PASSWORD_MEMORY_KIB": "8192",
        "SHOPREADY_LOG_LEVEL": "WARNING",
        "SHOPREADY_MEDIA_DIR": test_settings().media_dir,  # its worker sweeps the tests' media, never ./media
    }
    command = [sys.executable, "app.py", "serve", "--port", str(port)]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)  # noqa: S603 - our own app


async def _ready(base: str) -> None:
    async with httpx.AsyncClient() as client, asyncio.timeout(60):
        while True:
            try:
                if (await client.get(f"{base}/healthz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)


async def test_a_subscriber_on_process_b_hears_a_change_committed_through_process_a(api, ws_url):
    p = await parties(api)
    port = free_port()
    process_a = start_server(port)
    try:
        await _ready(f"http://127.0.0.1:{port}")
        async with subscriber(ws_url, p.school_member.token) as client:  # process B: this test's server
            await client.subscribe(EVENTS, {"types": ["NEED_CREATED"]})
            await asyncio.sleep(0.3)
            variables = {
                "input": {
                    "schoolId": p.school,
                    "categoryId": category("welding-strsw"),
                    "title": "Welder",
                    "quantity": 1,
                }
            }
            async with httpx.AsyncClient() as http:
                response = await http.post(
                    f"http://127.0.0.1:{port}/graphql",
                    json={"query": NEED_CREATE, "variables": variables},
                    headers={"Authorization": f"Bearer {p.school_member.token}"},
                )
            committed = time.perf_counter()
            need = response.json()["data"]["needCreate"]["need"]["id"]
            message = await client.next(5.0)
            latency = time.perf_counter() - committed
        assert message["payload"]["data"]["events"]["data"]["need"] == need
        assert latency < 1.0, f"{latency:.3f} s"
    finally:
        process_a.terminate()
        process_a.wait(timeout=15)
