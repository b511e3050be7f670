"""Write the judged relevance sets: realistic queries and candidates in ten US metro regions,
each pair graded by the rules in README.md (`rules.py`), from a fixed seed.

    python -m benchmarks.judgments.generate

Writes benchmarks/judgments/sets/<kind>.json (ten queries of forty candidates per kind) and the
CI subset tests/fixtures/judged_subset.json (the first three queries of each kind).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.judgments.rules import JUDGES, km
from db.reference.trades import SKILL_TRADES
from matching.geo import all_zip_centroids, zip_centroid

HERE = Path(__file__).resolve().parent
SUBSET = HERE.parents[1] / "tests" / "fixtures" / "judged_subset.json"
SEED = 2026
QUERIES, CANDIDATES, SUBSET_QUERIES = 10, 40, 3
REGIONS = ["48226", "48933", "49503", "60601", "44113", "43215", "46204", "53202", "15222", "43604"]
CLOSE = {
    "COLLISION": ["REFINISH", "ESTIMATING"],
    "REFINISH": ["COLLISION"],
    "ESTIMATING": ["COLLISION"],
    "AUTOMOTIVE": ["DIESEL"],
    "DIESEL": ["AUTOMOTIVE"],
}
TRADES = list(CLOSE)
SKILLS_OF = {t: sorted(s for s, trade in SKILL_TRADES.items() if trade == t) for t in TRADES}
ENTRY_LEVEL = {
    "COLLISION": ["ASE-EL-NS", "ASE-EL-SR", "ASE-EL-ME", "ICAR-ACAD-CRF"],
    "REFINISH": ["ASE-EL-PR", "ICAR-ACAD-PREP"],
    "ESTIMATING": ["ICAR-ACAD-CRF"],
    "AUTOMOTIVE": ["ASE-EL-MLR", "ASE-EL-BR", "ASE-EL-SS"],
    "DIESEL": ["ASE-EL-MLR", "ASE-EL-BR"],
}
PROFESSIONAL = {
    "COLLISION": ["ASE-B3", "ASE-B4", "ICAR-SST-PL3"],
    "REFINISH": ["ASE-B2", "ICAR-REF-PL2"],
    "ESTIMATING": ["ASE-B6", "ICAR-EST-PL2"],
    "AUTOMOTIVE": ["ASE-A4", "ASE-A5", "ASE-A6"],
    "DIESEL": ["ASE-A9"],
}
AVAILABILITY = ["INTERNSHIP", "APPRENTICESHIP", "PART_TIME", "FULL_TIME", "JOB_SHADOW"]
# title, role, programs, required credentials, preferred skills, top of the pay range (cents an hour), remote
C, R, A, D, E = "COLLISION", "REFINISH", "AUTOMOTIVE", "DIESEL", "ESTIMATING"
JOBS: list[tuple[str, str, list[str], list[str], list[str], int, bool]] = [
    ("Collision Apprentice", "APPRENTICE", [C], [], ["disassembly-reassembly", "panel-replacement"], 1900, False),
    (
        "Entry-level Collision Technician",
        "TECHNICIAN",
        [C],
        ["ASE-EL-NS"],
        ["mig-welding", "panel-replacement", "plastic-repair"],
        2700,
        False,
    ),
    (
        "Refinish Technician",
        "REFINISH_TECHNICIAN",
        [R],
        ["ASE-EL-PR"],
        ["color-matching", "spray-gun-technique", "masking"],
        2900,
        False,
    ),
    ("Summer Intern, Body Shop", "INTERN", [C, R], [], ["masking", "surface-preparation"], 1700, False),
    (
        "Automotive Service Technician",
        "TECHNICIAN",
        [A],
        ["ASE-EL-BR"],
        ["brake-service", "wheel-alignment", "suspension-steering"],
        2600,
        False,
    ),
    ("Diesel Technician", "TECHNICIAN", [D], [], ["diesel-engine-repair", "air-brakes"], 3000, False),
    ("ADAS Calibration Specialist", "TECHNICIAN", [C, A], [], ["adas-calibration", "pre-post-scanning"], 3100, False),
    ("Damage Estimator Trainee", "ESTIMATOR", [E], [], ["estimating", "damage-analysis"], 2500, False),
    ("Prep Technician", "TECHNICIAN", [R], [], ["surface-preparation", "masking", "primer-application"], 2100, False),
    ("Remote Estimate Reviewer", "ESTIMATOR", [E], [], ["estimating", "oem-repair-procedures"], 2700, True),
]
MENTOR_CREDENTIALS = PROFESSIONAL
NEED_CATEGORIES = [
    "welding-strsw",
    "welding-mig-steel",
    "refinish-spray-guns",
    "refinish-abrasives",
    "diagnostics-scan-tools",
    "safety-respirators",
    "vehicles-parts-bumper-covers",
    "structural-frame-machine",
    "welding",
    "vehicles-parts-training-vehicles",
]
FAMILY = {
    "welding": ["welding-mig-steel", "welding-mig-aluminum", "welding-strsw", "welding-plasma-cutter"],
    "refinish": ["refinish-spray-guns", "refinish-abrasives", "refinish-paint-clearcoat", "refinish-primers"],
    "structural": ["structural-frame-machine", "structural-measuring-system", "structural-anchoring-clamps"],
    "diagnostics": ["diagnostics-scan-tools", "diagnostics-adas-targets", "diagnostics-multimeters"],
    "safety": ["safety-respirators", "safety-ppe", "safety-fr-welding-gear"],
    "vehicles-parts": [
        "vehicles-parts-bumper-covers",
        "vehicles-parts-fenders",
        "vehicles-parts-training-vehicles",
        "vehicles-parts-doors",
    ],
}
STAND_IN = {"welding-mig-steel": "welding-mig-aluminum"}
CONDITIONS = ["FOR_PARTS", "FAIR", "GOOD", "LIKE_NEW", "NEW"]
WAYS = [["PICKUP"], ["PICKUP", "SHIP"], ["SHIP"], ["PICKUP", "DELIVERY"], ["DELIVERY"], ["TOW"]]

_CODES, _LATS, _LONS = all_zip_centroids()


def family_of(slug: str) -> str:
    return next(f for f, members in FAMILY.items() if slug in members or slug == f)


def place(rng: random.Random, center: dict[str, float], near_share: float = 0.7, far_km: float = 180.0) -> dict:
    """A real ZIP centroid around the centre: most within 60 km, the rest up to `far_km`."""
    limit = 60.0 if rng.random() < near_share else far_km
    while True:
        i = rng.randrange(len(_CODES))
        point = {"lat": float(_LATS[i]), "lon": float(_LONS[i])}
        if abs(point["lat"] - center["lat"]) < limit / 100 and km(center, point) <= limit:
            return {"zip": _CODES[i], **point}


def centre(code: str) -> dict:
    point = zip_centroid(code)
    assert point is not None
    return {"zip": code, "lat": point[0], "lon": point[1]}


def trade_for(rng: random.Random, own: list[str]) -> str:
    """Mostly the query's trade, some a close one, the rest any other."""
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(own)
    close = [t for o in own for t in CLOSE.get(o, []) if t not in own]
    if roll < 0.65 and close:
        return rng.choice(close)
    return rng.choice([t for t in TRADES if t not in own] or TRADES)


