"""The notifications fan-out cost, on this machine.

    python -m benchmarks.notifications [--database-url URL] [--recipients 1000] [--people 10000]

It builds a fresh database (default: a SQLite file in a temporary directory; a PostgreSQL URL has its
schema DROPPED and recreated), then prints:

  1. one event concerning `--recipients` people (a school requests a listing of a donor with that many
     members): the time to make their notifications and their immediate emails (target: < 1 s), and the
     SQL statements it took, against the same event for a tenth as many members (constant: same count);
  2. a weekly digest for `--people` people with three notifications each (target: < 60 s).

Emails are built in full (headers, text and HTML, serialized) and handed to an in-memory transport, so the
figures measure ShopReady, not an SMTP server's speed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import Message
from pathlib import Path

from sqlalchemy import event, insert, text

from core import outbox
from core.clock import frozen_at
from core.global_ids import global_id
from core.mailer import Mailer
from core.settings import Settings
from db import migrate
from db.engine import Database, is_sqlite
from db.enums.events import EventType
from db.enums.notifications import DigestPeriod
from db.models import Membership, Notification, Organization, User
from resolvers.notifications import digests
from resolvers.notifications.fanout import notify

SECRET = "benchmark-secret-key-that-is-long-enough-0123456789"  # noqa: S105 - a throwaway key
MONDAY = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


class Counting:
    """A transport that serializes each message, as sending would, and counts it."""

    def __init__(self) -> None:
        self.sent = 0
        self.bytes = 0

    async def deliver(self, message: Message) -> None:
        self.bytes += len(message.as_bytes())
        self.sent += 1


async def reset(url: str) -> None:
    if not is_sqlite(url):
        from sqlalchemy.ext.asyncio import create_async_engine

        engine = create_async_engine(url)
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
    await asyncio.to_thread(migrate.upgrade, url)


async def people(db: Database, count: int, prefix: str) -> list[int]:
    now = datetime.now(UTC)
    rows = [
        {
            "email": f"{prefix}{n}@bench.example.com",
            "name": f"Person {n}",
            "password_hash": "x",
            "email_verified_at": now,
            "created_at": now,
            "updated_at": now,
        }
        for n in range(count)
    ]
    ids: list[int] = []
    async with db.write() as session:
        for start in range(0, count, 2000):
            result = await session.execute(insert(User).returning(User.id), rows[start : start + 2000])
            ids.extend(result.scalars().all())
    return ids


async def organization(db: Database, name: str, members: list[int], **kinds: bool) -> int:
    async with db.write() as session:
        org = Organization(name=name, postal_code="48226", latitude=42.33, longitude=-83.05, **kinds)
        session.add(org)
        await session.flush()
        if members:
            await session.execute(
                insert(Membership), [{"organization_id": org.id, "user_id": u, "role": "MEMBER"} for u in members]
            )
        return org.id


async def one_event(db: Database, settings: Settings, members: int, tag: str) -> tuple[float, float, int, int]:
    """(seconds, CPU seconds, SQL statements, mails) to tell a donor with `members` members of a school's request."""
    donor = await organization(db, f"Donor {tag}", await people(db, members, f"donor{tag}-"), is_donor=True)
    school = await organization(db, f"School {tag}", [], is_school=True)
    async with db.write() as session:
        outbox.append(
            session,
            outbox.Event(
                EventType.DONATION_REQUESTED,
                "Donation",
                1,
                organization_ids=(donor, school),
                data={
                    "donor": global_id("Organization", donor),
                    "school": global_id("Organization", school),
                    "listing": global_id("Listing", 1),
                    "need": global_id("Need", 1),
                    "quantity": 1,
                },
            ),
        )
    transport = Counting()
    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    started, cpu = time.perf_counter(), time.process_time()
    while await notify(db, settings, Mailer(transport, settings.mail_from)):
        pass
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    event.remove(db.engine.sync_engine, "before_cursor_execute", count)
    return elapsed, cpu, statements, transport.sent


async def weekly_digest(db: Database, settings: Settings, count: int) -> tuple[float, float, int]:
    ids = await people(db, count, "digest-")
    created = MONDAY - timedelta(days=3)
    rows = [
        {
            "user_id": user,
            "event_id": 1_000_000 + n * count + i,
            "kind": "TECHNICIAN_LEVEL_REACHED",  # weekly by default
            "title": f"Level {n + 1} reached",
            "body": "Every requirement of the level is met.",
            "subject_type": "User",
            "subject_id": user,
            "created_at": created,
            "updated_at": created,
        }
        for n in range(3)
        for i, user in enumerate(ids)
    ]
    async with db.write() as session:
        for start in range(0, len(rows), 5000):
            await session.execute(insert(Notification), rows[start : start + 5000])
    transport = Counting()
    started, cpu = time.perf_counter(), time.process_time()
    outcome = await digests.run(db, settings, Mailer(transport, settings.mail_from), DigestPeriod.WEEKLY, MONDAY)
    return time.perf_counter() - started, time.process_time() - cpu, outcome.sent


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--recipients", type=int, default=1000)
    parser.add_argument("--people", type=int, default=10_000)
    args = parser.parse_args()
    url = args.database_url or f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    await reset(url)
    settings = Settings(database_url=url, secret_key=SECRET, public_url="https://api.shopready.example.com")
    db = Database(url)
    try:
        with frozen_at(MONDAY - timedelta(days=1)):
            small = await one_event(db, settings, args.recipients // 10, "small")
            large = await one_event(db, settings, args.recipients, "large")
        digest_seconds, digest_cpu, digests_sent = await weekly_digest(db, settings, args.people)
    finally:
        await db.dispose()
    print(f"database: {db.dialect}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("one event, recipients   wall time   CPU time   SQL statements  mails   (target < 1 s, statements constant)")
    for size, (seconds, cpu, statements, mails) in ((args.recipients // 10, small), (args.recipients, large)):
        print(f"  {size:>6}             {seconds * 1000:7.0f} ms {cpu * 1000:7.0f} ms  {statements:>14}  {mails:>5}")
    per_small, per_large = small[2] / max(1, args.recipients // 10), large[2] / args.recipients
    print(f"  statements per recipient:  {per_small:.3f} vs {per_large:.3f}")
    print(
        f"weekly digest, {args.people} people: {digest_seconds:.1f} s wall, {digest_cpu:.1f} s CPU, "
        f"{digests_sent} mails (target < 60 s)"
    )


if __name__ == "__main__":
    asyncio.run(main())
