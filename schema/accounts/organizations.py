"""Organizations, their members and invitations."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from core.viewer import Role as DomainRole
from db import models
from resolvers.accounts import organizations
from schema.accounts.users import User
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.permissions import IsPerson
from schema.relay import Connection, Node, decode_id, node_type, page_args
from schema.scalars import GeoPoint, NearInput, OrganizationKind, Program, SchoolTier, given

if TYPE_CHECKING:
    from schema.accounts.app_tokens import AppToken
    from schema.donations.impact import OrganizationImpact

Role = strawberry.enum(DomainRole, name="MembershipRole", description="A member's role in an organization.")


@strawberry.type
class Address:
    street: str | None
    city: str | None
    state: str | None
    postal_code: str | None


@node_type
@strawberry.type(description="A school, donor or employer (a shop can donate and hire).")
class Organization(Node):
    name: str
    description: str
    website: str | None
    kinds: list[OrganizationKind]
    address: Address
    location: GeoPoint | None
    distance_km: float | None = strawberry.field(description="Distance from the `near` point, when one was given.")
    programs: list[Program]
    enrollment: int | None
    accreditation: str | None
    tier: SchoolTier | None
    created_at: datetime
    updated_at: datetime
    _row: strawberry.Private[models.Organization]

    @classmethod
    def from_model(cls, row: models.Organization, distance_km: float | None = None) -> Organization:
        return cls(
            pk=row.id,
            name=row.name,
            description=row.description,
            website=row.website,
            kinds=[OrganizationKind(k) for k in row.kinds],
            address=Address(street=row.street, city=row.city, state=row.state, postal_code=row.postal_code),
            location=GeoPoint(latitude=row.latitude, longitude=row.longitude) if row.latitude is not None else None,
            distance_km=distance_km,
            programs=[Program(p) for p in row.programs or ()],
            enrollment=row.enrollment,
            accreditation=row.accreditation,
            tier=SchoolTier(row.tier) if row.tier else None,
            created_at=row.created_at,
            updated_at=row.updated_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Organization | None:
        row = await info.context.loaders.by_id(models.Organization).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field(description="Members; visible to the organization's members and staff.")
    async def members(self, info: Info) -> list[Membership]:
        if not await info.context.is_member(self.pk):
            return []
        rows = await info.context.loaders.by_column(models.Membership, "organization_id").load(self.pk)
        return [Membership.from_model(row) for row in rows]

    @strawberry.field(description="Partner app tokens; visible to owners, admins and staff.")
    async def app_tokens(self, info: Info) -> list[Annotated[AppToken, strawberry.lazy("schema.accounts.app_tokens")]]:
        from schema.accounts.app_tokens import organization_app_tokens

        return await organization_app_tokens(info, self.pk)

    @strawberry.field(description="Donations given and received, and service needs fulfilled; public.")
    async def impact(self, info: Info) -> Annotated[OrganizationImpact, strawberry.lazy("schema.donations.impact")]:
        from schema.donations.impact import organization_impact

        return await organization_impact(info, self.pk)

    @strawberry.field(description="Contact email; visible to members (and to the other party of a donation).")
    async def contact_email(self, info: Info) -> str | None:
        return self._row.contact_email if await self.contact_visible(info) else None

    @strawberry.field(description="Contact phone; visible like contactEmail.")
    async def contact_phone(self, info: Info) -> str | None:
        return self._row.contact_phone if await self.contact_visible(info) else None

    async def contact_visible(self, info: Info) -> bool:
        if await info.context.is_member(self.pk):
            return True
        return any([await check(info, self.pk) for check in CONTACT_VISIBILITY])


# Other domains add rules here (e.g. the parties of a donation see each other's contacts).
CONTACT_VISIBILITY: list = []


@strawberry.type(description="A person's role in an organization.")
class Membership:
    role: Role
    created_at: datetime
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

    @strawberry.field
    async def user(self, info: Info) -> User:
        return User.from_model(await info.context.loaders.by_id(models.User).load(self._user_id))

    @strawberry.field
    async def organization(self, info: Info) -> Organization:
        return Organization.from_model(
            await info.context.loaders.by_id(models.Organization).load(self._organization_id)
        )


@strawberry.type(description="A pending invitation for an email address to join an organization.")
class Invitation:
    email: str
    role: Role
    created_at: datetime

    @classmethod
    def from_model(cls, row: models.Invitation) -> Invitation:
        return cls(email=row.email, role=DomainRole(row.role), created_at=row.created_at)


@strawberry.input
class OrganizationCreateInput:
    name: str
    kinds: list[OrganizationKind]
    description: str | None = None
    website: str | None = None
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    programs: list[Program] | None = None
    enrollment: int | None = None
    accreditation: str | None = None
    tier: SchoolTier | None = None


@strawberry.input(description="Only the fields given are changed.")
class OrganizationUpdateInput:
    name: str | None = strawberry.UNSET
    kinds: list[OrganizationKind] | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    website: str | None = strawberry.UNSET
    street: str | None = strawberry.UNSET
    city: str | None = strawberry.UNSET
    state: str | None = strawberry.UNSET
    postal_code: str | None = strawberry.UNSET
    latitude: float | None = strawberry.UNSET
    longitude: float | None = strawberry.UNSET
    contact_email: str | None = strawberry.UNSET
    contact_phone: str | None = strawberry.UNSET
    programs: list[Program] | None = strawberry.UNSET
    enrollment: int | None = strawberry.UNSET
    accreditation: str | None = strawberry.UNSET
    tier: SchoolTier | None = strawberry.UNSET


@strawberry.input
class OrganizationMemberInput:
    organization_id: strawberry.ID
    email: str
    role: Role = DomainRole.MEMBER


@strawberry.input
class OrganizationFilter:
    kind: OrganizationKind | None = None
    near: NearInput | None = None
    search: str | None = None


@strawberry.type
class OrganizationPayload(Payload):
    organization: Organization | None = None


@strawberry.type
class MembershipPayload(Payload):
    membership: Membership | None = None


@strawberry.type
class InvitationPayload(Payload):
    invitation: Invitation | None = None


@strawberry.type
class OrganizationQueries:
    @strawberry.field
    async def organization(self, info: Info, id: strawberry.ID) -> Organization | None:
        return await Organization.load(info, decode_id(id, "Organization"))

    @strawberry.field(description="Browse organizations; nearest first when `near` is given, else by name.")
    async def organizations(
        self,
        info: Info,
        filter: OrganizationFilter | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Organization]:
        filter = filter or OrganizationFilter()
        page = page_args(first, after)
        criteria = organizations.OrganizationFilter(
            kind=filter.kind, near=filter.near.circle() if filter.near else None, search=filter.search
        )
        result = await organizations.browse(info.context.db, criteria, page)
        distances = result.distances or {}
        return Connection.of(result, lambda row: Organization.from_model(row, distances.get(row.id)))


def _org_id(value: strawberry.ID, field: str = "organizationId") -> int:
    return decode_id(value, "Organization", field)


@strawberry.type
class OrganizationMutations:
    @strawberry.mutation(permission_classes=[IsPerson], description="Create an organization; you become its owner.")
    @returns_payload
    async def organization_create(self, info: Info, input: OrganizationCreateInput) -> OrganizationPayload:
        row = await organizations.create(info.context.db, info.context.viewer, given(input))
        return OrganizationPayload(organization=Organization.from_model(row))

    @strawberry.mutation(description="Change an organization (owners, admins, or an app with organization:write).")
    @returns_payload
    async def organization_update(
        self, info: Info, id: strawberry.ID, input: OrganizationUpdateInput
    ) -> OrganizationPayload:
        row = await organizations.update(info.context.db, info.context.viewer, _org_id(id, "id"), given(input))
        return OrganizationPayload(organization=Organization.from_model(row))

    @strawberry.mutation(description="Add an existing account as a member (owners and admins).")
    @returns_payload
    async def organization_member_add(self, info: Info, input: OrganizationMemberInput) -> MembershipPayload:
        row = await organizations.add_member(
            info.context.db, info.context.viewer, _org_id(input.organization_id), input.email, input.role
        )
        return MembershipPayload(membership=Membership.from_model(row))

    @strawberry.mutation(description="Invite an email address; they join on registering or accepting.")
    @returns_payload
    async def organization_member_invite(self, info: Info, input: OrganizationMemberInput) -> InvitationPayload:
        row = await organizations.invite_member(
            info.context.db, info.context.viewer, _org_id(input.organization_id), input.email, input.role
        )
        return InvitationPayload(invitation=Invitation.from_model(row))

    @strawberry.mutation(permission_classes=[IsPerson], description="Accept an invitation sent to your email.")
    @returns_payload
    async def organization_invitation_accept(self, info: Info, organization_id: strawberry.ID) -> MembershipPayload:
        row = await organizations.accept_invitation(info.context.db, info.context.viewer, _org_id(organization_id))
        return MembershipPayload(membership=Membership.from_model(row))

    @strawberry.mutation(description="Remove a member (owners and admins), or leave yourself.")
    @returns_payload
    async def organization_member_remove(
        self, info: Info, organization_id: strawberry.ID, user_id: strawberry.ID
    ) -> OrganizationPayload:
        org_pk = _org_id(organization_id)
        await organizations.remove_member(
            info.context.db, info.context.viewer, org_pk, decode_id(user_id, "User", "userId")
        )
        return OrganizationPayload(organization=await Organization.load(info, org_pk))