def credentials(rng: random.Random, program: str, wanted: list[str], share: float) -> list[list[Any]]:
    """[code, day it expires (None: never)] from the trade's entry-level list and, with `share`, the
    credentials asked for; some lapsed."""
    codes = set(rng.sample(ENTRY_LEVEL[program], k=rng.randint(0, min(2, len(ENTRY_LEVEL[program])))))
    codes |= {c for c in wanted if rng.random() < share}
    return [[c, rng.choice([None, 400, 400, 400, -30, 20])] for c in sorted(codes)]


def student(rng: random.Random, i: int, center: dict, program: str, wanted_skills: list[str], required: list[str]):
    own = SKILLS_OF[program]
    skills = set(rng.sample(own, k=rng.randint(1, min(4, len(own)))))
    skills |= {s for s in wanted_skills if rng.random() < (0.55 if s in own else 0.15)}
    return {
        "id": i,
        **place(rng, center),
        "programs": [program],
        "skills": sorted(skills),
        "wanted_skills": sorted(rng.sample(own, k=min(3, len(own)))),
        "credentials": credentials(rng, program, required, 0.7),
        "availability": sorted(rng.sample(AVAILABILITY, k=rng.randint(1, 3))),
        "travel_radius_km": rng.choice([25.0, 40.0, 60.0, 80.0, 100.0]),
        "remote_ok": rng.random() < 0.1,
        "desired_pay_cents": rng.choice([0, 0, 1600, 2000, 2400, 2800, 3200]),
        "active_days_ago": rng.randint(0, 200),
    }


def job(rng: random.Random, i: int, center: dict, template: tuple, nearby: bool = True) -> dict:
    title, role, programs, required, skills, pay, remote = template
    return {
        "id": i,
        **(place(rng, center) if nearby else center),
        "title": title,
        "role": role,
        "programs": programs,
        "required": required,
        "preferred_skills": skills,
        "pay_max_cents": pay + rng.choice([-300, 0, 0, 300]),
        "remote": remote,
        "radius_km": 100.0,
        "start_day": 30,
        "posted_days_ago": rng.randint(0, 60),
    }


def need(rng: random.Random, i: int, center: dict, category: str, here: bool = False) -> dict:
    return {
        "id": i,
        **(center if here else place(rng, center)),
        "category": category,
        "min_condition": rng.choice(["FOR_PARTS", "FAIR", "FAIR", "GOOD"]),
        "quantity": rng.choice([1, 1, 2, 3, 6, 12]),
        "priority": rng.choice(["LOW", "MEDIUM", "HIGH", "CRITICAL"]),
        "needed_in_days": rng.choice([None, 20, 45, 90, 150]),
        "tier": rng.choice(["ADVANCED", "PROFICIENT", "DEVELOPING"]),
        "received": rng.choice([0, 0, 1, 2, 4, 7]),
        "radius_km": 80.0,
    }


