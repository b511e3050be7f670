"""The engine against two independent implementations of the same ranking (a bare numpy
pipeline and a per-candidate Python loop), and the engine's import boundary."""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from matching import CandidateIndex, JobStudentWeights, rank_students_for_job
from tests.fixtures.reference_ranking import python_loop_top_k, python_rows, reference_top_k
from tests.fixtures.synthetic_talent import REFERENCE_DAY, benchmark_job, national_students

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pool():
    return national_students(8_000, seed=9)


@pytest.mark.parametrize("seed", range(6))
def test_engine_matches_the_numpy_and_python_oracles(pool, seed):
    rng = np.random.default_rng(seed)
    q = int(rng.integers(len(pool)))
    job = replace(
        benchmark_job(float(pool.lat[q]), float(pool.lon[q]), float(rng.choice([50, 150, 5000]))),
        required_credentials=tuple(int(c) for c in rng.choice(4, int(rng.integers(0, 3)), replace=False)),
        remote_ok=bool(rng.random() < 0.2),
    )
    weights = JobStudentWeights(*rng.uniform(0.05, 1.0, 9))
    engine = rank_students_for_job(job, CandidateIndex(pool), k=25, weights=weights, today=REFERENCE_DAY)
    ref_ids, ref_scores = reference_top_k(pool, job, REFERENCE_DAY, 25, weights)
    loop_ids = python_loop_top_k(python_rows(pool), job, REFERENCE_DAY, 25, weights)
    assert [m.id for m in engine] == ref_ids.tolist() == loop_ids
    assert np.allclose([m.score for m in engine], ref_scores, rtol=0, atol=1e-12)


def test_the_engine_imports_neither_strawberry_nor_sqlalchemy():
    fixtures = "tests.fixtures.synthetic_talent, tests.fixtures.synthetic_donations, tests.fixtures.reference_ranking"
    code = (
        f"import sys, matching, {fixtures};"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('strawberry', 'sqlalchemy')];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)  # noqa: S603 - our own code, this interpreter
