"""The event backbone's three figures, measured side by side on one PostgreSQL.

    python -m benchmarks.events [--database-url URL] [--mutations 400] [--events 3000] [--subscribers 1000]

It DROPS and recreates the schema of the given database (default `bench_events`), then prints:

  1. outbox append cost per mutation: p50 of `needUpdate`'s use case with its event, against the same
     use case with the append switched off, interleaved run by run (target: <= 10% overhead);
  2. delivery throughput of one worker (this process) to a receiver on 127.0.0.1 in another process
     (target: >= 500 events/s);
  3. end-to-end latency from commit to a subscriber, p50 and p99 over `--subscribers` websocket
     subscribers of one app process (`app.py serve` on PostgreSQL), several events (target: p99 <= 1 s).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx
from websockets.asyncio.client import connect

from app import create_app
from core import outbox
from core.global_ids import global_id
from core.settings import Settings
from core.tokens import new_app_token
from core.viewer import Viewer
from db import migrate
from db.engine import Database
from db.enums.events import EventType
from db.models import AppToken, Membership, Need, Organization, User, Webhook
from resolvers.donations import needs
from resolvers.events.delivery import new_client
from resolvers.events.worker import Worker
from tests.events.receiver import free_port
from tests.support import sign_in_as

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/bench_events"
SECRET = "benchmark-secret-key-that-is-long-enough-0123456789"  # noqa: S105 - a throwaway key for a local server
# A bare HTTP/1.1 responder (keep-alive, 204 to every POST), so the figure measures the worker, not a web
# framework on the receiving end.
RECEIVER = """
import asyncio, sys

