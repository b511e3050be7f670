import random
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from matching import CandidateIndex, ExclusionCode, Removed, StudentPool, rank_students_for_job, why
from tests.fixtures.matching_testdata import TODAY, job, student

T0 = datetime(2025, 3, 1, 12, 0)


def ranked(index_or_pool, **kw):
    return [m.id for m in rank_students_for_job(job(), index_or_pool, k=50, today=TODAY, **kw)]


def test_an_updated_row_is_reflected():
    index = CandidateIndex(StudentPool.from_rows([student(1, km=1), student(2, km=5)]))
    assert ranked(index) == [1, 2]
    index.apply_changes([replace(student(1, km=500), updated_at=T0)])  # moved away
    assert ranked(index) == [2]
    index.apply_changes([replace(student(3, km=2), updated_at=T0)])  # new
    assert ranked(index) == [3, 2]


def test_a_hidden_row_never_ranks_and_says_why():
    index = CandidateIndex(StudentPool.from_rows([student(1, km=1), student(2, km=5)]))
    index.apply_changes([replace(student(1, km=1), visible=False, updated_at=T0)])
    assert ranked(index) == [2]
    assert why("job_students", job(), index, 1, today=TODAY).reasons[0].code == ExclusionCode.NOT_VISIBLE
    index.apply_changes([replace(student(1, km=1), updated_at=T0 + timedelta(seconds=1))])
    assert ranked(index) == [1, 2]


def test_a_removed_row_never_ranks_and_is_not_found():
    index = CandidateIndex(StudentPool.from_rows([student(1, km=1), student(2, km=5)]))
    index.apply_changes([Removed(1, T0)])
    assert ranked(index) == [2]
    assert why("job_students", job(), index, 1, today=TODAY).reasons[0].code == ExclusionCode.NOT_FOUND
    assert len(index) == 1


def test_the_last_change_for_an_id_in_a_batch_wins_and_the_high_water_mark_advances():
    index = CandidateIndex.from_rows([replace(student(1, km=1), updated_at=T0)])
    assert index.high_water_mark == T0
    later = T0 + timedelta(minutes=5)
    index.apply_changes(
        [
            replace(student(1, km=1), visible=False, updated_at=T0 + timedelta(minutes=1)),
            replace(student(1, km=3), updated_at=later),
        ]
    )
    assert ranked(index) == [1]
    assert index.high_water_mark == later
    index.apply_changes([replace(student(1, km=3), updated_at=later)])  # re-applied: harmless
    assert ranked(index) == [1] and len(index) == 1


def test_rows_of_another_kind_are_rejected():
    index = CandidateIndex(StudentPool.from_rows([student(1)]))
    with pytest.raises(TypeError):
        index.apply_changes([job()])


@pytest.mark.parametrize("rebuild_after", [1, 5, 1000])
def test_after_any_sequence_of_changes_the_index_ranks_like_a_fresh_pool(rebuild_after):
    rng = random.Random(rebuild_after)

    def random_student(sid):
        return student(
            sid,
            km=rng.uniform(0, 80),
            bearing=rng.uniform(0, 360),
            visible=rng.random() < 0.8,
            skills=tuple(rng.sample(range(8), rng.randint(0, 5))),
            updated_at=T0,
        )

    current = {sid: random_student(sid) for sid in range(1, 40)}
    index = CandidateIndex(StudentPool.from_rows(current.values()), rebuild_after=rebuild_after)
    for _ in range(12):
        batch = []
        for _ in range(rng.randint(1, 6)):
            sid = rng.randint(1, 60)
            if rng.random() < 0.25:
                batch.append(Removed(sid, T0))
                current.pop(sid, None)
            else:
                row = random_student(sid)
                batch.append(row)
                current[sid] = row
        index.apply_changes(batch)
        fresh = StudentPool.from_rows(current.values())
        got = rank_students_for_job(job(), index, k=50, today=TODAY)
        expected = rank_students_for_job(job(), fresh, k=50, today=TODAY)
        assert [(m.id, m.score) for m in got] == [(m.id, m.score) for m in expected]
        assert len(index) == len(current)
