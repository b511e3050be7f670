"""Matches through the whole stack: GraphQL over real HTTP on PostgreSQL, against the engine alone.

    python -m benchmarks.engine_http [--database-url URL] [--students 100000] [--repeats 25]

It DROPS and recreates the schema of the given database (default `bench_matching`), loads a
national pool of students (real ZIP centroids, skewed skill and credential mixes, some expired)
with COPY, and one job posting in Detroit. Then, side by side, with the index warm:

  (a) the engine's own top-20 on the app's in-memory index + one bare SQL fetch of those 20 rows;
  (b) `jobPosting.candidates(first: 20)` with explanations, over HTTP to uvicorn on 127.0.0.1.

It prints the medians, the ratio (b)/(a), and the SQL statements the field runs at first=5 and
first=20 (they must be equal). The server runs in a thread of this process so (a) can use the
very index the server keeps.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
import httpx
import uvicorn
from sqlalchemy import event

from app import create_app
from core.clock import today
from core.settings import Settings
from db import migrate
from db.engine import Database
from db.reference.credentials import CREDENTIALS
from db.reference.skills import SKILLS
from matching import rank_students_for_job
from matching.geo import zip_centroid
from resolvers.matches import index as match_index
from resolvers.matches.talent_sources import job_record
from tests.fixtures.synthetic_talent import zip_points, zipf_weights
from tests.support import sign_in_as

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/bench_matching"
PROGRAMS = ["COLLISION", "AUTOMOTIVE", "REFINISH", "DIESEL", "ESTIMATING", "EV_HYBRID"]
AVAILABILITY = ["FULL_TIME", "PART_TIME", "INTERNSHIP", "APPRENTICESHIP", "JOB_SHADOW"]
CANDIDATES = """
query ($id: ID!, $first: Int!) { jobPosting(id: $id) { candidates(first: $first) {
  edges { cursor score node { id headline programs travelRadiusKm name skills { name } }
    explanation { distanceKm components { name weight value reason }
      matchedSkills { name } missingSkills { name } matchedCredentials { code } missingCredentials { code } } }
  pageInfo { hasNextPage endCursor } } } }"""
LEAN = """
query ($id: ID!, $first: Int!) { jobPosting(id: $id) { candidates(first: $first) { edges { score node { id } } } } }"""
CHUNK = 50_000


def raw_url(url: str) -> str:
    return url.replace("+asyncpg", "")


def reset_schema(url: str) -> None:
    async def drop():
        conn = await asyncpg.connect(raw_url(url))
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        await conn.close()

    asyncio.run(drop())
    migrate.upgrade(url)


def synthetic_students(n: int, seed: int = 7):
    """Columns of a national pool: where, which skills (a few common, a long tail), which
    credentials (a third hold none; some have expired)."""
    rng = np.random.default_rng(seed)
    lat, lon = zip_points(n, rng)
    skill_p = zipf_weights(len(SKILLS))
    cred_p = zipf_weights(len(CREDENTIALS), 1.1)
    n_skills = rng.poisson(4, n)
    n_creds = rng.choice([0, 1, 2, 3, 4], n, p=[0.3, 0.3, 0.2, 0.12, 0.08])
    return rng, lat, lon, skill_p, cred_p, n_skills, n_creds


async def load(url: str, n: int) -> tuple[int, int]:
    """COPY the pool in; returns (employer owner user id, posting id)."""
    rng, lat, lon, skill_p, cred_p, n_skills, n_creds = synthetic_students(n)
    stamp = datetime.now(UTC) - timedelta(days=1)  # existed before the app started
    conn = await asyncpg.connect(raw_url(url))
    users = [(i, f"student{i}@example.com", f"Student {i}", "x", False, stamp, stamp, stamp) for i in range(1, n + 1)]
    users.append((n + 1, "owner@shop.example.com", "Shop Owner", "x", False, stamp, stamp, stamp))
    for start in range(0, len(users), CHUNK):
        await conn.copy_records_to_table(
            "user_account",
            records=users[start : start + CHUNK],
            columns=[
                "id",
                "email",
                "name",
                "password_hash",
                "is_staff",
                "email_verified_at",
                "created_at",
                "updated_at",
            ],
        )
    today_ = date.today()
    profiles: list[tuple[object, ...]] = []
    held: list[tuple[object, ...]] = []
    for i in range(n):
        skills = sorted({int(s) + 1 for s in rng.choice(len(SKILLS), n_skills[i], p=skill_p)})
        programs = sorted(set(rng.choice(PROGRAMS, 1 + int(rng.integers(0, 2)))))
        slots = sorted(set(rng.choice(AVAILABILITY, 1 + int(rng.integers(0, 2)))))
        profiles.append(
            (
                i + 1,
                i + 1,
                f"student {i + 1}",
                json.dumps(programs),
                json.dumps(slots),
                None,
                float(lat[i]),
                float(lon[i]),
                float(rng.choice([25, 50, 80, 150])),
                json.dumps(skills),
                "[]",
                bool(rng.random() < 0.85),
                "",
                stamp,
                stamp,
            )
        )
        for c in {int(c) + 1 for c in rng.choice(len(CREDENTIALS), n_creds[i], p=cred_p)}:
            earned = today_ - timedelta(days=int(rng.integers(30, 1500)))
            held.append((len(held) + 1, i + 1, c, earned, earned + timedelta(days=730), stamp, stamp))
    for start in range(0, n, CHUNK):
        await conn.copy_records_to_table(
            "student_profile",
            records=profiles[start : start + CHUNK],
            columns=[
                "id",
                "user_id",
                "headline",
                "programs",
                "availability",
                "postal_code",
                "latitude",
                "longitude",
                "travel_radius_km",
                "skill_ids",
                "other_skills",
                "visible_to_employers",
                "bio",
                "created_at",
                "updated_at",
            ],
        )
    for start in range(0, len(held), CHUNK):
        await conn.copy_records_to_table(
            "student_credential",
            records=held[start : start + CHUNK],
            columns=["id", "student_id", "credential_id", "earned_on", "expires_on", "created_at", "updated_at"],
        )
    detroit = zip_centroid("48226")
    assert detroit is not None
    lat0, lon0 = detroit
    org = await conn.fetchval(
        "INSERT INTO organization"
        " (name, is_employer, postal_code, latitude, longitude, programs, created_at, updated_at)"
        " VALUES ('Detroit Collision', true, '48226', $1, $2, '[]', $3, $3) RETURNING id",
        lat0,
        lon0,
        stamp,
    )
    await conn.execute(
        "INSERT INTO membership (organization_id, user_id, role, created_at, updated_at) "
        "VALUES ($1, $2, 'OWNER', $3, $3)",
        org,
        n + 1,
        stamp,
    )
    posting = await conn.fetchval(
        "INSERT INTO job_posting (employer_id, title, role_type, programs, description, postal_code, state, latitude,"
        " longitude, pay_min_cents, pay_max_cents, pay_unit, pay_basis, pay_min_hourly_cents, pay_max_hourly_cents,"
        " benefits, preferred_skill_ids, other_preferred_skills, openings, status, created_at, updated_at) VALUES"
        " ($1, 'Collision Technician', 'TECHNICIAN', '[\"COLLISION\"]', '', '48226', 'MI', $2, $3, 2500, 3200,"
        " 'HOUR', 'HOURLY', 2500, 3200, '[]', '[1, 2, 8, 11]', '[]', 1, 'OPEN', $4, $4) RETURNING id",
        org,
        lat0,
        lon0,
        stamp,
    )
    await conn.execute(
        "INSERT INTO job_required_credential (job_posting_id, credential_id, created_at, updated_at) "
        "VALUES ($1, 1, $2, $2)",
        posting,
        stamp,
    )
    for table in ("user_account", "student_profile", "student_credential"):
        await conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    await conn.execute("ANALYZE")
    await conn.close()
    return n + 1, posting


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app, port: int) -> uvicorn.Server:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    return server


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


async def signed_in(url: str, settings: Settings, user_id: int) -> str:
    """An access token for a new session, written through an engine of its own (the server owns `db`)."""
    sessions = Database(url)
    try:
        return await sign_in_as(sessions, settings, user_id)
    finally:
        await sessions.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=25)
    args = parser.parse_args()
    url = args.database_url

    started = time.perf_counter()
    reset_schema(url)
    owner_id, posting_id = asyncio.run(load(url, args.students))
    print(f"loaded {args.students:,} students in {time.perf_counter() - started:.1f} s")

    settings = Settings(
        database_url=url,
        secret_key="benchmark-secret-key-that-is-long-enough-0123456789",
        password_time_cost=1,
        password_memory_kib=8192,
    )
    db = Database(url)
    statements: list[str] = []
    event.listen(db.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    server = serve(create_app(settings, db=db), free_port())
    port = server.config.port
    token = asyncio.run(signed_in(url, settings, owner_id))
    from schema.relay import encode_id

    variables = {"id": encode_id("JobPosting", posting_id), "first": 20}
    client = httpx.Client(
        base_url=f"http://127.0.0.1:{port}", timeout=120, headers={"Authorization": f"Bearer {token}"}
    )

    def http_call(first: int = 20, query: str = CANDIDATES) -> dict:
        given = {**variables, "first": first} if "$id" in query else {}
        body = client.post("/graphql", json={"query": query, "variables": given}).json()
        assert not body.get("errors"), body
        return body["data"]["jobPosting"]["candidates"] if "jobPosting" in body["data"] else body["data"]

    t = time.perf_counter()
    edges = http_call()["edges"]
    print(f"first request (builds the index): {time.perf_counter() - t:.2f} s, {len(edges)} candidates")

    index = match_index.live(db, "students").index
    assert index is not None, "the first request builds the index"
    job, ids_sql = asyncio.run(engine_side_setup(url, posting_id))
    conn_holder: dict[str, asyncpg.Connection] = {}

    async def bare_fetch(ids: list[int]) -> list[asyncpg.Record]:
        conn = conn_holder.get("conn") or await asyncpg.connect(raw_url(url))
        conn_holder["conn"] = conn
        return await conn.fetch(ids_sql, ids)

    loop = asyncio.new_event_loop()

    def engine_call():
        matches = rank_students_for_job(job, index, k=20, today=today())
        rows = loop.run_until_complete(bare_fetch([m.id for m in matches]))
        assert len(rows) == len(matches)
        return matches

    # same answer both ways
    assert [m.id for m in engine_call()] == [int(decode(e["node"]["id"])) for e in edges], "different top-20"

    calls = {
        "a": engine_call,
        "b": http_call,
        "lean": lambda: http_call(query=LEAN),  # the same field, without explanations or profile fields
        "floor": lambda: http_call(query="{ __typename }"),  # any request at all
    }
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(args.repeats):  # interleaved, so drift hits all alike
        for name, call in calls.items():
            t = time.perf_counter()
            call()
            samples[name].append(time.perf_counter() - t)
    a, b = median_ms(samples["a"]), median_ms(samples["b"])

    counts = {}
    for first in (5, 20):
        statements.clear()
        http_call(first)
        counts[first] = len(statements)

    print(f"(a) engine top-20 + one bare SQL fetch: {a:.2f} ms (median of {args.repeats})")
    print(f"(b) candidates(first: 20) with explanations over HTTP: {b:.2f} ms (median of {args.repeats})")
    print(f"ratio (b)/(a): {b / a:.2f}x (target <= 3x)")
    print(
        f"  where it goes: an authenticated HTTP request doing nothing ({{ __typename }}) "
        f"{median_ms(samples['floor']):.2f} ms; candidates with score and id only {median_ms(samples['lean']):.2f} ms"
    )
    print(
        f"SQL statements: first=5 -> {counts[5]}, first=20 -> {counts[20]} "
        f"({'equal' if counts[5] == counts[20] else 'DIFFERENT'})"
    )
    print(f"total run: {time.perf_counter() - started:.1f} s")
    client.close()
    if "conn" in conn_holder:
        loop.run_until_complete(conn_holder["conn"].close())
    loop.close()
    server.should_exit = True


def decode(global_id: str) -> int:
    from schema.relay import decode_any_id

    return decode_any_id(global_id)[1]


async def engine_side_setup(url: str, posting_id: int):
    conn = await asyncpg.connect(raw_url(url))
    row = await conn.fetchrow("SELECT * FROM job_posting WHERE id = $1", posting_id)
    required = [
        r[0]
        for r in await conn.fetch(
            "SELECT credential_id FROM job_required_credential WHERE job_posting_id = $1", posting_id
        )
    ]
    await conn.close()

    class Row:  # the columns job_record reads, as attributes
        pass

    posting = Row()
    for key, value in dict(row).items():
        setattr(posting, key, json.loads(value) if key in ("programs", "preferred_skill_ids") else value)
    sql = "SELECT * FROM student_profile WHERE id = ANY($1::bigint[])"
    return job_record(posting, required, today()), sql


if __name__ == "__main__":
    main()
