"""Members of organizations: memberships, roles, invitations, and the inputs and payloads that change them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from core.viewer import Role as DomainRole
from db import models
from schema.accounts.users import User
from schema.context import Info
from schema.enum_type import enum_type
from schema.errors import Payload

if TYPE_CHECKING:
    from schema.accounts.organizations import Organization

Role = enum_type(
    DomainRole,
    name="MembershipRole",
    description="A member's role in an organization; it decides what they may do for it.",
    values={
        "OWNER": "Everything an admin may do, plus granting and removing the OWNER role. An organization always "
        "keeps at least one owner.",
        "ADMIN": "Manages the organization: edits its profile, adds, invites and removes members other than "
        "owners, and creates and revokes partner app tokens.",
        "MEMBER": "Acts for the organization in the exchanges (needs, listings, donations, job postings, "
        "stories) and sees its members and contact details.",
    },
)


@strawberry.type(description="A person's role in an organization.")
class Membership:
    role: Role = strawberry.field(description="What the person may do for the organization.")
    created_at: datetime = strawberry.field(description="When the person joined the organization.")
    _user_id: strawberry.Private[int]
    _organization_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Membership) -> Membership:
        return cls(
            role=DomainRole(row.role),
            created_at=row.created_at,
            _user_id=row.user_id,
            _organization_id=row.organization_id,
        )

    @strawberry.field(description="The member; their email shows only to themselves, fellow members and staff.")
    async def user(self, info: Info) -> User:
        return User.from_model(await info.context.loaders.by_id(models.User).load(self._user_id))

    @strawberry.field(description="The organization the person belongs to.")
    async def organization(
        self, info: Info
    ) -> Annotated[Organization, strawberry.lazy("schema.accounts.organizations")]:
        from schema.accounts.organizations import Organization

        return Organization.from_model(
            await info.context.loaders.by_id(models.Organization).load(self._organization_id)
        )


@strawberry.type(description="A pending invitation for an email address to join an organization.")
class Invitation:
    email: str = strawberry.field(description="The invited address, lower-cased.")
    role: Role = strawberry.field(description="The role the person gets on joining.")
    created_at: datetime = strawberry.field(description="When the address was first invited.")

    @classmethod
    def from_model(cls, row: models.Invitation) -> Invitation:
        return cls(email=row.email, role=DomainRole(row.role), created_at=row.created_at)


_ORGANIZATION = "The organization's ID."
_ROLE = "The role to grant; MEMBER when omitted. Only owners may grant OWNER (PERMISSION_DENIED otherwise)."


@strawberry.input(description="An existing account to add to an organization.")
class OrganizationMemberAddInput:
    organization_id: strawberry.ID = strawberry.field(description=_ORGANIZATION)
    email: str = strawberry.field(
        description="The account's email, in any case. NOT_FOUND when no account has confirmed it (invite the address "
        "with `organizationMemberInvite` instead); ALREADY_MEMBER when the person belongs already."
    )
    role: Role = strawberry.field(default=DomainRole.MEMBER, description=_ROLE)


@strawberry.input(description="An email address to invite into an organization.")
class OrganizationMemberInviteInput:
    organization_id: strawberry.ID = strawberry.field(description=_ORGANIZATION)
    email: str = strawberry.field(
        description="The address to invite, in any case. Inviting it again replaces the pending invitation's "
        "role; ALREADY_MEMBER when an account with this email belongs already."
    )
    role: Role = strawberry.field(default=DomainRole.MEMBER, description=_ROLE)


@strawberry.input(description="A member to remove from an organization.")
class OrganizationMemberRemoveInput:
    organization_id: strawberry.ID = strawberry.field(description=_ORGANIZATION)
    user_id: strawberry.ID = strawberry.field(
        description="The member's user ID; your own to leave the organization. NOT_FOUND when they are not a "
        "member; LAST_OWNER when they are its only owner."
    )


@strawberry.input(description="An invitation to accept.")
class OrganizationInvitationAcceptInput:
    organization_id: strawberry.ID = strawberry.field(
        description="The ID of the organization that invited your account's email. NOT_FOUND when it has no "
        "pending invitation for that email."
    )


@strawberry.type(description="The result of `organizationMemberAdd`.")
class OrganizationMemberAddPayload(Payload):
    membership: Membership | None = strawberry.field(default=None, description="The new membership; null when refused.")


@strawberry.type(description="The result of `organizationMemberInvite`.")
class OrganizationMemberInvitePayload(Payload):
    invitation: Invitation | None = strawberry.field(
        default=None, description="The pending invitation; null when refused."
    )


@strawberry.type(description="The result of `organizationInvitationAccept`.")
class OrganizationInvitationAcceptPayload(Payload):
    membership: Membership | None = strawberry.field(
        default=None, description="Your new membership, with the invited role; null when refused."
    )
