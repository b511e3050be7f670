"""The ranking loop shared by every match kind: prefilter by grid, score blocks of rows,
keep a running top-k, explain only the final k.

Order is deterministic: score descending, then candidate id ascending.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import numpy as np

from .columns import Columnar, day
from .explain import Exclusion, ExclusionCode, Match, PairExplanation, build
from .geo import distance_km
from .index import CandidateIndex, PoolSource, Snapshot
from .kind import Block, MatchKind
from .weights import Weights

QueryT = TypeVar("QueryT")
PreparedT = TypeVar("PreparedT")
PoolT = TypeVar("PoolT", bound=Columnar[Any])

# Rows scored at a time: memory stays bounded (a few MB of temporaries) however many rows
# survive the gates of a national query, while a full scan of 1M rows is only 4 blocks of
# fixed per-block overhead.
BLOCK_ROWS = 1 << 18


@dataclass
class RankStats:
    """Filled in by `rank` when passed: how much of the pool one query touched."""

    pool_rows: int = 0
    examined_rows: int = 0
    eligible_rows: int = 0


def top_k(ids: np.ndarray, scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k best (score desc, id asc): argpartition finds the k-th score, every
    row tied with it is kept so the id tie-break is exact, then a stable sort of the few."""
    n = len(scores)
    if n == 0 or k <= 0:
        return np.zeros(0, dtype=np.int64)
    if k < n:
        kth = np.argpartition(-scores, k - 1)[:k]
        threshold = scores[kth].min()
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(n)
    order = np.lexsort((ids[candidates], -scores[candidates]))
    best: np.ndarray = candidates[order[:k]]
    return best


