"""Planted truth: for each query the best candidate is known by construction, eligible
distractors each miss one soft thing, and excluded ones miss a hard requirement."""

import pytest

from matching import CandidateIndex, ExclusionCode, rank_students_for_job, why
from tests.fixtures.synthetic_talent import planted_job_cases

EXPECTED_CODE = {
    "missing required credential": ExclusionCode.MISSING_CREDENTIAL,
    "expired credential": ExclusionCode.EXPIRED_CREDENTIAL,
    "outside the job radius": ExclusionCode.OUTSIDE_RADIUS,
    "outside the student's travel radius": ExclusionCode.OUTSIDE_RADIUS,
    "not visible": ExclusionCode.NOT_VISIBLE,
}


@pytest.fixture(scope="module")
def planted():
    data = planted_job_cases(200, seed=11, background=20_000)
    return data, CandidateIndex(data.pool)


def test_precision_at_1_and_10_and_no_excluded_candidate_ranks(planted):
    data, index = planted
    hits_at_1, precision_at_10 = 0, []
    for case in data.cases:
        ids = [m.id for m in rank_students_for_job(case.job, index, k=10, today=data.today)]
        hits_at_1 += ids[0] == case.best_id
        precision_at_10.append(len(set(ids) & case.relevant_ids) / 10)
        assert not set(ids) & set(case.excluded)
    assert hits_at_1 == len(data.cases)
    assert sum(precision_at_10) / len(precision_at_10) >= 0.9


def test_why_not_names_the_planted_reason(planted):
    data, index = planted
    for case in data.cases[:40]:
        for candidate_id, planted_reason in case.excluded.items():
            answer = why("job_students", case.job, index, candidate_id, today=data.today)
            assert not answer.eligible
            assert [r.code for r in answer.reasons] == [EXPECTED_CODE[planted_reason]]
            if answer.reasons[0].code in (ExclusionCode.MISSING_CREDENTIAL, ExclusionCode.EXPIRED_CREDENTIAL):
                assert set(answer.reasons[0].ids) <= set(case.job.required_credentials)
        best = why("job_students", case.job, index, case.best_id, k=10, today=data.today)
        assert best.eligible and best.rank == 1
        assert best.score is not None and best.cutoff_score is not None
        assert best.score >= best.cutoff_score
