"""People: registering, signing in, and who am I."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from core.tokens import issue_access_token
from db import models
from resolvers.accounts import users as accounts
from schema.context import Info
from schema.errors import Caller, Payload, returns_payload
from schema.relay import Node, node_type

if TYPE_CHECKING:
    from schema.accounts.organizations import Membership


@node_type
@strawberry.type(description="A person with an account.")
class User(Node):
    name: str
    created_at: datetime
    _email: strawberry.Private[str]
    _is_self: strawberry.Private[bool] = False

    @classmethod
    def from_model(cls, row: models.User, *, is_self: bool = False) -> User:
        """`is_self` when the row is the caller's own account (e.g. just registered or signed in)."""
        return cls(pk=row.id, name=row.name, created_at=row.created_at, _email=row.email, _is_self=is_self)

    @classmethod
    async def load(cls, info: Info, pk: int) -> User | None:
        row = await info.context.loaders.by_id(models.User).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field(description="Shown to the person, to members of an organization they belong to, and staff.")
    async def email(self, info: Info) -> str | None:
        ctx = info.context
        if self._is_self or ctx.viewer.user_id == self.pk or ctx.viewer.is_staff:
            return self._email
        memberships = await ctx.loaders.by_column(models.Membership, "user_id").load(self.pk)
        roles = await ctx.roles()
        return self._email if any(m.organization_id in roles for m in memberships) else None

    @strawberry.field(description="The person's memberships; only the person and staff see them.")
    async def memberships(
        self, info: Info
    ) -> list[Annotated[Membership, strawberry.lazy("schema.accounts.organizations")]]:
        from schema.accounts.organizations import Membership

        if info.context.viewer.user_id != self.pk and not info.context.viewer.is_staff:
            return []
        rows = await info.context.loaders.by_column(models.Membership, "user_id").load(self.pk)
        return [Membership.from_model(row) for row in rows]


@strawberry.input
class UserRegisterInput:
    email: str
    password: str
    name: str


@strawberry.input
class TokenCreateInput:
    email: str
    password: str


@strawberry.type
class UserRegisterPayload(Payload):
    user: User | None = None
    token: str | None = None


@strawberry.type
class TokenCreatePayload(Payload):
    token: str | None = None
    user: User | None = None


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The signed-in person, or null.")
    async def me(self, info: Info) -> User | None:
        user_id = info.context.viewer.user_id
        return await User.load(info, user_id) if user_id else None


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="Create an account and sign in.")
    @returns_payload(caller=Caller.ANYONE)
    async def user_register(self, info: Info, input: UserRegisterInput) -> UserRegisterPayload:
        ctx = info.context
        user = await accounts.register(
            ctx.db, ctx.passwords, email=input.email, password=input.password, name=input.name
        )
        return UserRegisterPayload(
            user=User.from_model(user, is_self=True), token=issue_access_token(ctx.settings, user.id)
        )

    @strawberry.mutation(description="Sign in with email and password; returns a bearer access token.")
    @returns_payload(caller=Caller.ANYONE)
    async def token_create(self, info: Info, input: TokenCreateInput) -> TokenCreatePayload:
        ctx = info.context
        user = await accounts.authenticate(
            ctx.db, ctx.passwords, ctx.settings, email=input.email, password=input.password
        )
        return TokenCreatePayload(
            token=issue_access_token(ctx.settings, user.id), user=User.from_model(user, is_self=True)
        )
