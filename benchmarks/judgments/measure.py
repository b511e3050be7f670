"""Rank a judged set with the engine (as the app would: records built from reference ids) or by
distance alone, and score the rankings with nDCG@10 against the judgments."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.judgments.rules import km
from db.reference.categories import CATEGORIES
from db.reference.credentials import CREDENTIALS
from db.reference.skills import SKILLS
from db.reference.trades import related_programs
from matching import (
    Condition,
    Fulfillment,
    HeldCredential,
    Job,
    JobPool,
    Listing,
    ListingPool,
    Mentor,
    MentorPool,
    Need,
    NeedPool,
    Priority,
    SchoolTier,
    Student,
    StudentPool,
    rank_jobs_for_student,
    rank_listings_for_need,
    rank_mentors_for_mentee,
    rank_needs_for_listing,
    rank_students_for_job,
)
from resolvers.matches.reference_taxonomy import reference_ids, reference_taxonomy
from resolvers.matches.talent_sources import (
    AVAILABILITY_SLOT,
    DEFAULT_SCHEDULE,
    PROGRAM_SLOT,
    ROLE_SCHEDULE,
    mentor_trades,
)

TODAY = date(2025, 3, 1)
K = 10
SETS = Path(__file__).resolve().parent / "sets"
KINDS = ("job_students", "student_jobs", "need_listings", "listing_needs", "mentee_mentors")
SKILL_IDS = {s.slug: i for i, s in enumerate(SKILLS, start=1)}
CREDENTIAL_IDS = {c.code: i for i, c in enumerate(CREDENTIALS, start=1)}
CATEGORY_IDS = reference_ids()
CATEGORY_NAMES = {seed.slug: seed.name for seed in CATEGORIES}
TAXONOMY = reference_taxonomy()
FLAGS = {
    "PICKUP": Fulfillment.PICKUP,
    "DELIVERY": Fulfillment.DELIVERY,
    "SHIP": Fulfillment.SHIP,
    "TOW": Fulfillment.TOW,
}

Pair = dict[str, Any]


def load(kind: str, path: Path | None = None) -> list[Pair]:
    queries: list[Pair] = json.loads((path or SETS / f"{kind}.json").read_text())
    return queries


def _slots(values: Any, numbering: dict[str, int]) -> tuple[int, ...]:
    return tuple(sorted({numbering[v] for v in values if v in numbering}))


def _day(days: int | None, sign: int = 1) -> date | None:
    return None if days is None else TODAY + timedelta(days=sign * days)


def student(s: Pair) -> Student:
    return Student(
        id=s["id"],
        lat=s["lat"],
        lon=s["lon"],
        travel_radius_km=s["travel_radius_km"],
        remote_ok=s["remote_ok"],
        skills=tuple(SKILL_IDS[x] for x in s["skills"]),
        wanted_skills=tuple(SKILL_IDS[x] for x in s["wanted_skills"]),
        credentials=tuple(HeldCredential(CREDENTIAL_IDS[c], _day(e)) for c, e in s["credentials"]),
        programs=_slots(s["programs"], PROGRAM_SLOT),
        related_programs=_slots(related_programs(s["programs"]), PROGRAM_SLOT),
        availability=_slots(s["availability"], AVAILABILITY_SLOT),
        desired_pay_cents=s["desired_pay_cents"],
        last_active=_day(s["active_days_ago"], -1),
    )


def job(j: Pair) -> Job:
    return Job(
        id=j["id"],
        lat=j["lat"],
        lon=j["lon"],
        radius_km=j["radius_km"],
        remote_ok=j["remote"],
        preferred_skills=tuple(SKILL_IDS[x] for x in j["preferred_skills"]),
        required_credentials=tuple(CREDENTIAL_IDS[c] for c in j["required"]),
        programs=_slots(j["programs"], PROGRAM_SLOT),
        related_programs=_slots(related_programs(j["programs"]), PROGRAM_SLOT),
        schedule=_slots(ROLE_SCHEDULE.get(j["role"], DEFAULT_SCHEDULE), AVAILABILITY_SLOT),
        pay_cents=j["pay_max_cents"],
        start_date=_day(j["start_day"]),
        posted_on=_day(j["posted_days_ago"], -1),
    )


def mentor(m: Pair) -> Mentor:
    credentials = [CREDENTIAL_IDS[c] for c in m["credentials"]]
    specialties = [SKILL_IDS[x] for x in m["specialties"]]
    return Mentor(
        id=m["id"],
        lat=m["lat"],
        lon=m["lon"],
        radius_km=m["radius_km"],
        remote_ok=m["remote_ok"],
        specialties=tuple(specialties),
        programs=_slots(mentor_trades(credentials, specialties), PROGRAM_SLOT),
        capacity_left=m["capacity_left"],
        years_experience=m["years"],
        last_active=_day(m["active_days_ago"], -1),
    )


def need(n: Pair) -> Need:
    return Need(
        id=n["id"],
        school_id=1000 + n["id"],
        lat=n["lat"],
        lon=n["lon"],
        radius_km=n["radius_km"],
        category_id=CATEGORY_IDS[n["category"]],
        title=CATEGORY_NAMES[n["category"]],
        min_condition=Condition[n["min_condition"]],
        quantity=n["quantity"],
        priority=Priority[n["priority"]],
        needed_by=_day(n["needed_in_days"]),
        school_tier=SchoolTier[n["tier"]],
        school_received=n["received"],
    )


def listing(li: Pair) -> Listing:
    flags = Fulfillment(0)
    for way in li["ways"]:
        flags |= FLAGS[way]
    return Listing(
        id=li["id"],
        donor_id=5000 + li["id"],
        lat=li["lat"],
        lon=li["lon"],
        radius_km=li["delivery_radius_km"],
        fulfillment=flags,
        category_id=CATEGORY_IDS[li["category"]],
        title=CATEGORY_NAMES[li["category"]],
        condition=Condition[li["condition"]],
        quantity=li["quantity"],
    )


def engine_ranking(kind: str, entry: Pair) -> list[int]:
    """The engine's top K ids for the query among its judged candidates."""
    q, cands = entry["query"], entry["candidates"]
    options: dict[str, Any] = {"k": K, "today": TODAY}
    if kind == "job_students":
        found = rank_students_for_job(job(q), StudentPool.from_rows(map(student, cands)), **options)
    elif kind == "student_jobs":
        found = rank_jobs_for_student(student(q), JobPool.from_rows(map(job, cands)), **options)
    elif kind == "need_listings":
        pool = ListingPool.from_rows(map(listing, cands))
        found = rank_listings_for_need(need(q), pool, taxonomy=TAXONOMY, **options)
    elif kind == "listing_needs":
        found = rank_needs_for_listing(listing(q), NeedPool.from_rows(map(need, cands)), taxonomy=TAXONOMY, **options)
    else:
        found = rank_mentors_for_mentee(student(q), MentorPool.from_rows(map(mentor, cands)), **options)
    return [m.id for m in found]


def distance_ranking(kind: str, entry: Pair) -> list[int]:
    """The baseline: nearest first, nothing else considered."""
    q = entry["query"]
    return [c["id"] for c in sorted(entry["candidates"], key=lambda c: (km(q, c), c["id"]))][:K]


def ndcg(ranking: list[int], grades: dict[int, int], k: int = K) -> float:
    """nDCG@k with gain 2^grade - 1; 1.0 when nothing is relevant and nothing is ranked above it."""

    def dcg(gains: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(i, 0) for i in ranking]) / ideal if ideal > 0 else 1.0


def mean_ndcg(kind: str, queries: list[Pair], ranker: Callable[[str, Pair], list[int]]) -> float:
    scores = [ndcg(ranker(kind, e), {c["id"]: c["grade"] for c in e["candidates"]}) for e in queries]
    return sum(scores) / len(scores)
