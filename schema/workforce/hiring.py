"""Joining a shop's team: a hire made through ShopReady, or an accepted invitation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from db import models
from db.enums.workforce import TechnicianRole as DomainRole
from resolvers.workforce import invitations, policy, team
from schema.accounts.organizations import Organization
from schema.accounts.users import User
from schema.context import Info
from schema.errors import INPUT, Caller, Payload, returns_payload
from schema.relay import Node, decode_id, node_type
from schema.workforce.access import RequestTies
from schema.workforce.enums import TechnicianInvitationStatus, TechnicianRole
from schema.workforce.technicians import Technician


async def _may_see_invitation(info: Info, row: models.TechnicianInvitation) -> bool:
    viewer = info.context.viewer
    if await policy.may_see_shop_standing(viewer, row.organization_id, RequestTies(info)):
        return True
    if viewer.user_id is None:
        return False
    me = await info.context.loaders.by_id(models.User).load(viewer.user_id)
    return me is not None and me.email == row.email


@node_type
@strawberry.type(
    description="An invitation to join a shop's team as a technician; seen by the shop's owners and admins, "
    "staff, and the person whose account uses the email."
)
class TechnicianInvitation(Node):
    email: str = strawberry.field(description="The address invited; only the account with it may answer.")
    role: TechnicianRole = strawberry.field(description="The role offered.")
    started_on: date = strawberry.field(description="The first day offered.")
    message: str = strawberry.field(description="The shop's message; may be empty.")
    status: TechnicianInvitationStatus = strawberry.field(description="PENDING, ACCEPTED or DECLINED.")
    created_at: datetime = strawberry.field(description="When it was sent.")
    _row: strawberry.Private[models.TechnicianInvitation]

    @classmethod
    def from_model(cls, row: models.TechnicianInvitation) -> TechnicianInvitation:
        return cls(
            pk=row.id,
            email=row.email,
            role=DomainRole(row.role),
            started_on=row.started_on,
            message=row.message,
            status=TechnicianInvitationStatus(row.status),
            created_at=row.created_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> TechnicianInvitation | None:
        row = await info.context.loaders.by_id(models.TechnicianInvitation).load(pk)
        return cls.from_model(row) if row is not None and await _may_see_invitation(info, row) else None

    @strawberry.field(description="The shop.")
    async def organization(self, info: Info) -> Organization:
        return Organization.from_model(
            await info.context.loaders.by_id(models.Organization).load(self._row.organization_id)
        )

    @strawberry.field(description="The supervisor or mentor named; null when none.")
    async def supervisor(self, info: Info) -> User | None:
        return await User.load(info, self._row.supervisor_user_id) if self._row.supervisor_user_id else None


@strawberry.input(description="Make a hire a technician of the shop.")
class TechnicianHireInput:
    application_id: strawberry.ID = strawberry.field(
        description="An Application to your shop moved to HIRED (NOT_HIRED otherwise); you must be an owner or "
        "admin of the shop (or its app with talent:write)."
    )
    role: TechnicianRole = strawberry.field(description="Their role at the shop.")
    started_on: date | None = strawberry.field(
        default=None, description="Their first day, at most a year ahead; today when omitted."
    )
    supervisor_id: strawberry.ID | None = strawberry.field(
        default=None, description="A User in the shop (a member, or one of its technicians) who supervises or mentors."
    )


@strawberry.input(description="Invite an existing technician to the shop's team.")
class TechnicianInviteInput:
    organization_id: strawberry.ID = strawberry.field(description="Your shop: an employer you own or administer.")
    email: str = strawberry.field(description="Their account's email; nothing tells you whether it has one.")
    role: TechnicianRole = strawberry.field(description="The role offered.")
    started_on: date | None = strawberry.field(
        default=None, description="The first day, at most a year ahead; today when omitted."
    )
    supervisor_id: strawberry.ID | None = strawberry.field(
        default=None, description="A User in the shop who will supervise or mentor them."
    )
    message: str | None = strawberry.field(default=None, description="Up to 2,000 characters.")


@strawberry.input(description="Accept an invitation to a shop's team.")
class TechnicianInvitationAcceptInput:
    id: strawberry.ID = strawberry.field(description="The TechnicianInvitation sent to your account's email.")
    share_earlier_records: bool | None = strawberry.field(
        default=None,
        description="Whether the shop counts the credentials and training you earned before joining; when "
        "omitted, your profile's `visibleToEmployers` choice carries over (false without a profile).",
    )


@strawberry.input(description="Decline an invitation to a shop's team.")
class TechnicianInvitationDeclineInput:
    id: strawberry.ID = strawberry.field(description="The TechnicianInvitation sent to your account's email.")


@strawberry.type(description="The result of `technicianHire`.")
class TechnicianHirePayload(Payload):
    technician: Technician | None = strawberry.field(default=None, description="The new technician; null on error.")


@strawberry.type(description="The result of `technicianInvite`.")
class TechnicianInvitePayload(Payload):
    invitation: TechnicianInvitation | None = strawberry.field(default=None, description="The invitation sent.")


@strawberry.type(description="The result of `technicianInvitationAccept`.")
class TechnicianInvitationAcceptPayload(Payload):
    technician: Technician | None = strawberry.field(default=None, description="Your technician record; null on error.")


@strawberry.type(description="The result of `technicianInvitationDecline`.")
class TechnicianInvitationDeclinePayload(Payload):
    invitation: TechnicianInvitation | None = strawberry.field(default=None, description="The invitation, DECLINED.")


def _user_id(value: strawberry.ID | None) -> int | None:
    return decode_id(value, "User", "supervisorId") if value else None


@strawberry.type
class HiringMutations:
    @strawberry.mutation(
        description="Add a hire to the team: the application's student becomes a technician of the shop, keeping "
        "their credentials, training and pathway. Applying released their profile to the shop, so their earlier "
        "records count until they stop sharing them."
    )
    @returns_payload
    async def technician_hire(
        self, info: Info, input: Annotated[TechnicianHireInput, strawberry.argument(description=INPUT)]
    ) -> TechnicianHirePayload:
        row = await team.hire(
            info.context.db,
            info.context.viewer,
            team.HireInput(
                application_id=decode_id(input.application_id, "Application", "applicationId"),
                role=DomainRole(input.role),
                started_on=input.started_on,
                supervisor_user_id=_user_id(input.supervisor_id),
            ),
        )
        return TechnicianHirePayload(technician=Technician.from_model(row))

    @strawberry.mutation(description="Invite an existing technician by email (the shop's owners and admins).")
    @returns_payload
    async def technician_invite(
        self, info: Info, input: Annotated[TechnicianInviteInput, strawberry.argument(description=INPUT)]
    ) -> TechnicianInvitePayload:
        row = await invitations.invite(
            info.context.db,
            info.context.viewer,
            invitations.InviteInput(
                organization_id=decode_id(input.organization_id, "Organization", "organizationId"),
                email=input.email,
                role=DomainRole(input.role),
                started_on=input.started_on,
                supervisor_user_id=_user_id(input.supervisor_id),
                message=input.message,
            ),
        )
        return TechnicianInvitePayload(invitation=TechnicianInvitation.from_model(row))

    @strawberry.mutation(
        description="Join the shop's team (people only); a person without a student profile gets a private one, "
        "where their credentials and training are kept."
    )
    @returns_payload(caller=Caller.PERSON)
    async def technician_invitation_accept(
        self, info: Info, input: Annotated[TechnicianInvitationAcceptInput, strawberry.argument(description=INPUT)]
    ) -> TechnicianInvitationAcceptPayload:
        row = await invitations.accept(
            info.context.db,
            info.context.viewer,
            decode_id(input.id, "TechnicianInvitation"),
            input.share_earlier_records,
        )
        return TechnicianInvitationAcceptPayload(technician=Technician.from_model(row))

    @strawberry.mutation(description="Decline an invitation to a shop's team (people only).")
    @returns_payload(caller=Caller.PERSON)
    async def technician_invitation_decline(
        self, info: Info, input: Annotated[TechnicianInvitationDeclineInput, strawberry.argument(description=INPUT)]
    ) -> TechnicianInvitationDeclinePayload:
        row = await invitations.decline(
            info.context.db, info.context.viewer, decode_id(input.id, "TechnicianInvitation")
        )
        return TechnicianInvitationDeclinePayload(invitation=TechnicianInvitation.from_model(row))
