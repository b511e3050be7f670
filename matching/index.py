"""Per-process candidate index: a pool in grid order plus incremental refresh.

Freshness works by tombstone + append: `apply_changes(rows)` marks the old version of each
changed row dead in the grid-ordered main part and appends the new versions to a small tail
that every query scans in full. When the changes since the last rebuild pass a threshold, the
live rows are re-sorted into a new main part. Every change swaps in a new immutable snapshot,
so a query running meanwhile sees one consistent state.

The caller feeds rows changed since `high_water_mark` (SQL `updated_at >= :hwm`; applying a
row twice is harmless, so the inclusive bound loses nothing committed at the same instant),
in updated_at order: a later row for the same id wins. Hidden rows (visible=False) stay known
but never rank; `Removed(id)` forgets a row.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

import numpy as np

from .columns import Columnar
from .grid import Grid
from .pools import POOL_TYPES
from .records import Removed, Row

PoolT = TypeVar("PoolT", bound=Columnar[Any])
PoolT_co = TypeVar("PoolT_co", bound=Columnar[Any], covariant=True)


@dataclass(frozen=True, eq=False)
class Segment(Generic[PoolT_co]):
    """Rows of one pool to examine: `ranges` of positions, `alive` says which may rank."""

    pool: PoolT_co
    alive: np.ndarray
    ranges: list[tuple[int, int]]


class Snapshot(Protocol[PoolT_co]):
    """What one query reads: a plain pool, or an index's state at the time it started."""

    @property
    def max_reach_km(self) -> float: ...

    def segments(
        self, lat: float, lon: float, radius_km: float, full_scan: bool = False
    ) -> Sequence[Segment[PoolT_co]]: ...

    def locate(self, candidate_id: int) -> tuple[PoolT_co, int, bool] | None: ...


def _max_finite(reach: np.ndarray) -> float:
    finite = reach[np.isfinite(reach)]
    return float(finite.max()) if len(finite) else 0.0


class PoolSource(Generic[PoolT]):
    """A plain pool used as a source: no grid, every query scans all of it."""

    def __init__(self, pool: PoolT) -> None:
        self.pool = pool
        self._max_reach_km = _max_finite(pool.reach_km())

    @property
    def max_reach_km(self) -> float:
        return self._max_reach_km

    def __len__(self) -> int:
        return len(self.pool)

    def segments(self, lat: float, lon: float, radius_km: float, full_scan: bool = False) -> list[Segment[PoolT]]:
        return [Segment(self.pool, self.pool.visible, [(0, len(self.pool))])]

    def locate(self, candidate_id: int) -> tuple[PoolT, int, bool] | None:
        pos = self.pool.position_of(candidate_id)
        return None if pos is None else (self.pool, pos, bool(self.pool.visible[pos]))


@dataclass(frozen=True, eq=False)
class _Snapshot(Generic[PoolT]):
    main: PoolT  # grid order
    grid: Grid
    dead: np.ndarray  # superseded or removed since the last rebuild
    alive: np.ndarray  # visible and not dead
    id_order: np.ndarray  # argsort of main.ids, to find a row by id
    sorted_ids: np.ndarray  # main.ids[id_order]
    tail: PoolT  # rows changed since the last rebuild, latest version only
    main_reach_km: float
    changes: int

    @property
    def max_reach_km(self) -> float:
        return max(self.main_reach_km, _max_finite(self.tail.reach_km()))

    def segments(self, lat: float, lon: float, radius_km: float, full_scan: bool = False) -> list[Segment[PoolT]]:
        ranges = [(0, len(self.main))] if full_scan else self.grid.ranges(lat, lon, radius_km)
        out = [Segment(self.main, self.alive, ranges)]
        if len(self.tail):
            out.append(Segment(self.tail, self.tail.visible, [(0, len(self.tail))]))
        return out

    def main_positions(self, ids: np.ndarray) -> np.ndarray:
        """Positions in main of the given ids that are there and not dead."""
        sorted_ids = self.sorted_ids
        if len(sorted_ids) == 0:
            return np.zeros(0, dtype=np.int64)
        at = np.minimum(np.searchsorted(sorted_ids, ids), len(sorted_ids) - 1)
        pos = self.id_order[at[sorted_ids[at] == ids]]
        live: np.ndarray = pos[~self.dead[pos]]
        return live

    def locate(self, candidate_id: int) -> tuple[PoolT, int, bool] | None:
        pos = self.tail.position_of(candidate_id)
        if pos is not None:
            return self.tail, pos, bool(self.tail.visible[pos])
        found = self.main_positions(np.array([candidate_id], dtype=np.int64))
        if len(found) == 0:
            return None
        return self.main, int(found[0]), bool(self.alive[found[0]])


