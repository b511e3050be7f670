"""Job <-> student pairs, ranked from either side with the same pair semantics.

Local radius of a pair: min(job radius, student travel radius); a student who is remote-ok
(open to remote work or relocating) lifts the travel cap, so the job's radius applies. A
remote-ok job is never excluded by distance: it is worth the better of working on site (when
within the local radius) and working remotely (relaxed), so allowing remote work never lowers a
score. Required credentials must be held and valid on the job's start date (today when unset).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from . import bitsets
from . import features as F
from .columns import NEVER, day
from .explain import Details, Exclusion, ExclusionCode, km
from .geo import distance_km, haversine_km
from .kind import Block, MatchKind, fmt_day
from .pools import JobPool, StudentPool
from .records import Job, Student
from .weights import JobStudentWeights, StudentJobWeights


def pair_radius(
    job_radius: npt.ArrayLike, job_remote: npt.ArrayLike, travel_radius: npt.ArrayLike, student_remote: npt.ArrayLike
) -> np.ndarray:
    radius: np.ndarray = np.where(
        job_remote, np.inf, np.where(student_remote, job_radius, np.minimum(job_radius, travel_radius))
    )
    return radius


def local_radius(job_radius: npt.ArrayLike, travel_radius: npt.ArrayLike, student_remote: npt.ArrayLike) -> np.ndarray:
    """How far the pair can meet on site, remote work aside."""
    radius: np.ndarray = np.where(student_remote, job_radius, np.minimum(job_radius, travel_radius))
    return radius


def one_pair_radius(job_radius: float, job_remote: bool, travel_radius: float, student_remote: bool) -> float:
    """pair_radius for one pair, in plain Python (explanations run it per match)."""
    if job_remote:
        return math.inf
    return one_local_radius(job_radius, travel_radius, student_remote)


def one_local_radius(job_radius: float, travel_radius: float, student_remote: bool) -> float:
    return float(job_radius) if student_remote else float(min(job_radius, travel_radius))


def closeness(d: np.ndarray, local: np.ndarray, remote: bool) -> np.ndarray:
    """Rows already gated to their reach: on site within `local`, or remote when allowed."""
    return F.local_or_relaxed(d, local, True) if remote else F.proximity(d, local)


@dataclass(frozen=True, eq=False)
class _JobQuery:
    job: Job
    today: int
    start: int
    required: tuple[int, ...]
    preferred: tuple[int, ...]  # preferred credentials that are not also required
    programs: np.uint64
    related: np.uint64  # programs related to the posting's
    schedule: np.uint64


class JobToStudents(MatchKind[Job, _JobQuery, StudentPool]):
    """An employer's candidates for a job (StudentPool)."""

    weights_type = JobStudentWeights

    def prepare(self, job: Job, today: int) -> _JobQuery:
        required = tuple(sorted(set(job.required_credentials)))
        preferred = tuple(sorted(set(job.preferred_credentials) - set(required)))
        return _JobQuery(
            job,
            today,
            day(job.start_date) or today,
            required,
            preferred,
            np.uint64(bitsets.single_word(job.programs, "programs")),
            np.uint64(bitsets.single_word(job.related_programs, "programs")),
            np.uint64(bitsets.single_word(job.schedule, "schedule")),
        )

    def query_point(self, q: _JobQuery) -> tuple[float, float]:
        return q.job.lat, q.job.lon

    def search_radius(self, q: _JobQuery, max_reach_km: float) -> float:
        return np.inf if q.job.remote_ok else q.job.radius_km

    def score_block(self, q: _JobQuery, pool: StudentPool, lo: int, hi: int, alive: np.ndarray) -> Block | None:
        creds = pool.credentials
        if q.required:  # the strongest gate first, and it reads only those credentials' postings
            pos = creds.rows_holding_all(lo, hi, q.required, q.start).astype(np.int64)
            pos = pos[alive[pos]]
        else:
            pos = np.flatnonzero(alive[lo:hi]) + lo
        if len(pos) == 0:
            return None
        d = haversine_km(q.job.lat, q.job.lon, pool.lat[pos], pool.lon[pos])
        local = local_radius(q.job.radius_km, pool.travel_radius_km[pos], pool.remote_ok[pos])
        if not q.job.remote_ok:
            inside = d <= local
            if not inside.all():
                pos, d, local = pos[inside], d[inside], local[inside]
                if len(pos) == 0:
                    return None
        values = np.empty((9, len(pos)))
        values[0] = closeness(d, local, q.job.remote_ok)
        skills = pool.skills
        values[1] = F.query_fraction(
            bitsets.mask(q.job.preferred_skills, skills.shape[1]), bitsets.distinct(q.job.preferred_skills), skills[pos]
        )
        values[2] = creds.count_held(pos, q.preferred, q.start) / len(q.preferred) if q.preferred else 1.0
        values[3] = F.program_fit(q.programs, pool.programs[pos], q.related)
        values[4] = F.mask_fraction(q.schedule, pool.availability[pos])
        values[5] = F.at_least(pool.years_experience[pos], q.job.min_years)
        values[6] = F.pay(q.job.pay_cents, pool.desired_pay_cents[pos])
        values[7] = F.start(pool.available_from[pos], q.start)
        values[8] = F.recency(pool.last_active[pos], q.today)
        return Block(pos, values, d)

    def exclusions(self, q: _JobQuery, pool: StudentPool, pos: int, alive: bool) -> list[Exclusion]:
        held = dict(pool.credentials.row(pos))
        return _exclusions(
            q.job,
            q.start,
            held,
            alive,
            distance_km(q.job.lat, q.job.lon, pool.lat[pos], pool.lon[pos]),
            float(pool.travel_radius_km[pos]),
            bool(pool.remote_ok[pos]),
            who="student",
        )

    def describe(self, q: _JobQuery, pool: StudentPool, pos: int, values: np.ndarray, d: float) -> Details:
        have_skills = set(bitsets.ids_of(pool.skills[pos]))
        valid = {c for c, exp in pool.credentials.row(pos) if exp >= q.start}
        local = one_local_radius(q.job.radius_km, pool.travel_radius_km[pos], pool.remote_ok[pos])
        return _details(
            q.job,
            q.start,
            q.today,
            q.required,
            q.preferred,
            have_skills,
            valid,
            d,
            local,
            programs=(int(q.programs), int(pool.programs[pos]), float(values[3])),
            slots=(int(q.schedule), int(pool.availability[pos])),
            years=float(pool.years_experience[pos]),
            desired=int(pool.desired_pay_cents[pos]),
            available=int(pool.available_from[pos]),
            last_active=int(pool.last_active[pos]),
        )


