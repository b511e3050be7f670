"""Applications and their history."""

from __future__ import annotations

from datetime import datetime

import strawberry

from core.errors import not_found
from db import models
from db.enums import talent as e
from resolvers.talent import application_workflow as workflow
from resolvers.talent import applications
from schema.accounts.users import User
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.permissions import IsPerson
from schema.relay import Connection, Node, decode_id, node_type, page_args
from schema.talent.access import acts_for
from schema.talent.enums import ApplicationParty, ApplicationStatus
from schema.talent.jobs import JobPosting
from schema.talent.students import StudentProfile


@strawberry.type(description="One step of an application's history.")
class ApplicationEvent:
    from_status: ApplicationStatus | None
    to_status: ApplicationStatus
    by: ApplicationParty
    note: str
    at: datetime
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
@strawberry.type(description="A student's application to a job posting.")
class Application(Node):
    status: ApplicationStatus
    message: str
    created_at: datetime
    status_changed_at: datetime
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

    @strawberry.field
    async def job_posting(self, info: Info) -> JobPosting:
        return await JobPosting.load(info, self._row.job_posting_id)

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


@strawberry.input
class ApplicationCreateInput:
    job_posting_id: strawberry.ID
    message: str | None = None


@strawberry.input
class ApplicationMoveInput:
    application_id: strawberry.ID
    status: ApplicationStatus
    note: str | None = None


@strawberry.input
class ApplicationWithdrawInput:
    application_id: strawberry.ID
    note: str | None = None


@strawberry.input
class ApplicationFilter:
    employer_id: strawberry.ID
    job_posting_id: strawberry.ID | None = None
    status: ApplicationStatus | None = None


@strawberry.type
class ApplicationPayload(Payload):
    application: Application | None = None


@strawberry.type
class ApplicationQueries:
    @strawberry.field
    async def application(self, info: Info, id: strawberry.ID) -> Application | None:
        return await Application.load(info, decode_id(id, "Application"))

    @strawberry.field(description="An employer's applications, newest first (its members, or an app with talent:read).")
    async def applications(
        self, info: Info, filter: ApplicationFilter, first: int | None = 20, after: str | None = None
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
        permission_classes=[IsPerson],
        description="Apply to a posting (once); releases your name and contact to the employer.",
    )
    @returns_payload
    async def application_create(self, info: Info, input: ApplicationCreateInput) -> ApplicationPayload:
        posting_id = decode_id(input.job_posting_id, "JobPosting", "jobPostingId")
        row = await applications.create(info.context.db, info.context.viewer, posting_id, input.message)
        return ApplicationPayload(application=Application.from_model(row))

    @strawberry.mutation(description="The employer moves an application (members, or an app with talent:write).")
    @returns_payload
    async def application_move(self, info: Info, input: ApplicationMoveInput) -> ApplicationPayload:
        row = await applications.move(
            info.context.db,
            info.context.viewer,
            _application_id(input.application_id),
            e.ApplicationStatus(input.status),
            input.note,
        )
        return ApplicationPayload(application=Application.from_model(row))

    @strawberry.mutation(
        permission_classes=[IsPerson], description="Withdraw your application (any time before HIRED)."
    )
    @returns_payload
    async def application_withdraw(self, info: Info, input: ApplicationWithdrawInput) -> ApplicationPayload:
        row = await applications.withdraw(
            info.context.db, info.context.viewer, _application_id(input.application_id), input.note
        )
        return ApplicationPayload(application=Application.from_model(row))
