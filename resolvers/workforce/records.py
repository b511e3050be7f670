"""What a shop counts of a technician's records: credentials and academy modules from the pathways, safety
certifications from the shop, in three queries for any number of technicians.

The student's privacy choices carry over: records made before the technician started at the shop count
only when they share them (`shares_earlier_records`); what they earn while working there always does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.enums.workforce import SafetyTraining
from db.models import (
    AcademyArea,
    AcademyModule,
    Credential,
    Enrollment,
    ModuleCompletion,
    SafetyCertification,
    StudentCredential,
    Technician,
)


@dataclass(frozen=True)
class Holding:
    """One credential, badge or safety training held: its code, since when, until when (None: no end)."""

    code: str
    since: date
    expires_on: date | None

    def valid_on(self, day: date) -> bool:
        return self.since <= day and (self.expires_on is None or self.expires_on >= day)


@dataclass(frozen=True)
class TechnicianRecords:
    credentials: tuple[Holding, ...] = ()
    safety: tuple[Holding, ...] = ()  # the latest certification of each training
    modules_done: dict[str, int] = field(default_factory=dict)  # academy area code -> distinct modules completed
    hours_done: dict[str, int] = field(default_factory=dict)  # academy area code -> their contact hours

    def holdings(self) -> tuple[Holding, ...]:
        return self.credentials + self.safety


def _counted(technician: Technician, day: date) -> bool:
    return technician.shares_earlier_records or day >= technician.started_on


async def records_of(session: AsyncSession, technicians: Sequence[Technician]) -> dict[int, TechnicianRecords]:
    """Each technician's records as their shop counts them, keyed by technician id."""
    if not technicians:
        return {}
    by_student: dict[int, list[Technician]] = defaultdict(list)
    for technician in technicians:
        by_student[technician.student_id].append(technician)
    credentials: dict[int, list[Holding]] = defaultdict(list)
    rows = await session.execute(
        select(StudentCredential.student_id, Credential.code, StudentCredential.earned_on, StudentCredential.expires_on)
        .join(Credential, Credential.id == StudentCredential.credential_id)
        .where(StudentCredential.student_id.in_(list(by_student)))
        .order_by(StudentCredential.earned_on, StudentCredential.id)
    )
    for student_id, code, earned_on, expires_on in rows:
        for technician in by_student[student_id]:
            if _counted(technician, earned_on):
                credentials[technician.id].append(Holding(code, earned_on, expires_on))
    safety = await _latest_safety(session, [t.id for t in technicians])
    modules, hours = await _modules_done(session, by_student)
    return {
        t.id: TechnicianRecords(tuple(credentials[t.id]), tuple(safety[t.id]), dict(modules[t.id]), dict(hours[t.id]))
        for t in technicians
    }


async def _latest_safety(session: AsyncSession, technician_ids: list[int]) -> dict[int, list[Holding]]:
    rows = await session.execute(
        select(
            SafetyCertification.technician_id,
            SafetyCertification.training,
            SafetyCertification.completed_on,
            SafetyCertification.expires_on,
        )
        .where(SafetyCertification.technician_id.in_(technician_ids))
        .order_by(SafetyCertification.completed_on, SafetyCertification.id)
    )
    latest: dict[int, dict[str, Holding]] = defaultdict(dict)
    for technician_id, training, completed_on, expires_on in rows:
        latest[technician_id][training] = Holding(training, completed_on, expires_on)  # later rows win
    order = {code.value: i for i, code in enumerate(SafetyTraining)}
    return defaultdict(list, {t: sorted(held.values(), key=lambda h: order[h.code]) for t, held in latest.items()})


async def _modules_done(
    session: AsyncSession, by_student: dict[int, list[Technician]]
) -> tuple[dict[int, dict[str, int]], dict[int, dict[str, int]]]:
    """Distinct academy modules each technician completed, in any program, by area (first completion counts)."""
    rows = await session.execute(
        select(
            Enrollment.student_id,
            AcademyArea.code,
            AcademyModule.id,
            AcademyModule.hours,
            func.min(ModuleCompletion.completed_on),
        )
        .join(Enrollment, Enrollment.id == ModuleCompletion.enrollment_id)
        .join(AcademyModule, AcademyModule.id == ModuleCompletion.module_id)
        .join(AcademyArea, AcademyArea.id == AcademyModule.area_id)
        .where(Enrollment.student_id.in_(list(by_student)))
        .group_by(Enrollment.student_id, AcademyArea.code, AcademyModule.id, AcademyModule.hours)
    )
    modules: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    hours: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for student_id, area_code, _module_id, module_hours, completed_on in rows:
        for technician in by_student[student_id]:
            if _counted(technician, completed_on):
                modules[technician.id][area_code] += 1
                hours[technician.id][area_code] += module_hours
    return modules, hours
