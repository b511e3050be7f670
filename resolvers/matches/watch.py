"""The match watch: when rows change, the matching engine re-ranks what they can affect and announces
entrants (`match.candidate_entered` into a posting's top 20, `match.listing_entered` into a need's top 10,
`match.posting_entered` into a student's top 10 recommended jobs).

Run by the worker. It looks at rows whose `updated_at` moved past its mark (with a little overlap, since
a row is stamped before its transaction commits), finds the targets they can enter (a changed student's
best postings, a changed listing's best needs, and every changed posting or need itself), ranks each
target's top k with the same engine and re-check as the API, and compares with the last top k it saw. A
changed posting also re-ranks the recommendations of its best candidates, the students it can enter.
The first ranking of a target is a baseline and announces nothing. Several workers may run it: the
snapshot and mark are written only if the mark did not move meanwhile (else the round is discarded).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from core import outbox
from core.clock import today, utcnow
from core.paging import Page
from db.engine import Database
from db.models import JobPosting, Listing, MatchSnapshot, Need, StudentProfile
from matching import Match
from resolvers.events.consumers import claim_position, move_position
from resolvers.matches import donations, events, talent
from resolvers.matches.donation_sources import available_listings, open_needs
from resolvers.matches.paging import Ranked
from resolvers.matches.talent_sources import open_postings, visible_students

MARK = "match_watch"
CANDIDATES_TOP = 20
LISTINGS_TOP = 10
JOBS_TOP = 10
STUDENT_REACH = 20  # how many of a changed posting's best candidates have their recommendations re-ranked
REACH = 50  # how many of a changed row's best targets are re-ranked
OVERLAP = timedelta(seconds=5)
MAX_CHANGED = 500  # rows per round; the rest wait for the next round


def _micros(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000)


def _moment(micros: int) -> datetime:
    return datetime.fromtimestamp(micros / 1_000_000, tz=utcnow().tzinfo)


async def _changed(db: Database, model: Any, since: datetime, until: datetime, *conditions: Any) -> list[Any]:
    async with db.read() as session:
        stmt = (
            select(model)
            .where(model.updated_at > since, model.updated_at <= until, *conditions)
            .order_by(model.updated_at)
            .limit(MAX_CHANGED)
        )
        return list((await session.scalars(stmt)).all())


async def _rows(db: Database, model: Any, ids: Iterable[int]) -> list[Any]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    async with db.read() as session:
        return list((await session.scalars(select(model).where(model.id.in_(wanted)))).all())


Ranker = Callable[[Any], Awaitable[Sequence[Ranked]]]
Announce = Callable[[Any, Match, int], outbox.Event]


async def _rank_all(targets: Iterable[Any], rank: Ranker) -> dict[int, tuple[Any, list[Ranked]]]:
    return {target.id: (target, list(await rank(target))) for target in targets}


async def watch(db: Database) -> int:
    """One round; returns how many entrants were announced."""
    async with db.write() as session:
        mark = await claim_position(session, MARK)
        if mark is None:
            return 0
        if mark == 0:  # first run: start from now, without announcing the whole history
            await move_position(session, MARK, _micros(utcnow()))
            return 0
    since, until = _moment(mark) - OVERLAP, utcnow()
    on, now = today(), utcnow()

    students = await _changed(db, StudentProfile, since, until, visible_students())
    postings = {p.id: p for p in await _changed(db, JobPosting, since, until, open_postings(on))}
    seekers = {s.id: s for s in await _changed(db, StudentProfile, since, until)}
    for posting in list(postings.values()):
        for fit in (await talent.candidates(db, posting, Page(STUDENT_REACH, 0))).items:
            seekers.setdefault(fit.row.id, fit.row)
    for student in students:
        for job in (await talent.recommended_jobs(db, student, Page(REACH, 0))).items:
            postings.setdefault(job.row.id, job.row)
    listings = await _changed(db, Listing, since, until, available_listings(now))
    needs = {n.id: n for n in await _changed(db, Need, since, until, open_needs())}
    for listing in listings:
        for fit in (await donations.matching_needs(db, listing, Page(REACH, 0))).items:
            needs.setdefault(fit.row.id, fit.row)

    ranked_postings = await _rank_all(
        postings.values(), lambda p: _items(talent.candidates(db, p, Page(CANDIDATES_TOP, 0)))
    )
    ranked_needs = await _rank_all(
        needs.values(), lambda n: _items(donations.matching_listings(db, n, Page(LISTINGS_TOP, 0)))
    )
    ranked_seekers = await _rank_all(
        seekers.values(), lambda s: _items(talent.recommended_jobs(db, s, Page(JOBS_TOP, 0)))
    )

    announced = 0
    async with db.write() as session:
        if await claim_position(session, MARK) != mark:  # another worker did this round meanwhile
            return 0
        rounds: list[tuple[str, dict[int, tuple[Any, list[Ranked]]], Announce]] = [
            ("candidates", ranked_postings, events.candidate_entered),
            ("listings", ranked_needs, events.listing_entered),
            ("jobs", ranked_seekers, events.posting_entered),
        ]
        for kind, ranked_targets, announce in rounds:
            snapshots = {
                s.target_id: s
                for s in await session.scalars(
                    select(MatchSnapshot).where(MatchSnapshot.kind == kind, MatchSnapshot.target_id.in_(ranked_targets))
                )
            }
            for target_id, (target, top) in ranked_targets.items():
                members = [r.match.id for r in top]
                snapshot = snapshots.get(target_id)
                if snapshot is None:
                    session.add(MatchSnapshot(kind=kind, target_id=target_id, member_ids=members))
                    continue
                before = set(snapshot.member_ids)
                for rank, item in enumerate(top, start=1):
                    if item.match.id not in before:
                        outbox.append(session, announce(target, item.match, rank))
                        announced += 1
                snapshot.member_ids = members
        await move_position(session, MARK, _micros(until))
    return announced


async def _items(page: Awaitable[Any]) -> Sequence[Ranked]:
    return (await page).items
