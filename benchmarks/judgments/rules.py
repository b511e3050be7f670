"""The judging rules of README.md, applied to the attributes of each pair (never to a score).

Every function takes the query and one candidate as the plain dicts stored in `sets/<kind>.json`
and returns a grade from 0 (not a match) to 3 (the one to act on first). The trade facts are
restated here from the README, on purpose: the judge does not read the engine's reference tables.
"""

from __future__ import annotations

import math
from typing import Any

Pair = dict[str, Any]

CLOSE_TRADES = {
    frozenset(p)
    for p in (
        ("COLLISION", "REFINISH"),
        ("COLLISION", "ESTIMATING"),
        ("AUTOMOTIVE", "DIESEL"),
        ("AUTOMOTIVE", "EV_HYBRID"),
        ("AUTOMOTIVE", "MOTORCYCLE"),
        ("DIESEL", "HEAVY_EQUIPMENT"),
    )
}
STAND_INS = {("welding-mig-steel", "welding-mig-aluminum")}  # (need, listing)
CONDITIONS = ["FOR_PARTS", "FAIR", "GOOD", "LIKE_NEW", "NEW"]
ROLE_SCHEDULE = {"APPRENTICE": {"APPRENTICESHIP"}, "INTERN": {"INTERNSHIP"}}
WORK = {"FULL_TIME", "PART_TIME"}


def km(a: Pair, b: Pair) -> float:
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    dp, dl = p2 - p1, math.radians(b["lon"] - a["lon"])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(h, 1.0)))


def trade(asked: list[str], held: list[str]) -> int:
    """2: shares a trade; 1: only a close one; 0: different work. Nothing asked counts as shared."""
    if not asked or set(asked) & set(held):
        return 2
    return 1 if any(frozenset((a, h)) in CLOSE_TRADES for a in asked for h in held) else 0


def _share(wanted: list[str], have: list[str]) -> float:
    return len(set(wanted) & set(have)) / len(set(wanted)) if wanted else 1.0


def _valid(credentials: list[list[Any]], code: str, on_day: int) -> bool:
    return any(c == code and (expires is None or expires >= on_day) for c, expires in credentials)


def _wanted_work(role: str, availability: list[str]) -> bool:
    return bool(ROLE_SCHEDULE.get(role, WORK) & set(availability))


def _student_reach(job: Pair, student: Pair) -> float:
    if job["remote"]:
        return math.inf
    return job["radius_km"] if student["remote_ok"] else min(job["radius_km"], student["travel_radius_km"])


def candidate_for_job(job: Pair, student: Pair) -> int:
    reach, d = _student_reach(job, student), km(job, student)
    on_site = job["radius_km"] if student["remote_ok"] else min(job["radius_km"], student["travel_radius_km"])
    if any(not _valid(student["credentials"], code, job["start_day"]) for code in job["required"]) or d > reach:
        return 0
    fit, skills = trade(job["programs"], student["programs"]), _share(job["preferred_skills"], student["skills"])
    strong, wanted = skills >= 0.5, _wanted_work(job["role"], student["availability"])
    if fit == 0:
        return 1 if strong else 0
    if fit == 1:
        return 2 if strong and wanted else 1
    near = d <= 0.5 * on_site
    held = sum((strong, wanted, near))
    return 3 if held == 3 else 2 if held == 2 else 1


def job_for_student(student: Pair, job: Pair) -> int:
    reach, d = _student_reach(job, student), km(job, student)
    on_site = job["radius_km"] if student["remote_ok"] else min(job["radius_km"], student["travel_radius_km"])
    lacking = any(not _valid(student["credentials"], code, job["start_day"]) for code in job["required"])
    fit = trade(job["programs"], student["programs"])
    if lacking or d > reach or fit == 0:
        return 0
    pays = not student["desired_pay_cents"] or job["pay_max_cents"] >= student["desired_pay_cents"]
    wanted, near = _wanted_work(job["role"], student["availability"]), d <= 0.5 * on_site
    if fit == 1:
        return 2 if pays and wanted else 1
    held = sum((pays, wanted, near))
    return 3 if held == 3 else 2 if held == 2 else 1


def _stand_in(need: Pair, listing: Pair) -> str | None:
    """ "same", "stand-in", "family", or None when the listing cannot fill the need."""
    if listing["category"] == need["category"]:
        return "same"
    if (need["category"], listing["category"]) in STAND_INS:
        return "stand-in"
    if listing["category"].startswith(need["category"] + "-"):  # a family-wide need, e.g. "welding"
        return "family"
    return None


def _ways(need: Pair, listing: Pair) -> tuple[bool, bool]:
    """(reachable at all, easy to get)."""
    d, radius = km(need, listing), need["radius_km"]
    ways = set(listing["ways"])
    local = bool(ways & {"PICKUP", "TOW"}) and d <= radius
    delivered = "DELIVERY" in ways and d <= max(radius, listing["delivery_radius_km"])
    shipped = "SHIP" in ways
    easy = (bool(ways & {"PICKUP", "TOW", "DELIVERY"}) and d <= 0.5 * radius and (local or delivered)) or (
        shipped and d <= radius
    )
    return local or delivered or shipped, easy


def _fills(need: Pair, listing: Pair) -> str | None:
    kind = _stand_in(need, listing)
    if kind is None or CONDITIONS.index(listing["condition"]) < CONDITIONS.index(need["min_condition"]):
        return None
    return kind


def listing_for_need(need: Pair, listing: Pair) -> int:
    kind = _fills(need, listing)
    reachable, easy = _ways(need, listing)
    if kind is None or not reachable:
        return 0
    enough = listing["quantity"] >= 0.5 * need["quantity"]
    if kind == "same":
        return 3 if easy and enough else 2
    if kind == "stand-in":
        return 2 if easy and enough else 1
    return 1


def need_for_listing(listing: Pair, need: Pair) -> int:
    kind = _fills(need, listing)
    reachable, _ = _ways(need, listing)
    if kind is None or not reachable:
        return 0
    if kind != "same":
        return 1
    pressing = need["priority"] in ("HIGH", "CRITICAL") or (
        need["needed_in_days"] is not None and need["needed_in_days"] <= 60
    )
    deserving = need["tier"] == "DEVELOPING" or need["received"] <= 1
    near = km(need, listing) <= 0.5 * need["radius_km"]
    held = sum((pressing, deserving, near))
    return 3 if held == 3 else 2 if held == 2 else 1


def mentor_for_mentee(mentee: Pair, mentor: Pair) -> int:
    if mentor["capacity_left"] <= 0:
        return 0
    reach = mentor["radius_km"] if mentee["remote_ok"] else min(mentor["radius_km"], mentee["travel_radius_km"])
    in_person = km(mentee, mentor) <= reach
    if not in_person and not mentor["remote_ok"]:
        return 0
    fit = trade(mentee["programs"], mentor["trades"])
    teaches = _share(mentee["wanted_skills"], mentor["specialties"]) if mentee["wanted_skills"] else 0.0
    if teaches == 0:
        return 1 if fit > 0 else 0
    if teaches >= 0.5:
        if fit == 2:
            return 3 if in_person else 2
        return 2 if fit == 1 else 1
    return 2 if fit == 2 and in_person else 1


JUDGES = {
    "job_students": candidate_for_job,
    "student_jobs": job_for_student,
    "need_listings": listing_for_need,
    "listing_needs": need_for_listing,
    "mentee_mentors": mentor_for_mentee,
}
