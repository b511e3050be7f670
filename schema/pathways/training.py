"""Training programs teaching the academy curriculum: browsing them, enrolling students, recording progress."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from db import models
from resolvers.pathways import training, training_progress
from schema.accounts.organizations import Organization
from schema.accounts.users import User
from schema.context import Info
from schema.errors import INPUT, Payload, returns_payload
from schema.pathways.curriculum import AcademyArea
from schema.pathways.enrollments import EarnedBadge, Enrollment, ModuleCompletion
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args


@node_type
@strawberry.type(
    description="A school's course or a shop's apprentice program teaching academy areas. Programs are public; "
    "their enrollments are not."
)
class TrainingProgram(Node):
    name: str = strawberry.field(description="The program's name, e.g. Collision I.")
    description: str = strawberry.field(description="What the program covers; empty when none was given.")
    created_at: datetime = strawberry.field(description="When the program was created (UTC).")
    _row: strawberry.Private[models.TrainingProgram]

    @classmethod
    def from_model(cls, row: models.TrainingProgram) -> TrainingProgram:
        return cls(pk=row.id, name=row.name, description=row.description, created_at=row.created_at, _row=row)

    @classmethod
    async def load(cls, info: Info, pk: int) -> TrainingProgram | None:
        row = await info.context.loaders.by_id(models.TrainingProgram).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field(description="The school or employer running the program.")
    async def organization(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.organization_id)

    @strawberry.field(description="The academy areas the program teaches, in curriculum order.")
    async def areas(self, info: Info) -> list[AcademyArea]:
        links = await info.context.loaders.by_column(
            models.TrainingProgramArea, "program_id", order_by=("area_id",)
        ).load(self.pk)
        rows = await info.context.loaders.by_id(models.AcademyArea).load_many([link.area_id for link in links])
        return [AcademyArea.from_model(row) for row in rows]

    @strawberry.field(
        description="The technician who mentors the program's apprentices and may record their completions; "
        "null when the program has none."
    )
    async def mentor(self, info: Info) -> User | None:
        return await User.load(info, self._row.mentor_user_id) if self._row.mentor_user_id else None

    @strawberry.field(
        description="Enrollments, oldest first, withdrawn ones included; null unless you are a member of the "
        "program's organization (or its app, or staff)."
    )
    async def enrollments(self, info: Info, first: First = 20, after: After = None) -> Connection[Enrollment] | None:
        if not await info.context.is_member(self._row.organization_id):
            return None
        page = await info.context.loaders.page_by_column(models.Enrollment, "program_id", page_args(first, after)).load(
            self.pk
        )
        return Connection.of(page, Enrollment.from_model)


@strawberry.input(description="A new training program.")
class TrainingProgramCreateInput:
    organization_id: strawberry.ID = strawberry.field(
        description="The school or employer running it; you must be one of its owners or admins (or its app "
        "with talent:write)."
    )
    name: str = strawberry.field(description="Up to 200 characters.")
    areas: list[str] = strawberry.field(
        description="Academy area codes taught, at least one: CRF, DR, PLASTIC, SDR, PREP (case-insensitive, "
        "duplicates ignored)."
    )
    description: str | None = strawberry.field(default=None, description="Up to 5,000 characters; empty if omitted.")
    mentor_user_id: strawberry.ID | None = strawberry.field(
        default=None, description="A User who mentors the program's apprentices and may record their completions."
    )


@strawberry.input(description="Enroll a student in a program.")
class EnrollmentCreateInput:
    program_id: strawberry.ID = strawberry.field(description="The TrainingProgram.")
    student_id: strawberry.ID = strawberry.field(
        description="The StudentProfile; you must be able to see it (your school's student, a visible profile, "
        "or one that applied to your organization)."
    )
    enrolled_on: date | None = strawberry.field(
        default=None, description="The day the student joined; today (UTC) if omitted, never in the future."
    )
    mentorship_id: strawberry.ID | None = strawberry.field(
        default=None, description="The student's active mentorship; its mentor may then record completions."
    )


@strawberry.input(description="Record that a student left a program.")
class EnrollmentWithdrawInput:
    id: strawberry.ID = strawberry.field(description="The Enrollment, which must be ACTIVE.")
    withdrawn_on: date | None = strawberry.field(
        default=None, description="The day the student left: from the enrollment date to today; today if omitted."
    )


@strawberry.input(description="A module a student completed.")
class ModuleCompletionRecordInput:
    enrollment_id: strawberry.ID = strawberry.field(description="The student's ACTIVE Enrollment.")
    module_id: strawberry.ID = strawberry.field(
        description="The AcademyModule; it must belong to an area the program teaches, once per enrollment."
    )
    completed_on: date = strawberry.field(description="The day it was completed; not in the future.")
    score: int | None = strawberry.field(default=None, description="The instructor's score from 0 to 100, if any.")


@strawberry.type(description="The result of `trainingProgramCreate`.")
class TrainingProgramCreatePayload(Payload):
    program: TrainingProgram | None = strawberry.field(default=None, description="The new program; null on error.")


@strawberry.type
class EnrollmentResult(Payload):
    enrollment: Enrollment | None = strawberry.field(
        default=None, description="The enrollment as it now stands; null on error."
    )


@strawberry.type(description="The result of `enrollmentCreate`.")
class EnrollmentCreatePayload(EnrollmentResult):
    pass


@strawberry.type(description="The result of `enrollmentWithdraw`.")
class EnrollmentWithdrawPayload(EnrollmentResult):
    pass


@strawberry.type(description="The result of `moduleCompletionRecord`.")
class ModuleCompletionRecordPayload(EnrollmentResult):
    completion: ModuleCompletion | None = strawberry.field(
        default=None, description="The completion recorded; null on error."
    )
    badge_awarded: EarnedBadge | None = strawberry.field(
        default=None, description="The area badge this completion earned; null unless it finished an area."
    )


@strawberry.type
class TrainingQueries:
    @strawberry.field(description="The academy curriculum: its five areas in teaching order, with their modules.")
    async def academy_areas(self, info: Info) -> list[AcademyArea]:
        return [AcademyArea.from_model(row) for row in await training.curriculum(info.context.db)]

    @strawberry.field(description="Training programs by name (public); optionally one organization's.")
    async def training_programs(
        self,
        info: Info,
        organization_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this Organization's programs.")
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[TrainingProgram]:
        org_pk = decode_id(organization_id, "Organization", "organizationId") if organization_id else None
        result = await training.browse_programs(info.context.db, org_pk, page_args(first, after))
        return Connection.of(result, TrainingProgram.from_model)


@strawberry.type
class TrainingMutations:
    @strawberry.mutation(description="Offer a program teaching academy areas (school or employer owners and admins).")
    @returns_payload
    async def training_program_create(
        self, info: Info, input: Annotated[TrainingProgramCreateInput, strawberry.argument(description=INPUT)]
    ) -> TrainingProgramCreatePayload:
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
        return TrainingProgramCreatePayload(program=TrainingProgram.from_model(row))

    @strawberry.mutation(
        description="Enroll a student (the program's organization members, its apps with talent:write, or its "
        "mentor); a withdrawn student is re-enrolled in the same enrollment."
    )
    @returns_payload
    async def enrollment_create(
        self, info: Info, input: Annotated[EnrollmentCreateInput, strawberry.argument(description=INPUT)]
    ) -> EnrollmentCreatePayload:
        row = await training.enroll(
            info.context.db,
            info.context.viewer,
            decode_id(input.program_id, "TrainingProgram", "programId"),
            decode_id(input.student_id, "StudentProfile", "studentId"),
            input.enrolled_on,
            decode_id(input.mentorship_id, "Mentorship", "mentorshipId") if input.mentorship_id else None,
        )
        return EnrollmentCreatePayload(enrollment=Enrollment.from_model(row))

    @strawberry.mutation(
        description="Record that a student withdrew (the program's instructors); completed modules are kept."
    )
    @returns_payload
    async def enrollment_withdraw(
        self, info: Info, input: Annotated[EnrollmentWithdrawInput, strawberry.argument(description=INPUT)]
    ) -> EnrollmentWithdrawPayload:
        row = await training.withdraw(
            info.context.db, info.context.viewer, decode_id(input.id, "Enrollment"), input.withdrawn_on
        )
        return EnrollmentWithdrawPayload(enrollment=Enrollment.from_model(row))

    @strawberry.mutation(
        description="Record a completed module (the program's instructors, or the mentor of the enrollment's "
        "active mentorship); finishing an area awards its badge as a verified credential, once."
    )
    @returns_payload
    async def module_completion_record(
        self, info: Info, input: Annotated[ModuleCompletionRecordInput, strawberry.argument(description=INPUT)]
    ) -> ModuleCompletionRecordPayload:
        recorded = await training_progress.record_completion(
            info.context.db,
            info.context.viewer,
            decode_id(input.enrollment_id, "Enrollment", "enrollmentId"),
            decode_id(input.module_id, "AcademyModule", "moduleId"),
            input.completed_on,
            input.score,
        )
        badge, earned_on = recorded.badge, recorded.badge_earned_on  # set together, when a badge was earned
        return ModuleCompletionRecordPayload(
            completion=ModuleCompletion.from_model(recorded.completion),
            enrollment=Enrollment.from_model(recorded.enrollment),
            badge_awarded=EarnedBadge(code=badge.code, name=badge.name, earned_on=earned_on)
            if badge and earned_on is not None
            else None,
        )