class CandidateIndex(Generic[PoolT]):
    def __init__(
        self,
        pool: PoolT,
        *,
        cell_deg: float = 0.5,
        rebuild_after: int | None = None,
        high_water_mark: datetime | None = None,
    ) -> None:
        self.pool_type = type(pool)
        self.cell_deg = cell_deg
        # a small tail keeps full scans of it cheap; the rebuild sorts the whole pool (~0.2 s per 1M rows)
        self.rebuild_after = rebuild_after if rebuild_after is not None else max(1000, min(20_000, len(pool) // 50))
        self.high_water_mark = high_water_mark
        self._lock = threading.Lock()
        self._state = self._build(pool)

    @staticmethod
    def from_rows(
        rows: Iterable[Row], pool_type: type[Columnar[Any]] | None = None, **options: Any
    ) -> CandidateIndex[Any]:
        listed = list(rows)
        if pool_type is None:
            if not listed:
                raise ValueError("pool_type is required for an empty index")
            pool_type = POOL_TYPES[type(listed[0])]
        stamps = [r.updated_at for r in listed if r.updated_at is not None]
        return CandidateIndex(pool_type.from_rows(listed), high_water_mark=max(stamps, default=None), **options)

    def _build(self, pool: PoolT) -> _Snapshot[PoolT]:
        reach = pool.reach_km()
        grid, order = Grid.build(pool.lat, pool.lon, reach, self.cell_deg)
        main = pool.take(order)
        main.warm()
        id_order = np.argsort(main.ids, kind="stable")
        sorted_ids = main.ids[id_order]
        if len(sorted_ids) > 1 and np.any(sorted_ids[1:] == sorted_ids[:-1]):
            raise ValueError("candidate ids must be unique")
        return _Snapshot(
            main=main,
            grid=grid,
            dead=np.zeros(len(main), dtype=bool),
            alive=main.visible.copy(),
            id_order=id_order,
            sorted_ids=sorted_ids,
            tail=self.pool_type.from_rows([]),
            main_reach_km=_max_finite(reach),
            changes=0,
        )

    def snapshot(self) -> _Snapshot[PoolT]:
        return self._state

    def __len__(self) -> int:
        """Rows known (visible or hidden), not counting removed or superseded versions."""
        st = self._state
        return int((~st.dead).sum()) + len(st.tail)

    def apply_changes(self, rows: Iterable[Row | Removed]) -> None:
        rows = list(rows)
        row_type = next(t for t, p in POOL_TYPES.items() if p is self.pool_type)
        for r in rows:
            if not isinstance(r, (row_type, Removed)):
                raise TypeError(f"expected {row_type.__name__} or Removed rows, got {type(r).__name__}")
        latest: dict[int, Row | Removed] = {}
        for r in rows:  # a later row for the same id wins
            latest.pop(r.id, None)
            latest[r.id] = r
        with self._lock:
            st = self._state
            changed = np.fromiter(latest, dtype=np.int64, count=len(latest))
            dead = st.dead.copy()
            dead[st.main_positions(changed)] = True
            kept_tail = st.tail.take(np.flatnonzero(~np.isin(st.tail.ids, changed)))
            fresh = self.pool_type.from_rows([r for r in latest.values() if not isinstance(r, Removed)])
            tail = self.pool_type.concat([kept_tail, fresh])
            stamps = [r.updated_at for r in rows if r.updated_at is not None]
            if self.high_water_mark is not None:
                stamps.append(self.high_water_mark)
            self.high_water_mark = max(stamps, default=None)
            changes = st.changes + len(latest)
            if changes > self.rebuild_after:
                live = st.main.take(np.flatnonzero(~dead))
                self._state = self._build(self.pool_type.concat([live, tail]))
            else:
                self._state = _Snapshot(
                    main=st.main,
                    grid=st.grid,
                    dead=dead,
                    alive=st.main.visible & ~dead,
                    id_order=st.id_order,
                    sorted_ids=st.sorted_ids,
                    tail=tail,
                    main_reach_km=st.main_reach_km,
                    changes=changes,
                )

    def rebuild(self) -> None:
        """Re-sort every live row into the grid now (e.g. after a bulk import)."""
        with self._lock:
            st = self._state
            live = st.main.take(np.flatnonzero(~st.dead))
            self._state = self._build(self.pool_type.concat([live, st.tail]))