def listing(rng: random.Random, i: int, center: dict, category: str, here: bool = False) -> dict:
    ways = rng.choice(WAYS)
    return {
        "id": i,
        **(center if here else place(rng, center, near_share=0.55, far_km=300.0)),
        "category": category,
        "condition": rng.choice(CONDITIONS[1:] if here else CONDITIONS),
        "quantity": rng.choice([1, 1, 2, 4, 8, 20]),
        "ways": ways,
        "delivery_radius_km": 150.0 if "DELIVERY" in ways else 0.0,
    }


def mentor(rng: random.Random, i: int, center: dict, program: str, wanted: list[str]) -> dict:
    own = SKILLS_OF[program]
    specialties = set(rng.sample(own, k=min(len(own), rng.randint(2, 4))))
    specialties |= {s for s in wanted if s in own and rng.random() < 0.5}
    return {
        "id": i,
        **place(rng, center, near_share=0.6, far_km=400.0),
        "trades": [program],
        "specialties": sorted(specialties),
        "credentials": rng.sample(MENTOR_CREDENTIALS[program], k=min(2, len(MENTOR_CREDENTIALS[program]))),
        "capacity_left": rng.choice([0, 1, 2, 3, 3]),
        "remote_ok": rng.random() < 0.4,
        "radius_km": 80.0,
        "years": rng.randint(5, 30),
        "active_days_ago": rng.randint(0, 120),
    }


def _sibling(rng: random.Random, category: str) -> str:
    members = FAMILY[family_of(category)]
    return rng.choice([m for m in members if m != category] or members)


def _other_family(rng: random.Random, category: str) -> str:
    return rng.choice([m for f, members in FAMILY.items() if f != family_of(category) for m in members])


def pick(rng: random.Random, category: str, leaf: str) -> str:
    """A candidate's category: mostly the query's, some its stand-in, a sibling, or another family."""
    roll = rng.random()
    if roll < 0.45:
        return leaf if category not in FAMILY else rng.choice(FAMILY[category])
    if roll < 0.55 and leaf in STAND_IN:
        return STAND_IN[leaf]
    return _sibling(rng, leaf) if roll < 0.8 else _other_family(rng, leaf)


def build(kind: str, rng: random.Random) -> list[dict]:
    queries = []
    for q in range(QUERIES):
        here = centre(REGIONS[q % len(REGIONS)])
        ids = range(1, CANDIDATES + 1)
        if kind == "job_students":
            query = job(rng, q + 1, here, JOBS[q % len(JOBS)], nearby=False)
            candidates = [
                student(rng, i, here, trade_for(rng, query["programs"]), query["preferred_skills"], query["required"])
                for i in ids
            ]
        elif kind == "student_jobs":
            program = TRADES[q % len(TRADES)]
            query = student(rng, q + 1, here, program, [], [])
            query.update(here)
            held = [c for c in query["credentials"] if c[1] is None or c[1] > 30]
            candidates = []
            for i in ids:
                template = rng.choice(JOBS)
                candidates.append(job(rng, i, here, template))
                for code in template[3]:  # a student of the trade often holds the entry-level credential asked
                    if program in template[2] and rng.random() < 0.6 and code not in {c for c, _ in held}:
                        held.append([code, 400])
            query["credentials"] = held
        elif kind in ("need_listings", "listing_needs"):
            category = NEED_CATEGORIES[q % len(NEED_CATEGORIES)]
            if kind == "listing_needs" and category in FAMILY:
                category = FAMILY[category][0]
            leaf = FAMILY[category][0] if category in FAMILY else category
            if kind == "need_listings":
                query = need(rng, q + 1, here, category, here=True)
                candidates = [listing(rng, i, here, pick(rng, category, leaf)) for i in ids]
            else:
                query = listing(rng, q + 1, here, leaf, here=True)
                candidates = [need(rng, i, here, pick(rng, category, leaf)) for i in ids]
        else:
            program = TRADES[q % len(TRADES)]
            query = student(rng, q + 1, here, program, [], [])
            query.update(here)
            candidates = [mentor(rng, i, here, trade_for(rng, [program]), query["wanted_skills"]) for i in ids]
        judge = JUDGES[kind]
        for candidate in candidates:
            candidate["grade"] = judge(query, candidate)
        queries.append({"query": query, "candidates": candidates})
    return queries


def main() -> None:
    (HERE / "sets").mkdir(exist_ok=True)
    subset = {}
    for n, kind in enumerate(JUDGES):
        queries = build(kind, random.Random(SEED + n))
        (HERE / "sets" / f"{kind}.json").write_text(json.dumps(queries, separators=(",", ":")) + "\n")
        subset[kind] = queries[:SUBSET_QUERIES]
        grades = [c["grade"] for q in queries for c in q["candidates"]]
        spread = {g: grades.count(g) for g in range(4)}
        print(f"{kind}: {len(queries)} queries, {len(grades)} judged pairs, grades {spread}")
    SUBSET.write_text(json.dumps(subset, separators=(",", ":")) + "\n")
    print(f"subset: {SUBSET_QUERIES} queries per kind -> {SUBSET.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
