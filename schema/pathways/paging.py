"""Paging arguments of the pathway connections, and per-parent pages through the request's loaders."""

from __future__ import annotations

import functools
from typing import Annotated

import strawberry

from core.paging import MAX_PAGE, Page, Slice
from resolvers.pathways.child_pages import child_pages
from schema.context import Info

First = Annotated[
    int | None,
    strawberry.argument(description=f"How many items to return, from 0 to {MAX_PAGE}; 20 when omitted."),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Return the items after this cursor (an edge's `cursor` or `pageInfo.endCursor` of the "
        "previous page); omit for the first page."
    ),
]


async def child_page(
    info: Info, model, column: str, parent_id: int, page: Page, order_by: tuple[str, ...] = ("id",)
) -> Slice:
    """The page of `parent_id`'s children; every parent asking for the same page shares one query."""
    name = f"child_pages:{model.__tablename__}:{column}:{','.join(order_by)}:{page.first}:{page.offset}"
    batch = functools.partial(_batch, model=model, column=column, page=page, order_by=order_by)
    return await info.context.loaders.custom(name, batch).load(parent_id)


async def _batch(db, parent_ids, *, model, column, page, order_by):
    return await child_pages(db, model, column, parent_ids, page, order_by)
