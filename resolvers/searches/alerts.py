"""Telling people of new rows matching their saved searches: a step the worker runs.

Each due search is claimed with `FOR UPDATE SKIP LOCKED` (SQLite's one writer at a time does the same),
its new matches since the high-water mark are announced in one `saved_search.matched` event, and the
mark and the next due time move in the same transaction: two workers never announce a row twice,
and a failed round announces nothing and moves nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from core import outbox
from core.clock import utcnow
from core.global_ids import global_id
from db.engine import Database
from db.enums.events import EventType
from db.enums.searches import AlertFrequency, SearchKind
from db.models import SavedSearch
from resolvers.donations import categories
from resolvers.searches.criteria import KINDS, Window, from_json, high_water, new_matches

BATCH = 100
LISTED = 20  # ids named in one event; `count` says how many matched in all


def matched_event(search: SavedSearch, ids: list[int]) -> outbox.Event:
    kind = KINDS[SearchKind(search.kind)]
    plural = kind.noun if len(ids) == 1 else f"{kind.noun}s"
    return outbox.Event(
        type=EventType.SAVED_SEARCH_MATCHED,
        subject_type="SavedSearch",
        subject_id=search.id,
        user_ids=(search.owner_id,),
        data={
            "savedSearch": global_id("SavedSearch", search.id),
            "kind": search.kind,
            "matches": [global_id(kind.type_name, pk) for pk in ids[:LISTED]],
            "count": len(ids),
            "title": f"{len(ids)} new {plural} for “{search.name}”",
            "body": f"Your saved search “{search.name}” has {len(ids)} new {plural} since we last told you.",
        },
    )


async def alert_due(db: Database, now: datetime | None = None) -> int:
    """Look at up to BATCH due searches; returns how many announced new matches."""
    now = now or utcnow()
    tree = await categories.tree(db)
    announced = 0
    async with db.write() as session:
        due = (
            await session.scalars(
                select(SavedSearch)
                .where(SavedSearch.next_alert_at <= now)
                .order_by(SavedSearch.next_alert_at, SavedSearch.id)
                .limit(BATCH)
                .with_for_update(skip_locked=True)
            )
        ).all()
        marks = {kind: await high_water(session, kind) for kind in {SearchKind(row.kind) for row in due}}
        for search in due:
            kind = SearchKind(search.kind)
            through = marks[kind]
            if through > search.seen_through_id:
                window = Window(search.seen_through_id, through, now.date())
                ids = await new_matches(session, from_json(kind, search.criteria), window, tree)
                if ids:
                    outbox.append(session, matched_event(search, ids))
                    search.last_alerted_at = now
                    announced += 1
                search.seen_through_id = through
            interval = AlertFrequency(search.frequency).interval
            search.next_alert_at = now + interval if interval is not None else None
    return announced
