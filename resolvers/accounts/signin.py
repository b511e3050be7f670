"""Signing in with email and password, and signing up's other half: confirming the email.

Every failure reads the same (INVALID_CREDENTIALS) and costs the same password check: unknown addresses
are checked against a decoy hash, so neither the answer nor its timing says whether an account exists.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.errors import DomainError, ErrorCode
from core.mailer import Mail
from db.enums.accounts import AccountTokenPurpose
from db.models import User
from resolvers.accounts import account_mail, account_tokens, sessions
from resolvers.accounts.emails import email_key, normalize_email
from resolvers.accounts.invitations import attach_verified
from resolvers.accounts.services import Accounts
from resolvers.accounts.sessions import SignedIn

_REFUSED = "Email or password is incorrect, or the email is not confirmed yet (if it is yours, check your mailbox)."


def invalid_credentials(field: str | None = None) -> DomainError:
    return DomainError(ErrorCode.INVALID_CREDENTIALS, _REFUSED, field)


async def sign_in(accounts: Accounts, *, email: str, password: str) -> SignedIn:
    account = email_key(email)
    await accounts.limits.sign_in(account, accounts.client)
    try:
        email = normalize_email(email)
    except DomainError:
        email = ""
    async with accounts.db.read() as session:
        user = await session.scalar(select(User).where(User.email == email)) if email else None
    if not await accounts.passwords.verify(user.password_hash if user else None, password) or user is None:
        raise invalid_credentials()
    if user.email_verified_at is None:
        # The right password for an address not confirmed yet (e.g. an account from before verification
        # existed): mail the owner a link, and answer as for any failure.
        accounts.mailer.later(_verification_mail(accounts, user))
        raise invalid_credentials()
    accounts.limits.sign_in_succeeded(account, accounts.client)
    async with accounts.db.write() as session:
        return await sessions.start(session, accounts.settings, user)


async def _verification_mail(accounts: Accounts, user: User) -> Mail | None:
    lifetime = timedelta(hours=accounts.settings.verification_token_hours)
    async with accounts.db.write() as session:
        token = await account_tokens.issue(session, user, AccountTokenPurpose.VERIFY_EMAIL, lifetime)
    if not await accounts.limits.may_mail(user.email):
        return None
    return account_mail.verification(accounts.settings, user.email, token)


async def resend_verification(accounts: Accounts, *, email: str) -> None:
    """Mail a new link to an unconfirmed account; the same answer, in the same time, for any address."""
    email = normalize_email(email)
    await accounts.limits.account_mail_request(accounts.client)
    accounts.mailer.later(_resend(accounts, email))


async def _resend(accounts: Accounts, email: str) -> Mail | None:
    async with accounts.db.read() as session:
        user = await session.scalar(select(User).where(User.email == email))
    if user is None or user.email_verified_at is not None:
        return None
    return await _verification_mail(accounts, user)


async def verify_email(accounts: Accounts, *, token: str) -> SignedIn:
    """Confirm the address with the mailed token, join the organizations that invited it, and sign in."""
    async with accounts.db.write() as session:
        redeemed = await account_tokens.redeem(session, token, AccountTokenPurpose.VERIFY_EMAIL)
        user = await session.get_one(User, redeemed.user_id)
        if user.email != redeemed.email:
            raise account_tokens.invalid_token()
        if user.email_verified_at is None:
            if redeemed.password_hash is not None:
                user.password_hash = redeemed.password_hash
            if redeemed.name is not None:
                user.name = redeemed.name
            user.email_verified_at = redeemed.used_at
        elif redeemed.password_hash is not None:
            # A registration's link once the address is confirmed: it must not replace the password.
            raise account_tokens.invalid_token()
        await account_tokens.use_up_others(session, user.id, AccountTokenPurpose.VERIFY_EMAIL)
        await attach_verified(session, user)
        return await sessions.start(session, accounts.settings, user)
