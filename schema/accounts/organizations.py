"""Organizations: the type, browsing, and the mutations that change them and their members."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models
from resolvers.accounts import invitations, organizations, policy
from schema.accounts.members import (
    Invitation,
    Membership,
    OrganizationInvitationAcceptInput,
    OrganizationInvitationAcceptPayload,
    OrganizationMemberAddInput,
    OrganizationMemberAddPayload,
    OrganizationMemberInviteInput,
    OrganizationMemberInvitePayload,
    OrganizationMemberRemoveInput,
)
from schema.accounts.organization_inputs import OrganizationCreateInput, OrganizationFilter, OrganizationUpdateInput
from schema.context import Info
from schema.errors import Caller, Payload, returns_payload
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args
from schema.scalars import GeoPoint, OrganizationKind, Program, SchoolTier, TaxStatus, given

if TYPE_CHECKING:
    from schema.accounts.app_tokens import AppToken
    from schema.donations.impact import OrganizationImpact
    from schema.recognition.levels import Recognition
    from schema.talent.school_students import SchoolStudentFilter
    from schema.talent.students import StudentProfile


@strawberry.type(description="A postal address; each part is null when the organization did not give it.")
class Address:
    street: str | None = strawberry.field(description="Street and number.")
    city: str | None = strawberry.field(description="City.")
    state: str | None = strawberry.field(description="Two-letter US state code, e.g. MI.")
    postal_code: str | None = strawberry.field(description="Five-digit US ZIP code.")


@strawberry.type(description="The person who signs an organization's donation receipts.")
class ReceiptSigner:
    name: str = strawberry.field(description="Their name.")
    title: str | None = strawberry.field(description="Their title, e.g. Program Director; null when not given.")


@node_type
@strawberry.type(description="A school, donor or employer (a shop can donate and hire); public, except as noted.")
class Organization(Node):
    name: str = strawberry.field(description="The organization's public name.")
    description: str = strawberry.field(description="Public text about the organization; empty when none.")
    website: str | None = strawberry.field(description="An http(s) address; null when none.")
    kinds: list[OrganizationKind] = strawberry.field(description="What it does here; at least one.")
    address: Address = strawberry.field(description="Its postal address.")
    location: GeoPoint | None = strawberry.field(
        description="Where it is, from the coordinates it gave or its ZIP code's centroid; null when it gave "
        "neither. Distances to it are measured from here."
    )
    distance_km: float | None = strawberry.field(
        description="Great-circle kilometres from the `near` point of `organizations(filter:)`; null elsewhere."
    )
    programs: list[Program] = strawberry.field(description="Schools: the programs taught; empty for others.")
    enrollment: int | None = strawberry.field(description="Schools: students enrolled; null when not given.")
    accreditation: str | None = strawberry.field(description="Schools: accreditation held; null when not given.")
    tier: SchoolTier | None = strawberry.field(description="Schools: the CREF program tier; null when not given.")
    legal_name: str = strawberry.field(
        description="The legal name its donation receipts carry: the one it gave, else `name`."
    )
    tax_id: str | None = strawberry.field(
        description="Its US employer identification number (EIN), NN-NNNNNNN, as printed on its receipts; "
        "public, as on the IRS's own lists; null when not given."
    )
    tax_status: TaxStatus | None = strawberry.field(
        description="Why gifts to it are deductible, as printed on its receipts; null when not given."
    )
    receipt_signer: ReceiptSigner | None = strawberry.field(
        description="Who signs its donation receipts; null when not given."
    )
    created_at: datetime = strawberry.field(description="When the organization was created.")
    updated_at: datetime = strawberry.field(description="When its profile last changed.")
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
            location=GeoPoint.of(row.latitude, row.longitude),
            distance_km=distance_km,
            programs=[Program(p) for p in row.programs or ()],
            enrollment=row.enrollment,
            accreditation=row.accreditation,
            tier=SchoolTier(row.tier) if row.tier else None,
            legal_name=row.legal_name or row.name,
            tax_id=row.tax_id,
            tax_status=TaxStatus(row.tax_status) if row.tax_status else None,
            receipt_signer=ReceiptSigner(name=row.signer_name, title=row.signer_title) if row.signer_name else None,
            created_at=row.created_at,
            updated_at=row.updated_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Organization | None:
        row = await info.context.loaders.by_id(models.Organization).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field(
        description="Its members and their roles, in the order they joined. Visible to its members (and its "
        "partner apps) and staff; null for everyone else."
    )
    async def members(self, info: Info, first: First = 20, after: After = None) -> Connection[Membership] | None:
        page = page_args(first, after)
        if not await info.context.is_member(self.pk):
            return None
        rows = await info.context.loaders.page_by_column(models.Membership, "organization_id", page).load(self.pk)
        return Connection.of(rows, Membership.from_model)

    @strawberry.field(
        description="Its partner app tokens, revoked ones included, oldest first. Visible to its owners and "
        "admins and to staff; null for everyone else (partner apps included)."
    )
    async def app_tokens(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[Annotated[AppToken, strawberry.lazy("schema.accounts.app_tokens")]] | None:
        from schema.accounts.app_tokens import organization_app_tokens

        return await organization_app_tokens(info, self.pk, page_args(first, after))

    @strawberry.field(
        description="A school's own students (profiles naming it as their school), ordered by name, found by name and "
        "graduation year. Visible to the school's members (people, not apps); null for everyone else, staff and "
        "employers included."
    )
    async def students(
        self,
        info: Info,
        filter: Annotated[
            Annotated[SchoolStudentFilter, strawberry.lazy("schema.talent.school_students")] | None,
            strawberry.argument(description="Name and graduation year; every student of the school when omitted."),
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[Annotated[StudentProfile, strawberry.lazy("schema.talent.students")]] | None:
        from schema.talent.school_students import school_students_of

        return await school_students_of(info, self.pk, filter, page_args(first, after))

    @strawberry.field(description="Donations given and received, and service needs fulfilled; public.")
    async def impact(self, info: Info) -> Annotated[OrganizationImpact, strawberry.lazy("schema.donations.impact")]:
        from schema.donations.impact import organization_impact

        return await organization_impact(info, self.pk)

    @strawberry.field(description="Its recognition level and points, from its impact; public.")
    async def recognition(self, info: Info) -> Annotated[Recognition, strawberry.lazy("schema.recognition.levels")]:
        from schema.recognition.levels import organization_recognition

        return await organization_recognition(info, self.pk)

    @strawberry.field(
        description="Contact email; visible to members (and to the other party of a donation), else null."
    )
    async def contact_email(self, info: Info) -> str | None:
        return self._row.contact_email if await self.contact_visible(info) else None

    @strawberry.field(description="Contact phone; visible like contactEmail, else null.")
    async def contact_phone(self, info: Info) -> str | None:
        return self._row.contact_phone if await self.contact_visible(info) else None

    async def contact_visible(self, info: Info) -> bool:
        return await policy.may_see_contact(info.context.viewer, self.pk, RequestTies(info))


@dataclass(frozen=True)
class RequestTies:
    """`resolvers.accounts.policy.OrganizationTies` from the request's cached roles and batched loaders."""

    info: Info

    async def organization_ids(self) -> Collection[int]:
        return set(await self.info.context.roles())

    async def shares_donation_with(self, organization_id: int) -> bool:
        from schema.donations.visibility import is_donation_partner  # the donations domain builds on this one

        return await is_donation_partner(self.info, organization_id)


