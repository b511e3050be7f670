import itertools
import math
from collections import defaultdict

import numpy as np
import pytest

from matching import AllocationEdges, Fairness, gini, plan_allocation, plan_allocation_dense


def edges(*triples):
    needs, listings, scores = zip(*triples, strict=True)
    return AllocationEdges(np.array(needs), np.array(listings), np.array(scores, dtype=float))


def test_a_hand_made_instance_where_greedy_is_strictly_worse():
    # greedy takes A-X (0.9) first and leaves B with nothing; the optimum gives A Y and B X
    plan = plan_allocation({1: 1, 2: 1}, {10: 1, 20: 1}, edges((1, 10, 0.9), (1, 20, 0.8), (2, 10, 0.85)))
    assert plan.greedy_total == pytest.approx(0.9)
    assert plan.total == pytest.approx(1.65)
    assert {(a.need_id, a.listing_id, a.quantity) for a in plan.assignments} == {(1, 20, 1), (2, 10, 1)}
    assert plan.gain_over_greedy == pytest.approx(1.65 / 0.9 - 1)


def random_instance(seed, n_needs=30, n_listings=60, k=6):
    rng = np.random.default_rng(seed)
    needs = {i: int(q) for i, q in enumerate(rng.integers(0, 5, n_needs), start=100)}
    listings = {j: int(q) for j, q in enumerate(rng.integers(0, 4, n_listings), start=500)}
    triples = [(i, 500 + int(j), float(rng.random())) for i in needs for j in rng.choice(n_listings, k, replace=False)]
    return needs, listings, edges(*triples)


def check_feasible(plan, needs, listings, e):
    allowed = set(zip(e.need_ids.tolist(), e.listing_ids.tolist(), strict=False))
    got_need: defaultdict[int, int] = defaultdict(int)
    got_listing: defaultdict[int, int] = defaultdict(int)
    for a in plan.assignments:
        assert (a.need_id, a.listing_id) in allowed and a.quantity > 0
        got_need[a.need_id] += a.quantity
        got_listing[a.listing_id] += a.quantity
    assert all(q <= needs[i] for i, q in got_need.items())
    assert all(q <= listings[j] for j, q in got_listing.items())
    assert math.isclose(plan.total, math.fsum(a.score * a.quantity for a in plan.assignments), abs_tol=1e-12)


@pytest.mark.parametrize("seed", range(6))
def test_sparse_equals_dense_beats_greedy_and_respects_quantities(seed):
    needs, listings, e = random_instance(seed)
    sparse = plan_allocation(needs, listings, e)
    dense = plan_allocation_dense(needs, listings, e)
    assert abs(sparse.total - dense.total) <= 1e-9
    assert sparse.total >= sparse.greedy_total - 1e-12
    check_feasible(sparse, needs, listings, e)
    check_feasible(dense, needs, listings, e)


@pytest.mark.parametrize("seed", range(8))
def test_the_lp_matches_exhaustive_search_on_tiny_instances(seed):
    needs, listings, e = random_instance(seed, n_needs=3, n_listings=3, k=2)
    pairs = list(zip(e.need_ids.tolist(), e.listing_ids.tolist(), e.scores.tolist(), strict=False))
    best = 0.0
    for qs in itertools.product(*[range(min(needs[i], listings[j]) + 1) for i, j, _ in pairs]):
        per_need: defaultdict[int, int] = defaultdict(int)
        per_listing: defaultdict[int, int] = defaultdict(int)
        for (i, j, _), q in zip(pairs, qs, strict=False):
            per_need[i] += q
            per_listing[j] += q
        if all(per_need[i] <= needs[i] for i in per_need) and all(per_listing[j] <= listings[j] for j in per_listing):
            best = max(best, sum(s * q for (_, _, s), q in zip(pairs, qs, strict=False)))
    assert plan_allocation(needs, listings, e).total == pytest.approx(best, abs=1e-9)


def test_duplicate_pairs_keep_their_best_score_and_worthless_pairs_are_ignored():
    plan = plan_allocation({1: 2}, {10: 5, 20: 5}, edges((1, 10, 0.2), (1, 10, 0.7), (1, 20, 0.0)))
    assert [(a.listing_id, a.quantity, a.score) for a in plan.assignments] == [(10, 2, 0.7)]


def test_unknown_ids_are_rejected():
    with pytest.raises(ValueError, match="unknown need"):
        plan_allocation({1: 1}, {10: 1}, edges((2, 10, 0.5)))
    with pytest.raises(ValueError, match="unknown listing"):
        plan_allocation({1: 1}, {10: 1}, edges((1, 11, 0.5)))


def test_an_empty_graph_allocates_nothing():
    plan = plan_allocation({1: 1}, {10: 1}, AllocationEdges(np.zeros(0, int), np.zeros(0, int), np.zeros(0)))
    assert plan.assignments == () and plan.total == 0.0 and plan.greedy_total == 0.0


# --- fairness ------------------------------------------------------------------------------

SCHOOL = {1: "a", 2: "a", 3: "b", 4: "c"}


