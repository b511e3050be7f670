"""Training programs that teach the academy curriculum, and enrolling students in them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.insert_once import insert_once
from core.paging import Page, Slice
from core.validation import Checks
from core.viewer import ANY_MEMBER, MANAGERS, Scope, Viewer, require_role
from db.engine import Database
from db.enums.pathways import EnrollmentStatus
from db.models import AcademyArea, Enrollment, Organization, TrainingProgram, TrainingProgramArea, User
from resolvers.pathways.mentored_training import students_mentorship
from resolvers.talent.policy import visible_student

# Dates a little ahead of UTC "today" are allowed: an instructor west of Greenwich is still on it.
DATE_SLACK = timedelta(days=1)


def latest_allowed_date() -> date:
    return utcnow().date() + DATE_SLACK


@dataclass(frozen=True)
class ProgramInput:
    organization_id: int
    name: str
    area_codes: list[str]
    description: str | None = None
    mentor_user_id: int | None = None


async def create_program(db: Database, viewer: Viewer, given: ProgramInput) -> TrainingProgram:
    checks = Checks()
    name = checks.text(given.name, "name", max_length=200)
    description = checks.text(given.description, "description", max_length=5000, required=False) or ""
    codes = list(dict.fromkeys(code.strip().upper() for code in given.area_codes or ()))
    if not codes:
        checks.add(ErrorCode.REQUIRED, "Choose at least one curriculum area.", "areas")
    checks.raise_any()
    async with db.write() as session:
        organization = await session.get(Organization, given.organization_id)
        if organization is None:
            raise not_found("Organization", "organizationId")
        await require_role(session, viewer, organization.id, roles=MANAGERS, scope=Scope.TALENT_WRITE)
        if not (organization.is_school or organization.is_employer):
            raise DomainError(
                ErrorCode.WRONG_ORGANIZATION_KIND, "Only schools and employers run training programs.", "organizationId"
            )
        areas = (await session.scalars(select(AcademyArea).where(AcademyArea.code.in_(codes)))).all()
        unknown = sorted(set(codes) - {area.code for area in areas})
        if unknown:
            raise DomainError(ErrorCode.UNKNOWN_AREA, f"Unknown curriculum area: {', '.join(unknown)}.", "areas")
        if given.mentor_user_id is not None and await session.get(User, given.mentor_user_id) is None:
            raise not_found("Mentor", "mentorUserId")
        program = TrainingProgram(
            organization_id=organization.id, name=name, description=description, mentor_user_id=given.mentor_user_id
        )
        session.add(program)
        await session.flush()
        session.add_all(TrainingProgramArea(program_id=program.id, area_id=area.id) for area in areas)
    return program


async def curriculum(db: Database) -> list[AcademyArea]:
    async with db.read() as session:
        return list((await session.scalars(select(AcademyArea).order_by(AcademyArea.position))).all())


async def browse_programs(db: Database, organization_id: int | None, page: Page) -> Slice[TrainingProgram]:
    stmt = select(TrainingProgram).order_by(TrainingProgram.name, TrainingProgram.id)
    if organization_id is not None:
        stmt = stmt.where(TrainingProgram.organization_id == organization_id)
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())


async def require_instructor(session: AsyncSession, viewer: Viewer, program: TrainingProgram, hide: str) -> None:
    """The program's organization members (or its apps with talent:write), or the program's mentor."""
    if viewer.user_id is not None and viewer.user_id == program.mentor_user_id:
        return
    await require_role(session, viewer, program.organization_id, roles=ANY_MEMBER, scope=Scope.TALENT_WRITE, hide=hide)


async def enroll(
    db: Database,
    viewer: Viewer,
    program_id: int,
    student_id: int,
    enrolled_on: date | None,
    mentorship_id: int | None = None,
) -> Enrollment:
    enrolled_on = enrolled_on or utcnow().date()
    if enrolled_on > latest_allowed_date():
        raise DomainError(ErrorCode.OUT_OF_RANGE, "enrolledOn cannot be in the future.", "enrolledOn")
    async with db.write() as session:
        program = await session.get(TrainingProgram, program_id)
        if program is None:
            raise not_found("Training program", "programId")
        await require_instructor(session, viewer, program, hide="Training program")
        student = await visible_student(session, viewer, student_id, "studentId")
        if mentorship_id is not None:
            await students_mentorship(session, mentorship_id, student)
        values = {
            "program_id": program.id,
            "student_id": student_id,
            "enrolled_on": enrolled_on,
            "status": EnrollmentStatus.ACTIVE.value,
            "enrolled_by_id": viewer.user_id,
            "mentorship_id": mentorship_id,
        }
        enrollment_id = await insert_once(session, Enrollment, values, ["program_id", "student_id"])
        if enrollment_id is None:
            # A withdrawn student comes back to the same record (and keeps the modules done).
            rejoined = await session.execute(
                update(Enrollment)
                .where(
                    Enrollment.program_id == program.id,
                    Enrollment.student_id == student_id,
                    Enrollment.status == EnrollmentStatus.WITHDRAWN.value,
                )
                .values(
                    status=EnrollmentStatus.ACTIVE.value,
                    withdrawn_on=None,
                    updated_at=utcnow(),
                    **({"mentorship_id": mentorship_id} if mentorship_id is not None else {}),
                )
                .returning(Enrollment.id)
            )
            enrollment_id = rejoined.scalar_one_or_none()
            if enrollment_id is None:
                raise DomainError(ErrorCode.ALREADY_ENROLLED, "The student is already enrolled.", "studentId")
        return await session.get_one(Enrollment, enrollment_id, populate_existing=True)


async def withdraw(db: Database, viewer: Viewer, enrollment_id: int, withdrawn_on: date | None) -> Enrollment:
    withdrawn_on = withdrawn_on or utcnow().date()
    async with db.write() as session:
        enrollment = await session.get(Enrollment, enrollment_id)
        if enrollment is None:
            raise not_found("Enrollment")
        program = await session.get_one(TrainingProgram, enrollment.program_id)
        await require_instructor(session, viewer, program, hide="Enrollment")
        if enrollment.status != EnrollmentStatus.ACTIVE.value:
            raise DomainError(ErrorCode.INVALID_TRANSITION, "The student has already withdrawn.", "id")
        if not (enrollment.enrolled_on <= withdrawn_on <= latest_allowed_date()):
            raise DomainError(
                ErrorCode.OUT_OF_RANGE, "withdrawnOn must be between the enrollment date and today.", "withdrawnOn"
            )
        enrollment.status, enrollment.withdrawn_on = EnrollmentStatus.WITHDRAWN.value, withdrawn_on
    return enrollment
