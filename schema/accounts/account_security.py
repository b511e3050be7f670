"""Passwords forgotten or changed, and deleting one's account."""

from __future__ import annotations

from typing import Annotated

import strawberry

from core.errors import DomainError
from resolvers.accounts import deletion, passwords
from schema.context import Info
from schema.errors import INPUT, Caller, Payload, returns_payload

RULES_OF_PASSWORDS = (
    "10 to 128 characters, at least 5 different ones, not a common password and not containing the email's local part."
)


@strawberry.input(description="The address of an account whose password was forgotten.")
class PasswordResetRequestInput:
    email: str = strawberry.field(description="The account's email, in any case.")


@strawberry.type(description="The result of `passwordResetRequest`.")
class PasswordResetRequestPayload(Payload):
    pass


@strawberry.input(description="A new password, with the token from the reset mail.")
class PasswordResetInput:
    token: str = strawberry.field(description="The token from the mail; it works once, within 60 minutes by default.")
    password: str = strawberry.field(description=f"The new password: {RULES_OF_PASSWORDS}")


@strawberry.type(description="The result of `passwordReset`; sign in with the new password.")
class PasswordResetPayload(Payload):
    pass


@strawberry.input(description="Your current password and a new one.")
class PasswordChangeInput:
    current_password: str = strawberry.field(
        description="Your password now (INVALID_CREDENTIALS otherwise; attempts are limited like signing in)."
    )
    new_password: str = strawberry.field(description=f"The new password: {RULES_OF_PASSWORDS}")


@strawberry.type(description="The result of `passwordChange`.")
class PasswordChangePayload(Payload):
    pass


@strawberry.input(description="Confirmation that you want your account deleted.")
class AccountDeleteInput:
    password: str = strawberry.field(description="Your password (INVALID_CREDENTIALS otherwise).")


@strawberry.type(description="The result of `accountDelete`.")
class AccountDeletePayload(Payload):
    pass


@strawberry.type
class AccountSecurityMutations:
    @strawberry.mutation(
        description="Mail a password reset link to the address if it has an account. Every valid request gets "
        "the same answer, in the same time, whether or not it has one. Limited per client (RATE_LIMITED) and per "
        "address. Open to anonymous callers."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def password_reset_request(
        self, info: Info, input: Annotated[PasswordResetRequestInput, strawberry.argument(description=INPUT)]
    ) -> PasswordResetRequestPayload:
        await passwords.request_reset(info.context.accounts(), email=input.email)
        return PasswordResetRequestPayload()

    @strawberry.mutation(
        description="Set a new password with the mailed token. Every session of the person ends (all devices "
        "sign in again); the address counts as confirmed. INVALID_TOKEN when unknown, expired or used. Open to "
        "anonymous callers."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def password_reset(
        self, info: Info, input: Annotated[PasswordResetInput, strawberry.argument(description=INPUT)]
    ) -> PasswordResetPayload:
        await passwords.reset(info.context.accounts(), token=input.token, password=input.password)
        return PasswordResetPayload()

    @strawberry.mutation(
        description="Change your password. Your other sessions end; this one stays signed in. People only."
    )
    @returns_payload(caller=Caller.PERSON)
    async def password_change(
        self, info: Info, input: Annotated[PasswordChangeInput, strawberry.argument(description=INPUT)]
    ) -> PasswordChangePayload:
        try:
            await passwords.change(
                info.context.accounts(),
                info.context.viewer,
                current_password=input.current_password,
                new_password=input.new_password,
            )
        except DomainError as error:
            if error.field == ["password"]:  # the password rules name their field `password`
                error.field = ["newPassword"]
            raise
        return PasswordChangePayload()

    @strawberry.mutation(
        description="Delete your account for good: your memberships, student profile and its records "
        "(credentials, applications, invitations, enrollments, scholarship applications), mentor profile and "
        "mentorships go; organizations' records keep your steps with no name. LAST_OWNER when you are an "
        "organization's only owner. Export your data first (GET /exports/me). People only."
    )
    @returns_payload(caller=Caller.PERSON)
    async def account_delete(
        self, info: Info, input: Annotated[AccountDeleteInput, strawberry.argument(description=INPUT)]
    ) -> AccountDeletePayload:
        await deletion.delete_account(info.context.accounts(), info.context.viewer, password=input.password)
        return AccountDeletePayload()
