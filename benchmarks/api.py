"""The API against the framework it stands on: three figures side by side in one run, each a ratio.

    python -m benchmarks.api [--smoke] [--seconds 8] [--rounds 3] [--size medium]
                             [--database-url URL] [--students 30000] [--repeats 25] [--root DIR]

(a) `listings(first: 50)` nested (donor, category, page info) over HTTP to `app.py serve` on SQLite
    with demo data, against a bare Strawberry + Starlette server answering the same response from
    memory (`benchmarks/bare.py`): requests per second under wrk (1 thread, 8 connections; a small
    aiohttp client with 8 connections when wrk is missing), the two servers alternating, `rounds`
    rounds; the ratio is ShopReady / bare (target >= 1.0x).
(b) `jobPosting.candidates(first: 20)` on PostgreSQL with `students` students (the database's schema
    is DROPPED and recreated): with explanations, and with only score and id, against the engine's
    own top-20 plus one bare SQL fetch; medians of `repeats` interleaved runs (targets <= 3x, <= 1.5x).
(c) `donations(first: 20)` with listing, need, donor, school, money and receipts, for a member of the
    donor with the most donations, as (a).
Each prints the SQL statements per request at two page sizes (they must be equal).

`--smoke` runs everything at tiny sizes for a second or two each and asserts nothing about time.
`--profile` prints where a listings request spends its time in process (cProfile).
`--root` points at another checkout (e.g. the main branch) to measure its code with this script.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SECRET = "benchmark-secret-key-that-is-long-enough-0123456789"  # noqa: S105 - a local throwaway server
DEFAULT_PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/bench_api"
LISTINGS = (
    "{ listings(first: 50) { edges { cursor node { id title condition quantityAvailable donor { id name } "
    "category { id name } } } pageInfo { hasNextPage endCursor } } }"
)
DONATIONS = (
    "{ donations(first: 20) { edges { cursor node { id status quantity createdAt "
    "listing { id title condition donor { id name } category { id name } } need { id title school { id name } } "
    "declaredValue { amount currency } receipt { number year donorName schoolName itemTitle quantity "
    "declaredValue { amount currency } receivedAt } } } pageInfo { hasNextPage endCursor } } }"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def process(command: list[str], cwd: Path, env: dict[str, str], port: int) -> Iterator[tuple[str, int]]:
    """A server process on loopback, up (its /healthz answers) for the block, then stopped."""
    import httpx

    proc = subprocess.Popen(command, cwd=cwd, env=env)  # noqa: S603 - our own servers
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if proc.poll() is not None:
                raise RuntimeError(f"{command} exited with {proc.returncode}")
            try:
                if httpx.get(f"{url}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError(f"{command} did not start")
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def post(url: str, query: str, token: str | None) -> dict[str, Any]:
    import httpx

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(f"{url}/graphql", json={"query": query}, headers=headers, timeout=60)
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), body
    return body["data"]


def wrk_rate(url: str, query: str, token: str | None, seconds: float) -> tuple[float, int]:
    """Requests per second under wrk: 1 thread, 8 connections, `seconds` long."""
    lines = ['wrk.method = "POST"', 'wrk.headers["Content-Type"] = "application/json"']
    lines.append(f"wrk.body = [==[{json.dumps({'query': query})}]==]")
    if token:
        lines.append(f'wrk.headers["Authorization"] = "Bearer {token}"')
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write("\n".join(lines) + "\n")
    try:
        out = subprocess.run(  # noqa: S603
            ["wrk", "-t1", "-c8", f"-d{max(1, round(seconds))}s", "-s", script.name, f"{url}/graphql"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    if "Non-2xx" in out:
        raise RuntimeError(f"wrk saw failed responses:\n{out}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    served = re.search(r"(\d+) requests in", out)
    assert found and served, out
    return float(found.group(1)), int(served.group(1))


def client_rate(url: str, query: str, token: str | None, seconds: float) -> tuple[float, int]:
    """Requests per second from 8 aiohttp connections for `seconds` (when wrk is not installed)."""
    import aiohttp

    async def run() -> tuple[float, int]:
        headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
        body = json.dumps({"query": query}).encode()
        done = 0
        deadline = time.perf_counter() + seconds
        connector = aiohttp.TCPConnector(limit=8)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def connection() -> None:
                nonlocal done
                while time.perf_counter() < deadline:
                    async with session.post(f"{url}/graphql", data=body, headers=headers) as response:
                        await response.read()
                        assert response.status == 200
                    done += 1

            started = time.perf_counter()
            await asyncio.gather(*(connection() for _ in range(8)))
            return done / (time.perf_counter() - started), done

    return asyncio.run(run())


def rate_of() -> tuple[str, Callable[[str, str, str | None, float], tuple[float, int]]]:
    if shutil.which("wrk"):
        return "wrk -t1 -c8", wrk_rate
    return "aiohttp, 8 connections", client_rate


def server_env(settings: Any) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "SHOPREADY_SECRET_KEY": settings.secret_key,
        "SHOPREADY_PASSWORD_TIME_COST": "1",
        "SHOPREADY_PASSWORD_MEMORY_KIB": "8192",
        "SHOPREADY_ACCESS_TOKEN_MINUTES": str(settings.access_token_minutes),
        "SHOPREADY_LOG_LEVEL": "WARNING",
        # the load generator is one client: a budget it cannot spend, so every request runs in full
        "SHOPREADY_QUERY_BUDGET": str(settings.query_budget),
        "SHOPREADY_QUERY_BUDGET_RESTORE_RATE": str(settings.query_budget_restore_rate),
    }


async def profiled(client: Any, token: str, requests: int = 100) -> None:
    """Where a listings request spends its time in the app (in process, over ASGI, no HTTP server)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        await client.post("/graphql", json={"query": LISTINGS})
    profiler.disable()
    print(f"profile of {requests} listings requests in process (cumulative, top 25):")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


