"""Compiled execution against graphql-core's own field-by-field path, side by side in one run.

    python -m benchmarks.execution [--size medium] [--repeats 40] [--profile plain|compiled]

Seeds the demo data into a fresh SQLite file, builds two apps on the same database (one with
`compiled_execution`, one without) and sends each document to both in process (httpx's
ASGITransport, so the figures are the whole request: auth, SQL, execution, JSON), alternating:

  - `jobPosting.candidates(first: 20)` with every explanation field (the employer's posting);
  - `listings(first: 50)` nested, the document of the listings benchmark.

It prints the medians, the ratio plain / compiled, and checks both answer the same. `--profile`
prints where one path spends its time instead (cProfile over the candidates document).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from sqlalchemy import select

from app import create_app
from core.settings import Settings
from db.engine import Database
from db.models import User
from tests.support import sign_in_as

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = """
query ($id: ID!, $first: Int!) { jobPosting(id: $id) { candidates(first: $first) {
  edges { cursor score node { id headline programs travelRadiusKm name skills { name } }
    explanation { distanceKm components { name weight value reason }
      matchedSkills { name } missingSkills { name } matchedCredentials { code } missingCredentials { code } } }
  pageInfo { hasNextPage endCursor } } } }"""
LISTINGS = """
{ listings(first: 50) { edges { cursor node { id title condition quantityAvailable donor { id name }
  category { id name } } } pageInfo { hasNextPage endCursor } } }"""
POSTING = "Sm9iUG9zdGluZzoz"  # the demo's "Collision Apprentice"


def settings_for(url: str, compiled: bool) -> Settings:
    return Settings(
        database_url=url,
        secret_key="benchmark-secret-key-that-is-long-enough-0123456789",
        password_time_cost=1,
        password_memory_kib=8192,
        query_budget=10**9,
        query_budget_restore_rate=10**9,
        compiled_execution=compiled,
    )


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


async def employer_token(db: Database, settings: Settings) -> str:
    async with db.read() as session:
        user_id = await session.scalar(select(User.id).where(User.email == "employer@demo.shopready.dev"))
    assert user_id is not None
    return await sign_in_as(db, settings, user_id)


def seeded(size: str) -> str:
    """A scratch SQLite database with the demo data, written by the app's own `seed` command."""
    url = f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='shopready-execution-')) / 'demo.db'}"
    env = os.environ | {
        "DATABASE_URL": url,
        "SHOPREADY_PASSWORD_TIME_COST": "1",
        "SHOPREADY_PASSWORD_MEMORY_KIB": "8192",
    }
    command = [sys.executable, str(ROOT / "app.py"), "seed", "--size", size]
    written = subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603 - our own CLI
    print(written.stdout.strip())
    return url


async def run(args: argparse.Namespace) -> None:
    url = seeded(args.size)
    db = Database(url)
    token = await employer_token(db, settings_for(url, True))
    headers = {"Authorization": f"Bearer {token}"}
    clients = {
        name: httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(settings_for(url, compiled), db=db, run_worker=False)),
            base_url="http://bench",
            headers=headers,
        )
        for name, compiled in (("plain", False), ("compiled", True))
    }
    documents = {
        "candidates(first: 20) with explanations": (CANDIDATES, {"id": POSTING, "first": 20}),
        "listings(first: 50) nested": (LISTINGS, {}),
    }

    async def call(client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        body = (await client.post("/graphql", json={"query": query, "variables": variables})).json()
        assert not body.get("errors"), body
        return body["data"]

    for query, variables in documents.values():  # warm up both; same answers
        answers = [await call(client, query, variables) for client in clients.values()]
        assert answers[0] == answers[1], "the two paths answer differently"

    if args.profile:
        client = clients[args.profile]
        query, variables = documents["candidates(first: 20) with explanations"]
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeats):
            await call(client, query, variables)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return

    print(f"\nwhole request in process, SQLite, {args.size} demo data, median of {args.repeats}:")
    print(f"{'document':42} {'plain ms':>9} {'compiled ms':>12} {'plain/compiled':>15}")
    for label, (query, variables) in documents.items():
        samples: dict[str, list[float]] = {name: [] for name in clients}
        for _ in range(args.repeats):  # interleaved, so drift hits both alike
            for name, client in clients.items():
                started = time.perf_counter()
                await call(client, query, variables)
                samples[name].append(time.perf_counter() - started)
        plain, compiled = median_ms(samples["plain"]), median_ms(samples["compiled"])
        print(f"{label:42} {plain:9.2f} {compiled:12.2f} {plain / compiled:14.2f}x")

    for client in clients.values():
        await client.aclose()
    await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--profile", choices=["plain", "compiled"])
    args = parser.parse_args()
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
