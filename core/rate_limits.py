"""Leaky buckets kept in the database, so every app process on one database shares them.

A bucket fills by what each request costs and drains at a steady rate; a request that would overflow
it is refused, with how long until it would fit. One atomic statement per charge: two processes
charging the same key at once can never both pass the capacity.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, func, select
from sqlalchemy.dialects import postgresql, sqlite

from db.engine import Database
from db.models.platform.rate_buckets import RateBucket


@dataclass(frozen=True)
class Bucket:
    capacity: float
    leak_per_second: float


@dataclass(frozen=True)
class Charge:
    allowed: bool
    level: float  # how full the bucket is after this charge (or now, when refused)
    retry_after_seconds: float = 0.0


_TABLE: Table = RateBucket.__table__  # type: ignore[assignment]  # a Table, typed as FromClause


class RateLimiter:
    """Charges buckets with one statement a request: refunds are settled with the caller's next charge."""

    MAX_PENDING_REFUNDS = 10_000

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db, self.clock = db, clock
        self._insert = postgresql.insert if db.dialect == "postgresql" else sqlite.insert
        self._greatest = func.greatest if db.dialect == "postgresql" else func.max
        # Unused charges owed back, per key. Kept in this process only: losing one (a restart, another
        # process serving the next request) makes the budget stricter, never looser.
        self._refunds: dict[str, float] = {}

    async def charge(self, key: str, amount: float, bucket: Bucket) -> Charge:
        if amount > bucket.capacity:
            return Charge(False, await self.peek(key, bucket), float("inf"))
        owed = self._refunds.pop(key, 0.0)
        now = self.clock()
        table = _TABLE
        drained = self._greatest(0.0, table.c.level - owed - (now - table.c.touched) * bucket.leak_per_second)
        statement = (
            self._insert(table)
            .values(key=key, level=amount, touched=now)
            .on_conflict_do_update(
                index_elements=[table.c.key],
                set_={"level": drained + amount, "touched": now, "updated_at": func.now()},
                where=drained + amount <= bucket.capacity,
            )
            .returning(table.c.level)
        )
        async with self.db.write() as session:
            level = (await session.execute(statement)).scalar()
            await session.commit()
        if level is not None:
            return Charge(True, float(level))
        if owed:
            self._refunds[key] = owed
        current = max(0.0, await self.peek(key, bucket) - owed)
        return Charge(False, current, (current + amount - bucket.capacity) / bucket.leak_per_second)

    def refund(self, key: str, amount: float) -> None:
        """Owe back what a request was charged but did not use; settled with the key's next charge."""
        if amount <= 0:
            return
        if len(self._refunds) >= self.MAX_PENDING_REFUNDS and key not in self._refunds:
            self._refunds.clear()  # forgetting refunds is always safe
        self._refunds[key] = self._refunds.get(key, 0.0) + amount

    async def peek(self, key: str, bucket: Bucket) -> float:
        """How full the bucket is now."""
        async with self.db.read() as session:
            row = (
                await session.execute(select(RateBucket.level, RateBucket.touched).where(RateBucket.key == key))
            ).first()
        if row is None:
            return 0.0
        return max(0.0, float(row.level) - (self.clock() - float(row.touched)) * bucket.leak_per_second)
