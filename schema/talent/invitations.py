"""Employers' invitations to visible students, and the students' answers."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from db import models
from db.enums import talent as e
from resolvers.talent import invitations
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.errors import Caller, Payload, returns_payload
from schema.relay import Node, decode_id, node_type
from schema.talent.access import acts_for
from schema.talent.applications import Application
from schema.talent.enums import InvitationStatus
from schema.talent.jobs import JobPosting
from schema.talent.students import StudentProfile


@node_type
@strawberry.type(
    description="An employer's invitation to a student to apply to a posting; seen by the student and by the "
    "employer's members (and apps with talent:read), null for anyone else."
)
class JobInvitation(Node):
    status: InvitationStatus = strawberry.field(description="The student's answer so far.")
    message: str = strawberry.field(description="The employer's message to the student; may be empty.")
    created_at: datetime = strawberry.field(description="When it was sent.")
    responded_at: datetime | None = strawberry.field(
        description="When the student accepted or declined; null while pending."
    )
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

    @strawberry.field(description="The posting the student is invited to apply to.")
    async def job_posting(self, info: Info) -> JobPosting:
        return await JobPosting.load_referenced(info, self._row.job_posting_id)

    @strawberry.field(description="The employer who sent it.")
    async def employer(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.employer_id)

    @strawberry.field(description="The student, while their profile is visible to the viewer.")
    async def student(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)


@strawberry.input(description="An invitation to a student to apply to one of your postings.")
class InvitationCreateInput:
    job_posting_id: strawberry.ID = strawberry.field(description="Your open posting.")
    student_id: strawberry.ID = strawberry.field(
        description="A StudentProfile you may see (visible to employers, or released to you); NOT_FOUND otherwise."
    )
    message: str | None = strawberry.field(
        default=None, description="A message to the student, plain text, at most 5,000 characters."
    )


@strawberry.input(description="The invitation to accept.")
class InvitationAcceptInput:
    id: strawberry.ID = strawberry.field(description="The JobInvitation's global ID.")


@strawberry.input(description="The invitation to decline.")
class InvitationDeclineInput:
    id: strawberry.ID = strawberry.field(description="The JobInvitation's global ID.")


@strawberry.type(description="The invitation a mutation changed.")
class InvitationResult(Payload):
    invitation: JobInvitation | None = strawberry.field(
        default=None, description="The invitation as saved; null when nothing changed."
    )


@strawberry.type(description="The result of `invitationCreate`.")
class InvitationCreatePayload(InvitationResult):
    pass


@strawberry.type(description="The result of `invitationAccept`.")
class InvitationAcceptPayload(InvitationResult):
    application: Application | None = strawberry.field(
        default=None, description="The application made for you (or the one you already had); null on refusal."
    )


@strawberry.type(description="The result of `invitationDecline`.")
class InvitationDeclinePayload(InvitationResult):
    pass


def _id(value: strawberry.ID) -> int:
    return decode_id(value, "JobInvitation")


@strawberry.type
class InvitationMutations:
    @strawberry.mutation(
        description="Invite a student to apply: the employer's members, or its app with talent:write. At most "
        "the weekly cap per employer (RATE_LIMITED beyond); once per student and posting (ALREADY_INVITED)."
    )
    @returns_payload
    async def invitation_create(
        self, info: Info, input: Annotated[InvitationCreateInput, strawberry.argument(description="The invitation.")]
    ) -> InvitationCreatePayload:
        row = await invitations.create(
            info.context.db,
            info.context.viewer,
            decode_id(input.job_posting_id, "JobPosting", "jobPostingId"),
            decode_id(input.student_id, "StudentProfile", "studentId"),
            input.message,
            info.context.settings.invitation_weekly_cap,
        )
        return InvitationCreatePayload(invitation=JobInvitation.from_model(row))

    @strawberry.mutation(
        description="Accept an invitation sent to you: you apply to the posting, and the employer sees your name "
        "and contact. Anyone else's invitation is NOT_FOUND."
    )
    @returns_payload(caller=Caller.PERSON)
    async def invitation_accept(
        self, info: Info, input: Annotated[InvitationAcceptInput, strawberry.argument(description="The invitation.")]
    ) -> InvitationAcceptPayload:
        row, application = await invitations.respond(info.context.db, info.context.viewer, _id(input.id), accept=True)
        return InvitationAcceptPayload(
            invitation=JobInvitation.from_model(row),
            application=Application.from_model(application) if application else None,
        )

    @strawberry.mutation(
        description="Decline an invitation sent to you; the employer learns only that you declined. Anyone else's "
        "invitation is NOT_FOUND."
    )
    @returns_payload(caller=Caller.PERSON)
    async def invitation_decline(
        self, info: Info, input: Annotated[InvitationDeclineInput, strawberry.argument(description="The invitation.")]
    ) -> InvitationDeclinePayload:
        row, _ = await invitations.respond(info.context.db, info.context.viewer, _id(input.id), accept=False)
        return InvitationDeclinePayload(invitation=JobInvitation.from_model(row))
