"""Fairness in the allocation objective: diminishing returns per school, solved exactly.

The plan maximizes sum(score_e * x_e) + sum over schools of f(what the school receives), where
f is concave and piecewise linear: a school's k-th portion earns a bonus of `bonus / k` for k up
to `units`, nothing after. Concave and maximized, so a school's segments fill in order and a
first portion for a school that has none outbids a fifth for a school that has four.

A portion is one unit, or, when the caller gives each listing's unit value, one quantum of value
(the median unit value among the plan's pairs), so a school that received a $3,000 vehicle counts
as served more than one that received a $45 box of discs.

Exactness. In units, the segments are variables z_{s,k} in [0, 1] plus one unbounded w_s, tied
to the edges by one equality row per school (sum of the school's edges - sum_k z_{s,k} - w_s =
0). The need rows and school rows form one laminar family (each need belongs to one school) and
the listing rows another; the incidence matrix of two laminar families is totally unimodular
(Edmonds), and the z and w columns are unit columns, so the LP has an integral optimal vertex
for integral quantities, as the plain transportation LP does. In value the school rows carry
the edges' values, which breaks total unimodularity: the program is solved as an integer
program (HiGHS branch and bound, to a relative gap of 1e-6) for graphs of up to MIP_MAX_EDGES
pairs, a region's category; larger graphs fall back to units.

The bonus trades score for spread. `plan_allocation` starts from `Fairness.bonus` and halves it
until the plan's score total is within `tolerance` of the optimum without fairness, so fairness
never costs more than that share of the total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

HIGHS_OPTIONS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}
MIP_OPTIONS = {"mip_rel_gap": 1e-6, "time_limit": 10.0}
# Weighting by value makes the program an integer one, fast for a region's category (a few
# thousand pairs) but not for a national graph: above this many pairs returns diminish in units.
MIP_MAX_EDGES = 6000


@dataclass(frozen=True)
class Fairness:
    """bonus: what a school's first unit adds to the objective, in score units (scores are in
    [0, 1]); its k-th unit adds bonus / k, up to `units`. tolerance: the largest share of the
    optimal score total the plan may give up for spread. halvings: how often the bonus may be
    halved to stay within it (after that, the plan without fairness is returned)."""

    bonus: float = 0.6
    units: int = 4
    tolerance: float = 0.02
    halvings: int = 10

    def __post_init__(self) -> None:
        if not (self.bonus >= 0 and self.units >= 1 and 0 <= self.tolerance < 1 and self.halvings >= 0):
            raise ValueError("fairness needs bonus >= 0, units >= 1, 0 <= tolerance < 1 and halvings >= 0")

    def curve(self, bonus: float) -> np.ndarray:
        return bonus / np.arange(1, self.units + 1, dtype=np.float64)


def incidence(rows_need: np.ndarray, rows_listing: np.ndarray, n_need: int, n_listing: int) -> sp.csc_array:
    """Need rows then listing rows over the edge columns (each edge is in one of each)."""
    n = len(rows_need)
    cols = np.arange(n)
    return sp.csc_array(
        (np.ones(2 * n), (np.concatenate([rows_need, n_need + rows_listing]), np.concatenate([cols, cols]))),
        shape=(n_need + n_listing, n),
    )


def integral(
    c: np.ndarray,
    a_ub: sp.csc_array,
    b_ub: np.ndarray,
    bounds: Sequence[tuple[float, float | None]] | tuple[float, float | None],
    a_eq: sp.csc_array | None = None,
    b_eq: np.ndarray | None = None,
) -> np.ndarray:
    """An integral optimal vertex of min c.x (the constraint matrix is totally unimodular)."""
    for method in ("highs", "highs-ds"):  # the simplex always ends on a vertex
        res = linprog(
            c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method=method, options=HIGHS_OPTIONS
        )
        if res.status != 0:
            raise RuntimeError(f"allocation LP failed: {res.message}")
        x: np.ndarray = np.rint(res.x)
        feasible = np.all(a_ub @ x <= b_ub + 1e-9) and (
            a_eq is None or b_eq is None or bool(np.allclose(a_eq @ x, b_eq, atol=1e-9))
        )
        if np.all(np.abs(res.x - x) <= 1e-6) and feasible:
            return x
    raise RuntimeError("allocation LP returned a fractional solution")


def fair_units(
    scores: np.ndarray,
    need_of_edge: np.ndarray,
    listing_of_edge: np.ndarray,
    school_of_need: np.ndarray,
    demand: np.ndarray,
    supply: np.ndarray,
    curve: np.ndarray,
    weight: np.ndarray | None = None,
) -> np.ndarray:
    """Units per edge maximizing score + the per-school concave bonus `curve` (decreasing) over
    what each school receives: units, or with `weight` (per edge, e.g. a unit's value in quanta)
    the weighted sum. Units keep the matrix totally unimodular (an LP); weights do not, so they
    are solved as an integer program (HiGHS branch and bound, exact)."""
    n, k = len(scores), len(curve)
    if n == 0:
        return np.zeros(0)
    weighted = weight is not None and not np.all(weight == 1.0) and n <= MIP_MAX_EDGES
    schools, school_of_edge = np.unique(school_of_need[need_of_edge], return_inverse=True)
    n_school = len(schools)
    a_ub = incidence(need_of_edge, listing_of_edge, len(demand), len(supply))
    a_ub = sp.hstack([a_ub, sp.csc_array((a_ub.shape[0], n_school * (k + 1)))], format="csc")
    # school s: + its edges, - its k unit segments, - its unbounded rest
    seg_cols = n + np.arange(n_school * k)
    rest_cols = n + n_school * k + np.arange(n_school)
    rows = np.concatenate([school_of_edge, np.repeat(np.arange(n_school), k), np.arange(n_school)])
    cols = np.concatenate([np.arange(n), seg_cols, rest_cols])
    edge_weight = weight if weighted and weight is not None else np.ones(n)
    vals = np.concatenate([edge_weight, -np.ones(n_school * k), -np.ones(n_school)])
    a_eq = sp.csc_array((vals, (rows, cols)), shape=(n_school, n + n_school * (k + 1)))
    c = -np.concatenate([scores, np.tile(curve, n_school), np.zeros(n_school)])
    bounds = [(0.0, None)] * n + [(0.0, 1.0)] * (n_school * k) + [(0.0, None)] * n_school
    b_ub = np.concatenate([demand, supply]).astype(np.float64)
    if weighted:
        return _integer_program(c, a_ub, b_ub, bounds, a_eq, n)
    x = integral(c, a_ub, b_ub, bounds, a_eq, np.zeros(n_school))
    return x[:n]


def _integer_program(
    c: np.ndarray,
    a_ub: sp.csc_array,
    b_ub: np.ndarray,
    bounds: Sequence[tuple[float, float | None]],
    a_eq: sp.csc_array,
    n: int,
) -> np.ndarray:
    """Units integral, segments continuous (for integral units the best segments follow)."""
    low = np.array([b[0] for b in bounds])
    high = np.array([np.inf if b[1] is None else b[1] for b in bounds])
    integrality = np.concatenate([np.ones(n), np.zeros(len(c) - n)])
    constraints = [LinearConstraint(a_ub, -np.inf, b_ub), LinearConstraint(a_eq, 0.0, 0.0)]
    res = milp(c, constraints=constraints, integrality=integrality, bounds=Bounds(low, high), options=MIP_OPTIONS)
    # at the time limit HiGHS still returns its best integral plan, feasible if not proven optimal
    if res.x is None or res.status not in (0, 1):
        raise RuntimeError(f"allocation integer program failed: {res.message}")
    x: np.ndarray = np.rint(res.x[:n])
    return x


def gini(values: npt.ArrayLike) -> float:
    """Gini coefficient of non-negative amounts (0 = everyone alike, towards 1 = one takes all);
    0 for no amounts or none given."""
    v = np.sort(np.asarray(values, dtype=np.float64))
    if len(v) == 0 or v.sum() <= 0:
        return 0.0
    n = len(v)
    ranks = np.arange(1, n + 1)
    return float((2 * np.sum(ranks * v) / (n * v.sum())) - (n + 1) / n)
