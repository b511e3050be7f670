"""Recording module completions, awarding area badges exactly once, and measuring progress."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.insert_once import insert_once
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database
from db.enums.pathways import EnrollmentStatus
from db.models import (
    AcademyArea,
    AcademyModule,
    AreaBadgeAward,
    Credential,
    Enrollment,
    ModuleCompletion,
    StudentCredential,
    StudentProfile,
    TrainingProgram,
    TrainingProgramArea,
)
from resolvers.pathways.mentored_training import is_active_mentor
from resolvers.pathways.training import latest_allowed_date, require_instructor


@dataclass(frozen=True)
class Recorded:
    completion: ModuleCompletion
    enrollment: Enrollment
    badge: Credential | None = None  # the area badge this completion earned, if any
    badge_earned_on: date | None = None


async def record_completion(
    db: Database, viewer: Viewer, enrollment_id: int, module_id: int, completed_on: date, score: int | None
) -> Recorded:
    checks = Checks()
    checks.in_range(score, "score", low=0, high=100)
    if completed_on > latest_allowed_date():
        checks.add(ErrorCode.OUT_OF_RANGE, "completedOn cannot be in the future.", "completedOn")
    checks.raise_any()
    async with db.write() as session:
        enrollment = await session.get(Enrollment, enrollment_id)
        if enrollment is None:
            raise not_found("Enrollment", "enrollmentId")
        program = await session.get_one(TrainingProgram, enrollment.program_id)
        if not await is_active_mentor(session, viewer, enrollment):
            await require_instructor(session, viewer, program, hide="Enrollment")
        # One completion at a time per student (a row lock on PostgreSQL; SQLite already serializes
        # writers), so the last two modules of an area recorded at once still see each other.
        await session.get(StudentProfile, enrollment.student_id, with_for_update=True)
        await session.refresh(enrollment)
        if enrollment.status != EnrollmentStatus.ACTIVE.value:
            raise DomainError(ErrorCode.NOT_ENROLLED, "The student is not enrolled in this program.", "enrollmentId")
        module = await session.get(AcademyModule, module_id)
        if module is None:
            raise not_found("Module", "moduleId")
        taught = await session.scalar(
            select(TrainingProgramArea.id).where(
                TrainingProgramArea.program_id == program.id, TrainingProgramArea.area_id == module.area_id
            )
        )
        if taught is None:
            raise DomainError(ErrorCode.MODULE_NOT_IN_PROGRAM, "This module is not part of the program.", "moduleId")
        values = {
            "enrollment_id": enrollment.id,
            "module_id": module.id,
            "completed_on": completed_on,
            "score": score,
            "recorded_by_id": viewer.user_id,
        }
        completion_id = await insert_once(session, ModuleCompletion, values, ["enrollment_id", "module_id"])
        if completion_id is None:
            raise DomainError(ErrorCode.ALREADY_COMPLETED, "This module is already recorded as completed.", "moduleId")
        badge, earned_on = await _award_area_badge_if_complete(session, viewer, enrollment, module.area_id)
        completion = await session.get_one(ModuleCompletion, completion_id)
    return Recorded(completion, enrollment, badge, earned_on)


async def _award_area_badge_if_complete(
    session: AsyncSession, viewer: Viewer, enrollment: Enrollment, area_id: int
) -> tuple[Credential | None, date | None]:
    total = await session.scalar(select(func.count()).where(AcademyModule.area_id == area_id)) or 0
    done, last_on = (
        await session.execute(
            select(func.count(), func.max(ModuleCompletion.completed_on))
            .join(AcademyModule, AcademyModule.id == ModuleCompletion.module_id)
            .where(ModuleCompletion.enrollment_id == enrollment.id, AcademyModule.area_id == area_id)
        )
    ).one()
    if done < total:
        return None, None
    # The award row is the once-only claim, whichever program or request gets there first.
    award_id = await insert_once(
        session,
        AreaBadgeAward,
        {"student_id": enrollment.student_id, "area_id": area_id, "enrollment_id": enrollment.id},
        ["student_id", "area_id"],
    )
    if award_id is None:
        return None, None
    area = await session.get_one(AcademyArea, area_id)
    badge = await session.get_one(Credential, area.badge_credential_id)
    now = utcnow()
    credential_id = await insert_once(
        session,
        StudentCredential,
        {
            "student_id": enrollment.student_id,
            "credential_id": badge.id,
            "earned_on": last_on,
            "verified_at": now,
            "verified_by_id": viewer.user_id,
        },
        ["student_id", "credential_id", "earned_on"],
    )
    if credential_id is None:  # the student had already listed it for that day: now it is verified
        credential_id = (
            await session.execute(
                update(StudentCredential)
                .where(
                    StudentCredential.student_id == enrollment.student_id,
                    StudentCredential.credential_id == badge.id,
                    StudentCredential.earned_on == last_on,
                )
                .values(verified_at=now, verified_by_id=viewer.user_id, updated_at=now)
                .returning(StudentCredential.id)
            )
        ).scalar_one()
    await session.execute(
        update(AreaBadgeAward).where(AreaBadgeAward.id == award_id).values(student_credential_id=credential_id)
    )
    return badge, last_on


@dataclass
class AreaProgress:
    area_id: int
    modules_total: int = 0
    hours_total: int = 0
    modules_completed: int = 0
    hours_completed: int = 0

    @property
    def completed(self) -> bool:
        return self.modules_total > 0 and self.modules_completed >= self.modules_total


@dataclass
class Progress:
    areas: list[AreaProgress] = field(default_factory=list)

    @property
    def modules_total(self) -> int:
        return sum(a.modules_total for a in self.areas)

    @property
    def modules_completed(self) -> int:
        return sum(a.modules_completed for a in self.areas)

    @property
    def hours_total(self) -> int:
        return sum(a.hours_total for a in self.areas)

    @property
    def hours_completed(self) -> int:
        return sum(a.hours_completed for a in self.areas)

    @property
    def percent(self) -> float:
        """Share of the program's contact hours completed, to one decimal."""
        return round(100.0 * self.hours_completed / self.hours_total, 1) if self.hours_total else 0.0


