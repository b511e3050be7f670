import numpy as np
import pytest

from matching import CandidateIndex, JobPool, RankStats, rank, rank_students_for_job
from matching.geo import haversine_km
from matching.grid import Grid
from matching.jobs import JobToStudents, StudentToJobs
from tests.fixtures.matching_testdata import student
from tests.fixtures.synthetic_talent import REFERENCE_DAY, benchmark_job, national_students

N = 30_000


@pytest.fixture(scope="module")
def national():
    pool = national_students(N, seed=3)
    return pool, CandidateIndex(pool)


def _rows_in(ranges):
    return np.concatenate([np.arange(lo, hi) for lo, hi in ranges]) if ranges else np.zeros(0, dtype=int)


@pytest.mark.parametrize("radius", [5.0, 50.0, 150.0, 1000.0])
def test_grid_ranges_hold_every_row_within_the_radius(national, radius):
    _, index = national
    main = index.snapshot().main
    grid = index.snapshot().grid
    rng = np.random.default_rng(int(radius))
    for q in rng.integers(0, N, 25):
        lat, lon = main.lat[q], main.lon[q]
        inside = np.flatnonzero(haversine_km(lat, lon, main.lat, main.lon) <= radius)
        examined = _rows_in(grid.ranges(lat, lon, radius))
        assert np.isin(inside, examined).all()
        if radius <= 50:
            assert len(examined) < 0.1 * N


def test_a_50_km_query_returns_exactly_the_full_scan(national):
    pool, index = national
    rng = np.random.default_rng(7)
    for q in rng.integers(0, N, 20):
        job = benchmark_job(float(pool.lat[q]), float(pool.lon[q]), 50.0)
        job = type(job)(**{**job.__dict__, "required_credentials": (int(rng.integers(0, 6)),)})
        stats = RankStats()
        by_grid = rank(JobToStudents(), job, index, k=20, today=REFERENCE_DAY, stats=stats)
        by_scan = rank(JobToStudents(), job, index, k=20, today=REFERENCE_DAY, full_scan=True)
        by_pool = rank_students_for_job(job, pool, k=20, today=REFERENCE_DAY)
        assert [(m.id, m.score) for m in by_grid] == [(m.id, m.score) for m in by_scan]
        assert [(m.id, m.score) for m in by_grid] == [(m.id, m.score) for m in by_pool]
        assert stats.examined_rows < 0.1 * stats.pool_rows


def test_queries_across_the_antimeridian_and_near_a_pole():
    lats = np.array([52.0, 52.0, 89.95, 89.95, 0.0])
    lons = np.array([179.95, -179.95, 10.0, -170.0, 0.0])
    grid, order = Grid.build(lats, lons, np.full(5, 10.0))
    for lat, lon, expected in [(52.0, 179.99, {0, 1}), (52.0, -179.99, {0, 1}), (89.9, 100.0, {2, 3})]:
        found = set(order[_rows_in(grid.ranges(lat, lon, 20.0))].tolist())
        assert found == expected


def test_rows_with_infinite_reach_are_always_examined():
    far = student(1, km=3000)
    jobs = JobPool.from_rows(
        [
            benchmark_job(far.lat, far.lon, 50.0, job_id=1).__class__(id=1, lat=far.lat, lon=far.lon, remote_ok=True),
            benchmark_job(far.lat, far.lon, 50.0, job_id=2).__class__(id=2, lat=far.lat, lon=far.lon),
        ]
    )
    index = CandidateIndex(jobs)
    me = student(9, km=0)
    assert [m.id for m in rank(StudentToJobs(), me, index, today=REFERENCE_DAY)] == [1]