@strawberry.type(description="The result of `organizationCreate`.")
class OrganizationCreatePayload(Payload):
    organization: Organization | None = strawberry.field(
        default=None, description="The new organization, with you as its owner; null when refused."
    )


@strawberry.type(description="The result of `organizationUpdate`.")
class OrganizationUpdatePayload(Payload):
    organization: Organization | None = strawberry.field(
        default=None, description="The organization as changed; null when refused."
    )


@strawberry.type(description="The result of `organizationMemberRemove`.")
class OrganizationMemberRemovePayload(Payload):
    organization: Organization | None = strawberry.field(
        default=None, description="The organization the member left; null when refused."
    )


@strawberry.type
class OrganizationQueries:
    @strawberry.field(description="An organization by ID; null when none has it.")
    async def organization(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The organization's ID.")]
    ) -> Organization | None:
        return await Organization.load(info, decode_id(id, "Organization"))

    @strawberry.field(description="Browse organizations; nearest first when `near` is given, else by name.")
    async def organizations(
        self,
        info: Info,
        filter: Annotated[
            OrganizationFilter | None, strawberry.argument(description="Conditions; every organization when omitted.")
        ] = None,
        first: First = 20,
        after: After = None,
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


def _input(description: str):
    return strawberry.argument(description=description)


@strawberry.type
class OrganizationMutations:
    @strawberry.mutation(description="Create an organization; you become its owner. People only, not apps.")
    @returns_payload(caller=Caller.PERSON)
    async def organization_create(
        self, info: Info, input: Annotated[OrganizationCreateInput, _input("The new organization.")]
    ) -> OrganizationCreatePayload:
        row = await organizations.create(info.context.db, info.context.viewer, given(input))
        return OrganizationCreatePayload(organization=Organization.from_model(row))

    @strawberry.mutation(
        description="Change an organization's profile: its owners and admins, or its partner app with the "
        "ORGANIZATION_WRITE scope."
    )
    @returns_payload
    async def organization_update(
        self, info: Info, input: Annotated[OrganizationUpdateInput, _input("The organization and the changes.")]
    ) -> OrganizationUpdatePayload:
        changes = given(input)
        org_pk = _org_id(changes.pop("id"), "id")
        row = await organizations.update(info.context.db, info.context.viewer, org_pk, changes)
        return OrganizationUpdatePayload(organization=Organization.from_model(row))

    @strawberry.mutation(
        description="Add an account with this confirmed email as a member: owners and admins, not apps."
    )
    @returns_payload(caller=Caller.PERSON)
    async def organization_member_add(
        self, info: Info, input: Annotated[OrganizationMemberAddInput, _input("The organization and the account.")]
    ) -> OrganizationMemberAddPayload:
        row = await organizations.add_member(
            info.context.db, info.context.viewer, _org_id(input.organization_id), input.email, input.role
        )
        return OrganizationMemberAddPayload(membership=Membership.from_model(row))

    @strawberry.mutation(
        description="Invite an email address and mail it: owners and admins, not apps. The invitation goes only "
        "to an account that has confirmed that address: the person joins with the role on confirming it "
        "(`emailVerify`), or with `organizationInvitationAccept` if their account is confirmed already."
    )
    @returns_payload(caller=Caller.PERSON)
    async def organization_member_invite(
        self, info: Info, input: Annotated[OrganizationMemberInviteInput, _input("The organization and the address.")]
    ) -> OrganizationMemberInvitePayload:
        row = await invitations.invite_member(
            info.context.db,
            info.context.mailer,
            info.context.viewer,
            _org_id(input.organization_id),
            input.email,
            input.role,
        )
        return OrganizationMemberInvitePayload(invitation=Invitation.from_model(row))

    @strawberry.mutation(
        description="Accept an invitation sent to your account's confirmed email, and join with its role."
    )
    @returns_payload(caller=Caller.PERSON)
    async def organization_invitation_accept(
        self, info: Info, input: Annotated[OrganizationInvitationAcceptInput, _input("The inviting organization.")]
    ) -> OrganizationInvitationAcceptPayload:
        row = await invitations.accept_invitation(info.context.db, info.context.viewer, _org_id(input.organization_id))
        return OrganizationInvitationAcceptPayload(membership=Membership.from_model(row))

    @strawberry.mutation(
        description="Remove a member (owners and admins; only owners remove owners), or leave yourself. An "
        "organization always keeps an owner. People only, not apps."
    )
    @returns_payload(caller=Caller.PERSON)
    async def organization_member_remove(
        self, info: Info, input: Annotated[OrganizationMemberRemoveInput, _input("The organization and the member.")]
    ) -> OrganizationMemberRemovePayload:
        org_pk = _org_id(input.organization_id)
        user_pk = decode_id(input.user_id, "User", "userId")
        await organizations.remove_member(info.context.db, info.context.viewer, org_pk, user_pk)
        return OrganizationMemberRemovePayload(organization=await Organization.load(info, org_pk))
