"""Synthetic talent data for tests and benchmarks: a national student pool built straight into
columns (a million rows in seconds), and planted-truth job queries whose right answers are
known by construction.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from .columns import NEVER, HeldCredentials
from .geo import EARTH_RADIUS_KM, all_zip_centroids
from .pools import StudentPool
from .records import HeldCredential, Job, Student

REFERENCE_DAY = date(2025, 3, 1)  # "today" of every synthetic data set, for reproducibility
N_SKILLS = 60
N_CREDENTIALS = 60
N_PROGRAMS = 6
N_SLOTS = 21  # 7 days x morning / afternoon / evening


def zipf_weights(n: int, exponent: float = 0.9) -> np.ndarray:
    """Skewed popularity over ids 0..n-1 (a few common ones, a long tail); id 0 is the most
    common, so benchmark queries can ask for common or rare ids on purpose."""
    w = 1.0 / np.arange(1, n + 1) ** exponent
    return w / w.sum()


def zip_points(n: int, rng: np.random.Generator, jitter_km: float = 3.0) -> tuple[np.ndarray, np.ndarray]:
    """Points at real ZIP centroids (denser where people live) with a few km of jitter."""
    _, lats, lons = all_zip_centroids()
    pick = rng.integers(0, len(lats), n)
    lat = lats[pick] + rng.normal(0, jitter_km / 111.2, n)
    lon = lons[pick] + rng.normal(0, jitter_km, n) / (111.2 * np.cos(np.radians(lats[pick])))
    return np.clip(lat, -89.9, 89.9), (lon + 180.0) % 360.0 - 180.0


def destination(lat: float, lon: float, bearing_deg: float, km: float) -> tuple[float, float]:
    """The point `km` away from (lat, lon) along a great circle with the given bearing."""
    phi, lam, theta = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    delta = km / EARTH_RADIUS_KM
    phi2 = math.asin(math.sin(phi) * math.cos(delta) + math.cos(phi) * math.sin(delta) * math.cos(theta))
    lam2 = lam + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(phi),
                            math.cos(delta) - math.sin(phi) * math.sin(phi2))
    return math.degrees(phi2), (math.degrees(lam2) + 540.0) % 360.0 - 180.0


def _or_sets(rng, n, counts, n_ids, weights) -> np.ndarray:
    """(n, 1) bitsets: each row ORs `counts[r]` weighted draws (repeats collapse)."""
    out = np.zeros((n, 1), dtype=np.uint64)
    total = int(counts.sum())
    if total == 0:
        return out
    draws = np.left_shift(np.uint64(1), rng.choice(n_ids, total, p=weights).astype(np.uint64))
    rows = np.repeat(np.arange(n), counts)
    np.bitwise_or.at(out[:, 0], rows, draws)
    return out


def _random_masks(rng, n, n_bits, p) -> np.ndarray:
    bits = rng.random((n, n_bits)) < p
    return (bits.astype(np.uint64) << np.arange(n_bits, dtype=np.uint64)).sum(axis=1, dtype=np.uint64)


def national_students(n: int, *, seed: int = 0, first_id: int = 1, today: date = REFERENCE_DAY,
                      visible_share: float = 0.7) -> StudentPool:
    """~60 skills (3-12 each, skewed), ~60 credentials (mostly 0-3, some expired), programs and
    availability masks, travel radius 25-150 km, `visible_share` visible."""
    rng = np.random.default_rng(seed)
    t = today.toordinal()
    lat, lon = zip_points(n, rng)
    skill_w, cred_w = zipf_weights(N_SKILLS), zipf_weights(N_CREDENTIALS, 1.1)
    skills = _or_sets(rng, n, 3 + rng.binomial(9, 0.35, n), N_SKILLS, skill_w)
    wanted = _or_sets(rng, n, rng.integers(0, 4, n), N_SKILLS, skill_w)
    # credentials: how many each student holds, which ones, and when each expires
    held = rng.choice(7, n, p=[0.35, 0.27, 0.18, 0.10, 0.05, 0.03, 0.02])
    rows = np.repeat(np.arange(n), held)
    ids = rng.choice(N_CREDENTIALS, len(rows), p=cred_w)
    issued = t - rng.integers(0, 6 * 365, len(rows))
    # ASE professional: 5 years; ASE entry-level: 2 years; I-CAR badges: no expiry
    validity = np.array([5 * 365, 2 * 365, -1])[ids % 3]
    expires = np.where(validity < 0, NEVER, issued + validity)
    order = np.lexsort((-expires, ids, rows))  # per (row, id) the latest expiry comes first
    rows, ids, expires = rows[order], ids[order], expires[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (ids[1:] != ids[:-1])
    rows, ids, expires = rows[first], ids[first], expires[first]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return StudentPool(
        ids=np.arange(first_id, first_id + n, dtype=np.int64),
        lat=lat, lon=lon,
        visible=rng.random(n) < visible_share,
        travel_radius_km=rng.uniform(25, 150, n),
        remote_ok=rng.random(n) < 0.05,
        skills=skills, wanted_skills=wanted,
        credentials=HeldCredentials.from_arrays(indptr, ids, expires),
        programs=_random_masks(rng, n, N_PROGRAMS, 0.25),
        availability=_random_masks(rng, n, N_SLOTS, 0.4),
        years_experience=np.clip(rng.exponential(1.5, n), 0, 20),
        desired_pay_cents=np.where(rng.random(n) < 0.3, 0, rng.integers(1500, 3500, n)),
        available_from=np.where(rng.random(n) < 0.7, 0, t + rng.integers(-30, 120, n)).astype(np.int32),
        last_active=(t - rng.integers(0, 400, n)).astype(np.int32),
    )


def benchmark_job(lat: float, lon: float, radius_km: float, *, today: date = REFERENCE_DAY, job_id: int = 1) -> Job:
    """A job with 2 required credentials (common ones: about 2% of students hold both, valid)
    and 6 preferred skills, from common to rare."""
    return Job(
        id=job_id, lat=lat, lon=lon, radius_km=radius_km,
        preferred_skills=(1, 4, 9, 17, 23, 41), required_credentials=(0, 2), preferred_credentials=(7,),
        programs=(0, 1), schedule=(0, 1, 3, 4, 6), min_years=1.0, pay_cents=2600,
        start_date=today + timedelta(days=30), posted_on=today,
    )


@dataclass(frozen=True)
class PlantedCase:
    job: Job
    best_id: int
    relevant_ids: frozenset[int]  # the best and distractors that each miss one soft thing
    excluded: dict[int, str]  # candidates that must never rank, with the planted reason


@dataclass(frozen=True)
class PlantedSet:
    pool: StudentPool
    cases: list[PlantedCase]
    today: date


def _spread_points(rng, n: int, min_km: float) -> list[tuple[float, float]]:
    """n ZIP-centroid points at least min_km apart, so planted cases do not interfere."""
    _, lats, lons = all_zip_centroids()
    from .geo import haversine_km

    chosen: list[tuple[float, float]] = []
    for i in rng.permutation(len(lats)):
        if len(chosen) == n:
            break
        if chosen and haversine_km(lats[i], lons[i], *np.array(chosen).T).min() < min_km:
            continue
        chosen.append((float(lats[i]), float(lons[i])))
    if len(chosen) < n:
        raise ValueError(f"could not place {n} points {min_km} km apart")
    return chosen


def planted_job_cases(n_queries: int = 200, *, seed: int = 0, background: int = 20_000,
                      radius_km: float = 50.0, today: date = REFERENCE_DAY) -> PlantedSet:
    rng = np.random.default_rng(seed)
    start = today + timedelta(days=30)
    rows: list[Student] = []
    cases = []
    next_id = 1
    pairs = [(a, b) for a in range(N_CREDENTIALS) for b in range(a + 1, N_CREDENTIALS)]
    pair_order = rng.permutation(len(pairs))
    for case_no, (lat, lon) in enumerate(_spread_points(rng, n_queries, 120.0)):
        req = pairs[pair_order[case_no]]  # a distinct required pair per case
        others = [c for c in range(N_CREDENTIALS) if c not in req]
        pref_cred = int(rng.choice(others))
        skills = tuple(int(s) for s in rng.choice(N_SKILLS, 6, replace=False))
        job = Job(
            id=case_no + 1, lat=lat, lon=lon, radius_km=radius_km, preferred_skills=skills,
            required_credentials=req, preferred_credentials=(pref_cred,), programs=(int(rng.integers(N_PROGRAMS)),),
            schedule=tuple(int(s) for s in rng.choice(N_SLOTS, 3, replace=False)), min_years=1.0,
            pay_cents=2500, start_date=start, posted_on=today,
        )
        valid_until = start + timedelta(days=365)

        def student(km: float, **changes) -> Student:
            nonlocal next_id
            p = destination(lat, lon, float(rng.uniform(0, 360)), km)
            base = Student(
                id=next_id, lat=p[0], lon=p[1], travel_radius_km=100.0, skills=skills + (int(rng.integers(N_SKILLS)),),
                credentials=tuple(HeldCredential(c, valid_until) for c in (*req, pref_cred)),
                programs=job.programs, availability=job.schedule, years_experience=3.0,
                desired_pay_cents=2000, available_from=None, last_active=today - timedelta(days=3),
            )
            next_id += 1
            rows.append(replace(base, **changes))
            return rows[-1]

        best = student(float(rng.uniform(0.3, 2.0)))
        creds = best.credentials
        relevant = [best.id]
        relevant += [student(float(rng.uniform(8, 45))).id for _ in range(3)]  # farther
        for missing in rng.choice(6, 4, replace=False):  # each misses one preferred skill
            kept = tuple(s for s in skills if s != skills[missing])
            relevant.append(student(float(rng.uniform(2.5, 30)), skills=kept).id)
        relevant.append(student(float(rng.uniform(2.5, 30)), credentials=creds[:2]).id)  # no preferred credential
        relevant.append(student(float(rng.uniform(2.5, 30)), years_experience=0.5).id)  # less experience
        excluded = {
            student(float(rng.uniform(0.1, 2.0)), credentials=(creds[0], creds[2])).id: "missing required credential",
            student(float(rng.uniform(0.1, 2.0)), credentials=(
                creds[0], HeldCredential(req[1], start - timedelta(days=1)), creds[2])).id: "expired credential",
            student(radius_km + float(rng.uniform(2, 30))).id: "outside the job radius",
            student(20.0, travel_radius_km=10.0).id: "outside the student's travel radius",
            student(float(rng.uniform(0.1, 2.0)), visible=False).id: "not visible",
        }
        cases.append(PlantedCase(job, best.id, frozenset(relevant), excluded))
    planted = StudentPool.from_rows(rows)
    noise = national_students(background, seed=seed + 1, first_id=next_id, today=today)
    return PlantedSet(StudentPool.concat([planted, noise]), cases, today)
