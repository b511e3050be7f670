"""One DataLoader container per request; every batch opens its own short read session.

Concurrent resolvers must not share one AsyncSession, so no loader holds one between batches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from core.child_pages import child_pages
from core.paging import Page, Slice
from db.engine import Database

BatchFn = Callable[[Database, Sequence[Any]], Awaitable[Sequence[Any]]]


class Loaders:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._loaders: dict[Any, DataLoader] = {}

    def _get(self, key: Any, batch: BatchFn) -> DataLoader:
        loader = self._loaders.get(key)
        if loader is None:
            loader = self._loaders[key] = DataLoader(load_fn=lambda keys: batch(self._db, keys))
        return loader

    def by_id(self, model) -> DataLoader:
        """`<model>_by_id`: the row with each id, or None."""

        async def batch(db: Database, ids: Sequence[int]):
            async with db.read() as session:
                rows = (await session.scalars(select(model).where(model.id.in_(ids)))).all()
            found = {row.id: row for row in rows}
            return [found.get(i) for i in ids]

        return self._get(("by_id", model), batch)

    def by_column(self, model, column: str, *, order_by: Sequence[str] = ("id",)) -> DataLoader:
        """`<model>s_by_<column>`: the list of rows whose `column` equals each key."""

        async def batch(db: Database, keys: Sequence[Any]):
            col = getattr(model, column)
            stmt = select(model).where(col.in_(keys)).order_by(*(getattr(model, name) for name in order_by))
            async with db.read() as session:
                rows = (await session.scalars(stmt)).all()
            grouped: dict[Any, list] = defaultdict(list)
            for row in rows:
                grouped[getattr(row, column)].append(row)
            return [grouped.get(key, []) for key in keys]

        return self._get(("by_column", model, column, tuple(order_by)), batch)

    def page_by_column(self, model: Any, column: str, page: Page, *, order_by: Sequence[str] = ("id",)) -> DataLoader:
        """`<model>_page_by_<column>`: one page of each parent's rows; every parent asking for the same
        page shares one windowed query, and only that page's rows leave the database."""

        async def batch(db: Database, parent_ids: Sequence[Any]) -> list[Slice]:
            return await child_pages(db, model, column, parent_ids, page, order_by)

        return self._get(("page_by_column", model, column, tuple(order_by), page.first, page.offset), batch)

    def custom(self, name: str, batch: BatchFn) -> DataLoader:
        """A named loader with its own batch function (aggregates, joins)."""
        return self._get(("custom", name), batch)