async def prepare_sqlite(
    settings: Any, profile: bool = False
) -> tuple[str, dict[str, Any], dict[str, tuple[int, int]]]:
    """Demo data; a donor's token; each document's answer; SQL statements at two page sizes."""
    import httpx
    from sqlalchemy import event, func, select

    from app import create_app
    from db.engine import Database
    from db.models import Donation, Membership
    from tests.support import sign_in_as

    db = Database(settings.database_url)
    try:
        async with db.read() as session:
            # the member of the donor with the most donations, so the page is full and holds receipts
            donor = await session.scalar(
                select(Membership.user_id)
                .join(Donation, Donation.donor_id == Membership.organization_id)
                .group_by(Membership.user_id)
                .order_by(func.count().desc(), Membership.user_id)
                .limit(1)
            )
        assert donor is not None, "the demo data has donations"
        token = await sign_in_as(db, settings, donor)
        statements: list[str] = []
        event.listen(db.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        app = create_app(settings, db=db, run_worker=False)
        answers: dict[str, Any] = {}
        counts: dict[str, tuple[int, int]] = {}
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for name, document, big, small in (("listings", LISTINGS, 50, 10), ("donations", DONATIONS, 20, 5)):
                measured = []
                for text in (document, document.replace(f"first: {big}", f"first: {small}"), document):
                    statements.clear()
                    response = await client.post(
                        "/graphql", json={"query": text}, headers={"Authorization": f"Bearer {token}"}
                    )
                    body = response.json()
                    assert not body.get("errors"), body
                    measured.append(len([s for s in statements if not s.startswith(("BEGIN", "COMMIT"))]))
                answers[name] = body["data"][name]
                counts[name] = (measured[1], measured[2])  # the first one warmed up
            if profile:
                await profiled(client, token)
        return token, answers, counts
    finally:
        await db.dispose()


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def side_by_side(
    label: str, servers: dict[str, tuple[str, int]], query: str, token: str | None, seconds: float, rounds: int
) -> tuple[float, float, float, float]:
    """Median requests/s of each server, and its CPU milliseconds per request (what a shared machine's
    other load disturbs least): (ours, bare, our CPU ms, bare CPU ms)."""
    tool, rate = rate_of()
    rates: dict[str, list[float]] = {name: [] for name in servers}
    cpu: dict[str, list[float]] = {name: [] for name in servers}
    for r in range(rounds):
        for name, (url, pid) in servers.items():  # alternating, so drift hits both alike
            before = cpu_seconds(pid)
            per_second, served = rate(url, query, token, seconds)
            rates[name].append(per_second)
            cpu[name].append((cpu_seconds(pid) - before) * 1000 / max(served, 1))
        print(
            f"  round {r + 1}: "
            + ", ".join(f"{name} {rates[name][-1]:.0f} req/s, {cpu[name][-1]:.2f} CPU ms/request" for name in servers)
        )
    ours, bare = statistics.median(rates["shopready"]), statistics.median(rates["bare"])
    ours_cpu, bare_cpu = statistics.median(cpu["shopready"]), statistics.median(cpu["bare"])
    print(f"{label}: ShopReady {ours:.0f} req/s, bare Strawberry {bare:.0f} req/s ({tool}, {seconds:.0f} s x {rounds})")
    return ours, bare, ours_cpu, bare_cpu


def http_figures(args: argparse.Namespace, root: Path) -> None:
    from core.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="shopready-api-bench-"))
    try:
        settings = Settings(
            database_url=f"sqlite+aiosqlite:///{work / 'bench.db'}",
            secret_key=SECRET,
            password_time_cost=1,
            password_memory_kib=8192,
            access_token_minutes=240,
            query_budget=10**12,  # as server_env: one client, every request runs in full
            query_budget_restore_rate=10**12,
        )
        seed = [sys.executable, "app.py", "seed", "--size", args.size]
        subprocess.run(seed, cwd=root, env=server_env(settings), check=True)  # noqa: S603 - our own CLI
        token, answers, counts = asyncio.run(prepare_sqlite(settings, args.profile))
        (work / "answers.json").write_text(json.dumps(answers))
        listed = len(answers["listings"]["edges"])
        given = len(answers["donations"]["edges"])
        receipts = sum(1 for e in answers["donations"]["edges"] if e["node"]["receipt"])
        print(f"listings page: {listed} edges; the donor's donations page: {given} edges, {receipts} with receipts")
        ours_port, bare_port = free_port(), free_port()
        env = server_env(settings)
        serve = [sys.executable, "app.py", "serve", "--port", str(ours_port), *args.serve_args]
        bare = [
            sys.executable,
            str(HERE / "bare.py"),
            "--port",
            str(bare_port),
            "--answers",
            str(work / "answers.json"),
        ]
        with process(serve, root, env, ours_port) as ours, process(bare, root, env, bare_port) as plain:
            servers = {"shopready": ours, "bare": plain}
            for name, document, anon in (("listings", LISTINGS, True), ("donations", DONATIONS, False)):
                auth = None if anon else token
                assert post(ours[0], document, auth) == post(plain[0], document, auth), f"{name}: different answers"
            print("(a) listings(first: 50), nested, anonymous, SQLite")
            a = side_by_side("(a)", servers, LISTINGS, None, args.seconds, args.rounds)
            print("(c) donations(first: 20) with listing, need, parties, money and receipts, a donor signed in")
            c = side_by_side("(c)", servers, DONATIONS, token, args.seconds, args.rounds)
        print()
        print(f"(a) listings:  {a[0] / a[1]:.2f}x the bare server's requests/s (target >= 1.0x, first step 0.5x)")
        print(f"    by CPU time per request: {a[3] / a[2]:.2f}x ({a[2]:.2f} vs {a[3]:.2f} ms)")
        print(
            f"    SQL statements per request: first=10 -> {counts['listings'][0]}, first=50 -> {counts['listings'][1]}"
        )
        print(f"(c) donations: {c[0] / c[1]:.2f}x the bare server's requests/s")
        print(f"    by CPU time per request: {c[3] / c[2]:.2f}x ({c[2]:.2f} vs {c[3]:.2f} ms)")
        print(
            f"    SQL statements per request: first=5 -> {counts['donations'][0]}, first=20 -> {counts['donations'][1]}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def candidates_figures(args: argparse.Namespace) -> None:
    import asyncpg
    import httpx
    from sqlalchemy import event

    from app import create_app
    from benchmarks import engine_http as eh
    from core.clock import today
    from core.settings import Settings
    from db.engine import Database
    from matching import rank_students_for_job
    from resolvers.matches import index as match_index
    from schema.relay import encode_id

    url = args.database_url
    asyncio.run(ensure_database(url))
    started = time.perf_counter()
    eh.reset_schema(url)
    owner_id, posting_id = asyncio.run(eh.load(url, args.students))
    print(f"(b) loaded {args.students:,} students into PostgreSQL in {time.perf_counter() - started:.1f} s")
    settings = Settings(
        database_url=url,
        secret_key=SECRET,
        password_time_cost=1,
        password_memory_kib=8192,
        db_statement_timeout_ms=0,  # the first request reads the whole pool into the index
    )
    db = Database(url, timeouts=settings.database_timeouts)
    statements: list[str] = []
    event.listen(db.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    server = eh.serve(create_app(settings, db=db), eh.free_port())
    token = asyncio.run(eh.signed_in(url, settings, owner_id))
    variables = {"id": encode_id("JobPosting", posting_id), "first": 20}
    client = httpx.Client(
        base_url=f"http://127.0.0.1:{server.config.port}", timeout=300, headers={"Authorization": f"Bearer {token}"}
    )
    loop = asyncio.new_event_loop()
    conn: list[Any] = []
    try:

        def http_call(query: str = eh.CANDIDATES, first: int = 20) -> Any:
            given = {**variables, "first": first} if "$id" in query else {}
            body = client.post("/graphql", json={"query": query, "variables": given}).json()
            assert not body.get("errors"), body
            return body["data"]

        edges = http_call()["jobPosting"]["candidates"]["edges"]  # builds the index
        index = match_index.live(db, "students").index
        assert index is not None
        job, ids_sql = loop.run_until_complete(eh.engine_side_setup(url, posting_id))
        conn.append(loop.run_until_complete(asyncpg.connect(eh.raw_url(url))))

        def engine_call() -> list[Any]:
            matches = rank_students_for_job(job, index, k=20, today=today())
            rows = loop.run_until_complete(conn[0].fetch(ids_sql, [m.id for m in matches]))
            assert len(rows) == len(matches)
            return matches

        assert [m.id for m in engine_call()] == [eh.decode(e["node"]["id"]) for e in edges], "different top-20"
        calls = {
            "engine": engine_call,
            "full": http_call,
            "lean": lambda: http_call(eh.LEAN),
            "floor": lambda: http_call("{ __typename }"),
        }
        samples: dict[str, list[float]] = {name: [] for name in calls}
        for _ in range(args.repeats):
            for name, call in calls.items():
                t = time.perf_counter()
                call()
                samples[name].append(time.perf_counter() - t)
        ms = {name: statistics.median(values) * 1000 for name, values in samples.items()}
        counts = {}
        for first in (5, 20):
            statements.clear()
            http_call(first=first)
            counts[first] = len([s for s in statements if not s.startswith(("BEGIN", "COMMIT"))])
        print(f"(b) candidates, PostgreSQL, {args.students:,} students, medians of {args.repeats} interleaved runs:")
        print(f"    engine top-20 + one bare SQL fetch {ms['engine']:.2f} ms")
        print(f"    with explanations {ms['full']:.2f} ms: {ms['full'] / ms['engine']:.2f}x (target <= 3x)")
        print(f"    score and id only {ms['lean']:.2f} ms: {ms['lean'] / ms['engine']:.2f}x (target <= 1.5x)")
        print(f"    an authenticated {{ __typename }} {ms['floor']:.2f} ms")
        print(f"    SQL statements per request: first=5 -> {counts[5]}, first=20 -> {counts[20]}")
    finally:
        client.close()
        if conn:
            loop.run_until_complete(conn[0].close())
        loop.close()
        server.should_exit = True
        # the engine belongs to the server thread's event loop; the process ends with it


async def ensure_database(url: str) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    admin = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    conn = await asyncpg.connect(admin)
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", parsed.database):
            await conn.execute(f'CREATE DATABASE "{parsed.database}"')
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, a second or two each, no timing claims")
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", choices=["small", "medium", "large"], default="medium")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG_URL))
    # 30,000 load in about a minute on the shared two-core machine (100,000 took 160 s)
    parser.add_argument("--students", type=int, default=30_000)
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--only", choices=["http", "candidates"], help="run one part only")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of listings requests in process")
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the checkout whose code is measured")
    parser.add_argument("--serve-arg", dest="serve_args", action="append", default=[], help="passed to serve")
    args = parser.parse_args()
    if args.smoke:
        args.seconds, args.rounds, args.size, args.students, args.repeats = 1, 1, "small", 300, 2
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    os.chdir(root)
    started = time.perf_counter()
    if args.only in (None, "http"):
        http_figures(args, root)
    if args.only in (None, "candidates"):
        candidates_figures(args)
    print(f"total run: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
