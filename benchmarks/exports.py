"""Streaming exports in constant memory: the server's peak RSS exporting 10,000 and 100,000 listings.

    python -m benchmarks.exports [--database-url URL] [--rows 100000]

It builds a fresh database (a temporary SQLite file by default; a PostgreSQL URL's schema is DROPPED
and recreated), loads `rows` listings of one donor, and starts a uvicorn process per measurement on
127.0.0.1. Side by side it prints, for a tenth of the rows and for all of them: the bytes streamed,
the time, and the server process's peak resident memory (VmHWM) after the export, then the ratio of
the two peaks (constant memory: close to 1, while the rows grew tenfold). For scale it also prints
what building the same CSV in memory at once takes in this process (tracemalloc peak).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import httpx
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.settings import Settings
from db import migrate
from db.engine import Database, is_sqlite
from db.models import Listing, Membership, Organization, User
from schema.relay import encode_id
from tests.partners.live import running_servers
from tests.support import sign_in_as

SECRET = "benchmark-secret-key-that-is-long-enough-0123456789"  # noqa: S105 - a local throwaway server
CHUNK = 10_000


async def build(url: str, rows: int) -> tuple[int, int]:
    """A migrated database with one donor, its owner and `rows` listings: (owner id, donor id)."""
    if not is_sqlite(url):
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
    migrate.upgrade(url)
    db = Database(url)
    async with db.write() as session:
        owner = User(email="owner@bench.example", name="Owner", password_hash="x")
        donor = Organization(name="Bench Donor", is_donor=True, postal_code="48226", latitude=42.33, longitude=-83.05)
        session.add_all([owner, donor])
        await session.flush()
        session.add(Membership(organization_id=donor.id, user_id=owner.id, role="OWNER"))
        owner_id, donor_id = owner.id, donor.id
    for start in range(0, rows, CHUNK):
        values = [
            {
                "donor_id": donor_id,
                "category_id": 1 + i % 20,
                "title": f"Listing {i}: frame machine with anchoring clamps",
                "description": "",
                "private_notes": "pick up at the back dock",
                "condition": "GOOD",
                "quantity": 1 + i % 7,
                "unit_value_cents": 10_000 + i,
                "currency": "USD",
                "fulfillment_mask": 1,
            }
            for i in range(start, min(rows, start + CHUNK))
        ]
        async with db.write() as session:
            await session.execute(insert(Listing), values)
    await db.dispose()
    return owner_id, donor_id


def peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM")


async def measure(settings: Settings, token: str, path: str) -> tuple[int, float, int]:
    """(bytes streamed, seconds, the server's peak RSS in KiB) for one export on a fresh server."""
    async with running_servers(settings, 1) as servers, httpx.AsyncClient(timeout=600) as client:
        server = servers[0]
        started = time.perf_counter()
        size = 0
        headers = {"Authorization": f"Bearer {token}"}
        async with client.stream("GET", f"{server.url}{path}", headers=headers) as response:
            response.raise_for_status()
            async for chunk in response.aiter_bytes():
                size += len(chunk)
        return size, time.perf_counter() - started, peak_rss_kib(server.pid)


def in_memory_peak_kib(rows: int) -> int:
    """Building the whole CSV at once: what the streaming export avoids."""
    tracemalloc.start()
    table = [
        [
            f"TGlzdGluZzo{i}",
            f"Listing {i}: frame machine with anchoring clamps",
            "Frame",
            "GOOD",
            1,
            1,
            0,
            10_000 + i,
            "USD",
            "AVAILABLE",
            "",
            "pick up at the back dock",
            "2026-12-01T00:00:00+00:00",
        ]
        for i in range(rows)
    ]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak // 1024


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-exports-")
    small_rows = args.rows // 10
    results = {}
    for label, rows in (("small", small_rows), ("large", args.rows)):
        url = args.database_url or f"sqlite+aiosqlite:///{folder}/exports-{label}.db"
        settings = Settings(database_url=url, secret_key=SECRET)
        owner_id, donor_id = await build(url, rows)
        token = await sign_in_as(Database(url), settings, owner_id)
        path = f"/exports/organizations/{encode_id('Organization', donor_id)}/listings.csv"
        results[label] = (rows, *await measure(settings, token, path))
    print(f"database: {(args.database_url or 'SQLite, a temporary file').split('@')[-1]}")
    print("| rows | bytes streamed | seconds | rows/s | server peak RSS |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for rows, size, seconds, peak in results.values():
        print(f"| {rows:,} | {size:,} | {seconds:.2f} | {rows / seconds:,.0f} | {peak / 1024:.1f} MiB |")
    small, large = results["small"], results["large"]
    growth = large[0] / small[0]
    print(f"peak RSS ratio, {large[0]:,} vs {small[0]:,} rows: {large[3] / small[3]:.3f} (rows x{growth:.0f})")
    naive = in_memory_peak_kib(args.rows)
    print(
        f"for scale: the same {args.rows:,}-row CSV built in memory at once peaks at {naive / 1024:.1f} MiB of "
        f"Python objects (tracemalloc); the streaming server's peak grew by {(large[3] - small[3]) / 1024:.1f} MiB"
    )


if __name__ == "__main__":
    asyncio.run(main())
