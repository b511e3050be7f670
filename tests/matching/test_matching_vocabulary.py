import itertools

import pytest

from matching import Vocabulary

CATEGORIES = Vocabulary(
    [
        (1, "Squeeze-type resistance spot welder", ["STRSW", "resistance spot welder", "spot welder"]),
        (2, "Paint booth", ["spray booth", "downdraft booth"]),
        (3, "Paint and clear coat", ["clearcoat", "basecoat"]),
        (4, "MIG welder", ["wire feed welder", "GMAW welder"]),
        (5, "A/C recovery machine", ["refrigerant recovery"]),
    ]
)


def test_exact_names_and_aliases_fold_case_and_punctuation():
    [a, b, c] = CATEGORIES.normalize(["  a/c RECOVERY machine ", "strsw", "Wire-Feed Welder"])
    assert (a.id, a.score, a.text) == (5, 100.0, "a/c RECOVERY machine")
    assert (b.id, c.id) == (1, 4)
    assert a.suggestions == []


def test_typos_are_accepted_above_the_cutoff():
    [t] = CATEGORIES.normalize(["paint boths"])
    assert t.id == 2 and 85 <= t.score < 100


def test_category_suggest_ranks_the_intended_category_first():
    assert CATEGORIES.rank("spot welder strsw", limit=3)[0][0] == 1
    assert CATEGORIES.rank("paint boths", limit=3)[0][0] == 2
    ranked = CATEGORIES.rank("paint", limit=5)
    assert {2, 3} <= {i for i, _ in ranked}
    assert all(a[1] >= b[1] for a, b in itertools.pairwise(ranked))


def test_an_ambiguous_term_is_not_guessed_but_offers_suggestions():
    [t] = CATEGORIES.normalize(["paint"])
    assert t.id is None
    assert {i for i, _, _ in t.suggestions} >= {2, 3}
    assert len(t.suggestions) <= 3 and all(score >= 60 for _, _, score in t.suggestions)


def test_an_unknown_term_has_no_id_and_only_close_suggestions():
    [t] = CATEGORIES.normalize(["basket weaving"])
    assert t.id is None and all(score >= 60 for _, _, score in t.suggestions)
    [empty] = CATEGORIES.normalize(["   "])
    assert empty.id is None and empty.text == ""


def test_ids_keeps_the_recognized_terms():
    assert CATEGORIES.ids(["MIG welder", "nonsense qq", "spray booth"]) == [4, 2]


def test_conflicting_entries_are_rejected():
    with pytest.raises(ValueError, match="duplicate vocabulary id 1"):
        Vocabulary([(1, "a", []), (1, "b", [])])
    with pytest.raises(ValueError, match="names both 1 and 2"):
        Vocabulary([(1, "Spray gun", []), (2, "spray-gun", [])])
