"""How well each applicant fits an award's eligibility rules, so a sponsor can rank applicants.

Three parts, as a weighted mean in [0, 1] (weights in RULES_WEIGHT, CREDENTIALS_WEIGHT,
TRAINING_WEIGHT):
- rules: the share of the award's rules (programs, region, graduation window, required
  credentials, school tiers) the applicant meets today; 1 when the award sets none. Rules were
  checked when the student applied, but a credential can lapse or a student move since;
- credentials: verified, unexpired credentials in the award's trades (any trade when the award
  names no program), I-CAR Academy badges aside; three or more count fully;
- training: I-CAR Academy badges earned (verified); two or more count fully.

Applicants who meet every rule rank before those who no longer do; then by score, then oldest
application first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.engine import Database
from db.models import Scholarship, ScholarshipApplication
from db.reference.trades import credential_trade
from resolvers.pathways.scholarship_eligibility import Applicant, applicants, ineligibility

RULES_WEIGHT, CREDENTIALS_WEIGHT, TRAINING_WEIGHT = 0.5, 0.3, 0.2


class ApplicationOrder(str, Enum):
    OLDEST = "OLDEST"
    FIT = "FIT"


CREDENTIALS_FOR_FULL, BADGES_FOR_FULL = 3, 2
ACADEMY_BADGE = "ICAR-ACAD-"


@dataclass(frozen=True)
class FitPart:
    name: str
    weight: float
    value: float
    reason: str


@dataclass(frozen=True)
class Fit:
    score: float
    eligible: bool  # meets every rule today
    parts: tuple[FitPart, ...]

    def sort_key(self, application: ScholarshipApplication) -> tuple[bool, float, int]:
        return (not self.eligible, -self.score, application.id)


def _rules(scholarship: Scholarship) -> list[str]:
    rules = []
    if scholarship.programs:
        rules.append("programs")
    if scholarship.region_radius_km is not None:
        rules.append("region")
    if scholarship.graduation_from is not None or scholarship.graduation_to is not None:
        rules.append("graduationBetween")
    if scholarship.required_credentials:
        rules.append("requiredCredentials")
    if scholarship.school_tiers:
        rules.append("schoolTiers")
    return rules


def fit(scholarship: Scholarship, applicant: Applicant) -> Fit:
    failing = ineligibility(scholarship, applicant)
    rules = _rules(scholarship)
    met = len(rules) - len({r.field for r in failing})
    rules_value = met / len(rules) if rules else 1.0
    if failing:
        rules_reason = "no longer meets: " + " ".join(r.message for r in failing)
    else:
        rules_reason = f"meets all {len(rules)} rules" if rules else "the award sets no rules"
    trades = set(scholarship.programs or ())
    earned = sorted(c for c in applicant.credentials if not c.startswith(ACADEMY_BADGE))
    relevant = [c for c in earned if not trades or credential_trade(c) in trades]
    badges = sorted(c for c in applicant.credentials if c.startswith(ACADEMY_BADGE))
    where = f"in {', '.join(sorted(t.lower() for t in trades))}" if trades else "in any trade"
    parts = (
        FitPart("rules", RULES_WEIGHT, rules_value, rules_reason),
        FitPart(
            "credentials",
            CREDENTIALS_WEIGHT,
            min(1.0, len(relevant) / CREDENTIALS_FOR_FULL),
            f"{len(relevant)} verified credential(s) {where}" + (f": {', '.join(relevant)}" if relevant else ""),
        ),
        FitPart(
            "training",
            TRAINING_WEIGHT,
            min(1.0, len(badges) / BADGES_FOR_FULL),
            f"{len(badges)} I-CAR Academy badge(s)" + (f": {', '.join(badges)}" if badges else ""),
        ),
    )
    score = sum(p.weight * p.value for p in parts) / sum(p.weight for p in parts)
    return Fit(round(score, 6), not failing, parts)


async def fits(
    session: AsyncSession, applications: Sequence[ScholarshipApplication], scholarships: dict[int, Scholarship]
) -> dict[int, Fit]:
    """Each application's fit (by application id), reading every applicant's facts at once."""
    facts = await applicants(session, sorted({a.student_id for a in applications}))
    return {
        a.id: fit(scholarships[a.scholarship_id], facts[a.student_id])
        for a in applications
        if a.student_id in facts and a.scholarship_id in scholarships
    }


async def fits_by_application(db: Database, application_ids: Sequence[int]) -> list[Fit | None]:
    """For each application id, in order, its fit (None when unknown): three queries in all."""
    async with db.read() as session:
        rows = (
            await session.scalars(select(ScholarshipApplication).where(ScholarshipApplication.id.in_(application_ids)))
        ).all()
        found = await fits(session, rows, await _scholarships(session, {r.scholarship_id for r in rows}))
    return [found.get(i) for i in application_ids]


async def ranked_applications(db: Database, scholarship_ids: Sequence[int]) -> list[list[ScholarshipApplication]]:
    """For each scholarship id, in order, every application, best fit first: four queries in all."""
    async with db.read() as session:
        rows = (
            await session.scalars(
                select(ScholarshipApplication).where(ScholarshipApplication.scholarship_id.in_(scholarship_ids))
            )
        ).all()
        found = await fits(session, rows, await _scholarships(session, set(scholarship_ids)))
    grouped: dict[int, list[ScholarshipApplication]] = {i: [] for i in scholarship_ids}
    for row in rows:
        grouped[row.scholarship_id].append(row)
    return [
        sorted(grouped[i], key=lambda a: found[a.id].sort_key(a) if a.id in found else (True, 0.0, a.id))
        for i in scholarship_ids
    ]


async def _scholarships(session: AsyncSession, ids: set[int]) -> dict[int, Scholarship]:
    rows = (await session.scalars(select(Scholarship).where(Scholarship.id.in_(ids)))).all() if ids else []
    return {row.id: row for row in rows}
