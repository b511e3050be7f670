"""Fair allocation of scarce donations: assign listing quantities to open needs so the total
score (which carries the equity boost) is maximal.

It is a transportation problem: maximize sum(score_e * x_e) subject to, per need, the units it
receives <= its open quantity and, per listing, the units it gives <= its available quantity,
x >= 0. Its constraint matrix is a bipartite incidence matrix (totally unimodular), so with
integer quantities the LP has an integral optimal vertex: HiGHS finds it, we round and verify.
Only the sparse graph of each need's top-k listings is solved; `plan_allocation_dense` solves
the same LP over the full need x listing matrix (zeros off the graph), for comparison only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

_HIGHS_OPTIONS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}


@dataclass(frozen=True, eq=False)
class AllocationEdges:
    """Candidate pairs with their match score (build them with `matching.allocation_edges`)."""

    need_ids: np.ndarray
    listing_ids: np.ndarray
    scores: np.ndarray

    def __post_init__(self) -> None:
        if not len(self.need_ids) == len(self.listing_ids) == len(self.scores):
            raise ValueError("edge columns must have the same length")


@dataclass(frozen=True)
class Assignment:
    need_id: int
    listing_id: int
    quantity: int
    score: float


@dataclass(frozen=True)
class AllocationPlan:
    assignments: tuple[Assignment, ...]
    total: float  # sum of score * quantity, the optimum
    greedy_total: float  # highest-score pair first, for comparison

    @property
    def gain_over_greedy(self) -> float:
        return self.total / self.greedy_total - 1.0 if self.greedy_total > 0 else 0.0


class HasQuantities(Protocol):
    """A pool that knows its (ids, quantities), as NeedPool and ListingPool do."""

    def quantities(self) -> tuple[np.ndarray, np.ndarray]: ...


Quantities = Mapping[int, int] | HasQuantities


def _quantities(source: Quantities) -> tuple[np.ndarray, np.ndarray]:
    """(sorted ids, quantities) from a mapping id -> quantity or a pool with `quantities()`."""
    if not isinstance(source, Mapping):
        ids, qty = source.quantities()
    else:
        ids = np.fromiter(source.keys(), dtype=np.int64, count=len(source))
        qty = np.fromiter(source.values(), dtype=np.int64, count=len(source))
    ids, qty = np.asarray(ids, dtype=np.int64), np.asarray(qty, dtype=np.int64)
    order = np.argsort(ids, kind="stable")
    ids, qty = ids[order], np.maximum(qty[order], 0)
    if len(ids) > 1 and np.any(ids[1:] == ids[:-1]):
        raise ValueError("ids must be unique")
    return ids, qty


def _index(sorted_ids: np.ndarray, ids: np.ndarray, what: str) -> np.ndarray:
    at = np.minimum(np.searchsorted(sorted_ids, ids), max(len(sorted_ids) - 1, 0))
    if len(ids) and (len(sorted_ids) == 0 or np.any(sorted_ids[at] != ids)):
        raise ValueError(f"an edge refers to an unknown {what} id")
    return at


@dataclass(frozen=True, eq=False)
class _Problem:
    need_ids: np.ndarray
    demand: np.ndarray
    listing_ids: np.ndarray
    supply: np.ndarray
    ni: np.ndarray  # need index of each edge
    li: np.ndarray  # listing index of each edge
    scores: np.ndarray

    @classmethod
    def build(cls, needs: Quantities, listings: Quantities, edges: AllocationEdges) -> _Problem:
        need_ids, demand = _quantities(needs)
        listing_ids, supply = _quantities(listings)
        ni = _index(need_ids, np.asarray(edges.need_ids, dtype=np.int64), "need")
        li = _index(listing_ids, np.asarray(edges.listing_ids, dtype=np.int64), "listing")
        scores = np.asarray(edges.scores, dtype=np.float64)
        if not np.all(np.isfinite(scores)):
            raise ValueError("edge scores must be finite")
        # a pair listed twice keeps its best score; pairs worth nothing never help the total
        order = np.lexsort((-scores, li, ni))
        ni, li, scores = ni[order], li[order], scores[order]
        first = np.ones(len(ni), dtype=bool)
        first[1:] = (ni[1:] != ni[:-1]) | (li[1:] != li[:-1])
        keep = first & (scores > 0) & (demand[ni] > 0) & (supply[li] > 0)
        return cls(need_ids, demand, listing_ids, supply, ni[keep], li[keep], scores[keep])

    def greedy(self) -> float:
        left_d, left_s = self.demand.copy(), self.supply.copy()
        total = []
        for e in np.lexsort((self.listing_ids[self.li], self.need_ids[self.ni], -self.scores)):
            i, j = self.ni[e], self.li[e]
            q = min(left_d[i], left_s[j])
            if q > 0:
                left_d[i] -= q
                left_s[j] -= q
                total.append(self.scores[e] * q)
        return math.fsum(total)

    def plan(self, x: np.ndarray) -> AllocationPlan:
        used = np.flatnonzero(x > 0)
        assignments = tuple(
            Assignment(
                int(self.need_ids[self.ni[e]]), int(self.listing_ids[self.li[e]]), int(x[e]), float(self.scores[e])
            )
            for e in used
        )
        return AllocationPlan(assignments, math.fsum(self.scores[used] * x[used]), self.greedy())


def _solve(
    scores: np.ndarray, rows_need: np.ndarray, rows_listing: np.ndarray, n_need: int, n_listing: int, b: np.ndarray
) -> np.ndarray:
    """Integral optimum of max scores.x s.t. incidence constraints, x >= 0."""
    n = len(scores)
    if n == 0:
        return np.zeros(0)
    cols = np.arange(n)
    a = sp.csc_array(
        (np.ones(2 * n), (np.concatenate([rows_need, n_need + rows_listing]), np.concatenate([cols, cols]))),
        shape=(n_need + n_listing, n),
    )
    for method in ("highs", "highs-ds"):  # the simplex always ends on a vertex
        res = linprog(-scores, A_ub=a, b_ub=b, bounds=(0, None), method=method, options=_HIGHS_OPTIONS)
        if res.status != 0:
            raise RuntimeError(f"allocation LP failed: {res.message}")
        x: np.ndarray = np.rint(res.x)
        if np.all(np.abs(res.x - x) <= 1e-6) and np.all(x >= 0) and np.all(a @ x <= b + 1e-9):
            return x
    raise RuntimeError("allocation LP returned a fractional solution")


def plan_allocation(needs: Quantities, listings: Quantities, edges: AllocationEdges) -> AllocationPlan:
    """Optimal integral allocation over the sparse candidate graph.

    needs / listings: {id: open or available quantity}, or a NeedPool / ListingPool.
    """
    p = _Problem.build(needs, listings, edges)
    b = np.concatenate([p.demand, p.supply]).astype(np.float64)
    x = _solve(p.scores, p.ni, p.li, len(p.demand), len(p.supply), b)
    return p.plan(x)


def plan_allocation_dense(needs: Quantities, listings: Quantities, edges: AllocationEdges) -> AllocationPlan:
    """The same LP over every need x listing pair (score 0 off the graph). Memory and time
    grow with the full matrix: for benchmarks on instances of modest size."""
    p = _Problem.build(needs, listings, edges)
    n_need, n_listing = len(p.demand), len(p.supply)
    full = np.zeros(n_need * n_listing)
    full[p.ni * n_listing + p.li] = p.scores
    every = np.arange(n_need * n_listing)
    b = np.concatenate([p.demand, p.supply]).astype(np.float64)
    x_full = _solve(full, every // n_listing, every % n_listing, n_need, n_listing, b)
    # read back the graph's pairs; units on zero-score pairs add nothing and are not assignments
    x = x_full[p.ni * n_listing + p.li] if len(x_full) else np.zeros(len(p.scores))
    return p.plan(x)
