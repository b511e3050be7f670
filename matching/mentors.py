"""Mentee -> mentors. A mentor with no capacity left never ranks. The local radius of a pair is
min(mentor radius, mentee travel radius), or the mentor's radius when the mentee is remote-ok
(as for jobs). A remote-ok mentor is never excluded by distance and is worth the better of
meeting in person (when within the local radius) and mentoring remotely: a mentor next door who
also mentors remotely is as close as one who does not."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import bitsets
from . import features as F
from .explain import Details, Exclusion, ExclusionCode, km
from .geo import distance_km, haversine_km
from .jobs import local_radius, pair_radius
from .kind import Block, MatchKind
from .pools import MentorPool
from .records import Student
from .weights import MentorWeights

SENIOR_YEARS = 10.0  # experience counts fully from here


@dataclass(frozen=True, eq=False)
class _MenteeQuery:
    mentee: Student
    today: int
    programs: np.uint64
    related: np.uint64


class MenteeToMentors(MatchKind[Student, _MenteeQuery, MentorPool]):
    weights_type = MentorWeights

    def prepare(self, mentee: Student, today: int) -> _MenteeQuery:
        return _MenteeQuery(
            mentee,
            today,
            np.uint64(bitsets.single_word(mentee.programs, "programs")),
            np.uint64(bitsets.single_word(mentee.related_programs, "programs")),
        )

    def query_point(self, q: _MenteeQuery) -> tuple[float, float]:
        return q.mentee.lat, q.mentee.lon

    def search_radius(self, q: _MenteeQuery, max_reach_km: float) -> float:
        m = q.mentee
        return max_reach_km if m.remote_ok else min(m.travel_radius_km, max_reach_km)

    def _radius(self, q: _MenteeQuery, pool: MentorPool, pos: int | np.ndarray) -> np.ndarray:
        m = q.mentee
        return pair_radius(pool.radius_km[pos], pool.remote_ok[pos], m.travel_radius_km, m.remote_ok)

    def score_block(self, q: _MenteeQuery, pool: MentorPool, lo: int, hi: int, alive: np.ndarray) -> Block | None:
        m = q.mentee
        pos = np.flatnonzero(alive[lo:hi] & (pool.capacity_left[lo:hi] > 0)) + lo
        d = haversine_km(m.lat, m.lon, pool.lat[pos], pool.lon[pos])
        radius = self._radius(q, pool, pos)
        inside = d <= radius
        pos, d = pos[inside], d[inside]
        if len(pos) == 0:
            return None
        spec = pool.specialties
        width = spec.shape[1]
        local = local_radius(pool.radius_km[pos], m.travel_radius_km, m.remote_ok)
        values = np.empty((7, len(pos)))
        values[0] = F.local_or_relaxed(d, local, pool.remote_ok[pos])
        values[1] = F.query_fraction(bitsets.mask(m.wanted_skills, width), bitsets.distinct(m.wanted_skills), spec[pos])
        values[2] = F.query_fraction(bitsets.mask(m.skills, width), bitsets.distinct(m.skills), spec[pos])
        values[3] = F.program_fit(q.programs, pool.programs[pos], q.related)
        values[4] = F.capacity(pool.capacity_left[pos])
        values[5] = np.clip(pool.years_experience[pos] / SENIOR_YEARS, 0.0, 1.0)
        values[6] = F.recency(pool.last_active[pos], q.today)
        return Block(pos, values, d)

    def exclusions(self, q: _MenteeQuery, pool: MentorPool, pos: int, alive: bool) -> list[Exclusion]:
        m = q.mentee
        out = []
        if not alive:
            out.append(Exclusion(ExclusionCode.NOT_VISIBLE, "hidden or removed"))
        if pool.capacity_left[pos] <= 0:
            out.append(Exclusion(ExclusionCode.NO_CAPACITY, "the mentor has no capacity left"))
        d = distance_km(m.lat, m.lon, pool.lat[pos], pool.lon[pos])
        radius = float(self._radius(q, pool, pos))
        if d > radius:
            out.append(
                Exclusion(
                    ExclusionCode.OUTSIDE_RADIUS,
                    f"{km(d)} away, beyond the effective radius of {km(radius)} "
                    f"(mentor {km(float(pool.radius_km[pos]))}, mentee {km(m.travel_radius_km)})",
                )
            )
        return out

    def describe(self, q: _MenteeQuery, pool: MentorPool, pos: int, values: np.ndarray, d: float) -> Details:
        m = q.mentee
        spec = set(bitsets.ids_of(pool.specialties[pos]))
        wanted, own = sorted(set(m.wanted_skills)), sorted(set(m.skills))
        covered = tuple(i for i in wanted if i in spec)
        shared = [i for i in own if i in spec]
        local = float(local_radius(float(pool.radius_km[pos]), m.travel_radius_km, m.remote_ok))
        remote = bool(pool.remote_ok[pos])
        last = int(pool.last_active[pos])
        if d <= local:
            where = f"{km(d)} away within {km(local)}" + (", also mentors remotely" if remote else "")
        else:
            where = f"{km(d)} away, mentors remotely"
        reasons = (
            where,
            f"teaches {len(covered)} of {len(wanted)} skills you want" if wanted else "no wanted skills listed",
            f"shares {len(shared)} of your {len(own)} skills" if own else "no skills listed",
            _trade(int(q.programs), int(pool.programs[pos]), float(values[3])),
            f"{int(pool.capacity_left[pos])} mentee slot(s) left",
            f"{float(pool.years_experience[pos]):g} years in the trade",
            f"active {q.today - last} days ago" if last else "unknown activity",
        )
        return Details(reasons, matched_skills=covered, missing_skills=tuple(i for i in wanted if i not in spec))


def _trade(asked: int, held: int, value: float) -> str:
    if not asked:
        return "you list no program"
    if asked & held:
        return "works in your trade"
    if value > 0:
        return "works in a related trade"
    return "works in another trade" if held else "states no trade (no credentials or specialties to tell)"
