import numpy as np
import pytest

from matching import ExclusionCode, Taxonomy, bitsets
from matching import features as F
from matching.records import Condition, Priority, SchoolTier
from matching.taxonomy import Substitution

TODAY = 739000


def test_proximity_is_one_at_the_spot_zero_at_the_radius_and_decreasing():
    d = np.array([0.0, 10.0, 25.0, 49.0, 50.0])
    values = F.proximity(d, 50.0)
    assert values[0] == 1.0 and values[-1] == 0.0
    assert np.all(np.diff(values) < 0)


def test_relaxed_proximity_never_exceeds_its_cap_and_still_prefers_nearer():
    values = F.proximity(np.array([0.0, 500.0, 3000.0]), np.inf)
    assert values[0] == F.RELAXED_MAX
    assert np.all(np.diff(values) < 0) and np.all(values >= 0)


def test_set_fraction_counts_the_wanted_share_and_is_neutral_when_nothing_is_wanted():
    want = bitsets.pack([[1, 2, 3, 4], [], [70, 1]])
    have = bitsets.pack([[1, 2, 9], [5], [70]], n_words=2)
    assert F.set_fraction(want, have).tolist() == [0.5, 1.0, 0.5]


def test_query_fraction_counts_wanted_ids_no_candidate_can_hold():
    have = bitsets.pack([[1, 2], [3]])
    mask = bitsets.mask([1, 2, 500], 1)
    assert F.query_fraction(mask, 3, have).tolist() == pytest.approx([2 / 3, 0.0])
    assert F.query_fraction(bitsets.mask([], 1), 0, have).tolist() == [1.0, 1.0]


def test_mask_fraction():
    assert F.mask_fraction(np.uint64(0b1011), np.array([0b0011, 0, 0b1111], dtype=np.uint64)).tolist() == pytest.approx(
        [2 / 3, 0, 1]
    )
    assert F.mask_fraction(np.uint64(0), np.array([0], dtype=np.uint64)).tolist() == [1.0]


def test_at_least_pay_and_start():
    assert F.at_least([0, 1, 4], 2).tolist() == [0, 0.5, 1]
    assert F.at_least([0], 0).tolist() == [1]
    assert F.pay([3000, 1500, 0], 2000).tolist() == [1.0, 0.75, 0.5]
    assert F.pay(1000, [0]).tolist() == [1.0]
    assert F.start([100, 145, 300], 100).tolist() == pytest.approx([1.0, 0.5, 0.0])


def test_recency_full_when_recent_fading_and_zero_when_unknown():
    values = F.recency(np.array([TODAY - 3, TODAY - 200, TODAY - 1000, 0]), TODAY)
    assert values[0] == 1.0 and 0 < values[1] < 1 and values[2] == 0.0 and values[3] == 0.0


def test_condition_rewards_better_than_minimum():
    values = F.condition(np.array([Condition.GOOD, Condition.LIKE_NEW, Condition.NEW]), Condition.GOOD)
    assert 0 < values[0] < values[1] < values[2] == 1.0


def test_urgency_grows_with_priority_and_with_a_closer_date():
    by_priority = F.urgency(np.array([Priority.LOW, Priority.CRITICAL]), np.array([0, 0]), TODAY)
    assert by_priority.tolist() == [0.25, 1.0]
    by_date = F.urgency(Priority.MEDIUM, np.array([TODAY + 300, TODAY + 60, TODAY + 5]), TODAY)
    assert by_date[0] < by_date[1] < by_date[2]


def test_equity_prefers_developing_schools_and_schools_that_received_less():
    tiers = F.equity(np.array([SchoolTier.ADVANCED, SchoolTier.PROFICIENT, SchoolTier.DEVELOPING, 0]), 0)
    assert tiers[0] < tiers[1] < tiers[2] and tiers[3] == tiers[1]
    received = F.equity(SchoolTier.PROFICIENT, np.array([0, 3, 30]))
    assert received[0] > received[1] > received[2]


def test_title_similarity_is_neutral_for_an_empty_query():
    sims = F.title_similarity("MIG welder", ["used MIG welder", "paint booth"])
    assert sims[0] == 1.0 and sims[1] < 0.5
    assert F.title_similarity("  ", ["x"]).tolist() == [1.0]


# taxonomy: 0 welding (root), 1 MIG welder, 2 plasma cutter, 3 aluminum MIG, 4 refinish (root), 5 booth
PARENT = [-1, 0, 0, 0, -1, 4]
STANDS_IN = {(1, 3): Substitution(0.7, "also welds steel"), (3, 1): Substitution(0.0, "steel only")}


def test_category_fit_follows_what_the_trade_accepts_not_the_tree_alone():
    tax = Taxonomy(PARENT, STANDS_IN, kinds=["", "equipment", "equipment", "equipment", "", "equipment"])
    assert tax.fit(1, 1) == 1.0
    assert tax.fit(0, 1) == 0.6 and tax.fit(1, 0) == 0.4  # a need (or listing) naming only the family
    assert tax.fit(1, 3) == 0.7 and tax.fit(3, 1) == 0.0  # the table, one direction at a time
    assert tax.fit(1, 2) == 0.0  # siblings are different tools unless the table says otherwise
    assert tax.fit(1, 5) == 0.0
    assert tax.fit(-1, 5) == 0.5  # unknown on one side
    assert tax.fit(1, np.array([1, 2, 3, 5])).tolist() == [1.0, 0.0, 0.7, 0.0]
    assert tax.exclusion(1, 3) is None
    assert tax.exclusion(3, 1) == (ExclusionCode.NOT_A_SUBSTITUTE, "steel only")
    assert (tax.exclusion(1, 2) or (None,))[0] == ExclusionCode.NOT_A_SUBSTITUTE
    assert (tax.exclusion(1, 5) or (None,))[0] == ExclusionCode.UNRELATED_CATEGORY
    assert tax.describe(1, 3) == "also welds steel"


def test_flat_taxonomy_only_fits_the_same_category():
    tax = Taxonomy.flat(0)
    assert tax.fit(7, np.array([7, 8])).tolist() == [1.0, 0.0]


def test_taxonomy_rejects_cycles_and_bad_parents():
    with pytest.raises(ValueError, match="cycle"):
        Taxonomy([1, 0])
    with pytest.raises(ValueError, match="parent ids"):
        Taxonomy([5])