def test_fairness_spreads_units_across_schools_within_its_tolerance():
    # one listing of 4 units; school a's two needs score a little higher than b's and c's
    needs = {1: 2, 2: 2, 3: 2, 4: 2}
    e = edges((1, 10, 0.90), (2, 10, 0.90), (3, 10, 0.86), (4, 10, 0.85))
    schools = {n: ord(s) for n, s in SCHOOL.items()}
    plain = plan_allocation(needs, {10: 4}, e)
    fair = plan_allocation(needs, {10: 4}, e, fairness=Fairness(tolerance=0.05), schools=schools)
    assert {schools[a.need_id] for a in plain.assignments} == {ord("a")}
    assert {schools[a.need_id] for a in fair.assignments} == {ord("a"), ord("b"), ord("c")}
    assert fair.total >= 0.95 * plain.total and fair.unconstrained_total == pytest.approx(plain.total)
    assert fair.fairness_bonus > 0


def test_fairness_never_costs_more_than_its_tolerance():
    needs = {1: 4, 3: 4}
    e = edges((1, 10, 1.0), (3, 10, 0.2))  # spreading would cost far more than 2%
    fair = plan_allocation(needs, {10: 4}, e, fairness=Fairness(), schools={1: 1, 3: 2})
    assert fair.total >= 0.98 * fair.unconstrained_total - 1e-9


@pytest.mark.parametrize("seed", range(6))
def test_the_fair_lp_is_integral_and_matches_exhaustive_search(seed):
    needs, listings, e = random_instance(seed, n_needs=3, n_listings=3, k=2)
    schools = {n: n % 2 for n in needs}
    curve = Fairness(bonus=0.5, units=2).curve(0.5)
    pairs = list(zip(e.need_ids.tolist(), e.listing_ids.tolist(), e.scores.tolist(), strict=False))
    best = 0.0
    for qs in itertools.product(*[range(min(needs[i], listings[j]) + 1) for i, j, _ in pairs]):
        per_need: defaultdict[int, int] = defaultdict(int)
        per_listing: defaultdict[int, int] = defaultdict(int)
        per_school: defaultdict[int, int] = defaultdict(int)
        for (i, j, _), q in zip(pairs, qs, strict=False):
            per_need[i] += q
            per_listing[j] += q
            per_school[schools[i]] += q
        if all(per_need[i] <= needs[i] for i in per_need) and all(per_listing[j] <= listings[j] for j in per_listing):
            bonus = sum(curve[: min(u, len(curve))].sum() for u in per_school.values())
            best = max(best, sum(s * q for (_, _, s), q in zip(pairs, qs, strict=False)) + bonus)
    fair = plan_allocation(needs, listings, e, fairness=Fairness(bonus=0.5, units=2, tolerance=0.999), schools=schools)
    per_school_units: defaultdict[int, int] = defaultdict(int)
    for a in fair.assignments:
        per_school_units[schools[a.need_id]] += a.quantity
    got = fair.total + sum(curve[: min(u, len(curve))].sum() for u in per_school_units.values())
    assert got == pytest.approx(best, abs=1e-9)
    check_feasible(fair, needs, listings, e)


def test_gini_of_amounts():
    assert gini([5, 5, 5]) == 0.0 and gini([]) == 0.0 and gini([0, 0]) == 0.0
    assert gini([0, 0, 0, 12]) == pytest.approx(0.75)


@pytest.mark.parametrize("seed", range(6))
def test_value_weighted_fairness_is_solved_exactly(seed):
    needs, listings, e = random_instance(seed, n_needs=3, n_listings=3, k=2)
    schools = {n: n % 2 for n in needs}
    values = {j: float(v) for j, v in zip(listings, (5.0, 1.0, 20.0), strict=False)}
    quantum = float(np.median([values[int(j)] for j in e.listing_ids]))
    curve = Fairness(bonus=0.5, units=2).curve(0.5)

    def bonus_of(value: float) -> float:  # concave: segments of one quantum, bonus / k, then nothing
        return sum(c * min(max(value / quantum - k, 0.0), 1.0) for k, c in enumerate(curve))

    pairs = list(zip(e.need_ids.tolist(), e.listing_ids.tolist(), e.scores.tolist(), strict=False))
    best = 0.0
    for qs in itertools.product(*[range(min(needs[i], listings[j]) + 1) for i, j, _ in pairs]):
        per_need: defaultdict[int, int] = defaultdict(int)
        per_listing: defaultdict[int, int] = defaultdict(int)
        per_school: defaultdict[int, float] = defaultdict(float)
        for (i, j, _), q in zip(pairs, qs, strict=False):
            per_need[i] += q
            per_listing[j] += q
            per_school[schools[i]] += q * values[j]
        if all(per_need[i] <= needs[i] for i in per_need) and all(per_listing[j] <= listings[j] for j in per_listing):
            score = sum(s * q for (_, _, s), q in zip(pairs, qs, strict=False))
            best = max(best, score + sum(bonus_of(v) for v in per_school.values()))
    fair = plan_allocation(
        needs, listings, e, fairness=Fairness(bonus=0.5, units=2, tolerance=0.999), schools=schools, values=values
    )
    per_school_value: defaultdict[int, float] = defaultdict(float)
    for a in fair.assignments:
        per_school_value[schools[a.need_id]] += a.quantity * values[a.listing_id]
    assert fair.total + sum(bonus_of(v) for v in per_school_value.values()) == pytest.approx(best, abs=1e-7)
    check_feasible(fair, needs, listings, e)