class Hook(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport, self.buffer = transport, b""

    def data_received(self, data):
        self.buffer += data
        while True:
            head, sep, rest = self.buffer.partition(b"\\r\\n\\r\\n")
            if not sep:
                return
            length = 0
            for line in head.split(b"\\r\\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if len(rest) < length:
                return
            self.buffer = rest[length:]
            self.transport.write(b"HTTP/1.1 204 No Content\\r\\ncontent-length: 0\\r\\n\\r\\n")

async def main():
    server = await asyncio.get_running_loop().create_server(Hook, "127.0.0.1", int(sys.argv[1]))
    await server.serve_forever()

asyncio.run(main())
"""


def spawn(command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)  # noqa: S603 - our own programs


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def reset(url: str) -> None:
    conn = await asyncpg.connect(url.replace("+asyncpg", ""))
    await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    await conn.close()
    await asyncio.to_thread(migrate.upgrade, url)


async def school(db: Database) -> tuple[int, int]:
    async with db.write() as session:
        user = User(email="bench@example.com", name="Bench", password_hash="x")
        org = Organization(name="Bench School", is_school=True, postal_code="48226", latitude=42.33, longitude=-83.05)
        session.add_all([user, org])
        await session.flush()
        session.add(Membership(organization_id=org.id, user_id=user.id, role="OWNER"))
        need = Need(
            school_id=org.id,
            category_id=1,
            title="Welder",
            quantity=5,
            priority="MEDIUM",
            latitude=42.33,
            longitude=-83.05,
        )
        session.add(need)
        await session.flush()
        return user.id, need.id


NEED_UPDATE = (
    """mutation ($input: NeedUpdateInput!) { needUpdate(input: $input) { need { id title } userErrors { code } } }"""
)


async def append_cost(db: Database, settings: Settings, user_id: int, need_id: int, runs: int) -> dict[str, float]:
    """p50 (ms) of the use case alone and of the whole GraphQL mutation, each with and without its event,
    interleaved run by run so both see the same machine."""
    viewer = Viewer(user_id=user_id)
    token = await sign_in_as(db, settings, user_id)
    transport = httpx.ASGITransport(app=create_app(settings, db=db, run_worker=False))
    real_append = outbox.append
    timings: dict[str, list[float]] = {
        "use case with": [],
        "use case without": [],
        "mutation with": [],
        "mutation without": [],
    }
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for n in range(runs + 20):
            order = (True, False) if n % 2 else (False, True)
            for enabled in order:
                outbox.append = real_append if enabled else (lambda session, happened: None)
                suffix = "with" if enabled else "without"
                started = time.perf_counter()
                await needs.update_need(db, viewer, need_id, {"title": f"Welder {n}"})
                middle = time.perf_counter()
                variables = {"input": {"id": global_id("Need", need_id), "title": f"Welder {n}."}}
                response = await client.post(
                    "/graphql",
                    json={"query": NEED_UPDATE, "variables": variables},
                    headers={"Authorization": f"Bearer {token}"},
                )
                ended = time.perf_counter()
                assert response.json()["data"]["needUpdate"]["userErrors"] == []
                if n >= 20:  # the first rounds warm caches and connections
                    timings[f"use case {suffix}"].append(middle - started)
                    timings[f"mutation {suffix}"].append(ended - middle)
    outbox.append = real_append
    return {name: 1000 * statistics.median(values) for name, values in timings.items()}


async def throughput(db: Database, settings: Settings, count: int) -> float:
    port = free_port()
    receiver = spawn([sys.executable, "-c", RECEIVER, str(port)])
    try:
        async with httpx.AsyncClient() as client:
            for _ in range(100):
                try:
                    await client.post(f"http://127.0.0.1:{port}/")
                    break
                except httpx.HTTPError:
                    await asyncio.sleep(0.1)
        _, digest, last4 = new_app_token()
        async with db.write() as session:
            org_id = (await session.get(Organization, 1)).id  # type: ignore[union-attr]
            token = AppToken(
                organization_id=org_id, name="Bench", token_digest=digest, last4=last4, scopes=["donations:read"]
            )
            session.add(token)
            await session.flush()
            session.add(
                Webhook(
                    app_token_id=token.id,
                    organization_id=org_id,
                    url=f"http://127.0.0.1:{port}/hook",
                    event_types=[EventType.NEED_UPDATED.value],
                    secret="whsec_" + "A" * 43,
                )
            )
        for start in range(0, count, 500):
            async with db.write() as session:
                for n in range(start, min(count, start + 500)):
                    outbox.append(
                        session, outbox.Event(EventType.NEED_UPDATED, "Need", n + 1, (org_id,), is_public=True)
                    )
        worker = Worker(db, settings, new_client())
        started = time.perf_counter()
        delivered = 0
        while delivered < count:
            await worker.step()
            async with db.read() as session:
                from sqlalchemy import func, select

                from db.models import WebhookDelivery

                delivered = (
                    await session.scalar(
                        select(func.count()).select_from(WebhookDelivery).where(WebhookDelivery.status == "DELIVERED")
                    )
                    or 0
                )
        elapsed = time.perf_counter() - started
        await worker.client.close()
        return count / elapsed
    finally:
        receiver.terminate()
        receiver.wait()


async def latency(db: Database, url: str, user_id: int, subscribers: int, events: int, gap: float) -> list[float]:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SHOPREADY_SECRET_KEY": SECRET,
        "SHOPREADY_LOG_LEVEL": "WARNING",
        "SHOPREADY_SUBSCRIPTIONS_PER_CONNECTION": "5",
    }
    server = spawn([sys.executable, "app.py", "serve", "--port", str(port)], env)
    token = await sign_in_as(db, Settings(secret_key=SECRET), user_id)
    query = "subscription { events(types: [NEED_CREATED]) { data } }"
    received: list[float] = []
    try:
        async with httpx.AsyncClient() as client:
            deadline = time.monotonic() + 300  # a loaded machine may take a while to migrate and start
            while True:
                try:
                    if (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                        break
                except httpx.HTTPError:
                    if time.monotonic() > deadline:
                        raise
                await asyncio.sleep(0.2)

        async def one(ready: asyncio.Event, warm: asyncio.Event) -> None:
            async with connect(
                f"ws://127.0.0.1:{port}/graphql",
                subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                open_timeout=300,
            ) as socket:
                await socket.send(
                    json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
                )
                await socket.recv()
                await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
                ready.set()
                while True:
                    message = json.loads(await socket.recv())
                    if message.get("type") != "next":
                        continue
                    data = message["payload"]["data"]["events"]["data"]
                    if "warmUp" in data:
                        warm.set()
                        continue
                    received.append(time.time() - data["sentAt"])
                    if data["n"] == events - 1:
                        return

        async def send(subject: int, **data: object) -> None:
            async with db.write() as session:
                outbox.append(
                    session,
                    outbox.Event(
                        EventType.NEED_CREATED,
                        "Need",
                        subject + 1,
                        (1,),
                        is_public=True,
                        data={**data, "sentAt": time.time()},
                    ),
                )

        readies = [asyncio.Event() for _ in range(subscribers)]
        warms = [asyncio.Event() for _ in range(subscribers)]
        tasks: list[asyncio.Task[None]] = []

        async def until_ready(ready: asyncio.Event, round_: list[asyncio.Task[None]]) -> None:
            waiting = asyncio.create_task(ready.wait())
            await asyncio.wait([waiting, *round_], return_when=asyncio.FIRST_COMPLETED)
            if failed := [task for task in round_ if task.done()]:  # a subscriber could not connect: say why
                waiting.cancel()
                for task in tasks:
                    task.cancel()
                failed[0].result()
            await waiting

        # connect in rounds of 50, each round signed in before the next starts: a loaded machine keeps up
        for start in range(0, subscribers, 50):
            batch = range(start, min(subscribers, start + 50))
            round_ = [asyncio.create_task(one(readies[k], warms[k])) for k in batch]
            tasks.extend(round_)
            for k in batch:
                await until_ready(readies[k], round_)
        # Warm-up events until every subscriber has heard one: then every subscription is registered with
        # the server's bus (a loaded machine may take a while), and the timed events reach them all.
        while not all(warm.is_set() for warm in warms):
            await send(0, warmUp=True)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*(warm.wait() for warm in warms)), 2)
        await asyncio.sleep(2)
        for n in range(events):
            await send(n, n=n)
            await asyncio.sleep(gap)
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=120)
    finally:
        server.terminate()
        server.wait()
    return received


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--mutations", type=int, default=400)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--latency-events", type=int, default=10)
    parser.add_argument("--latency-gap", type=float, default=2.0, help="seconds between the events sent")
    args = parser.parse_args()
    await reset(args.database_url)
    settings = Settings(database_url=args.database_url, secret_key=SECRET, webhook_allow_private=True)
    db = Database(args.database_url)
    user_id, need_id = await school(db)

    cost = await append_cost(db, settings, user_id, need_id, args.mutations)
    rate = await throughput(db, settings, args.events)
    latencies = await latency(db, args.database_url, user_id, args.subscribers, args.latency_events, args.latency_gap)
    await db.dispose()

    expected = args.subscribers * args.latency_events
    print(f"{'figure':<62} {'measured':>22}  target")
    for what in ("use case", "mutation"):
        with_events, without = cost[f"{what} with"], cost[f"{what} without"]
        label = f"needUpdate {'use case alone' if what == 'use case' else 'GraphQL mutation'} p50, with / without event"
        print(f"{label:<62} {with_events:6.2f} / {without:5.2f} ms")
        print(f"{'  outbox append overhead':<62} {100 * (with_events / without - 1):+20.1f} %  <= 10%")
    print(f"{'delivery throughput, one worker, receiver on 127.0.0.1':<62} {rate:17.0f} ev/s  >= 500")
    print(
        f"{f'commit -> subscriber latency, {args.subscribers} subscribers, p50':<62} "
        f"{1000 * statistics.median(latencies):19.1f} ms"
    )
    print(f"{'  p99':<62} {1000 * percentile(latencies, 0.99):19.1f} ms  <= 1000")
    print(f"{'  events received / expected':<62} {len(latencies):>14} / {expected}")


if __name__ == "__main__":
    asyncio.run(main())
