"""Signing up, confirming the email, signing in, refreshing and signing out."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from resolvers.accounts import registration, sessions, signin
from resolvers.accounts.sessions import SignedIn
from schema.accounts.users import User
from schema.context import Info
from schema.errors import INPUT, Caller, Payload, returns_payload

_ACCESS = (
    "A bearer access token: send it as `Authorization: Bearer <token>`. Short-lived (15 minutes by default, "
    "see `tokenExpiresAt`); get the next one with `tokenRefresh`. Null when refused."
)
_REFRESH = (
    "A refresh token for `tokenRefresh`, single use: each refresh returns the next one. Presenting a used one "
    "again ends the whole session (it was copied). Keep it secret, never in a URL. Null when refused."
)
_SAME_ANSWER = "Every valid request gets the same answer whether or not the address has an account."


@strawberry.type(description="A signed-in session's tokens; the fields every sign-in payload shares.")
class SessionTokens(Payload):
    token: str | None = strawberry.field(default=None, description=_ACCESS)
    token_expires_at: datetime | None = strawberry.field(
        default=None, description="When the access token stops working; null when refused."
    )
    refresh_token: str | None = strawberry.field(default=None, description=_REFRESH)
    refresh_token_expires_at: datetime | None = strawberry.field(
        default=None,
        description="When the session ends unless refreshed before (30 days after the last refresh by default).",
    )
    user: User | None = strawberry.field(default=None, description="The signed-in person; null when refused.")

    @classmethod
    def of(cls, signed_in: SignedIn):
        return cls(
            token=signed_in.access_token,
            token_expires_at=signed_in.access_expires_at,
            refresh_token=signed_in.refresh_token,
            refresh_token_expires_at=signed_in.refresh_expires_at,
            user=User.from_model(signed_in.user, is_self=True),
        )


@strawberry.input(description="A new account. Nothing is usable until the email is confirmed.")
class UserRegisterInput:
    email: str = strawberry.field(
        description="Sign-in email; normalized (NFKC, trimmed, case-folded): one account per mailbox."
    )
    password: str = strawberry.field(
        description="10 to 128 characters, at least 5 different ones, not a common password and not "
        "containing the email's local part. Stored only as an argon2id hash."
    )
    name: str = strawberry.field(description="The person's name, up to 200 characters.")


@strawberry.type(description="The result of `userRegister`.")
class UserRegisterPayload(Payload):
    email: str | None = strawberry.field(
        default=None, description="The normalized address a mail went to; null when the input was refused."
    )


@strawberry.input(description="A token from a confirmation mail.")
class EmailVerifyInput:
    token: str = strawberry.field(description="The token from the mail; it works once, within 48 hours by default.")


@strawberry.type(description="The result of `emailVerify`: the person is signed in.")
class EmailVerifyPayload(SessionTokens):
    pass


@strawberry.input(description="An address to send a new confirmation link to.")
class EmailVerificationResendInput:
    email: str = strawberry.field(description="The address the account was registered with.")


@strawberry.type(description="The result of `emailVerificationResend`.")
class EmailVerificationResendPayload(Payload):
    pass


@strawberry.input(description="Email and password of an account.")
class TokenCreateInput:
    email: str = strawberry.field(description="The account's email, in any case.")
    password: str = strawberry.field(
        description="The account's password. Attempts are limited per account and client and per client "
        "(RATE_LIMITED with `retryAfterSeconds`); failures elsewhere never lock you out."
    )


@strawberry.type(description="The result of `tokenCreate`.")
class TokenCreatePayload(SessionTokens):
    pass


@strawberry.input(description="The refresh token of a session.")
class TokenRefreshInput:
    refresh_token: str = strawberry.field(description="The latest refresh token the session was given.")


@strawberry.type(description="The result of `tokenRefresh`: a new access token and the next refresh token.")
class TokenRefreshPayload(SessionTokens):
    pass


@strawberry.input(description="Which sessions to end.")
class TokenRevokeInput:
    everywhere: bool = strawberry.field(
        default=False, description="End every session of yours (all devices), not only this one."
    )


@strawberry.type(description="The result of `tokenRevoke`.")
class TokenRevokePayload(Payload):
    sessions_ended: int = strawberry.field(default=0, description="How many sessions ended.")


@strawberry.type
class SignInMutations:
    @strawberry.mutation(
        description="Sign up. A mail goes to the address: a link to confirm it (nothing is usable before; "
        "invitations to the address are joined only then), or, when the address already has an account, a "
        f"note saying so. {_SAME_ANSWER} Limited per client (RATE_LIMITED). Open to anonymous callers."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def user_register(
        self, info: Info, input: Annotated[UserRegisterInput, strawberry.argument(description=INPUT)]
    ) -> UserRegisterPayload:
        email = await registration.register(
            info.context.accounts(), email=input.email, password=input.password, name=input.name
        )
        return UserRegisterPayload(email=email)

    @strawberry.mutation(
        description="Confirm an email with the mailed token and sign in; pending invitations to the address are "
        "joined. INVALID_TOKEN when unknown, expired or used. Open to anonymous callers."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def email_verify(
        self, info: Info, input: Annotated[EmailVerifyInput, strawberry.argument(description=INPUT)]
    ) -> EmailVerifyPayload:
        return EmailVerifyPayload.of(await signin.verify_email(info.context.accounts(), token=input.token))

    @strawberry.mutation(
        description=f"Mail a new confirmation link to an account not confirmed yet. {_SAME_ANSWER} Limited per "
        "client (RATE_LIMITED) and per address. Open to anonymous callers."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def email_verification_resend(
        self, info: Info, input: Annotated[EmailVerificationResendInput, strawberry.argument(description=INPUT)]
    ) -> EmailVerificationResendPayload:
        await signin.resend_verification(info.context.accounts(), email=input.email)
        return EmailVerificationResendPayload()

    @strawberry.mutation(
        description="Sign in with email and password: a short-lived access token and a refresh token. A wrong "
        "email, a wrong password and an unconfirmed email get the same INVALID_CREDENTIALS, in the same time "
        "(an unconfirmed owner is mailed a link). Open to anonymous callers."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def token_create(
        self, info: Info, input: Annotated[TokenCreateInput, strawberry.argument(description=INPUT)]
    ) -> TokenCreatePayload:
        signed_in = await signin.sign_in(info.context.accounts(), email=input.email, password=input.password)
        return TokenCreatePayload.of(signed_in)

    @strawberry.mutation(
        description="Trade a refresh token for a new access token and the next refresh token. Send it without "
        "an Authorization header (the access token may have expired). INVALID_TOKEN when unknown, expired or "
        "used; a used one also ends its session. Open to anonymous callers."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def token_refresh(
        self, info: Info, input: Annotated[TokenRefreshInput, strawberry.argument(description=INPUT)]
    ) -> TokenRefreshPayload:
        ctx = info.context
        return TokenRefreshPayload.of(await sessions.refresh(ctx.db, ctx.settings, input.refresh_token))

    @strawberry.mutation(
        description="Sign out: end the session the access token belongs to (or all of yours with "
        "`everywhere`). Its access tokens get HTTP 401 from then on and its refresh token INVALID_TOKEN."
    )
    @returns_payload(caller=Caller.PERSON)
    async def token_revoke(
        self, info: Info, input: Annotated[TokenRevokeInput, strawberry.argument(description=INPUT)]
    ) -> TokenRevokePayload:
        ended = await sessions.end_current(info.context.db, info.context.viewer, everywhere=input.everywhere)
        return TokenRevokePayload(sessions_ended=ended)
