"""Per-parent lists as connections (an organization's members, a person's memberships, an app's tokens).

Each page is read for every parent in the batch with one windowed query, so a list costs the same SQL
however many parents a document asks for, and only the rows of the requested page leave the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Annotated, Any

import strawberry
from sqlalchemy import func, select

from core.paging import Page, Slice
from db.engine import Database
from schema.context import Info

First = Annotated[
    int | None,
    strawberry.argument(description="How many items to return, from 0 to 100; 20 when omitted."),
]
After = Annotated[
    str | None,
    strawberry.argument(description="Return the items after this cursor (`pageInfo.endCursor` of the previous page)."),
]


async def child_page(info: Info, model, column: str, parent_id: int, page: Page) -> Slice:
    """One page of `model` rows whose `column` is `parent_id`, oldest first."""
    loader = info.context.loaders.custom(f"page:{model.__tablename__}.{column}", _window_batch(model, column))
    return await loader.load((parent_id, page.offset, page.first))


def _window_batch(model, column: str):
    async def batch(db: Database, keys: Sequence[tuple[Any, int, int]]) -> list[Slice]:
        parents_by_window: dict[tuple[int, int], set] = defaultdict(set)
        for parent, offset, first in keys:
            parents_by_window[(offset, first)].add(parent)
        rows: dict[tuple[Any, int, int], list] = defaultdict(list)
        async with db.read() as session:
            for (offset, first), parents in parents_by_window.items():
                for row in await session.scalars(_window(model, column, parents, offset, first)):
                    rows[(getattr(row, column), offset, first)].append(row)
        return [Page(first, offset).slice(rows[(parent, offset, first)]) for parent, offset, first in keys]

    return batch


def _window(model, column: str, parents: set, offset: int, first: int):
    """Rows offset+1 .. offset+first+1 of each parent (one extra to learn whether another page follows)."""
    parent = getattr(model, column)
    position = func.row_number().over(partition_by=parent, order_by=model.id).label("position")
    ranked = select(model.id, position).where(parent.in_(parents)).subquery()
    return (
        select(model)
        .join(ranked, ranked.c.id == model.id)
        .where(ranked.c.position > offset, ranked.c.position <= offset + first + 1)
        .order_by(parent, model.id)
    )
