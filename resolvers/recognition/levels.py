"""Recognition levels from an organization's impact, by points:

- 1 point per full $500 of declared value given (USD receipts: only donations the school confirmed);
- 5 points per distinct school helped;
- 5 points per service need credited to it (speaker, job shadow, tour...);
- 10 points per student hired through a job posting.

SUPPORTER from 1 point, PARTNER from 25, CHAMPION from 100, ALL_STAR from 250. Points come from
records only the other side confirms (receipts, credits, hires), so nobody can give themselves a level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from db.engine import Database
from db.enums.recognition import RecognitionLevel
from db.models import JobPosting
from resolvers.donations.impact import Impact, impacts

CENTS_PER_POINT = 50_000  # $500
POINTS_PER_SCHOOL = 5
POINTS_PER_SERVICE = 5
POINTS_PER_HIRE = 10
THRESHOLDS: tuple[tuple[RecognitionLevel, int], ...] = (
    (RecognitionLevel.SUPPORTER, 1),
    (RecognitionLevel.PARTNER, 25),
    (RecognitionLevel.CHAMPION, 100),
    (RecognitionLevel.ALL_STAR, 250),
)
COUNTED_CURRENCY = "USD"


@dataclass(frozen=True)
class Recognition:
    points: int
    level: RecognitionLevel | None
    next_level: RecognitionLevel | None
    next_level_points: int | None
    progress: float  # 0..1 of the way from the current level's threshold to the next one's; 1 at the top
    value_given_cents: int
    schools_helped: int
    services_delivered: int
    students_hired: int


def threshold(level: RecognitionLevel) -> int:
    return dict(THRESHOLDS)[level]


def recognize(impact: Impact, students_hired: int) -> Recognition:
    value = impact.value_given.get(COUNTED_CURRENCY, 0)
    points = (
        value // CENTS_PER_POINT
        + POINTS_PER_SCHOOL * impact.schools_helped
        + POINTS_PER_SERVICE * impact.services_fulfilled
        + POINTS_PER_HIRE * students_hired
    )
    reached = [(level, needed) for level, needed in THRESHOLDS if points >= needed]
    ahead = [(level, needed) for level, needed in THRESHOLDS if points < needed]
    level, floor = reached[-1] if reached else (None, 0)
    if ahead:
        next_level, next_points = ahead[0]
        progress = (points - floor) / (next_points - floor)
    else:
        next_level, next_points, progress = None, None, 1.0
    return Recognition(
        points=points,
        level=level,
        next_level=next_level,
        next_level_points=next_points,
        progress=round(progress, 4),
        value_given_cents=value,
        schools_helped=impact.schools_helped,
        services_delivered=impact.services_fulfilled,
        students_hired=students_hired,
    )


async def hires(db: Database, organization_ids: Sequence[int]) -> dict[int, int]:
    async with db.read() as session:
        rows = await session.execute(
            select(JobPosting.employer_id, func.sum(JobPosting.hires))
            .where(JobPosting.employer_id.in_(organization_ids))
            .group_by(JobPosting.employer_id)
        )
        return {org_id: int(total or 0) for org_id, total in rows}


async def recognitions(db: Database, organization_ids: Sequence[int]) -> list[Recognition]:
    """One per id, in order, from a fixed number of grouped queries."""
    if not organization_ids:
        return []
    found = await impacts(db, organization_ids)
    hired = await hires(db, organization_ids)
    return [recognize(impact, hired.get(org_id, 0)) for org_id, impact in zip(organization_ids, found, strict=True)]