def weighted_mean(shares: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Sum of shares[f] * values[f] (shares sum to 1), feature by feature: elementwise ufuncs
    round each element the same way whatever the block layout (a BLAS product does not), so
    a grid query and a full scan give bit-identical scores."""
    out = shares[0] * values[0]
    for share, row in zip(shares[1:], values[1:], strict=True):
        out += share * row
    clipped: np.ndarray = np.clip(out, 0.0, 1.0)
    return clipped


def _source(source: PoolT | CandidateIndex[PoolT]) -> Snapshot[PoolT]:
    return source.snapshot() if isinstance(source, CandidateIndex) else PoolSource(source)


def _prepare(
    kind: MatchKind[QueryT, PreparedT, Any],
    query: QueryT,
    weights: Weights | Mapping[str, float] | None,
    today: date | None,
) -> tuple[Weights, PreparedT]:
    w = kind.weights_type.resolve(weights)
    return w, kind.prepare(query, day(today or date.today()))


def _blocks(ranges: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for lo, hi in ranges:
        for start in range(lo, hi, BLOCK_ROWS):
            yield start, min(start + BLOCK_ROWS, hi)


def _scored(
    kind: MatchKind[Any, PreparedT, PoolT],
    prepared: PreparedT,
    snap: Snapshot[PoolT],
    w: Weights,
    full_scan: bool,
    stats: RankStats | None,
) -> Iterator[tuple[PoolT, Block, np.ndarray]]:
    """Yields (pool, block, scores) for every block with eligible rows."""
    vector = w.vector() / w.vector().sum()
    lat, lon = kind.query_point(prepared)
    radius = kind.search_radius(prepared, snap.max_reach_km)
    for segment in snap.segments(lat, lon, radius, full_scan):
        if stats is not None:
            stats.pool_rows += len(segment.pool)
            stats.examined_rows += sum(hi - lo for lo, hi in segment.ranges)
        for lo, hi in _blocks(segment.ranges):
            block = kind.score_block(prepared, segment.pool, lo, hi, segment.alive)
            if block is None:
                continue
            scores = weighted_mean(vector, block.values)
            if stats is not None:
                stats.eligible_rows += len(scores)
            yield segment.pool, block, scores


def rank(
    kind: MatchKind[QueryT, Any, PoolT],
    query: QueryT,
    source: PoolT | CandidateIndex[PoolT],
    *,
    k: int = 20,
    weights: Weights | Mapping[str, float] | None = None,
    today: date | None = None,
    full_scan: bool = False,
    stats: RankStats | None = None,
) -> list[Match]:
    """The k best candidates for `query` in `source` (a pool or a CandidateIndex).

    full_scan=True skips the grid prefilter (for comparisons; results are the same).
    Raises ValueError for invalid weights or k < 1.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    w, prepared = _prepare(kind, query, weights, today)
    # per block: only its own top-k can reach the final top-k
    kept: list[tuple[PoolT, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for pool, block, scores in _scored(kind, prepared, _source(source), w, full_scan, stats):
        ids = pool.ids[block.positions]
        pick = top_k(ids, scores, k)
        kept.append(
            (pool, block.positions[pick], ids[pick], scores[pick], block.values[:, pick], block.distance_km[pick])
        )
    if not kept:
        return []
    ids = np.concatenate([k_[2] for k_ in kept])
    scores = np.concatenate([k_[3] for k_ in kept])
    owner = np.repeat(np.arange(len(kept)), [len(k_[2]) for k_ in kept])
    offset = np.concatenate([np.arange(len(k_[2])) for k_ in kept])
    names, weight_list = kind.features, w.vector().tolist()
    matches = []
    for i in top_k(ids, scores, k):
        pool, positions, _, _, values, dists = kept[owner[i]]
        j = offset[i]
        details = kind.describe(prepared, pool, int(positions[j]), values[:, j], float(dists[j]))
        explanation = build(names, weight_list, values[:, j].tolist(), float(dists[j]), details)
        matches.append(Match(id=int(ids[i]), score=float(scores[i]), explanation=explanation))
    return matches


def explain_pair(
    kind: MatchKind[QueryT, Any, PoolT],
    query: QueryT,
    source: PoolT | CandidateIndex[PoolT],
    candidate_id: int,
    *,
    k: int | None = None,
    weights: Weights | Mapping[str, float] | None = None,
    today: date | None = None,
) -> PairExplanation:
    """Why `candidate_id` is or is not in the list for `query`: every exclusion reason, or its
    score, its rank among all eligible candidates and (given k) the score of the k-th match."""
    w, prepared = _prepare(kind, query, weights, today)
    snap = _source(source)
    found = snap.locate(candidate_id)
    if found is None:
        reason = Exclusion(ExclusionCode.NOT_FOUND, "not in the candidate pool (removed or never indexed)")
        return PairExplanation(candidate_id, eligible=False, reasons=(reason,))
    pool, pos, alive = found
    lat, lon = kind.query_point(prepared)
    d = distance_km(lat, lon, pool.lat[pos], pool.lon[pos])
    reasons = kind.exclusions(prepared, pool, pos, alive)
    if reasons:
        return PairExplanation(candidate_id, eligible=False, reasons=tuple(reasons), distance_km=d)
    own: tuple[float, np.ndarray, float] | None = None
    all_ids: list[np.ndarray] = []
    all_scores: list[np.ndarray] = []
    for block_pool, block, scores in _scored(kind, prepared, snap, w, False, None):
        ids = block_pool.ids[block.positions]
        all_ids.append(ids)
        all_scores.append(scores)
        if block_pool is pool:
            hit = np.flatnonzero(block.positions == pos)
            if len(hit):
                own = (float(scores[hit[0]]), block.values[:, hit[0]], float(block.distance_km[hit[0]]))
    if own is None:  # the scalar checks and the vectorized gates disagree: a bug, not a user error
        raise RuntimeError(f"candidate {candidate_id} passed every check but was not scored")
    score, values, d = own
    ids, scores = np.concatenate(all_ids), np.concatenate(all_scores)
    better = (scores > score) | ((scores == score) & (ids < candidate_id))
    cutoff = None
    if k is not None and k >= 1:
        best = top_k(ids, scores, k)
        cutoff = float(scores[best[-1]]) if len(best) else None
    explanation = build(
        kind.features, w.vector().tolist(), values.tolist(), d, kind.describe(prepared, pool, pos, values, d)
    )
    return PairExplanation(
        candidate_id,
        eligible=True,
        distance_km=d,
        score=score,
        rank=int(better.sum()) + 1,
        cutoff_score=cutoff,
        explanation=explanation,
    )
