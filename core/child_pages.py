"""One page of each parent's children (a scholarship's applications, a program's enrollments) in one statement.

A window function numbers each parent's children in their stable order, so a page costs one query
however many parents a response lists, and only the rows of the page (plus one, to tell whether
another page follows) leave the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from core.paging import Page, Slice
from db.engine import Database


async def child_pages(
    db: Database, model: Any, column: str, parent_ids: Sequence[int], page: Page, order_by: Sequence[str] = ("id",)
) -> list[Slice[Any]]:
    """For each parent id, in order, the page of the `model` rows whose `column` is that id."""
    parent = getattr(model, column)
    position = func.row_number().over(partition_by=parent, order_by=[getattr(model, name) for name in order_by])
    numbered = select(model, position.label("position")).where(parent.in_(parent_ids)).subquery()
    row = aliased(model, numbered)
    stmt = (
        select(row)
        .where(numbered.c.position > page.offset, numbered.c.position <= page.offset + page.first + 1)
        .order_by(numbered.c[column], numbered.c.position)
    )
    async with db.read() as session:
        rows = (await session.scalars(stmt)).all()
    grouped: dict[int, list[Any]] = defaultdict(list)
    for found in rows:
        grouped[getattr(found, column)].append(found)
    return [page.slice(grouped.get(parent_id, [])) for parent_id in parent_ids]
