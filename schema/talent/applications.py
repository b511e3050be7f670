"""Applications and their history."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from core.errors import not_found
from db import models
from db.enums import talent as e
from resolvers.talent import application_workflow as workflow
from resolvers.talent import applications
from schema.accounts.users import User
from schema.context import Info
from schema.errors import Caller, Payload, returns_payload
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args
from schema.talent.access import acts_for
from schema.talent.enums import ApplicationParty, ApplicationStatus
from schema.talent.jobs import JobPosting
from schema.talent.students import StudentProfile


@strawberry.type(description="One step of an application's history; seen by both sides of the application.")
class ApplicationEvent:
    from_status: ApplicationStatus | None = strawberry.field(
        description="The status it left; null for the first step (applying)."
    )
    to_status: ApplicationStatus = strawberry.field(description="The status it moved to.")
    by: ApplicationParty = strawberry.field(description="Which side made the move.")
    note: str = strawberry.field(description="The note given with the move; empty when none was.")
    at: datetime = strawberry.field(description="When the move was made.")
    _actor_user_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.ApplicationEvent) -> ApplicationEvent:
        return cls(
            from_status=e.ApplicationStatus(row.from_status) if row.from_status else None,
            to_status=e.ApplicationStatus(row.to_status),
            by=workflow.Party(row.actor_role),
            note=row.note,
            at=row.created_at,
            _actor_user_id=row.actor_user_id,
        )

    @strawberry.field(
        description="The employer's member who made the move (null for the student's own moves and apps)."
    )
    async def actor(self, info: Info) -> User | None:
        if self.by is not workflow.Party.EMPLOYER or self._actor_user_id is None:
            return None
        return await User.load(info, self._actor_user_id)


async def _party(info: Info, row: models.Application) -> workflow.Party | None:
    """Which side of the application the viewer is on, if any."""
    student = await info.context.loaders.by_id(models.StudentProfile).load(row.student_id)
    if student is not None and student.user_id == info.context.viewer.user_id:
        return workflow.Party.STUDENT
    if await acts_for(info, row.employer_id, staff=False):
        return workflow.Party.EMPLOYER
    return None


@node_type
@strawberry.type(
    description="A student's application to a job posting, seen by the student, the employer's members (and "
    "apps with talent:read) and staff; null for anyone else."
)
class Application(Node):
    status: ApplicationStatus = strawberry.field(description="Where the application stands.")
    message: str = strawberry.field(description="The student's message to the employer; may be empty.")
    created_at: datetime = strawberry.field(description="When the student applied.")
    status_changed_at: datetime = strawberry.field(description="When the status last changed.")
    _row: strawberry.Private[models.Application]

    @classmethod
    def from_model(cls, row: models.Application) -> Application:
        return cls(
            pk=row.id,
            status=e.ApplicationStatus(row.status),
            message=row.message,
            created_at=row.created_at,
            status_changed_at=row.status_changed_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Application | None:
        row = await info.context.loaders.by_id(models.Application).load(pk)
        if row is None or (await _party(info, row) is None and not info.context.viewer.is_staff):
            return None
        return cls.from_model(row)

    @strawberry.field(description="The posting applied to.")
    async def job_posting(self, info: Info) -> JobPosting:
        return await JobPosting.load_referenced(info, self._row.job_posting_id)

    @strawberry.field(description="The applicant; null once they withdrew, unless their profile is visible.")
    async def student(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)

    @strawberry.field(description="Every move, oldest first.")
    async def events(self, info: Info) -> list[ApplicationEvent]:
        loader = info.context.loaders.by_column(
            models.ApplicationEvent, "application_id", order_by=("created_at", "id")
        )
        return [ApplicationEvent.from_model(row) for row in await loader.load(self.pk)]

    @strawberry.field(description="The statuses the viewer may move this application to now.")
    async def next_statuses(self, info: Info) -> list[ApplicationStatus]:
        party = await _party(info, self._row)
        return workflow.allowed_moves(e.ApplicationStatus(self._row.status), party) if party else []


@strawberry.input(description="An application to an open posting.")
class ApplicationCreateInput:
    job_posting_id: strawberry.ID = strawberry.field(description="The posting to apply to; it must be open.")
    message: str | None = strawberry.field(
        default=None, description="A message to the employer, plain text, at most 5,000 characters."
    )


@strawberry.input(description="The employer's move of an application.")
class ApplicationMoveInput:
    application_id: strawberry.ID = strawberry.field(description="The application to move.")
    status: ApplicationStatus = strawberry.field(
        description="The status to move it to; `nextStatuses` lists the allowed ones (INVALID_TRANSITION else)."
    )
    note: str | None = strawberry.field(
        default=None, description="Why, for the application's history; at most 5,000 characters."
    )


@strawberry.input(description="The student's withdrawal of their application.")
class ApplicationWithdrawInput:
    application_id: strawberry.ID = strawberry.field(description="Your application to withdraw.")
    note: str | None = strawberry.field(
        default=None, description="Why, for the application's history; at most 5,000 characters."
    )


@strawberry.input(description="Which of an employer's applications to list.")
class ApplicationFilter:
    employer_id: strawberry.ID = strawberry.field(description="The employer; you must act for it (NOT_FOUND else).")
    job_posting_id: strawberry.ID | None = strawberry.field(default=None, description="Only this posting's.")
    status: ApplicationStatus | None = strawberry.field(default=None, description="Only those in this status.")


@strawberry.type(description="The application a mutation changed.")
class ApplicationResult(Payload):
    application: Application | None = strawberry.field(
        default=None, description="The application as saved; null when nothing changed."
    )


@strawberry.type(description="The result of `applicationCreate`.")
class ApplicationCreatePayload(ApplicationResult):
    pass


@strawberry.type(description="The result of `applicationMove`.")
class ApplicationMovePayload(ApplicationResult):
    pass


@strawberry.type(description="The result of `applicationWithdraw`.")
class ApplicationWithdrawPayload(ApplicationResult):
    pass


@strawberry.type
class ApplicationQueries:
    @strawberry.field(description="An application by ID; null when there is none the viewer may see.")
    async def application(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The application's global ID.")]
    ) -> Application | None:
        return await Application.load(info, decode_id(id, "Application"))

    @strawberry.field(
        description="An employer's applications, newest first: its members, or its app with talent:read "
        "(NOT_FOUND for anyone else)."
    )
    async def applications(
        self,
        info: Info,
        filter: Annotated[ApplicationFilter, strawberry.argument(description="Whose applications, and which.")],
        first: First = 20,
        after: After = None,
    ) -> Connection[Application]:
        employer_id = decode_id(filter.employer_id, "Organization", "employerId")
        if not await acts_for(info, employer_id):
            raise not_found("Organization", "employerId")
        criteria = applications.ApplicationFilter(
            employer_id=employer_id,
            job_posting_id=decode_id(filter.job_posting_id, "JobPosting", "jobPostingId")
            if filter.job_posting_id
            else None,
            status=filter.status.value if filter.status else None,
        )
        result = await applications.browse(info.context.db, criteria, page_args(first, after))
        return Connection.of(result, Application.from_model)


def _application_id(value: strawberry.ID) -> int:
    return decode_id(value, "Application", "applicationId")


@strawberry.type
class ApplicationMutations:
    @strawberry.mutation(
        description="Apply to an open posting, once (ALREADY_APPLIED); needs your student profile "
        "(PROFILE_REQUIRED). Releases your name and contact to the employer."
    )
    @returns_payload(caller=Caller.PERSON)
    async def application_create(
        self, info: Info, input: Annotated[ApplicationCreateInput, strawberry.argument(description="The application.")]
    ) -> ApplicationCreatePayload:
        posting_id = decode_id(input.job_posting_id, "JobPosting", "jobPostingId")
        row = await applications.create(info.context.db, info.context.viewer, posting_id, input.message)
        return ApplicationCreatePayload(application=Application.from_model(row))

    @strawberry.mutation(
        description="The employer moves an application: its members, or its app with talent:write (NOT_FOUND for "
        "anyone else). A hire fills one opening, or is refused with NO_OPENINGS_LEFT."
    )
    @returns_payload
    async def application_move(
        self, info: Info, input: Annotated[ApplicationMoveInput, strawberry.argument(description="The move.")]
    ) -> ApplicationMovePayload:
        row = await applications.move(
            info.context.db,
            info.context.viewer,
            _application_id(input.application_id),
            e.ApplicationStatus(input.status),
            input.note,
        )
        return ApplicationMovePayload(application=Application.from_model(row))

    @strawberry.mutation(
        description="Withdraw your application any time before HIRED; the employer no longer sees your name or "
        "contact. Anyone else's application is NOT_FOUND."
    )
    @returns_payload(caller=Caller.PERSON)
    async def application_withdraw(
        self, info: Info, input: Annotated[ApplicationWithdrawInput, strawberry.argument(description="The withdrawal.")]
    ) -> ApplicationWithdrawPayload:
        row = await applications.withdraw(
            info.context.db, info.context.viewer, _application_id(input.application_id), input.note
        )
        return ApplicationWithdrawPayload(application=Application.from_model(row))
