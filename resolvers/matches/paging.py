"""A page of engine matches, re-checked against the database before anyone sees it.

The in-memory index may lag the database (a row hidden or deleted a moment ago, or changed
behind the application's back); the database is the authority. So the engine is asked for a
few more matches than the page needs, every one of them is re-checked in ONE query that also
loads the rows to show, and if the re-check dropped so many that the page would be short, the
engine is asked again for more. Dropped rows are forgotten by the index.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from core.paging import Page, Slice
from db.engine import Database
from matching import Match
from resolvers.matches.index import LiveIndex

MARGIN = 10  # extra matches asked for, so a few dropped rows never cost a second round
MAX_MATCHES = 2000  # the deepest an engine query goes, whatever happens to the re-check


@dataclass(frozen=True)
class Ranked:
    row: Any  # the database row, as re-checked
    match: Match


async def recheck(db: Database, model, ids: Sequence[int], *conditions) -> dict[int, Any]:
    """The rows of `ids` that still satisfy `conditions`, in one statement."""
    if not ids:
        return {}
    async with db.read() as session:
        rows = (await session.scalars(select(model).where(model.id.in_(list(ids)), *conditions))).all()
    return {row.id: row for row in rows}


async def ranked_page(
    rank: Callable[[int], list[Match]],
    still_offered: Callable[[Sequence[int]], Awaitable[dict[int, Any]]],
    page: Page,
    holder: LiveIndex | None = None,
) -> Slice[Ranked]:
    """`rank(k)` gives the engine's k best; `still_offered(ids)` the rows the database still offers."""
    wanted = page.offset + page.first + 1  # one more tells whether a next page exists
    k = min(wanted + MARGIN, MAX_MATCHES)
    while True:
        matches = rank(k)
        rows = await still_offered([m.id for m in matches])
        dropped = [m.id for m in matches if m.id not in rows]
        if holder is not None:
            holder.forget(dropped)
        kept = [Ranked(rows[m.id], m) for m in matches if m.id in rows]
        exhausted = len(matches) < k or k >= MAX_MATCHES
        if len(kept) >= wanted or exhausted:
            break
        k = min(max(2 * k, wanted + 2 * len(dropped)), MAX_MATCHES)
    items, has_next = page.window(kept)
    return Slice(items, page.offset, has_next)
