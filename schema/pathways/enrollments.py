"""Enrollments in training programs, the modules completed and the progress they add up to."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import enums, models
from db.enums.talent import MentorshipStatus
from resolvers.pathways import policy, training_progress
from schema.context import Info
from schema.enum_type import enum_type
from schema.pathways.curriculum import AcademyArea, AcademyModule
from schema.relay import Node, node_type
from schema.talent.access import RequestTies
from schema.talent.mentorship import Mentorship
from schema.talent.students import StudentProfile

if TYPE_CHECKING:
    from schema.pathways.training import TrainingProgram

EnrollmentStatus = enum_type(
    enums.EnrollmentStatus,
    description="Whether a student is still enrolled in a training program.",
    values={
        "ACTIVE": "Enrolled: the program's instructors (and an attached mentor) may record module completions.",
        "WITHDRAWN": "Left the program on `withdrawnOn`; completions and badges are kept, and enrolling the "
        "student again reopens this same enrollment.",
    },
)


@strawberry.type(description="Progress through one academy area of a program's curriculum.")
class AreaProgress:
    modules_completed: int = strawberry.field(description="Modules of the area the student has completed.")
    modules_total: int = strawberry.field(description="Modules the area has.")
    hours_completed: int = strawberry.field(description="Contact hours of the completed modules.")
    hours_total: int = strawberry.field(description="Contact hours of all the area's modules.")
    completed: bool = strawberry.field(description="Every module done: the area's badge has been earned.")
    _area_id: strawberry.Private[int]

    @strawberry.field(description="The academy area.")
    async def area(self, info: Info) -> AcademyArea:
        return await AcademyArea.load_referenced(info, self._area_id)


@strawberry.type(description="How far a student is through a program, over all the areas it teaches.")
class EnrollmentProgress:
    modules_completed: int = strawberry.field(description="Modules completed in this enrollment.")
    modules_total: int = strawberry.field(description="Modules of every area the program teaches.")
    hours_completed: int = strawberry.field(description="Contact hours of the completed modules.")
    hours_total: int = strawberry.field(description="Contact hours of every module the program teaches.")
    percent: float = strawberry.field(
        description="Share of the program's contact hours completed, 0 to 100, rounded to one decimal."
    )
    areas: list[AreaProgress] = strawberry.field(description="Progress per area taught, in area order.")

    @classmethod
    def of(cls, progress: training_progress.Progress) -> EnrollmentProgress:
        return cls(
            modules_completed=progress.modules_completed,
            modules_total=progress.modules_total,
            hours_completed=progress.hours_completed,
            hours_total=progress.hours_total,
            percent=progress.percent,
            areas=[
                AreaProgress(
                    modules_completed=a.modules_completed,
                    modules_total=a.modules_total,
                    hours_completed=a.hours_completed,
                    hours_total=a.hours_total,
                    completed=a.completed,
                    _area_id=a.area_id,
                )
                for a in progress.areas
            ],
        )


@strawberry.type(description="A module a student completed in a program, as the instructor recorded it.")
class ModuleCompletion:
    completed_on: date = strawberry.field(description="The day the module was completed.")
    score: int | None = strawberry.field(description="The instructor's score from 0 to 100; null if none was given.")
    created_at: datetime = strawberry.field(description="When the completion was recorded (UTC).")
    _module_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.ModuleCompletion) -> ModuleCompletion:
        return cls(completed_on=row.completed_on, score=row.score, created_at=row.created_at, _module_id=row.module_id)

    @strawberry.field(description="The module completed.")
    async def module(self, info: Info) -> AcademyModule:
        return await AcademyModule.load_referenced(info, self._module_id)


async def _progress_batch(db, enrollment_ids):
    async with db.read() as session:
        found = await training_progress.progress_of(session, enrollment_ids)
    return [found[i] for i in enrollment_ids]


async def can_view_enrollment(info: Info, row: models.Enrollment) -> bool:
    """The rule of `resolvers.pathways.policy.may_see_enrollment`."""
    ctx = info.context
    program = await ctx.loaders.by_id(models.TrainingProgram).load(row.program_id)
    student = await ctx.loaders.by_id(models.StudentProfile).load(row.student_id)
    return await policy.may_see_enrollment(
        ctx.viewer, program, student, RequestTies(info), lambda: _mentors_enrollment(info, row)
    )


async def _mentors_enrollment(info: Info, row: models.Enrollment) -> bool:
    """The mentor of the attached mentorship sees the enrollment while the mentorship is active."""
    ctx = info.context
    if row.mentorship_id is None or ctx.viewer.user_id is None:
        return False
    mentorship = await ctx.loaders.by_id(models.Mentorship).load(row.mentorship_id)
    if mentorship is None or mentorship.status != MentorshipStatus.ACTIVE.value:
        return False
    mentor = await ctx.loaders.by_id(models.MentorProfile).load(mentorship.mentor_id)
    return mentor.user_id == ctx.viewer.user_id


@node_type
@strawberry.type(
    description="A student's place in a training program. Visible to the student, their school, the program's "
    "organization and mentor, the mentor of an attached active mentorship, and staff."
)
class Enrollment(Node):
    status: EnrollmentStatus = strawberry.field(description="Whether the student is still enrolled.")
    enrolled_on: date = strawberry.field(description="The day the student joined (or last rejoined) the program.")
    withdrawn_on: date | None = strawberry.field(description="The day the student left; null while enrolled.")
    created_at: datetime = strawberry.field(description="When the enrollment was first recorded (UTC).")
    _row: strawberry.Private[models.Enrollment]

    @classmethod
    def from_model(cls, row: models.Enrollment) -> Enrollment:
        return cls(
            pk=row.id,
            status=enums.EnrollmentStatus(row.status),
            enrolled_on=row.enrolled_on,
            withdrawn_on=row.withdrawn_on,
            created_at=row.created_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Enrollment | None:
        row = await info.context.loaders.by_id(models.Enrollment).load(pk)
        return cls.from_model(row) if row is not None and await can_view_enrollment(info, row) else None

    @strawberry.field(description="The training program.")
    async def program(self, info: Info) -> Annotated[TrainingProgram, strawberry.lazy("schema.pathways.training")]:
        from schema.pathways.training import TrainingProgram

        return await TrainingProgram.load_referenced(info, self._row.program_id)

    @strawberry.field(description="The student; null when you may not see their profile.")
    async def student(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)

    @strawberry.field(
        description="The mentorship the apprentice is trained through; null when there is none or you are not "
        "one of its two parties (or staff)."
    )
    async def mentorship(self, info: Info) -> Mentorship | None:
        return await Mentorship.load(info, self._row.mentorship_id) if self._row.mentorship_id else None

    @strawberry.field(description="How far the student is through the program's curriculum.")
    async def progress(self, info: Info) -> EnrollmentProgress:
        progress = await info.context.loaders.custom("enrollment_progress", _progress_batch).load(self.pk)
        return EnrollmentProgress.of(progress)

    @strawberry.field(
        description="Modules completed, oldest first; at most one per module of the program's curriculum."
    )
    async def completions(self, info: Info) -> list[ModuleCompletion]:
        rows = await info.context.loaders.by_column(
            models.ModuleCompletion, "enrollment_id", order_by=("completed_on", "id")
        ).load(self.pk)
        return [ModuleCompletion.from_model(row) for row in rows]


@strawberry.type(description="An academy badge earned automatically by completing every module of an area.")
class EarnedBadge:
    code: str = strawberry.field(description="The badge's credential code, e.g. ICAR-ACAD-PLASTIC.")
    name: str = strawberry.field(description="The badge's name, e.g. Plastic Repair.")
    earned_on: date = strawberry.field(description="The day the area's last module was completed.")
