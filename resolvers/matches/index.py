"""Per-process candidate indexes, one per match kind and database, kept fresh from the rows.

An index is built on first use; before a query, when a committed change was announced since its
previous read (`resolvers.matches.staleness`: in process at once, across processes by PostgreSQL
NOTIFY) or that read is older than the safety interval, it applies the rows whose `updated_at` is at
or above its read mark minus `OVERLAP`. The read mark is the clock at the start of the previous
successful read (it moves only once a read has returned its rows, so a failed read is simply
tried again from the same mark): every row committed by then was seen, and a transaction still
open then stamped its rows at most `OVERLAP` earlier (stamps are taken before commit), so nothing
committed late is missed.
(A mark taken from the newest row instead would re-read a whole bulk import, which shares one
stamp, on every query.) Freshness comes from the database, so any number of app processes on one
PostgreSQL each keep their own index right; applying a row twice is harmless (upserts), and rows
already applied with the same stamp are skipped, so a read after an unrelated change costs one
indexed query, and a quiet database none.

What the rows cannot say (a row deleted, or changed behind the application's back) is caught by
the re-check of each final top-k (`resolvers.matches.paging`), which then `forget`s those rows.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import today, utcnow
from db.engine import Database
from matching import CandidateIndex, JobPool, ListingPool, MentorPool, NeedPool, Removed, StudentPool, Taxonomy
from resolvers.donations import categories
from resolvers.matches import donation_sources as donations
from resolvers.matches import staleness
from resolvers.matches import talent_sources as talent

OVERLAP = timedelta(seconds=10)  # longer than a write transaction, plus clock skew between app hosts
Loader = Callable[[AsyncSession, datetime | None], Awaitable[list]]


@dataclass(frozen=True)
class IndexSource:
    pool_type: type
    load: Loader


SOURCES: dict[str, IndexSource] = {
    "students": IndexSource(StudentPool, talent.students),
    "jobs": IndexSource(JobPool, lambda session, since: talent.jobs(session, since, today())),
    "mentors": IndexSource(MentorPool, talent.mentors),
    "needs": IndexSource(NeedPool, donations.needs),
    "listings": IndexSource(ListingPool, lambda session, since: donations.listings(session, since, utcnow())),
}


class LiveIndex:
    def __init__(self, source: IndexSource) -> None:
        self.source = source
        self.index: CandidateIndex | None = None
        self._lock = asyncio.Lock()
        self._applied: dict[int, datetime | None] = {}  # stamps applied within the overlap window
        self._read_mark: datetime | None = None  # when the previous read started
        self._generation = -1  # the staleness generation the previous read saw
        self._read_at = 0.0  # monotonic time of the previous read

    async def fresh(self, db: Database) -> CandidateIndex[Any]:
        async with self._lock:
            told = await staleness.listening(db)
            seen = staleness.generation()  # taken before reading: a change committed during the read moves it
            if self.index is None:
                self.index = await self._build(db)
            elif not told or seen != self._generation or time.monotonic() - self._read_at > staleness.SAFETY_SECONDS:
                await self._refresh(self.index, db)
            else:
                return self.index
            self._generation, self._read_at = seen, time.monotonic()
            return self.index

    async def _build(self, db: Database) -> CandidateIndex[Any]:
        started = utcnow()
        async with db.read() as session:
            rows = await self.source.load(session, None)
        # sorting a national pool into the grid takes a moment: keep the event loop serving
        index = await asyncio.to_thread(CandidateIndex.from_rows, rows, self.source.pool_type)
        self._read_mark = started
        self._remember(rows, self._since())
        return index

    def _since(self) -> datetime | None:
        return self._read_mark - OVERLAP if self._read_mark is not None else None

    async def _refresh(self, index: CandidateIndex[Any], db: Database) -> None:
        since, started = self._since(), utcnow()
        async with db.read() as session:
            rows = await self.source.load(session, since)
        new = [r for r in rows if r.id not in self._applied or self._applied[r.id] != r.updated_at]
        if new:
            new.sort(key=lambda r: (r.updated_at is None, r.updated_at))
            index.apply_changes(new)
        self._read_mark = started  # only now: had the read failed, the next one starts from the old mark
        self._remember(rows, self._since())

    def _remember(self, rows: Iterable, since: datetime | None) -> None:
        if since is None:
            self._applied = {r.id: r.updated_at for r in rows}
            return
        kept: dict[int, datetime | None] = {
            i: stamp for i, stamp in self._applied.items() if stamp is not None and stamp >= since
        }
        kept.update((r.id, r.updated_at) for r in rows if r.updated_at is not None and r.updated_at >= since)
        self._applied = kept

    def forget(self, ids: Iterable[int]) -> None:
        """Rows the database no longer offers (deleted, hidden, closed): out until they change again."""
        ids = list(ids)
        if ids and self.index is not None:
            self.index.apply_changes([Removed(i) for i in ids])
            for i in ids:
                self._applied.pop(i, None)


_INDEXES: dict[tuple[str, str], LiveIndex] = {}
_TAXONOMIES: dict[str, Taxonomy] = {}


def live(db: Database, kind: str) -> LiveIndex:
    key = (db.url, kind)
    found = _INDEXES.get(key)
    if found is None:
        found = _INDEXES[key] = LiveIndex(SOURCES[kind])
    return found


async def fresh(db: Database, kind: str) -> tuple[LiveIndex, CandidateIndex]:
    holder = live(db, kind)
    return holder, await holder.fresh(db)


async def taxonomy(db: Database) -> Taxonomy:
    """The category tree as the engine's parent array; reference data, built once per process."""
    found = _TAXONOMIES.get(db.url)
    if found is None:
        found = _TAXONOMIES[db.url] = donations.taxonomy(await categories.tree(db))
    return found
