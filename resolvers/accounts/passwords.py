"""Forgotten and changed passwords. Both end the person's other sessions, so whoever knew the old
password (or held a stolen token) is out."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.mailer import Mail
from core.passwords import check_password
from core.viewer import Viewer
from db.enums.accounts import AccountTokenPurpose, SessionEnd
from db.models import User
from resolvers.accounts import account_mail, account_tokens, sessions
from resolvers.accounts.emails import email_key, normalize_email
from resolvers.accounts.invitations import attach_verified
from resolvers.accounts.services import Accounts
from resolvers.accounts.signin import invalid_credentials


async def request_reset(accounts: Accounts, *, email: str) -> None:
    """Mail a reset link if the address has an account. Everything that depends on the address happens in
    the background, so the answer and its timing are the same either way."""
    email = normalize_email(email)
    await accounts.limits.account_mail_request(accounts.client)
    accounts.mailer.later(_reset_mail(accounts, email))


async def _reset_mail(accounts: Accounts, email: str) -> Mail | None:
    lifetime = timedelta(minutes=accounts.settings.reset_token_minutes)
    async with accounts.db.write() as session:
        user = await session.scalar(select(User).where(User.email == email))
        if user is None:
            return None
        token = await account_tokens.issue(session, user, AccountTokenPurpose.RESET_PASSWORD, lifetime)
    if not await accounts.limits.may_mail(email):
        return None
    return account_mail.password_reset(accounts.settings, email, token)


async def reset(accounts: Accounts, *, token: str, password: str) -> None:
    """Set a new password with a mailed token. It proves the mailbox too, so the address counts as verified."""
    async with accounts.db.read() as session:
        email = (await account_tokens.peek(session, token, AccountTokenPurpose.RESET_PASSWORD)).email
    check_password(password, email=email)  # before the token is used up: a weak password can be retried
    password_hash = await accounts.passwords.hash(password)
    async with accounts.db.write() as session:
        redeemed = await account_tokens.redeem(session, token, AccountTokenPurpose.RESET_PASSWORD)
        user = await session.get_one(User, redeemed.user_id)
        if user.email != redeemed.email:
            raise account_tokens.invalid_token()
        user.password_hash = password_hash
        user.email_verified_at = user.email_verified_at or redeemed.used_at
        await account_tokens.use_up_others(session, user.id, AccountTokenPurpose.RESET_PASSWORD)
        await sessions.end_all(session, user.id, SessionEnd.PASSWORD_RESET)
        await attach_verified(session, user)


async def change(accounts: Accounts, viewer: Viewer, *, current_password: str, new_password: str) -> None:
    """Change the password, given the current one; every other session of the person ends."""
    user_id = viewer.require_person()
    async with accounts.db.read() as session:
        user = await session.get_one(User, user_id)
    await confirm_password(accounts, user, current_password, field="currentPassword")
    check_password(new_password, email=user.email)
    password_hash = await accounts.passwords.hash(new_password)
    async with accounts.db.write() as session:
        stored = await session.get_one(User, user_id)
        stored.password_hash = password_hash
        await account_tokens.use_up_others(session, user_id, AccountTokenPurpose.RESET_PASSWORD)
        await sessions.end_all(session, user_id, SessionEnd.PASSWORD_CHANGED, keep=viewer.session_id)


async def confirm_password(accounts: Accounts, user: User, password: str, *, field: str) -> None:
    """Check the signed-in person's password, throttled like signing in (a stolen access token must not
    become a way to guess it)."""
    account = email_key(user.email)
    await accounts.limits.sign_in(account, accounts.client)
    if not await accounts.passwords.verify(user.password_hash, password):
        raise invalid_credentials(field)
    accounts.limits.sign_in_succeeded(account, accounts.client)
