"""Partner app tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from core.paging import Page
from core.viewer import MANAGERS
from core.viewer import Scope as DomainScope
from db import models
from resolvers.accounts import app_tokens
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.enum_type import enum_type
from schema.errors import Caller, Payload, returns_payload
from schema.relay import Connection, Node, decode_id, node_type

Scope = enum_type(
    DomainScope,
    name="AppScope",
    description="What a partner app's token may do for its organization. An app acts as an admin of its own "
    "organization only, and only within its scopes; whatever no scope names (members, tokens) is for people. "
    "Each scope is for some kinds of organization only (INVALID_SCOPE otherwise), checked again on every "
    "request: an organization that stops being of a kind stops its apps' scopes for that kind.",
    values={
        "ORGANIZATION_WRITE": "Change the organization's profile (`organizationUpdate`). Any organization.",
        "DONATIONS_READ": "Read the organization's donations and receipts, and the ranked matches of its needs "
        "and listings. Schools and donors.",
        "DONATIONS_WRITE": "Post and change needs and listings and act on donations (request, approve, ship, "
        "receive, cancel); also reads donations and receipts, but not matches. Schools and donors.",
        "TALENT_READ": "Read job candidates, applications and the student profiles they concern. Employers.",
        "TALENT_WRITE": "Post and change job postings, move applications, invite students, and manage "
        "training programs. Employers, and schools (for their training programs).",
        "CONTENT_WRITE": "Publish and delete career stories for the organization. Any organization.",
    },
)


@node_type
@strawberry.type(
    description="A partner app's token for one organization. The secret is shown once, when created; only its "
    "hash is stored. Visible to the organization's owners and admins and to staff."
)
class AppToken(Node):
    name: str = strawberry.field(description="What the token is for, e.g. the partner app's name.")
    last4: str = strawberry.field(description="The token's last four characters, to recognize it.")
    scopes: list[Scope] = strawberry.field(description="What the token may do, in alphabetical order.")
    created_at: datetime = strawberry.field(description="When the token was created.")
    revoked_at: datetime | None = strawberry.field(
        description="When it was revoked (or rotated); from then on it is refused with HTTP 401. Null until then."
    )
    expires_at: datetime | None = strawberry.field(
        description="When it stops working (HTTP 401 from then on); null when it does not expire."
    )
    last_used_at: datetime | None = strawberry.field(
        description="When it was last used, to within five minutes; null when never used."
    )
    _organization_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.AppToken) -> AppToken:
        return cls(
            pk=row.id,
            name=row.name,
            last4=row.last4,
            scopes=[DomainScope(s) for s in row.scopes],
            created_at=row.created_at,
            revoked_at=row.revoked_at,
            expires_at=row.expires_at,
            last_used_at=row.last_used_at,
            _organization_id=row.organization_id,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> AppToken | None:
        row = await info.context.loaders.by_id(models.AppToken).load(pk)
        if row is None or not await _manages(info, row.organization_id):
            return None
        return cls.from_model(row)

    @strawberry.field(description="The organization the token acts for.")
    async def organization(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._organization_id)


async def _manages(info: Info, organization_id: int) -> bool:
    if info.context.viewer.is_staff:
        return True
    return not info.context.viewer.is_app and (await info.context.roles()).get(organization_id) in MANAGERS


async def organization_app_tokens(info: Info, organization_id: int, page: Page) -> Connection[AppToken] | None:
    if not await _manages(info, organization_id):
        return None
    rows = await info.context.loaders.page_by_column(models.AppToken, "organization_id", page).load(organization_id)
    return Connection.of(rows, AppToken.from_model)


@strawberry.input(description="A new partner app token.")
class AppTokenCreateInput:
    organization_id: strawberry.ID = strawberry.field(
        description="The organization the app will act for; you must be its owner or admin."
    )
    name: str = strawberry.field(description="What the token is for, up to 100 characters.")
    scopes: list[Scope] = strawberry.field(
        description="What the token may do; at least one, each allowed for the organization's kinds (see "
        "`AppScope`; INVALID_SCOPE otherwise). Duplicates are ignored."
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description="When the token stops working, in the future (OUT_OF_RANGE otherwise); null: never."
    )


@strawberry.input(description="A partner app token to revoke.")
class AppTokenRevokeInput:
    id: strawberry.ID = strawberry.field(
        description="The token's ID. NOT_FOUND unless you are an owner or admin of its organization; "
        "INVALID_TRANSITION when it is revoked already."
    )


@strawberry.input(description="A partner app token to replace by a new secret.")
class AppTokenRotateInput:
    id: strawberry.ID = strawberry.field(
        description="The token's ID. NOT_FOUND unless you are an owner or admin of its organization; "
        "INVALID_TRANSITION when it is revoked already."
    )
    expires_at: datetime | None = strawberry.field(
        default=strawberry.UNSET,
        description="When the new token stops working, in the future; null: never. Omitted: the old token's expiry.",
    )


@strawberry.type(description="The result of `appTokenRotate`.")
class AppTokenRotatePayload(Payload):
    app_token: AppToken | None = strawberry.field(
        default=None, description="The new token (same name and scopes); null when refused."
    )
    token: str | None = strawberry.field(
        default=None,
        description="The new secret; store it now, it is never shown again. Null when refused.",
    )
    revoked_app_token: AppToken | None = strawberry.field(
        default=None, description="The old token, now revoked (HTTP 401 from now on); null when refused."
    )


@strawberry.type(description="The result of `appTokenCreate`.")
class AppTokenCreatePayload(Payload):
    app_token: AppToken | None = strawberry.field(default=None, description="The new token; null when refused.")
    token: str | None = strawberry.field(
        default=None,
        description="The secret, to send as `Authorization: Bearer <token>`; store it now, it is never shown "
        "again. Null when refused.",
    )


@strawberry.type(description="The result of `appTokenRevoke`.")
class AppTokenRevokePayload(Payload):
    app_token: AppToken | None = strawberry.field(
        default=None, description="The token, now with revokedAt set; null when refused."
    )


@strawberry.type
class AppTokenMutations:
    @strawberry.mutation(
        description="Create a partner app token for an organization: its owners and admins, not apps. The "
        "secret is in the payload only."
    )
    @returns_payload(caller=Caller.PERSON)
    async def app_token_create(
        self, info: Info, input: Annotated[AppTokenCreateInput, strawberry.argument(description="The new token.")]
    ) -> AppTokenCreatePayload:
        org_pk = decode_id(input.organization_id, "Organization", "organizationId")
        row, secret = await app_tokens.create(
            info.context.db, info.context.viewer, org_pk, input.name, input.scopes, input.expires_at
        )
        return AppTokenCreatePayload(app_token=AppToken.from_model(row), token=secret)

    @strawberry.mutation(
        description="Replace a partner app token: a new secret, shown once, with the same name and scopes; the "
        "old one is revoked at once. Its organization's owners and admins, not apps."
    )
    @returns_payload(caller=Caller.PERSON)
    async def app_token_rotate(
        self, info: Info, input: Annotated[AppTokenRotateInput, strawberry.argument(description="The token.")]
    ) -> AppTokenRotatePayload:
        keep = input.expires_at is strawberry.UNSET
        new, old, secret = await app_tokens.rotate(
            info.context.db,
            info.context.viewer,
            decode_id(input.id, "AppToken"),
            expires_at=None if keep else input.expires_at,
            keep_expiry=keep,
        )
        return AppTokenRotatePayload(
            app_token=AppToken.from_model(new), token=secret, revoked_app_token=AppToken.from_model(old)
        )

    @strawberry.mutation(
        description="Revoke a partner app token at once: its organization's owners and admins, not apps."
    )
    @returns_payload(caller=Caller.PERSON)
    async def app_token_revoke(
        self, info: Info, input: Annotated[AppTokenRevokeInput, strawberry.argument(description="The token.")]
    ) -> AppTokenRevokePayload:
        row = await app_tokens.revoke(info.context.db, info.context.viewer, decode_id(input.id, "AppToken"))
        return AppTokenRevokePayload(app_token=AppToken.from_model(row))