async def progress_of(session: AsyncSession, enrollment_ids: Sequence[int]) -> dict[int, Progress]:
    """Progress of each enrollment, by area, in two grouped queries whatever the number of enrollments."""
    totals = await session.execute(
        select(Enrollment.id, AcademyModule.area_id, func.count(AcademyModule.id), func.sum(AcademyModule.hours))
        .join(TrainingProgramArea, TrainingProgramArea.program_id == Enrollment.program_id)
        .join(AcademyModule, AcademyModule.area_id == TrainingProgramArea.area_id)
        .where(Enrollment.id.in_(enrollment_ids))
        .group_by(Enrollment.id, AcademyModule.area_id)
    )
    areas: dict[int, dict[int, AreaProgress]] = defaultdict(dict)
    for enrollment_id, area_id, modules, hours in totals:
        areas[enrollment_id][area_id] = AreaProgress(area_id, modules, int(hours or 0))
    done = await session.execute(
        select(ModuleCompletion.enrollment_id, AcademyModule.area_id, func.count(), func.sum(AcademyModule.hours))
        .join(AcademyModule, AcademyModule.id == ModuleCompletion.module_id)
        .where(ModuleCompletion.enrollment_id.in_(enrollment_ids))
        .group_by(ModuleCompletion.enrollment_id, AcademyModule.area_id)
    )
    for enrollment_id, area_id, modules, hours in done:
        if (area := areas[enrollment_id].get(area_id)) is not None:
            area.modules_completed, area.hours_completed = modules, int(hours or 0)
    return {i: Progress(sorted(areas[i].values(), key=lambda a: a.area_id)) for i in enrollment_ids}
