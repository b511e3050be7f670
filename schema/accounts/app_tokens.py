"""Partner app tokens."""

from __future__ import annotations

from datetime import datetime

import strawberry

from core.viewer import MANAGERS
from core.viewer import Scope as DomainScope
from db import models
from resolvers.accounts import app_tokens
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.permissions import IsPerson
from schema.relay import Node, decode_id, node_type

Scope = strawberry.enum(DomainScope, name="AppScope", description="What a partner app's token may do.")


@node_type
@strawberry.type(description="A partner app's token; the secret is shown only when created.")
class AppToken(Node):
    name: str
    last4: str = strawberry.field(description="The token's last four characters, to recognize it.")
    scopes: list[Scope]
    created_at: datetime
    revoked_at: datetime | None
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
            _organization_id=row.organization_id,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> AppToken | None:
        row = await info.context.loaders.by_id(models.AppToken).load(pk)
        if row is None or not await _manages(info, row.organization_id):
            return None
        return cls.from_model(row)

    @strawberry.field
    async def organization(self, info: Info) -> Organization:
        return await Organization.load(info, self._organization_id)


async def _manages(info: Info, organization_id: int) -> bool:
    if info.context.viewer.is_staff:
        return True
    return not info.context.viewer.is_app and (await info.context.roles()).get(organization_id) in MANAGERS


@strawberry.input
class AppTokenCreateInput:
    organization_id: strawberry.ID
    name: str
    scopes: list[Scope]


@strawberry.type
class AppTokenCreatePayload(Payload):
    app_token: AppToken | None = None
    token: str | None = strawberry.field(default=None, description="The secret; store it now, it is not shown again.")


@strawberry.type
class AppTokenRevokePayload(Payload):
    app_token: AppToken | None = None


async def organization_app_tokens(info: Info, organization_id: int) -> list[AppToken]:
    if not await _manages(info, organization_id):
        return []
    rows = await info.context.loaders.by_column(models.AppToken, "organization_id").load(organization_id)
    return [AppToken.from_model(row) for row in rows]


@strawberry.type
class AppTokenMutations:
    @strawberry.mutation(permission_classes=[IsPerson], description="Create a partner app token (owners and admins).")
    @returns_payload
    async def app_token_create(self, info: Info, input: AppTokenCreateInput) -> AppTokenCreatePayload:
        org_pk = decode_id(input.organization_id, "Organization", "organizationId")
        row, secret = await app_tokens.create(info.context.db, info.context.viewer, org_pk, input.name, input.scopes)
        return AppTokenCreatePayload(app_token=AppToken.from_model(row), token=secret)

    @strawberry.mutation(permission_classes=[IsPerson], description="Revoke a partner app token at once.")
    @returns_payload
    async def app_token_revoke(self, info: Info, id: strawberry.ID) -> AppTokenRevokePayload:
        row = await app_tokens.revoke(info.context.db, info.context.viewer, decode_id(id, "AppToken"))
        return AppTokenRevokePayload(app_token=AppToken.from_model(row))
