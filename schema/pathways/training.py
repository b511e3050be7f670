"""The academy curriculum, training programs, enrollments and their progress."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from db import enums, models
from db.enums.talent import MentorshipStatus
from resolvers.pathways import training, training_progress
from schema.accounts.organizations import Organization
from schema.accounts.users import User
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.pathways.curriculum import AcademyArea, AcademyModule
from schema.relay import Connection, Node, decode_id, node_type, page_args
from schema.talent.mentorship import Mentorship
from schema.talent.students import StudentProfile

EnrollmentStatus = strawberry.enum(enums.EnrollmentStatus, description="Whether a student is still enrolled.")


@node_type
@strawberry.type(description="A school's course or a shop's apprentice program teaching academy areas.")
class TrainingProgram(Node):
    name: str
    description: str
    created_at: datetime
    _row: strawberry.Private[models.TrainingProgram]

    @classmethod
    def from_model(cls, row: models.TrainingProgram) -> TrainingProgram:
        return cls(pk=row.id, name=row.name, description=row.description, created_at=row.created_at, _row=row)

    @classmethod
    async def load(cls, info: Info, pk: int) -> TrainingProgram | None:
        row = await info.context.loaders.by_id(models.TrainingProgram).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field
    async def organization(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.organization_id)

    @strawberry.field
    async def areas(self, info: Info) -> list[AcademyArea]:
        links = await info.context.loaders.by_column(
            models.TrainingProgramArea, "program_id", order_by=("area_id",)
        ).load(self.pk)
        rows = await info.context.loaders.by_id(models.AcademyArea).load_many([link.area_id for link in links])
        return [AcademyArea.from_model(row) for row in rows]

    @strawberry.field(description="The technician who mentors the program's apprentices, if any.")
    async def mentor(self, info: Info) -> User | None:
        return await User.load(info, self._row.mentor_user_id) if self._row.mentor_user_id else None

    @strawberry.field(description="Enrollments; visible to the program's organization and staff.")
    async def enrollments(self, info: Info) -> list[Enrollment]:
        if not await info.context.is_member(self._row.organization_id):
            return []
        rows = await info.context.loaders.by_column(models.Enrollment, "program_id").load(self.pk)
        return [Enrollment.from_model(row) for row in rows]


@strawberry.type(description="Progress through one area of a program.")
class AreaProgress:
    modules_completed: int
    modules_total: int
    hours_completed: int
    hours_total: int
    completed: bool
    _area_id: strawberry.Private[int]

    @strawberry.field
    async def area(self, info: Info) -> AcademyArea:
        return await AcademyArea.load(info, self._area_id)


@strawberry.type(description="How far a student is through a program; percent is of contact hours.")
class EnrollmentProgress:
    modules_completed: int
    modules_total: int
    hours_completed: int
    hours_total: int
    percent: float
    areas: list[AreaProgress]

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


@strawberry.type(description="A module a student completed in a program.")
class ModuleCompletion:
    completed_on: date
    score: int | None
    created_at: datetime
    _module_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.ModuleCompletion) -> ModuleCompletion:
        return cls(completed_on=row.completed_on, score=row.score, created_at=row.created_at, _module_id=row.module_id)

    @strawberry.field
    async def module(self, info: Info) -> AcademyModule:
        return await AcademyModule.load(info, self._module_id)


async def _progress_batch(db, enrollment_ids):
    async with db.read() as session:
        found = await training_progress.progress_of(session, enrollment_ids)
    return [found[i] for i in enrollment_ids]


async def can_view_enrollment(info: Info, row: models.Enrollment) -> bool:
    """The student, the program's organization and mentor, and whoever may see the student's profile
    as their school (or staff)."""
    ctx = info.context
    program = await ctx.loaders.by_id(models.TrainingProgram).load(row.program_id)
    if ctx.viewer.user_id is not None and ctx.viewer.user_id == program.mentor_user_id:
        return True
    if await ctx.is_member(program.organization_id):
        return True
    student = await ctx.loaders.by_id(models.StudentProfile).load(row.student_id)
    if ctx.viewer.user_id == student.user_id or (
        student.school_id is not None and await ctx.is_member(student.school_id)
    ):
        return True
    return await _mentors_enrollment(info, row)


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
@strawberry.type(description="A student's place in a training program.")
class Enrollment(Node):
    status: EnrollmentStatus
    enrolled_on: date
    withdrawn_on: date | None
    created_at: datetime
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

    @strawberry.field
    async def program(self, info: Info) -> TrainingProgram:
        return await TrainingProgram.load(info, self._row.program_id)

    @strawberry.field(description="The student, when you may see their profile.")
    async def student(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)

    @strawberry.field(description="The mentorship this apprentice is trained through, when you may see it.")
    async def mentorship(self, info: Info) -> Mentorship | None:
        return await Mentorship.load(info, self._row.mentorship_id) if self._row.mentorship_id else None

    @strawberry.field
    async def progress(self, info: Info) -> EnrollmentProgress:
        progress = await info.context.loaders.custom("enrollment_progress", _progress_batch).load(self.pk)
        return EnrollmentProgress.of(progress)

    @strawberry.field(description="Modules completed, oldest first.")
    async def completions(self, info: Info) -> list[ModuleCompletion]:
        rows = await info.context.loaders.by_column(
            models.ModuleCompletion, "enrollment_id", order_by=("completed_on", "id")
        ).load(self.pk)
        return [ModuleCompletion.from_model(row) for row in rows]


@strawberry.type(description="A badge earned automatically by completing an area.")
class EarnedBadge:
    code: str
    name: str
    earned_on: date


@strawberry.input
class TrainingProgramCreateInput:
    organization_id: strawberry.ID
    name: str
    areas: list[str] = strawberry.field(description="Academy area codes, e.g. CRF, DR, PLASTIC, SDR, PREP.")
    description: str | None = None
    mentor_user_id: strawberry.ID | None = None


@strawberry.input
class EnrollmentCreateInput:
    program_id: strawberry.ID
    student_id: strawberry.ID
    enrolled_on: date | None = None
    mentorship_id: strawberry.ID | None = strawberry.field(
        default=None, description="The student's active mentorship; its mentor may then record completions."
    )


@strawberry.input
class ModuleCompletionRecordInput:
    enrollment_id: strawberry.ID
    module_id: strawberry.ID
    completed_on: date
    score: int | None = None


@strawberry.type
class TrainingProgramPayload(Payload):
    program: TrainingProgram | None = None


@strawberry.type
class EnrollmentPayload(Payload):
    enrollment: Enrollment | None = None


@strawberry.type
class ModuleCompletionPayload(Payload):
    completion: ModuleCompletion | None = None
    enrollment: Enrollment | None = None
    badge_awarded: EarnedBadge | None = strawberry.field(
        default=None, description="Set when this completion finished an area."
    )


@strawberry.type
class TrainingQueries:
    @strawberry.field(description="The academy curriculum: its areas and their modules.")
    async def academy_areas(self, info: Info) -> list[AcademyArea]:
        return [AcademyArea.from_model(row) for row in await training.curriculum(info.context.db)]

    @strawberry.field(description="Training programs, by name; optionally one organization's.")
    async def training_programs(
        self, info: Info, organization_id: strawberry.ID | None = None, first: int | None = 20, after: str | None = None
    ) -> Connection[TrainingProgram]:
        org_pk = decode_id(organization_id, "Organization", "organizationId") if organization_id else None
        result = await training.browse_programs(info.context.db, org_pk, page_args(first, after))
        return Connection.of(result, TrainingProgram.from_model)


@strawberry.type
class TrainingMutations:
    @strawberry.mutation(description="Offer a program teaching academy areas (school or employer owners and admins).")
    @returns_payload
    async def training_program_create(self, info: Info, input: TrainingProgramCreateInput) -> TrainingProgramPayload:
        row = await training.create_program(
            info.context.db,
            info.context.viewer,
            training.ProgramInput(
                organization_id=decode_id(input.organization_id, "Organization", "organizationId"),
                name=input.name,
                area_codes=input.areas,
                description=input.description,
                mentor_user_id=decode_id(input.mentor_user_id, "User", "mentorUserId")
                if input.mentor_user_id
                else None,
            ),
        )
        return TrainingProgramPayload(program=TrainingProgram.from_model(row))

    @strawberry.mutation(description="Enroll a student (the program's organization members).")
    @returns_payload
    async def enrollment_create(self, info: Info, input: EnrollmentCreateInput) -> EnrollmentPayload:
        row = await training.enroll(
            info.context.db,
            info.context.viewer,
            decode_id(input.program_id, "TrainingProgram", "programId"),
            decode_id(input.student_id, "StudentProfile", "studentId"),
            input.enrolled_on,
            decode_id(input.mentorship_id, "Mentorship", "mentorshipId") if input.mentorship_id else None,
        )
        return EnrollmentPayload(enrollment=Enrollment.from_model(row))

    @strawberry.mutation(description="Record that a student withdrew; completed modules are kept.")
    @returns_payload
    async def enrollment_withdraw(
        self, info: Info, id: strawberry.ID, withdrawn_on: date | None = None
    ) -> EnrollmentPayload:
        row = await training.withdraw(info.context.db, info.context.viewer, decode_id(id, "Enrollment"), withdrawn_on)
        return EnrollmentPayload(enrollment=Enrollment.from_model(row))

    @strawberry.mutation(description="Record a completed module (instructors: the program's organization members).")
    @returns_payload
    async def module_completion_record(self, info: Info, input: ModuleCompletionRecordInput) -> ModuleCompletionPayload:
        recorded = await training_progress.record_completion(
            info.context.db,
            info.context.viewer,
            decode_id(input.enrollment_id, "Enrollment", "enrollmentId"),
            decode_id(input.module_id, "AcademyModule", "moduleId"),
            input.completed_on,
            input.score,
        )
        badge = recorded.badge
        return ModuleCompletionPayload(
            completion=ModuleCompletion.from_model(recorded.completion),
            enrollment=Enrollment.from_model(recorded.enrollment),
            badge_awarded=EarnedBadge(code=badge.code, name=badge.name, earned_on=recorded.badge_earned_on)
            if badge
            else None,
        )
