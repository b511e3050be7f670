"""Trades (school programs) and how they relate: which trades are close enough that a student of
one is a partial fit for a posting in the other, and which trade a credential or a skill belongs
to (so a mentor's trade can be read from what they hold and teach).

Programs are the values of `db.enums.accounts.Program`; credential codes and skill slugs refer to
`db.reference.credentials` and `db.reference.skills` (a test checks every one exists).
"""

from __future__ import annotations

from collections.abc import Iterable

# Pairs of trades that share much of their training, symmetric. Sources: the ASE Education
# Foundation accredits "Collision Repair & Refinish" as one program family, and painting &
# refinishing is one of its four collision areas, so collision and refinish students overlap;
# estimators (ASE B6, I-CAR Estimator) come up through collision repair; diesel, EV/hybrid and
# motorcycle technicians start from the automobile task list (ASE A-series, G1); heavy-equipment
# programs build on diesel.
RELATED_PROGRAMS: tuple[tuple[str, str], ...] = (
    ("COLLISION", "REFINISH"),
    ("COLLISION", "ESTIMATING"),
    ("AUTOMOTIVE", "DIESEL"),
    ("AUTOMOTIVE", "EV_HYBRID"),
    ("AUTOMOTIVE", "MOTORCYCLE"),
    ("DIESEL", "HEAVY_EQUIPMENT"),
)

# The trade each credential belongs to, by code prefix (longest prefix wins). ASE B2 and the
# Entry-Level Painting & Refinishing test are refinish; B3-B5 and the collision Entry-Level tests
# are collision; B6 is estimating; the A-series, G1 and L1 are automotive, A9 light diesel, L3
# hybrid/EV. I-CAR's Refinish role is refinish, its Estimator and Appraiser roles estimating, its
# other roles (structural, non-structural, electrical, mechanical, production) collision shops.
CREDENTIAL_TRADES: dict[str, str] = {
    "ASE-A": "AUTOMOTIVE",
    "ASE-A9": "DIESEL",
    "ASE-G1": "AUTOMOTIVE",
    "ASE-L1": "AUTOMOTIVE",
    "ASE-L3": "EV_HYBRID",
    "ASE-B2": "REFINISH",
    "ASE-B3": "COLLISION",
    "ASE-B4": "COLLISION",
    "ASE-B5": "COLLISION",
    "ASE-B6": "ESTIMATING",
    "ASE-EL-PR": "REFINISH",
    "ASE-EL-SR": "COLLISION",
    "ASE-EL-NS": "COLLISION",
    "ASE-EL-ME": "COLLISION",
    "ASE-EL-": "AUTOMOTIVE",
    "ICAR-REF-": "REFINISH",
    "ICAR-EST-": "ESTIMATING",
    "ICAR-APDA-": "ESTIMATING",
    "ICAR-ACAD-PREP": "REFINISH",
    "ICAR-": "COLLISION",
}

# The trade each skill is taught in (soft skills belong to none).
SKILL_TRADES: dict[str, str] = {
    **dict.fromkeys(
        (
            "mig-welding",
            "strsw-spot-welding",
            "aluminum-welding",
            "mig-brazing",
            "plasma-cutting",
            "rivet-bonding",
            "adhesive-bonding",
            "panel-replacement",
            "sectioning",
            "frame-measuring",
            "frame-straightening",
            "metal-straightening",
            "paintless-dent-repair",
            "plastic-repair",
            "body-filler",
            "corrosion-protection",
            "disassembly-reassembly",
            "glass-replacement",
            "adas-calibration",
            "pre-post-scanning",
        ),
        "COLLISION",
    ),
    **dict.fromkeys(
        (
            "surface-preparation",
            "masking",
            "primer-application",
            "spray-gun-technique",
            "color-matching",
            "paint-mixing",
            "buffing-polishing",
            "paint-defect-repair",
            "detailing",
        ),
        "REFINISH",
    ),
    **dict.fromkeys(
        (
            "brake-service",
            "suspension-steering",
            "wheel-alignment",
            "tire-service",
            "oil-change-maintenance",
            "engine-diagnostics",
            "engine-repair",
            "drivetrain-repair",
            "hvac-service",
            "scan-tool-diagnostics",
            "electrical-diagnostics",
            "module-programming",
            "battery-charging-systems",
        ),
        "AUTOMOTIVE",
    ),
    **dict.fromkeys(("high-voltage-safety", "hybrid-ev-service"), "EV_HYBRID"),
    **dict.fromkeys(("diesel-engine-repair", "diesel-aftertreatment", "air-brakes"), "DIESEL"),
    "hydraulics": "HEAVY_EQUIPMENT",
    **dict.fromkeys(("estimating", "damage-analysis", "oem-repair-procedures", "parts-management"), "ESTIMATING"),
}


def related_programs(programs: Iterable[str]) -> set[str]:
    """Trades related to any of `programs`, the programs themselves excluded."""
    own = set(programs)
    found = {b for a, b in RELATED_PROGRAMS if a in own} | {a for a, b in RELATED_PROGRAMS if b in own}
    return found - own


def credential_trade(code: str) -> str | None:
    prefixes = [p for p in CREDENTIAL_TRADES if code.startswith(p)]
    return CREDENTIAL_TRADES[max(prefixes, key=len)] if prefixes else None


def trades_of(credential_codes: Iterable[str], skill_slugs: Iterable[str]) -> set[str]:
    """A person's trades: those of their credentials, or, with none that tell, those most of their
    skills belong to (a mentor with only soft skills states no trade)."""
    held = {t for code in credential_codes if (t := credential_trade(code)) is not None}
    if held:
        return held
    counts: dict[str, int] = {}
    for slug in skill_slugs:
        if slug in SKILL_TRADES:
            counts[SKILL_TRADES[slug]] = counts.get(SKILL_TRADES[slug], 0) + 1
    top = max(counts.values(), default=0)
    return {trade for trade, n in counts.items() if n == top and top > 0}