@dataclass(frozen=True, eq=False)
class _StudentQuery:
    student: Student
    today: int
    credentials: tuple[tuple[int, int], ...]  # (id, expiry day)
    programs: np.uint64
    related: np.uint64  # programs related to the student's
    availability: np.uint64

    def valid_bits(self, on_days: np.ndarray, n_words: int) -> np.ndarray:
        """(m, W) bitsets of the student's credentials valid on each job's start day; a
        student holds a handful, so one vectorized pass per credential."""
        out = np.zeros((len(on_days), n_words), dtype=np.uint64)
        for cid, expires in self.credentials:
            if cid < n_words * bitsets.WORD_BITS:
                bit = np.uint64(1) << np.uint64(cid % bitsets.WORD_BITS)
                out[:, cid // bitsets.WORD_BITS] |= np.where(expires >= on_days, bit, np.uint64(0))
        return out


class StudentToJobs(MatchKind[Student, _StudentQuery, JobPool]):
    """Recommended jobs for a student (JobPool)."""

    weights_type = StudentJobWeights

    def prepare(self, student: Student, today: int) -> _StudentQuery:
        latest: dict[int, int] = {}
        for c in student.credentials:
            latest[c.credential_id] = max(day(c.expires_on, NEVER), latest.get(c.credential_id, 0))
        return _StudentQuery(
            student,
            today,
            tuple(sorted(latest.items())),
            np.uint64(bitsets.single_word(student.programs, "programs")),
            np.uint64(bitsets.single_word(student.related_programs, "programs")),
            np.uint64(bitsets.single_word(student.availability, "availability")),
        )

    def query_point(self, q: _StudentQuery) -> tuple[float, float]:
        return q.student.lat, q.student.lon

    def search_radius(self, q: _StudentQuery, max_reach_km: float) -> float:
        return max_reach_km if q.student.remote_ok else min(q.student.travel_radius_km, max_reach_km)

    def score_block(self, q: _StudentQuery, pool: JobPool, lo: int, hi: int, alive: np.ndarray) -> Block | None:
        s = q.student
        pos = np.flatnonzero(alive[lo:hi]) + lo
        d = haversine_km(s.lat, s.lon, pool.lat[pos], pool.lon[pos])
        local = local_radius(pool.radius_km[pos], s.travel_radius_km, s.remote_ok)
        remote = pool.remote_ok[pos]
        starts = np.where(pool.start_day[pos] == 0, q.today, pool.start_day[pos])
        valid = q.valid_bits(starts, pool.required_credentials.shape[1])
        ok = ((d <= local) | remote) & ~np.any(pool.required_credentials[pos] & ~valid, axis=1)
        if not ok.all():
            pos, d, local, remote, starts, valid = pos[ok], d[ok], local[ok], remote[ok], starts[ok], valid[ok]
        if len(pos) == 0:
            return None
        values = np.empty((9, len(pos)))
        values[0] = F.local_or_relaxed(d, local, remote)
        skills = pool.preferred_skills
        values[1] = F.set_fraction(skills[pos], bitsets.mask(s.skills, skills.shape[1]))
        values[2] = F.set_fraction(pool.preferred_credentials[pos] & ~pool.required_credentials[pos], valid)
        values[3] = F.program_fit(pool.programs[pos], q.programs, q.related)
        values[4] = F.mask_fraction(pool.schedule[pos], q.availability)
        values[5] = F.at_least(s.years_experience, pool.min_years[pos])
        values[6] = F.pay(pool.pay_cents[pos], s.desired_pay_cents)
        values[7] = F.start(day(s.available_from), starts)
        values[8] = F.recency(pool.posted_day[pos], q.today)
        return Block(pos, values, d)

    def _job(self, pool: JobPool, pos: int, today: int) -> tuple[Job, int]:
        job = Job(
            id=int(pool.ids[pos]),
            lat=float(pool.lat[pos]),
            lon=float(pool.lon[pos]),
            radius_km=float(pool.radius_km[pos]),
            remote_ok=bool(pool.remote_ok[pos]),
            preferred_skills=tuple(bitsets.ids_of(pool.preferred_skills[pos])),
            required_credentials=tuple(bitsets.ids_of(pool.required_credentials[pos])),
            preferred_credentials=tuple(bitsets.ids_of(pool.preferred_credentials[pos])),
            min_years=float(pool.min_years[pos]),
            pay_cents=int(pool.pay_cents[pos]),
        )
        return job, int(pool.start_day[pos]) or today

    def exclusions(self, q: _StudentQuery, pool: JobPool, pos: int, alive: bool) -> list[Exclusion]:
        s = q.student
        job, start = self._job(pool, pos, q.today)
        d = distance_km(s.lat, s.lon, job.lat, job.lon)
        return _exclusions(job, start, dict(q.credentials), alive, d, s.travel_radius_km, s.remote_ok, who="you")

    def describe(self, q: _StudentQuery, pool: JobPool, pos: int, values: np.ndarray, d: float) -> Details:
        s = q.student
        job, start = self._job(pool, pos, q.today)
        required = tuple(sorted(set(job.required_credentials)))
        preferred = tuple(sorted(set(job.preferred_credentials) - set(required)))
        valid = {c for c, exp in q.credentials if exp >= start}
        local = one_local_radius(job.radius_km, s.travel_radius_km, s.remote_ok)
        return _details(
            job,
            start,
            q.today,
            required,
            preferred,
            set(s.skills),
            valid,
            d,
            local,
            programs=(int(pool.programs[pos]), int(q.programs), float(values[3])),
            slots=(int(pool.schedule[pos]), int(q.availability)),
            years=s.years_experience,
            desired=s.desired_pay_cents,
            available=day(s.available_from),
            last_active=int(pool.posted_day[pos]),
            posted=True,
        )


def _exclusions(
    job: Job,
    start: int,
    held: dict[int, int],
    alive: bool,
    d: float,
    travel: float,
    student_remote: bool,
    who: str,
) -> list[Exclusion]:
    out = []
    if not alive:
        out.append(Exclusion(ExclusionCode.NOT_VISIBLE, "hidden, closed or removed"))
    radius = one_pair_radius(job.radius_km, job.remote_ok, travel, student_remote)
    if d > radius:
        out.append(
            Exclusion(
                ExclusionCode.OUTSIDE_RADIUS,
                f"{km(d)} away, beyond the effective radius of {km(radius)} "
                f"(job {km(job.radius_km)}, {who} {km(travel)}{', remote ok' if student_remote else ''})",
            )
        )
    required = sorted(set(job.required_credentials))
    missing = tuple(c for c in required if c not in held)
    expired = tuple(c for c in required if c in held and held[c] < start)
    if missing:
        out.append(
            Exclusion(ExclusionCode.MISSING_CREDENTIAL, f"missing {len(missing)} required credential(s)", missing)
        )
    if expired:
        out.append(
            Exclusion(
                ExclusionCode.EXPIRED_CREDENTIAL,
                f"{len(expired)} required credential(s) not valid on the start date {fmt_day(start)}",
                expired,
            )
        )
    return out


def _details(
    job: Job,
    start: int,
    today: int,
    required: tuple[int, ...],
    preferred: tuple[int, ...],
    have_skills: set[int],
    valid: set[int],
    d: float,
    local: float,
    *,
    programs: tuple[int, int, float],
    slots: tuple[int, int],
    years: float,
    desired: int,
    available: int,
    last_active: int,
    posted: bool = False,
) -> Details:
    wanted = sorted(set(job.preferred_skills))
    matched = tuple(i for i in wanted if i in have_skills)
    pref_held = tuple(c for c in preferred if c in valid)
    n_slot = bin(slots[0]).count("1")
    late = max(0, available - start)
    age = today - last_active
    reasons = (
        _where(d, local, job.remote_ok),
        f"{len(matched)} of {len(wanted)} preferred skills" if wanted else "no preferred skills listed",
        f"{len(pref_held)} of {len(preferred)} preferred credentials valid on {fmt_day(start)}"
        if preferred
        else f"all {len(required)} required credentials valid; no preferred ones listed",
        _program(*programs),
        f"{bin(slots[0] & slots[1]).count('1')} of {n_slot} schedule slots" if n_slot else "no schedule listed",
        f"{years:g} years of experience, {job.min_years:g} asked",
        f"pays ${job.pay_cents / 100:.2f}/h, ${desired / 100:.2f}/h wanted" if desired else "no pay preference",
        "available by the start date" if late == 0 else f"available {late} days after the start",
        ("unknown activity" if not last_active else f"{'posted' if posted else 'active'} {age} days ago"),
    )
    return Details(
        reasons,
        matched_skills=matched,
        missing_skills=tuple(i for i in wanted if i not in have_skills),
        matched_credentials=tuple(required) + pref_held,
        missing_credentials=tuple(c for c in preferred if c not in valid),
    )


def _where(d: float, local: float, remote: bool) -> str:
    if d <= local:
        return f"{km(d)} away within {km(local)}" + (", remote work also possible" if remote else "")
    return f"{km(d)} away, beyond {km(local)}: remote work"


def _program(asked: int, held: int, value: float) -> str:
    if not asked:
        return "no programs listed"
    if asked & held:
        return "in one of the posting's programs"
    if value > 0:
        return "in a related program, not one the posting lists"
    return "outside every program the posting lists" + ("" if held else " (no program given)")
