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
from schema.relay import After, Connection, First, Node, node_type, page_args

if TYPE_CHECKING:
    from schema.accounts.organizations import Membership

_BEARER = (
    "A bearer access token for this person: send it as `Authorization: Bearer <token>`. It expires after the "
    "server's access-token lifetime (60 minutes by default); sign in again with `tokenCreate` for a new one."
)


@node_type
@strawberry.type(description="A person with an account; people act for organizations through memberships.")
class User(Node):
    name: str = strawberry.field(description="The person's name as they gave it; public.")
    created_at: datetime = strawberry.field(description="When the account was registered.")
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

    @strawberry.field(
        description="Sign-in email, lower-cased. Shown to the person, to fellow members of any organization "
        "they belong to, and to staff; null for everyone else."
    )
    async def email(self, info: Info) -> str | None:
        ctx = info.context
        if self._is_self or ctx.viewer.user_id == self.pk or ctx.viewer.is_staff:
            return self._email
        memberships = await ctx.loaders.by_column(models.Membership, "user_id").load(self.pk)
        roles = await ctx.roles()
        return self._email if any(m.organization_id in roles for m in memberships) else None

    @strawberry.field(
        description="The organizations this person belongs to and their role in each, oldest membership "
        "first. Only the person and staff see them; null for everyone else."
    )
    async def memberships(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[Annotated[Membership, strawberry.lazy("schema.accounts.organizations")]] | None:
        from schema.accounts.organizations import Membership

        page = page_args(first, after)
        if info.context.viewer.user_id != self.pk and not info.context.viewer.is_staff:
            return None
        rows = await info.context.loaders.page_by_column(models.Membership, "user_id", page).load(self.pk)
        return Connection.of(rows, Membership.from_model)


@strawberry.input(description="A new account. Email and password are checked; the account signs in at once.")
class UserRegisterInput:
    email: str = strawberry.field(
        description="Sign-in email; trimmed and lower-cased, one account per address (EMAIL_TAKEN otherwise)."
    )
    password: str = strawberry.field(
        description="10 to 128 characters, at least 5 different ones, not a common password and not "
        "containing the email's local part. Stored only as an argon2id hash."
    )
    name: str = strawberry.field(description="The person's name, up to 200 characters; shown to others.")


@strawberry.input(description="Email and password of an existing account.")
class TokenCreateInput:
    email: str = strawberry.field(description="The account's email, in any case.")
    password: str = strawberry.field(
        description="The account's password. After 5 failures in a row (by default) the account is locked for "
        "15 minutes (by default): every attempt, even with the right password, gets RATE_LIMITED."
    )


@strawberry.type(description="The result of `userRegister`.")
class UserRegisterPayload(Payload):
    user: User | None = strawberry.field(default=None, description="The new account; null when refused.")
    token: str | None = strawberry.field(default=None, description=f"{_BEARER} Null when refused.")


@strawberry.type(description="The result of `tokenCreate`.")
class TokenCreatePayload(Payload):
    token: str | None = strawberry.field(default=None, description=f"{_BEARER} Null when refused.")
    user: User | None = strawberry.field(default=None, description="The signed-in person; null when refused.")


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The signed-in person; null when anonymous or when a partner app's token asks.")
    async def me(self, info: Info) -> User | None:
        user_id = info.context.viewer.user_id
        return await User.load(info, user_id) if user_id else None


@strawberry.type
class AccountMutations:
    @strawberry.mutation(
        description="Create an account and sign in; pending invitations to the email are accepted. Open to "
        "anonymous callers."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def user_register(
        self, info: Info, input: Annotated[UserRegisterInput, strawberry.argument(description="The new account.")]
    ) -> UserRegisterPayload:
        ctx = info.context
        user = await accounts.register(
            ctx.db, ctx.passwords, email=input.email, password=input.password, name=input.name
        )
        return UserRegisterPayload(
            user=User.from_model(user, is_self=True), token=issue_access_token(ctx.settings, user.id)
        )

    @strawberry.mutation(
        description="Sign in with email and password; returns a bearer access token. A wrong email and a wrong "
        "password get the same INVALID_CREDENTIALS. Open to anonymous callers."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def token_create(
        self, info: Info, input: Annotated[TokenCreateInput, strawberry.argument(description="The credentials.")]
    ) -> TokenCreatePayload:
        ctx = info.context
        user = await accounts.authenticate(
            ctx.db, ctx.passwords, ctx.settings, email=input.email, password=input.password
        )
        return TokenCreatePayload(
            token=issue_access_token(ctx.settings, user.id), user=User.from_model(user, is_self=True)
        )
