"""Distance search on any table with latitude/longitude columns, the same on SQLite and PostgreSQL.

An indexed bounding box narrows the rows in SQL; exact great-circle distances are then computed
in one vectorized pass, so neither database needs trigonometry functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.locations import Circle
from core.paging import EntityT, Page, SelectT, Slice
from matching.geo import bounding_box, haversine_km

# A mapped class with `id`, `latitude` and `longitude` columns. Not a Protocol: the models
# declare latitude as Mapped[float] or Mapped[float | None], and a Protocol's attributes are invariant.
Located = Any


def within_box(stmt: SelectT, model: type[Located], circle: Circle) -> SelectT:
    min_lat, max_lat, min_lon, max_lon = bounding_box(circle.center.latitude, circle.center.longitude, circle.radius_km)
    stmt = stmt.where(model.latitude.between(min_lat, max_lat))
    if min_lon >= -180 and max_lon <= 180:  # a box across the antimeridian filters on latitude only
        stmt = stmt.where(model.longitude.between(min_lon, max_lon))
    return stmt


async def ids_within(
    session: AsyncSession, model: type[Located], circle: Circle, filtered: Select[Any] | None = None
) -> dict[int, float]:
    """{id: distance_km} of the rows inside the circle, nearest first (ties by id).

    `filtered` is a `select(model)` carrying the caller's other filters.
    """
    base = filtered if filtered is not None else select(model)
    stmt = within_box(base.with_only_columns(model.id, model.latitude, model.longitude), model, circle)
    rows = (await session.execute(stmt)).all()
    if not rows:
        return {}
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    lats = np.fromiter((r[1] for r in rows), dtype=np.float64, count=len(rows))
    lons = np.fromiter((r[2] for r in rows), dtype=np.float64, count=len(rows))
    distances = haversine_km(circle.center.latitude, circle.center.longitude, lats, lons)
    inside = distances <= circle.radius_km
    ids, distances = ids[inside], distances[inside]
    order = np.lexsort((ids, distances))
    return {int(ids[i]): float(distances[i]) for i in order}


async def page_near(
    session: AsyncSession,
    model: type[EntityT],
    filtered: Select[EntityT],
    page: Page,
    circle: Circle | None,
    order: Sequence[ColumnElement[Any]] | None,
) -> Slice[EntityT]:
    """A page of `filtered`: nearest first when `order` is None (needs a circle), else in SQL `order`.

    With a circle, only rows inside it are returned and the slice carries their distances.
    """
    if circle is None:
        if order is None:
            raise ValueError("nearest first needs a circle")
        return page.slice((await session.scalars(page.apply(filtered.order_by(*order)))).all())
    distances = await ids_within(session, model, circle, filtered)
    if order is None:
        return await page.slice_of_ids(session, model, distances)
    stmt = filtered.where(model.id.in_(list(distances))).order_by(*order)
    return page.slice((await session.scalars(page.apply(stmt))).all(), distances)
