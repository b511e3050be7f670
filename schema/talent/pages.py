"""Paging arguments of the talent fields, and pages of per-parent lists.

A per-parent list (a profile's credentials, a posting's invitations) is read whole through a DataLoader,
one query for every parent in the request, and each parent's page is cut from its rows: the number of
statements stays the same however many parents or rows there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, TypeVar

import strawberry

from core.paging import Slice
from schema.relay import page_args

T = TypeVar("T")

First = Annotated[
    int | None,
    strawberry.argument(description="How many items to return, from 0 to 100 (OUT_OF_RANGE otherwise)."),
]
After = Annotated[
    str | None,
    strawberry.argument(description="Return the items after this cursor: `pageInfo.endCursor` of the previous page."),
]


def page_of(rows: Sequence[T], first: int | None, after: str | None) -> Slice[T]:
    """The page `first`/`after` asks for of rows already loaded in their stable order."""
    page = page_args(first, after)
    items, has_next = page.window(rows)
    return Slice(items, page.offset, has_next)
