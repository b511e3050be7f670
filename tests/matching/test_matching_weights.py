import math

import pytest

from matching import (
    JobStudentWeights,
    ListingNeedWeights,
    MentorWeights,
    NeedListingWeights,
    StudentJobWeights,
    StudentPool,
    rank_students_for_job,
)
from tests.fixtures.matching_testdata import TODAY, job, student


@pytest.mark.parametrize(
    "kind", [JobStudentWeights, StudentJobWeights, MentorWeights, NeedListingWeights, ListingNeedWeights]
)
def test_defaults_are_shares_that_sum_to_one(kind):
    assert math.isclose(kind().vector().sum(), 1.0)


def test_overrides_replace_only_the_named_weights():
    w = JobStudentWeights.resolve({"distance": 1.0, "pay": 0})
    assert w.distance == 1.0 and w.pay == 0 and w.skills == JobStudentWeights().skills


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"distance": 1.5}, "between 0 and 1"),
        ({"distance": -0.1}, "between 0 and 1"),
        ({"distance": float("nan")}, "must be a number"),
        ({"distance": "high"}, "must be a number"),
        ({"nearness": 0.5}, "unknown weight"),
        (dict.fromkeys(JobStudentWeights.names(), 0), "at least one weight must be positive"),
    ],
)
def test_invalid_overrides_raise_a_clear_value_error(overrides, message):
    with pytest.raises(ValueError, match=message):
        JobStudentWeights.resolve(overrides)


def test_weights_of_another_kind_are_rejected():
    with pytest.raises(ValueError, match="expected JobStudentWeights, got MentorWeights"):
        JobStudentWeights.resolve(MentorWeights())


def test_weights_change_the_ranking():
    # near but unskilled (1) vs far but fully skilled (2)
    pool = StudentPool.from_rows([student(1, km=1, skills=()), student(2, km=40, skills=(1, 2, 3, 4))])
    only_distance = dict.fromkeys(JobStudentWeights.names(), 0.0) | {"distance": 1.0}
    only_skills = dict.fromkeys(JobStudentWeights.names(), 0.0) | {"skills": 1.0}
    assert [m.id for m in rank_students_for_job(job(), pool, weights=only_distance, today=TODAY)] == [1, 2]
    assert [m.id for m in rank_students_for_job(job(), pool, weights=only_skills, today=TODAY)] == [2, 1]
