"""Fan-out of committed events to this process's subscribers.

One reader per process follows the outbox: woken by LISTEN/NOTIFY (or a commit in this process) and
polling as a fallback, it reads new rows once and hands the same batch to every subscriber's queue.
A subscriber that falls too far behind is told so and re-reads from the database by its position:
the outbox is the source of truth, the bus only saves each subscriber a query.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from db.engine import Database
from db.models import OutboxEvent, StudentProfile
from resolvers.events.audience import SharedTies, students_of
from resolvers.events.wakeup import Wakeup

logger = logging.getLogger("shopready.events")
QUEUE_BATCHES = 256
READ_LIMIT = 1000


@dataclass(frozen=True)
class Batch:
    events: Sequence[OutboxEvent]
    students: dict[int, StudentProfile]


OVERFLOW = Batch((), {})


async def read_after(db: Database, position: int, limit: int = READ_LIMIT) -> list[OutboxEvent]:
    async with db.read() as session:
        stmt = select(OutboxEvent).where(OutboxEvent.id > position).order_by(OutboxEvent.id).limit(limit)
        return list((await session.scalars(stmt)).all())


class EventBus:
    def __init__(self, db: Database, poll_seconds: float = 1.0) -> None:
        self.db = db
        self.poll_seconds = poll_seconds
        self.head = 0
        self.ties = SharedTies(db)
        self._queues: set[asyncio.Queue[Batch]] = set()
        self._wakeup = Wakeup(db)
        self._task: asyncio.Task[None] | None = None
        self._starting = asyncio.Lock()

    async def subscribe(self) -> asyncio.Queue[Batch]:
        await self._start()
        queue: asyncio.Queue[Batch] = asyncio.Queue(QUEUE_BATCHES)
        self._queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Batch]) -> None:
        self._queues.discard(queue)

    async def _start(self) -> None:
        async with self._starting:
            if self._task is not None:
                return
            async with self.db.read() as session:
                self.head = await session.scalar(select(func.coalesce(func.max(OutboxEvent.id), 0))) or 0
            await self._wakeup.start()
            self._task = asyncio.create_task(self._pump())

    async def _pump(self) -> None:
        while True:
            await self._wakeup.wait(self.poll_seconds)
            try:
                while events := await read_after(self.db, self.head):
                    self.head = events[-1].id
                    self._publish(Batch(events, await students_of(self.db, events)))
            except Exception:  # keep following; the next wake-up reads from the same head
                logger.exception("event bus read failed")

    def _publish(self, batch: Batch) -> None:
        for queue in list(self._queues):
            try:
                queue.put_nowait(batch)
            except asyncio.QueueFull:
                # The subscriber will re-read from the database; drop what it has not taken yet.
                while not queue.empty():
                    queue.get_nowait()
                queue.put_nowait(OVERFLOW)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self._wakeup.stop()
