"""Deliver due webhook deliveries: claim a batch, send each signed, record every outcome.

Claiming moves `next_attempt_at` to the end of a lease (the attempt timeout plus a margin) and records
the attempt, in one transaction that skips rows other workers hold (`FOR UPDATE SKIP LOCKED`;
SQLite's single writer does the same). A worker killed mid-attempt leaves the delivery due again when
its lease ends, for any worker: at-least-once, and receivers de-duplicate by `webhook-id`. Outcomes are
written only if the delivery is still at the attempt this worker claimed.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

import aiohttp
from sqlalchemy import Table, bindparam, insert, select, update

from core.clock import utcnow
from core.settings import Settings
from db.engine import Database
from db.enums.events import DeliveryStatus
from db.models import OutboxEvent, Webhook, WebhookAttempt, WebhookDelivery
from resolvers.events import retries, signing
from resolvers.events.targets import TargetRefused, check_resolved

LEASE_MARGIN = timedelta(seconds=5)
GONE = 410
TOO_MANY = 429


@dataclass(frozen=True)
class Claimed:
    delivery_id: int
    number: int
    first_at: datetime
    webhook_id: int
    url: str
    secret: str
    uid: str
    body: str


@dataclass(frozen=True)
class Outcome:
    claimed: Claimed
    code: int | None
    duration_ms: int
    error: str | None = None
    retry_after: str | None = None

    @property
    def ok(self) -> bool:
        return self.code is not None and 200 <= self.code < 300


def body_of(event: OutboxEvent) -> str:
    """The Standard Webhooks JSON body: `{type, timestamp, data}`, compact and stable."""
    payload = {"type": event.type, "timestamp": event.occurred_at.isoformat(), "data": event.data}
    return json.dumps(payload, separators=(",", ":"), sort_keys=True)


async def claim(db: Database, settings: Settings, limit: int) -> list[Claimed]:
    now = utcnow()
    lease_until = now + timedelta(seconds=settings.webhook_timeout_seconds) + LEASE_MARGIN
    d = WebhookDelivery
    async with db.write() as session:
        due = (
            select(d.id)
            .join(Webhook, Webhook.id == d.webhook_id)
            .where(d.status == DeliveryStatus.PENDING.value, d.next_attempt_at <= now, Webhook.is_active)
            .order_by(d.next_attempt_at, d.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=d)
        )
        ids = list((await session.scalars(due)).all())
        if not ids:
            return []
        claimed = (
            await session.execute(
                update(d)
                .where(d.id.in_(ids))
                .values(attempts=d.attempts + 1, next_attempt_at=lease_until, updated_at=now)
                .returning(d.id, d.attempts, d.created_at, d.webhook_id, d.event_id)
                .execution_options(synchronize_session=False)
            )
        ).all()
        await session.execute(
            insert(WebhookAttempt),
            [{"delivery_id": row.id, "number": row.attempts, "started_at": now} for row in claimed],
        )
        hooks = {
            h.id: h
            for h in await session.scalars(select(Webhook).where(Webhook.id.in_({r.webhook_id for r in claimed})))
        }
        events = {
            e.id: e
            for e in await session.scalars(select(OutboxEvent).where(OutboxEvent.id.in_({r.event_id for r in claimed})))
        }
    return [
        Claimed(
            delivery_id=row.id,
            number=row.attempts,
            first_at=row.created_at,
            webhook_id=row.webhook_id,
            url=hooks[row.webhook_id].url,
            secret=hooks[row.webhook_id].secret,
            uid=events[row.event_id].uid,
            body=body_of(events[row.event_id]),
        )
        for row in claimed
    ]


async def send(client: aiohttp.ClientSession, settings: Settings, claimed: Claimed) -> Outcome:
    started = time.perf_counter()

    def elapsed() -> int:
        return round((time.perf_counter() - started) * 1000)

    headers = signing.headers(claimed.secret, claimed.uid, utcnow(), claimed.body)
    timeout = aiohttp.ClientTimeout(total=settings.webhook_timeout_seconds)
    try:
        await check_resolved(claimed.url, allow_private=settings.webhook_allow_private)
        async with client.post(
            claimed.url, data=claimed.body.encode(), headers=headers, timeout=timeout, allow_redirects=False
        ) as response:
            response.release()  # the answer's body is not read: only its status counts
            return Outcome(claimed, response.status, elapsed(), retry_after=response.headers.get("Retry-After"))
    except TargetRefused as exc:
        return Outcome(claimed, None, elapsed(), f"refused: {exc}")
    except TimeoutError:
        return Outcome(claimed, None, elapsed(), f"timed out after {settings.webhook_timeout_seconds:g} s")
    except aiohttp.ClientError as exc:
        return Outcome(claimed, None, elapsed(), f"{type(exc).__name__}: {exc}"[:500])


def _next_state(outcome: Outcome, settings: Settings, now: datetime) -> dict[str, Any]:
    claimed = outcome.claimed
    state: dict[str, Any] = {"b_status": DeliveryStatus.PENDING.value, "b_next": None, "b_delivered": None}
    if outcome.ok:
        state.update(b_status=DeliveryStatus.DELIVERED.value, b_delivered=now)
        return state
    if outcome.code == GONE:
        state["b_status"] = DeliveryStatus.FAILED.value
        return state
    asked = retries.retry_after(outcome.retry_after, now) if outcome.code == TOO_MANY else None
    give_up = timedelta(hours=settings.webhook_retry_hours)
    state["b_next"] = retries.next_attempt(claimed.number, claimed.first_at, now, give_up, asked)
    if state["b_next"] is None:
        state["b_status"] = DeliveryStatus.FAILED.value
    return state


def _error(outcome: Outcome) -> str | None:
    if outcome.error:
        return outcome.error
    return None if outcome.ok else f"HTTP {outcome.code}"


async def record(db: Database, settings: Settings, outcomes: list[Outcome]) -> None:
    """Write a batch of outcomes in one transaction (two statements, executed many)."""
    if not outcomes:
        return
    now = utcnow()
    d, a = cast(Table, WebhookDelivery.__table__), cast(Table, WebhookAttempt.__table__)
    rows = [
        {
            "b_id": o.claimed.delivery_id,
            "b_number": o.claimed.number,
            "b_code": o.code,
            "b_ms": o.duration_ms,
            "b_error": _error(o),
            "b_now": now,
            **_next_state(o, settings, now),
        }
        for o in outcomes
    ]
    async with db.write() as session:
        await session.execute(
            update(d)
            .where(d.c.id == bindparam("b_id"), d.c.attempts == bindparam("b_number"))
            .values(
                status=bindparam("b_status"),
                next_attempt_at=bindparam("b_next"),
                delivered_at=bindparam("b_delivered"),
                last_response_code=bindparam("b_code"),
                last_duration_ms=bindparam("b_ms"),
                last_error=bindparam("b_error"),
                updated_at=bindparam("b_now"),
            ),
            rows,
        )
        await session.execute(
            update(a)
            .where(a.c.delivery_id == bindparam("b_id"), a.c.number == bindparam("b_number"))
            .values(
                response_code=bindparam("b_code"),
                duration_ms=bindparam("b_ms"),
                error=bindparam("b_error"),
                updated_at=bindparam("b_now"),
            ),
            rows,
        )
        gone = {o.claimed.webhook_id for o in outcomes if o.code == GONE}
        if gone:
            await _disable(session, gone, now)


async def _disable(session, webhook_ids: set[int], now: datetime) -> None:
    """410 Gone: the endpoint asked to be forgotten; stop it and give up what waits for it."""
    await session.execute(
        update(Webhook)
        .where(Webhook.id.in_(webhook_ids))
        .values(is_active=False, disabled_reason="The endpoint answered 410 Gone.", updated_at=now)
    )
    await session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.webhook_id.in_(webhook_ids), WebhookDelivery.status == DeliveryStatus.PENDING.value)
        .values(status=DeliveryStatus.FAILED.value, last_error="The endpoint was disabled (410 Gone).", updated_at=now)
        .execution_options(synchronize_session=False)
    )


async def deliver_due(
    db: Database, settings: Settings, client: aiohttp.ClientSession, *, limit: int = 100, concurrency: int = 32
) -> int:
    """Claim up to `limit` due deliveries, send them concurrently, record the outcomes; returns how many."""
    claimed = await claim(db, settings, limit)
    if not claimed:
        return 0
    gate = asyncio.Semaphore(concurrency)

    async def one(item: Claimed) -> Outcome:
        async with gate:
            return await send(client, settings, item)

    outcomes = await asyncio.gather(*(one(item) for item in claimed))
    await record(db, settings, list(outcomes))
    return len(claimed)


def new_client() -> aiohttp.ClientSession:
    """No redirects (a redirect could lead to an internal address: see `send`) and no proxies from the
    environment. aiohttp rather than httpx here: on this project's machine it sends webhooks about
    thirty times faster under concurrency (see benchmarks/events.py)."""
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=64, ttl_dns_cache=60),
        trust_env=False,
        headers={"user-agent": "ShopReady-Webhooks/1"},
    )
