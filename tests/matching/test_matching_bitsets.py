import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching import bitsets
from matching.columns import NEVER, HeldCredentials

id_sets = st.lists(st.sets(st.integers(0, 200), max_size=12), min_size=1, max_size=20)


@given(id_sets)
def test_pack_round_trips_across_words(sets):
    bits = bitsets.pack(sets)
    assert bits.shape == (len(sets), bitsets.words_for(max((max(s) for s in sets if s), default=0)))
    assert [set(bitsets.ids_of(row)) for row in bits] == sets


@given(id_sets, st.sets(st.integers(0, 200), max_size=12))
def test_overlap_and_count_match_python_sets(sets, query):
    bits = bitsets.pack(sets, n_words=4)
    mask = bitsets.mask(query, 4)
    assert bitsets.overlap(bits, mask).tolist() == [len(s & query) for s in sets]
    assert bitsets.count(bits).tolist() == [len(s) for s in sets]


def test_popcount_table_matches_hardware_popcount():
    words = np.random.default_rng(0).integers(0, 2**63, 1000, dtype=np.uint64) | np.uint64(1 << 63)
    expected = [bin(int(w)).count("1") for w in words]
    assert bitsets.popcount_table(words).tolist() == expected
    assert bitsets.popcount(words).tolist() == expected


def test_mask_drops_ids_beyond_the_pool_width_but_distinct_counts_them():
    assert bitsets.ids_of(bitsets.mask([3, 64, 200], 2)) == [3, 64]
    assert bitsets.distinct([3, 64, 200, 3]) == 3


def test_invalid_ids_are_rejected():
    with pytest.raises(ValueError, match="non-negative"):
        bitsets.pack([[-1]])
    with pytest.raises(ValueError, match="does not fit in 1 words"):
        bitsets.pack([[64]], n_words=1)
    with pytest.raises(ValueError, match="programs ids must be below 64"):
        bitsets.single_word([64], "programs")


def test_pad_keeps_existing_words():
    bits = bitsets.pack([[1, 5]])
    assert bitsets.ids_of(bitsets.pad(bits, 3)[0]) == [1, 5]


held_rows = st.lists(
    st.lists(st.tuples(st.integers(0, 30), st.sampled_from([100, 200, 300, int(NEVER)])), max_size=5), max_size=15
)


def _latest(held: list[tuple[int, int]]) -> dict[int, int]:
    latest: dict[int, int] = {}
    for c, e in held:
        latest[c] = max(e, latest.get(c, e))
    return latest


@given(held_rows, st.sets(st.integers(0, 30), min_size=1, max_size=4), st.sampled_from([50, 150, 250, 10**6]))
def test_credential_gates_match_a_python_reference(rows, wanted, on_day):
    table = HeldCredentials.from_lists(rows)
    valid = [{c for c, e in _latest(held).items() if e >= on_day} for held in rows]
    assert table.rows_holding_all(0, len(rows), sorted(wanted), on_day).tolist() == [
        r for r, v in enumerate(valid) if wanted <= v
    ]
    every = np.arange(len(rows))
    assert table.count_held(every, sorted(wanted), on_day).tolist() == [len(wanted & v) for v in valid]


@given(held_rows, st.integers(0, 31), st.integers(0, 15), st.integers(0, 15))
def test_holders_of_a_row_range_match_a_python_reference(rows, credential, lo, hi):
    table = HeldCredentials.from_lists(rows)
    lo, hi = sorted((min(lo, len(rows)), min(hi, len(rows))))
    expected = [r for r in range(lo, hi) if any(c == credential and e >= 150 for c, e in rows[r])]
    assert table.holders(credential, lo, hi, 150).tolist() == expected


@given(held_rows, st.data())
def test_take_and_concat_keep_each_rows_credentials(rows, data):
    table = HeldCredentials.from_lists(rows)
    order = data.draw(st.permutations(range(len(rows))))
    taken = table.take(np.array(order, dtype=np.int64))
    assert [taken.row(i) for i in range(len(order))] == [table.row(r) for r in order]
    both = HeldCredentials.concat([table, taken])
    assert [both.row(i) for i in range(len(both))] == [table.row(r) for r in range(len(rows))] + [
        table.row(r) for r in order
    ]
