"""Fair allocation of scarce donations: assign listing quantities to open needs so the total
score (which carries the equity boost) is high and spread across schools.

It is a transportation problem: maximize sum(score_e * x_e) subject to, per need, the units it
receives <= its open quantity and, per listing, the units it gives <= its available quantity,
x >= 0. Its constraint matrix is a bipartite incidence matrix (totally unimodular), so with
integer quantities the LP has an integral optimal vertex: HiGHS finds it, we round and verify.
With `fairness` the objective adds diminishing returns per school (`matching.fairness`), still
solved exactly, within a set share of the optimum. Only the sparse graph of each need's top-k
listings is solved; `plan_allocation_dense` solves the plain LP over the full need x listing
matrix (zeros off the graph), for comparison only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .fairness import Fairness, fair_units, incidence, integral


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
    total: float  # sum of score * quantity of the plan
    greedy_total: float  # highest-score pair first, for comparison
    optimum_total: float | None = None  # the best total without fairness (None: the plan is that optimum)
    greedy_assignments: tuple[Assignment, ...] = ()
    fairness_bonus: float = 0.0  # the bonus per school's first unit the plan was solved with (0: none)

    @property
    def gain_over_greedy(self) -> float:
        return self.total / self.greedy_total - 1.0 if self.greedy_total > 0 else 0.0

    @property
    def unconstrained_total(self) -> float:
        return self.total if self.optimum_total is None else self.optimum_total


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

    def greedy(self) -> np.ndarray:
        """Units per edge when the highest-score pair is always served first."""
        left_d, left_s = self.demand.copy(), self.supply.copy()
        x = np.zeros(len(self.scores))
        for e in np.lexsort((self.listing_ids[self.li], self.need_ids[self.ni], -self.scores)):
            i, j = self.ni[e], self.li[e]
            q = min(left_d[i], left_s[j])
            if q > 0:
                left_d[i] -= q
                left_s[j] -= q
                x[e] = q
        return x

    def total(self, x: np.ndarray) -> float:
        used = np.flatnonzero(x > 0)
        return math.fsum(self.scores[used] * x[used])

    def assignments(self, x: np.ndarray) -> tuple[Assignment, ...]:
        return tuple(
            Assignment(
                int(self.need_ids[self.ni[e]]), int(self.listing_ids[self.li[e]]), int(x[e]), float(self.scores[e])
            )
            for e in np.flatnonzero(x > 0)
        )

    def plan(self, x: np.ndarray, optimum: np.ndarray | None = None, fairness_bonus: float = 0.0) -> AllocationPlan:
        greedy = self.greedy()
        return AllocationPlan(
            self.assignments(x),
            self.total(x),
            self.total(greedy),
            optimum_total=None if optimum is None else self.total(optimum),
            greedy_assignments=self.assignments(greedy),
            fairness_bonus=fairness_bonus,
        )


def _solve(
    scores: np.ndarray, rows_need: np.ndarray, rows_listing: np.ndarray, n_need: int, n_listing: int, b: np.ndarray
) -> np.ndarray:
    """Integral optimum of max scores.x s.t. incidence constraints, x >= 0."""
    if len(scores) == 0:
        return np.zeros(0)
    return integral(-scores, incidence(rows_need, rows_listing, n_need, n_listing), b, (0, None))


def plan_allocation(
    needs: Quantities,
    listings: Quantities,
    edges: AllocationEdges,
    *,
    fairness: Fairness | None = None,
    schools: Mapping[int, int] | None = None,
    values: Mapping[int, float] | None = None,
) -> AllocationPlan:
    """Optimal integral allocation over the sparse candidate graph.

    needs / listings: {id: open or available quantity}, or a NeedPool / ListingPool.
    fairness: diminishing returns per school (see `matching.fairness`); the plan's total stays
    within `fairness.tolerance` of the optimum without it. schools: {need id: school id}; by
    default a NeedPool's school ids, else each need counts as its own school. values: {listing
    id: declared value of one unit}; with them the returns diminish in value (quanta of the
    median unit value), so an expensive item weighs more than a cheap one, solved as an exact
    integer program; without them, in units.
    """
    p = _Problem.build(needs, listings, edges)
    b = np.concatenate([p.demand, p.supply]).astype(np.float64)
    optimum = _solve(p.scores, p.ni, p.li, len(p.demand), len(p.supply), b)
    if fairness is None or fairness.bonus <= 0 or len(p.scores) == 0:
        return p.plan(optimum)
    school_of_need = _schools(needs, schools, p.need_ids)
    weight = _quanta(values, p.listing_ids[p.li]) if values is not None else None
    floor = (1.0 - fairness.tolerance) * p.total(optimum) - 1e-9
    bonus = fairness.bonus
    for _ in range(fairness.halvings + 1):
        x = fair_units(p.scores, p.ni, p.li, school_of_need, p.demand, p.supply, fairness.curve(bonus), weight)
        if p.total(x) >= floor:
            return p.plan(x, optimum, bonus)
        bonus /= 2
    return p.plan(optimum, optimum)


def _quanta(values: Mapping[int, float], listing_of_edge: np.ndarray) -> np.ndarray:
    """Each edge's unit value in quanta of the median unit value over the edges (1 = typical)."""
    raw = np.array([max(float(values.get(int(i), 0.0)), 0.0) for i in listing_of_edge])
    positive = raw[raw > 0]
    quantum = float(np.median(positive)) if len(positive) else 1.0
    weight: np.ndarray = raw / quantum
    return weight


def _schools(needs: Quantities, schools: Mapping[int, int] | None, need_ids: np.ndarray) -> np.ndarray:
    if schools is None:
        school_ids = getattr(needs, "school_ids", None)
        own_ids = getattr(needs, "ids", None)
        if school_ids is not None and own_ids is not None:
            schools = dict(zip(np.asarray(own_ids).tolist(), np.asarray(school_ids).tolist(), strict=True))
    if schools is None:
        return np.arange(len(need_ids))
    # a need without a school stands alone: give it an id no school has
    alone = -1 - np.arange(len(need_ids))
    return np.array([schools.get(int(n), int(a)) for n, a in zip(need_ids, alone, strict=True)], dtype=np.int64)


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
