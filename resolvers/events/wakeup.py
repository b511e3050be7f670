"""Wake-ups when events commit: PostgreSQL LISTEN/NOTIFY across processes, a callback in this process.

A wake-up carries no data: whoever wakes reads the outbox past its own position, so a lost
notification (a dropped LISTEN connection) only delays, and the timeout of `wait` bounds the delay.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from core.outbox import CHANNEL, on_commit
from db.engine import Database

logger = logging.getLogger("shopready.events")


class Wakeup:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._signal = asyncio.Event()
        self._connection: Any = None
        self._unsubscribe: Callable[[], None] | None = None

    async def start(self) -> None:
        loop = asyncio.get_running_loop()

        def woken() -> None:
            loop.call_soon_threadsafe(self._signal.set)

        self._unsubscribe = on_commit(woken)
        await self._listen()

    async def _listen(self) -> None:
        if self._db.dialect != "postgresql":
            return
        # A connection of its own, outside the pool (and outside PgBouncer): LISTEN belongs to a session.
        dsn = make_url(self._db.url).set(drivername="postgresql").render_as_string(hide_password=False)
        try:
            self._connection = await asyncpg.connect(dsn)
            await self._connection.add_listener(CHANNEL, lambda *_: self._signal.set())
        except (OSError, asyncpg.PostgresError):
            logger.warning("LISTEN %s failed; polling only until it can be set up again", CHANNEL, exc_info=True)
            self._connection = None

    async def wait(self, seconds: float) -> bool:
        """Until an event commits or `seconds` pass; True when woken."""
        if self._db.dialect == "postgresql" and (self._connection is None or self._connection.is_closed()):
            await self._listen()
        try:
            await asyncio.wait_for(self._signal.wait(), seconds)
        except TimeoutError:
            return False
        finally:
            self._signal.clear()
        return True

    def poke(self) -> None:
        self._signal.set()

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._connection is not None:
            with contextlib.suppress(Exception):
                await self._connection.close()
            self._connection = None
