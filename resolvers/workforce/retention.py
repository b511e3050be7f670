"""A shop's retention signals, aggregated over its team and never shown per person: tenure, departures,
training hours and credentials earned per quarter, and how its posted pay compares with the area's.

The pay tool's k-anonymity rule holds for every figure: one that rests on fewer than five technicians is
withheld (None), so no figure can single a person out to their peers. The area's pay comes from the pay
tool itself (at least five data points; its open postings include the shop's own).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from core.clock import today
from core.errors import DomainError, ErrorCode
from db.engine import Database
from db.enums.talent import PayUnit
from db.enums.workforce import TechnicianStatus
from db.models import (
    AcademyModule,
    Enrollment,
    JobPosting,
    ModuleCompletion,
    Organization,
    StudentCredential,
    Technician,
)
from resolvers.talent import pay

MIN_GROUP = pay.MIN_DATA_POINTS
QUARTERS = 4
PAY_WINDOW = timedelta(days=365)


@dataclass(frozen=True)
class Quarter:
    label: str  # e.g. "2026-Q4"
    starts_on: date
    ends_on: date
    technicians: int  # on the team at any time in the quarter
    training_hours_per_technician: float | None
    credentials_earned: int | None


@dataclass(frozen=True)
class PayComparison:
    role_type: str
    postings: int
    shop_hourly_median_cents: int
    area: pay.Estimate | None
    shortage: str | None

    @property
    def ratio(self) -> float | None:
        if self.area is None or self.area.median_cents == 0:
            return None
        return round(self.shop_hourly_median_cents / self.area.median_cents, 2)


@dataclass(frozen=True)
class Retention:
    active: int
    median_tenure_months: float | None
    departures_last_12_months: int | None
    quarters: tuple[Quarter, ...]
    pay: tuple[PayComparison, ...]


def quarters_to(day: date, count: int = QUARTERS) -> list[tuple[str, date, date]]:
    """The last `count` calendar quarters, oldest first, the current one (still running) last."""
    year, index = day.year, (day.month - 1) // 3
    spans = []
    for _ in range(count):
        start = date(year, index * 3 + 1, 1)
        end = date(year + (index == 3), (index * 3 + 3) % 12 + 1, 1) - timedelta(days=1)
        spans.append((f"{year}-Q{index + 1}", start, end))
        year, index = (year - 1, 3) if index == 0 else (year, index - 1)
    return list(reversed(spans))


def _during(technician: Technician, day: date) -> bool:
    return technician.started_on <= day and (technician.ended_on is None or day <= technician.ended_on)


def _overlaps(technician: Technician, start: date, end: date) -> bool:
    return technician.started_on <= end and (technician.ended_on is None or technician.ended_on >= start)


def _withheld(value, group: int):
    return value if group >= MIN_GROUP else None


async def signals(db: Database, organization_id: int) -> Retention:
    """The caller has checked the viewer may see the shop's aggregates."""
    on = today()
    spans = quarters_to(on)
    first = spans[0][1]
    async with db.read() as session:
        team: Sequence[Technician] = (
            await session.scalars(select(Technician).where(Technician.organization_id == organization_id))
        ).all()
        by_student: dict[int, list[Technician]] = defaultdict(list)
        for technician in team:
            by_student[technician.student_id].append(technician)
        completions = (
            await session.execute(
                select(Enrollment.student_id, ModuleCompletion.completed_on, AcademyModule.hours)
                .join(Enrollment, Enrollment.id == ModuleCompletion.enrollment_id)
                .join(AcademyModule, AcademyModule.id == ModuleCompletion.module_id)
                .where(Enrollment.student_id.in_(list(by_student)), ModuleCompletion.completed_on >= first)
            )
        ).all()
        earned = (
            await session.execute(
                select(StudentCredential.student_id, StudentCredential.earned_on).where(
                    StudentCredential.student_id.in_(list(by_student)), StudentCredential.earned_on >= first
                )
            )
        ).all()
        organization = await session.get(Organization, organization_id)
    quarters = []
    for label, start, end in spans:
        present = [t for t in team if _overlaps(t, start, end)]
        hours = sum(
            h
            for student, day, h in completions
            if start <= day <= end and any(_during(t, day) for t in by_student[student])
        )
        credentials = sum(
            1 for student, day in earned if start <= day <= end and any(_during(t, day) for t in by_student[student])
        )
        group = len(present)
        per_technician = round(hours / group, 1) if group else 0.0
        quarters.append(
            Quarter(label, start, end, group, _withheld(per_technician, group), _withheld(credentials, group))
        )
    active = [t for t in team if t.status == TechnicianStatus.ACTIVE.value and t.started_on <= on]
    tenure = [(on - t.started_on).days / 30.44 for t in active]
    year_ago = on - timedelta(days=365)
    in_year = [t for t in team if _overlaps(t, year_ago, on)]
    left = sum(1 for t in in_year if t.ended_on is not None)
    return Retention(
        active=len(active),
        median_tenure_months=_withheld(round(statistics.median(tenure), 1) if tenure else None, len(active)),
        departures_last_12_months=_withheld(left, len(in_year)),
        quarters=tuple(quarters),
        pay=tuple(await _pay(db, organization_id, organization.postal_code if organization else None, on)),
    )


async def _pay(db: Database, organization_id: int, postal_code: str | None, on: date) -> list[PayComparison]:
    """Per role the shop posted in the last year: its median posted pay (the middle of each range, per hour)
    against the pay tool's median for the role near the shop."""
    if postal_code is None:
        return []
    since = datetime.combine(on - PAY_WINDOW, time.min, tzinfo=UTC)
    async with db.read() as session:
        rows = (
            await session.execute(
                select(JobPosting.role_type, JobPosting.pay_min_hourly_cents, JobPosting.pay_max_hourly_cents).where(
                    JobPosting.employer_id == organization_id, JobPosting.created_at >= since
                )
            )
        ).all()
    by_role: dict[str, list[float]] = defaultdict(list)
    for role_type, low, high in rows:
        by_role[role_type].append((low + high) / 2)
    comparisons = []
    for role_type in sorted(by_role):
        midpoints = by_role[role_type]
        asked = pay.EstimateInput(role_type=role_type, postal_code=postal_code, unit=PayUnit.HOUR)
        try:
            area, shortage = await pay.estimate(db, asked), None
        except DomainError as error:
            if error.code is not ErrorCode.INSUFFICIENT_DATA:
                raise
            area, shortage = None, error.message
        comparisons.append(
            PayComparison(role_type, len(midpoints), round(statistics.median(midpoints)), area, shortage)
        )
    return comparisons
