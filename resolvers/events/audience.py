"""Whether a recipient (a webhook's app, a subscriber) may hear of an event: each domain's policy decides.

The recipient's ties (organizations, which are employers, which students released their names to it)
are read through `ViewerTies`, cached for a short while so that a long-lived subscriber or a fan-out
batch asks the database once, and picks up a membership change within `TIES_TTL`.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from core.viewer import Viewer
from db.engine import Database
from db.enums.events import EventType
from db.models import Membership, Organization, OutboxEvent, StudentProfile
from resolvers.donations import policy as donations
from resolvers.matches import policy as matches
from resolvers.messages import policy as messages
from resolvers.pathways import policy as pathways
from resolvers.pathways.scholarship_applicants import applied_for_awards_of
from resolvers.searches import policy as searches
from resolvers.talent import policy as talent
from resolvers.talent.students import released_to

TIES_TTL = 30.0
_TALENT = {"job_posting", "application", "invitation", "mentorship", "credential"}
_DONATIONS = {"need", "listing", "donation", "receipt", "service_offer"}


@dataclass
class CachedTies:
    """`resolvers.talent.policy.ViewerTies` for one recipient, read in short sessions and cached."""

    db: Database
    viewer: Viewer
    _organizations: frozenset[int] | None = None
    _employers: frozenset[int] | None = None
    _read_at: float = 0.0
    _released: dict[int, bool] = field(default_factory=dict)
    _reading: asyncio.Lock = field(default_factory=asyncio.Lock)

    def _fresh(self) -> bool:
        return self._organizations is not None and time.monotonic() - self._read_at < TIES_TTL

    async def _current(self) -> None:
        """Read the ties if they are stale; recipients sharing them wait for one read, not one each."""
        if self._fresh():
            return
        async with self._reading:
            if not self._fresh():
                await self._read()

    async def organization_ids(self) -> Collection[int]:
        await self._current()
        return self._organizations or frozenset()

    async def employers_among(self, organization_ids: Collection[int]) -> list[int]:
        await self._current()
        employers = self._employers or frozenset()
        return [org for org in organization_ids if org in employers]

    async def released(self, student_id: int, employer_ids: list[int]) -> bool:
        if student_id not in self._released:
            self._released[student_id] = student_id in await released_to(self.db, [student_id], employer_ids)
        return self._released[student_id]

    async def applied_for_awards(self, student_id: int, organization_ids: Collection[int]) -> bool:
        async with self.db.read() as session:
            found = await session.scalar(
                select(StudentProfile.id).where(
                    StudentProfile.id == student_id, applied_for_awards_of(StudentProfile.id, organization_ids)
                )
            )
        return found is not None

    async def _read(self) -> None:
        viewer = self.viewer
        async with self.db.read() as session:
            if viewer.is_app:
                mine = {viewer.app_organization_id} if viewer.app_organization_id is not None else set()
            elif viewer.user_id is not None:
                mine = set(
                    await session.scalars(
                        select(Membership.organization_id).where(Membership.user_id == viewer.user_id)
                    )
                )
            else:
                mine = set()
            employers = (
                set(
                    await session.scalars(
                        select(Organization.id).where(Organization.id.in_(mine), Organization.is_employer)
                    )
                )
                if mine
                else set()
            )
        self._organizations, self._employers = frozenset(mine), frozenset(employers)
        self._released.clear()
        self._read_at = time.monotonic()


class SharedTies:
    """One `CachedTies` per viewer for everything of this process that listens as that viewer (the
    subscriptions of every socket signed in with one token): their rights are the same, so the
    database is asked once per viewer, not once per subscription. Dropped with its last listener."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._ties: weakref.WeakValueDictionary[Viewer, CachedTies] = weakref.WeakValueDictionary()

    def of(self, viewer: Viewer) -> CachedTies:
        ties = self._ties.get(viewer)
        if ties is None:
            ties = self._ties[viewer] = CachedTies(self.db, viewer)
        return ties


async def students_of(db: Database, events: Iterable[OutboxEvent]) -> dict[int, StudentProfile]:
    """The students a batch of events is about, read in one query (their current visibility counts)."""
    ids = {event.student_id for event in events if event.student_id is not None}
    if not ids:
        return {}
    async with db.read() as session:
        rows = await session.scalars(select(StudentProfile).where(StudentProfile.id.in_(ids)))
        return {row.id: row for row in rows}


async def may_hear(ties: CachedTies, event: OutboxEvent, students: dict[int, StudentProfile]) -> bool:
    domain = EventType(event.type).domain
    viewer = ties.viewer
    student = students.get(event.student_id) if event.student_id is not None else None
    if domain == "message":
        return messages.may_hear(viewer, event)
    if domain == "saved_search":
        return searches.may_hear(viewer, event)
    if EventType(event.type).is_personal:  # `user_ids` is the whole audience
        return viewer.user_id is not None and viewer.user_id in event.user_ids
    if domain in _DONATIONS:
        return donations.may_hear(viewer, await ties.organization_ids(), event)
    if domain in _TALENT:
        return await talent.may_hear(viewer, ties, event, student)
    if domain == "match":
        return await matches.may_hear(viewer, ties, event, student)
    return pathways.may_hear(viewer, await ties.organization_ids(), event)
