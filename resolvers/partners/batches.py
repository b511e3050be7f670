"""Reading a large result in batches by key, each batch its own short read: memory stays constant
however many rows there are, and no transaction stays open while a slow client downloads."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from sqlalchemy import Row, Select
from sqlalchemy.orm import InstrumentedAttribute

from db.engine import Database

BATCH_SIZE = 1000


async def keyset_batches(
    db: Database, query: Select[*tuple[Any, ...]], key: InstrumentedAttribute[int], size: int = BATCH_SIZE
) -> AsyncIterator[Sequence[Row[*tuple[Any, ...]]]]:
    """The rows of `query` in batches ordered by `key` (unique, increasing), fetched `size` at a time.
    The first column of `query` is the entity `key` belongs to, or the key itself."""
    last: int | None = None
    while True:
        batch_query = query if last is None else query.where(key > last)
        async with db.read() as session:
            rows = (await session.execute(batch_query.order_by(key).limit(size))).all()
        if rows:
            yield rows
        if len(rows) < size:
            return
        head = rows[-1][0]
        last = head if isinstance(head, int) else int(getattr(head, key.key))
