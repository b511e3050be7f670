"""Two independent implementations of job -> students ranking with the engine's semantics,
used as oracles by the tests and as baselines by the benchmark:

- `reference_top_k`: a bare numpy pipeline over the pool's arrays, in one pass, with no
  blocks, grid or abstractions (what the engine's overhead is measured against);
- `python_loop_top_k`: a per-candidate pure-Python loop (what vectorizing buys).

They must stay in step with matching.jobs.JobToStudents and matching.features.
"""
from __future__ import annotations

import heapq
import math
from datetime import date

import numpy as np

from .bitsets import popcount
from .pools import StudentPool
from .records import Job
from .weights import JobStudentWeights

R = 6371.0088
RELAXED_KM, RELAXED_MAX = 5000.0, 0.5


def _shares(weights: JobStudentWeights | None) -> list[float]:
    w = (weights or JobStudentWeights()).vector()
    return (w / w.sum()).tolist()


def reference_top_k(pool: StudentPool, job: Job, today: date, k: int, weights: JobStudentWeights | None = None):
    """(ids, scores) of the k best, score desc then id asc."""
    t = today.toordinal()
    start = job.start_date.toordinal() if job.start_date else t
    n = len(pool)
    creds = pool.credentials
    req = sorted(set(job.required_credentials))
    pref = sorted(set(job.preferred_credentials) - set(req))
    indptr, cred_rows, cred_expires = creds.by_credential

    def holders(c):  # rows holding credential c valid on the start day, ascending
        if c >= len(indptr) - 1:
            return np.zeros(0, dtype=cred_rows.dtype)
        a, b = indptr[c], indptr[c + 1]
        return cred_rows[a:b][cred_expires[a:b] >= start]

    def member(rows, have):  # is each row in `have`? (a bitmap over the pool)
        marked = np.zeros(n, dtype=bool)
        marked[have] = True
        return marked[rows]

    if req:  # holders of the rarest required credential that hold the others too
        by_size = sorted(req, key=lambda c: indptr[c + 1] - indptr[c] if c < len(indptr) - 1 else 0)
        pos = holders(by_size[0])
        for c in by_size[1:]:
            pos = pos[member(pos, holders(c))]
        pos = pos.astype(np.int64)
        pos = pos[pool.visible[pos]]
    else:
        pos = np.flatnonzero(pool.visible)
    lat1, lon1 = math.radians(job.lat), math.radians(job.lon)
    lat2, lon2 = np.radians(pool.lat[pos]), np.radians(pool.lon[pos])
    a = np.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    d = 2 * R * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
    if job.remote_ok:
        radius = np.full(len(pos), np.inf)
    else:
        radius = np.where(pool.remote_ok[pos], job.radius_km, np.minimum(job.radius_km, pool.travel_radius_km[pos]))
    inside = d <= radius
    pos, d, radius = pos[inside], d[inside], radius[inside]
    if job.remote_ok:
        proximity = RELAXED_MAX * np.clip(1 - d / RELAXED_KM, 0, 1)
    else:
        proximity = np.where(radius > 0, np.clip(1 - d / np.where(radius > 0, radius, 1), 0, 1), 1.0)
    width = pool.skills.shape[1]
    qmask = np.zeros(width, np.uint64)
    for s in set(job.preferred_skills):
        if s < 64 * width:
            qmask[s // 64] |= np.uint64(1 << (s % 64))
    n_skills = len(set(job.preferred_skills))
    skills = popcount(pool.skills[pos] & qmask).sum(axis=1) / n_skills if n_skills else np.ones(len(pos))
    if pref:
        rows32 = pos.astype(cred_rows.dtype)
        credentials = sum(member(rows32, holders(c)).astype(np.float64) for c in pref) / len(pref)
    else:
        credentials = np.ones(len(pos))
    jp = np.uint64(sum(1 << p for p in set(job.programs)))
    js = np.uint64(sum(1 << s for s in set(job.schedule)))
    program = popcount(pool.programs[pos] & jp) / len(set(job.programs)) if job.programs else np.ones(len(pos))
    slots = (popcount(pool.availability[pos] & js) / len(set(job.schedule)) if job.schedule
             else np.ones(len(pos)))
    years = np.clip(pool.years_experience[pos] / job.min_years, 0, 1) if job.min_years > 0 else np.ones(len(pos))
    desired = pool.desired_pay_cents[pos]
    offer = (0.5 if job.pay_cents <= 0 else np.clip(job.pay_cents / np.where(desired > 0, desired, 1), 0, 1))
    pay = np.where(desired > 0, offer, 1.0)
    late = np.maximum(pool.available_from[pos].astype(np.float64) - start, 0)
    start_fit = np.clip(1 - late / 90, 0, 1)
    last = pool.last_active[pos]
    activity = np.where(last == 0, 0.0, np.clip(1 - np.maximum(t - last.astype(np.float64) - 30, 0) / 335, 0, 1))
    w = _shares(weights)
    score = w[0] * proximity
    for share, value in zip(w[1:], (skills, credentials, program, slots, years, pay, start_fit, activity)):
        score = score + share * value
    ids = pool.ids[pos]
    if len(score) > k:
        top = np.argpartition(-score, k - 1)[:k]
        top = np.flatnonzero(score >= score[top].min())
    else:
        top = np.arange(len(score))
    top = top[np.lexsort((ids[top], -score[top]))][:k]
    return ids[top], score[top]


def python_rows(pool: StudentPool) -> list[tuple]:
    """The pool as plain Python tuples (what an ORM-per-row loop would see)."""
    skills = [sum(int(w) << (64 * i) for i, w in enumerate(row)) for row in pool.skills.tolist()]
    return [
        (int(pool.ids[r]), bool(pool.visible[r]), float(pool.lat[r]), float(pool.lon[r]),
         float(pool.travel_radius_km[r]), bool(pool.remote_ok[r]), skills[r], pool.credentials.row(r),
         int(pool.programs[r]), int(pool.availability[r]), float(pool.years_experience[r]),
         int(pool.desired_pay_cents[r]), int(pool.available_from[r]), int(pool.last_active[r]))
        for r in range(len(pool))
    ]


def python_loop_top_k(rows: list[tuple], job: Job, today: date, k: int,
                      weights: JobStudentWeights | None = None) -> list[int]:
    t = today.toordinal()
    start = job.start_date.toordinal() if job.start_date else t
    req = set(job.required_credentials)
    pref = set(job.preferred_credentials) - req
    wanted = set(job.preferred_skills)
    programs, schedule = set(job.programs), set(job.schedule)
    w = _shares(weights)
    lat1, lon1 = math.radians(job.lat), math.radians(job.lon)
    scored = []
    for (cid, visible, lat, lon, travel, remote, skills, creds, progs, avail, years, desired, available,
         last) in rows:
        if not visible:
            continue
        valid = {c for c, e in creds if e >= start}
        if not req <= valid:
            continue
        lat2, lon2 = math.radians(lat), math.radians(lon)
        a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        d = 2 * R * math.asin(math.sqrt(min(a, 1.0)))
        radius = math.inf if job.remote_ok else (job.radius_km if remote else min(job.radius_km, travel))
        if d > radius:
            continue
        if math.isinf(radius):
            proximity = RELAXED_MAX * min(max(1 - d / RELAXED_KM, 0), 1)
        else:
            proximity = min(max(1 - d / radius, 0), 1) if radius > 0 else 1.0
        values = (
            proximity,
            sum(1 for s in wanted if skills >> s & 1) / len(wanted) if wanted else 1.0,
            len(pref & valid) / len(pref) if pref else 1.0,
            sum(1 for p in programs if progs >> p & 1) / len(programs) if programs else 1.0,
            sum(1 for s in schedule if avail >> s & 1) / len(schedule) if schedule else 1.0,
            min(max(years / job.min_years, 0), 1) if job.min_years > 0 else 1.0,
            (0.5 if job.pay_cents <= 0 else min(job.pay_cents / desired, 1)) if desired > 0 else 1.0,
            min(max(1 - max(available - start, 0) / 90, 0), 1),
            0.0 if last == 0 else min(max(1 - max(t - last - 30, 0) / 335, 0), 1),
        )
        scored.append((sum(share * v for share, v in zip(w, values)), -cid))
    return [-neg_id for _, neg_id in heapq.nlargest(k, scored)]
