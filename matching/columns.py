"""Building blocks of the columnar pools: day numbers, a per-row credential table, and a base
class that can take, concatenate and validate any pool generically.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar

import numpy as np
import numpy.typing as npt

from . import bitsets

NO_DAY = 0  # a missing date
NEVER = np.iinfo(np.int32).max  # an expiry that never comes


def day(value: date | None, missing: int = NO_DAY) -> int:
    """Dates become proleptic ordinals so date tests are integer comparisons."""
    return missing if value is None else value.toordinal()


@dataclasses.dataclass(frozen=True, eq=False)
class HeldCredentials:
    """Credentials per row with their expiry day, stored CSR-style so one query can test the
    few credentials it cares about for every row with a few vectorized passes over postings.

    Row r holds ids[indptr[r]:indptr[r+1]] expiring on expires[...] (NEVER when they do not).
    Each (row, id) appears at most once, so counting postings counts distinct credentials.
    """

    indptr: np.ndarray  # int64, n + 1
    ids: np.ndarray  # int32
    expires: np.ndarray  # int32 day numbers
    rows: np.ndarray  # int32, row of each posting (derived from indptr)

    @classmethod
    def from_arrays(cls, indptr: npt.ArrayLike, ids: npt.ArrayLike, expires: npt.ArrayLike) -> HeldCredentials:
        starts = np.asarray(indptr, dtype=np.int64)
        rows = np.repeat(np.arange(len(starts) - 1, dtype=np.int32), np.diff(starts))
        return cls(starts, np.asarray(ids, dtype=np.int32), np.asarray(expires, dtype=np.int32), rows)

    @classmethod
    def from_lists(cls, per_row: Sequence[Sequence[tuple[int, int]]]) -> HeldCredentials:
        """per_row[r] = [(credential_id, expires_day)]; a repeated id keeps its latest expiry."""
        dedup: list[list[tuple[int, int]]] = []
        for held in per_row:
            latest: dict[int, int] = {}
            for cid, exp in held:
                if cid < 0:
                    raise ValueError("credential ids must be non-negative")
                latest[cid] = max(exp, latest.get(cid, exp))
            dedup.append(sorted(latest.items()))
        indptr = np.zeros(len(dedup) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(h) for h in dedup])
        ids = [c for h in dedup for c, _ in h]
        expiries = [e for h in dedup for _, e in h]
        return cls.from_arrays(indptr, ids, expiries)

    def __len__(self) -> int:
        return len(self.indptr) - 1

    @cached_property  # computed once per (immutable) table, not per query
    def max_id(self) -> int:
        return int(self.ids.max()) if len(self.ids) else -1

    def row(self, r: int) -> list[tuple[int, int]]:
        a, b = self.indptr[r], self.indptr[r + 1]
        return list(zip(self.ids[a:b].tolist(), self.expires[a:b].tolist(), strict=True))

    @cached_property
    def by_credential(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(indptr by credential id, rows, expires): the postings regrouped per credential,
        rows ascending within each, so a query only reads the postings of the credentials it
        asks about, and a block of rows is a searchsorted slice of them."""
        order = np.lexsort((self.rows, self.ids))
        indptr = np.zeros(self.max_id + 2, dtype=np.int64)
        np.cumsum(np.bincount(self.ids, minlength=self.max_id + 1), out=indptr[1:])
        return indptr, self.rows[order], self.expires[order]

    def holders(self, credential_id: int, lo: int, hi: int, on_day: int) -> np.ndarray:
        """Rows in lo..hi-1 holding `credential_id` valid on `on_day`, ascending."""
        if not 0 <= credential_id <= self.max_id:
            return np.zeros(0, dtype=np.int32)
        indptr, rows, expires = self.by_credential
        a, b = indptr[credential_id], indptr[credential_id + 1]
        # needles of the haystack's dtype: mixed dtypes make numpy cast (copy) the haystack
        i, j = np.searchsorted(rows[a:b], np.array((lo, hi), dtype=rows.dtype))
        held: np.ndarray = rows[a + i : a + j][expires[a + i : a + j] >= on_day]
        return held

    def holding(self, rows: np.ndarray, credential_id: int, on_day: int) -> np.ndarray:
        """For ascending `rows`: does each hold `credential_id` valid on `on_day`? Marks the
        holders in a bitmap over the rows' span and reads it back: a memset, a scatter and a
        gather, several times cheaper than binary searches that miss the cache."""
        if len(rows) == 0:
            return np.zeros(0, dtype=bool)
        lo, hi = int(rows[0]), int(rows[-1]) + 1
        marked = np.zeros(hi - lo, dtype=bool)
        marked[self.holders(credential_id, lo, hi, on_day) - lo] = True
        held: np.ndarray = marked[rows - lo]
        return held

    def rows_holding_all(self, lo: int, hi: int, credential_ids: Iterable[int], on_day: int) -> np.ndarray:
        """Rows in lo..hi-1 that hold every credential valid on `on_day`, ascending: the
        holders of the rarest one, kept where they hold the others too."""
        indptr = self.by_credential[0]
        size = {c: int(indptr[c + 1] - indptr[c]) if 0 <= c <= self.max_id else 0 for c in credential_ids}
        order = sorted(size, key=size.__getitem__)
        rows = self.holders(order[0], lo, hi, on_day)
        for c in order[1:]:
            rows = rows[self.holding(rows, c, on_day)]
        return rows

    def count_held(self, rows: np.ndarray, credential_ids: Iterable[int], on_day: int) -> np.ndarray:
        """For ascending `rows`: how many of `credential_ids` (distinct) each holds valid."""
        counts = np.zeros(len(rows), dtype=np.int64)
        for c in credential_ids:
            counts += self.holding(rows, c, on_day)
        return counts

    def take(self, positions: npt.ArrayLike) -> HeldCredentials:
        taken = np.asarray(positions, dtype=np.int64)
        starts, stops = self.indptr[taken], self.indptr[taken + 1]
        lengths = stops - starts
        indptr = np.zeros(len(taken) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        # index of every posting of the taken rows, in order: start of its row + offset in row
        flat = np.repeat(starts - indptr[:-1], lengths) + np.arange(indptr[-1])
        return HeldCredentials.from_arrays(indptr, self.ids[flat], self.expires[flat])

    @staticmethod
    def concat(parts: Sequence[HeldCredentials]) -> HeldCredentials:
        offsets = np.cumsum([0] + [p.indptr[-1] for p in parts[:-1]])
        indptr = np.concatenate([[0]] + [p.indptr[1:] + o for p, o in zip(parts, offsets, strict=True)])
        return HeldCredentials.from_arrays(
            indptr, np.concatenate([p.ids for p in parts]), np.concatenate([p.expires for p in parts])
        )


RowT = TypeVar("RowT")


class Columnar(Generic[RowT]):
    """Mixin for frozen dataclasses whose fields are columns of equal length (first axis), built
    from rows of type RowT. Every pool has the four columns declared here.

    2-D uint64 fields are bitsets and may differ in width between pools (they are padded on
    concatenation); object arrays hold strings (titles).
    """

    if TYPE_CHECKING:  # every subclass is a dataclass
        __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    visible: np.ndarray

    @classmethod
    def from_rows(cls, rows: Iterable[RowT]) -> Self:
        raise NotImplementedError

    def __post_init__(self) -> None:
        n = len(self.ids)
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if len(value) != n:
                raise ValueError(f"column {f.name} has {len(value)} rows, expected {n}")

    def __len__(self) -> int:
        return len(self.ids)

    def take(self, positions: npt.ArrayLike) -> Self:
        taken = np.asarray(positions, dtype=np.int64)
        return dataclasses.replace(
            self, **{f.name: _take(getattr(self, f.name), taken) for f in dataclasses.fields(self)}
        )

    @classmethod
    def concat(cls, parts: Sequence[Self]) -> Self:
        columns: dict[str, HeldCredentials | np.ndarray] = {}
        for f in dataclasses.fields(cls):
            values = [getattr(p, f.name) for p in parts]
            if isinstance(values[0], HeldCredentials):
                columns[f.name] = HeldCredentials.concat(values)
            elif values[0].ndim == 2:
                width = max(v.shape[1] for v in values)
                columns[f.name] = np.concatenate([bitsets.pad(v, width) for v in values])
            else:
                columns[f.name] = np.concatenate(values)
        return cls(**columns)

    def position_of(self, candidate_id: int) -> int | None:
        hits = np.flatnonzero(self.ids == candidate_id)
        return int(hits[0]) if len(hits) else None

    def warm(self) -> None:
        """Build lazily computed query structures now (the index calls it after a rebuild)."""

    def reach_km(self) -> np.ndarray:
        """How far from its location each row can match (inf: anywhere, e.g. remote or
        shipped); the grid keeps infinite-reach rows apart so every query examines them."""
        raise NotImplementedError


def _take(value: HeldCredentials | np.ndarray, positions: np.ndarray) -> HeldCredentials | np.ndarray:
    return value.take(positions) if isinstance(value, HeldCredentials) else value[positions]


def titles(values: Sequence[object]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = [str(v) for v in values]
    return out
