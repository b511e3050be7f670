"""Employers' invitations to visible students, and the students' answers."""

from __future__ import annotations

from datetime import datetime

import strawberry

from db import models
from db.enums import talent as e
from resolvers.talent import invitations
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.permissions import IsPerson
from schema.relay import Node, decode_id, node_type
from schema.talent.access import acts_for
from schema.talent.applications import Application
from schema.talent.enums import InvitationStatus
from schema.talent.jobs import JobPosting
from schema.talent.students import StudentProfile


@node_type
@strawberry.type(description="An employer's invitation to a student to apply to a posting.")
class JobInvitation(Node):
    status: InvitationStatus
    message: str
    created_at: datetime
    responded_at: datetime | None
    _row: strawberry.Private[models.JobInvitation]

    @classmethod
    def from_model(cls, row: models.JobInvitation) -> JobInvitation:
        return cls(
            pk=row.id,
            status=e.InvitationStatus(row.status),
            message=row.message,
            created_at=row.created_at,
            responded_at=row.responded_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> JobInvitation | None:
        row = await info.context.loaders.by_id(models.JobInvitation).load(pk)
        if row is None:
            return None
        student = await info.context.loaders.by_id(models.StudentProfile).load(row.student_id)
        if info.context.viewer.user_id != student.user_id and not await acts_for(info, row.employer_id):
            return None
        return cls.from_model(row)

    @strawberry.field
    async def job_posting(self, info: Info) -> JobPosting:
        return await JobPosting.load(info, self._row.job_posting_id)

    @strawberry.field
    async def employer(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.employer_id)

    @strawberry.field(description="The student, while their profile is visible to the viewer.")
    async def student(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)


@strawberry.input
class JobInvitationCreateInput:
    job_posting_id: strawberry.ID
    student_id: strawberry.ID
    message: str | None = None


@strawberry.type
class JobInvitationPayload(Payload):
    invitation: JobInvitation | None = None
    application: Application | None = strawberry.field(
        default=None, description="On accepting: the application made for you (or the one you already had)."
    )


def _id(value: strawberry.ID) -> int:
    return decode_id(value, "JobInvitation")


@strawberry.type
class InvitationMutations:
    @strawberry.mutation(
        description="Invite a visible student to apply (employer members, or an app with talent:write); capped per week."
    )
    @returns_payload
    async def invitation_create(self, info: Info, input: JobInvitationCreateInput) -> JobInvitationPayload:
        row = await invitations.create(
            info.context.db,
            info.context.viewer,
            decode_id(input.job_posting_id, "JobPosting", "jobPostingId"),
            decode_id(input.student_id, "StudentProfile", "studentId"),
            input.message,
            info.context.settings.invitation_weekly_cap,
        )
        return JobInvitationPayload(invitation=JobInvitation.from_model(row))

    @strawberry.mutation(
        permission_classes=[IsPerson], description="Accept: you apply, and the employer sees your name and contact."
    )
    @returns_payload
    async def invitation_accept(self, info: Info, id: strawberry.ID) -> JobInvitationPayload:
        row, application = await invitations.respond(info.context.db, info.context.viewer, _id(id), accept=True)
        return JobInvitationPayload(
            invitation=JobInvitation.from_model(row),
            application=Application.from_model(application) if application else None,
        )

    @strawberry.mutation(
        permission_classes=[IsPerson], description="Decline; the employer learns only that you declined."
    )
    @returns_payload
    async def invitation_decline(self, info: Info, id: strawberry.ID) -> JobInvitationPayload:
        row, _ = await invitations.respond(info.context.db, info.context.viewer, _id(id), accept=False)
        return JobInvitationPayload(invitation=JobInvitation.from_model(row))
