"""Signing up: every valid request gets the same answer, whether or not the address has an account.

The mailbox tells its owner what happened (a link to confirm, or "you already have an account"), so the
API never says whether an address is registered. What stays observable is unavoidable: the mail itself,
which only the mailbox owner reads.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.mailer import Mail
from core.passwords import check_password
from core.validation import Checks
from db.enums.accounts import AccountTokenPurpose
from db.models import User
from resolvers.accounts import account_mail, account_tokens
from resolvers.accounts.emails import normalize_email
from resolvers.accounts.services import Accounts


async def register(accounts: Accounts, *, email: str, password: str, name: str) -> str:
    """Start a registration; the account becomes usable once its email is verified. Returns the address."""
    checks = Checks()
    name = checks.text(name, "name", max_length=200)
    checks.raise_any()
    email = normalize_email(email)
    check_password(password, email=email)
    await accounts.limits.registration(accounts.client)
    # Hashed in every case; what depends on the address (is it taken?) happens in the background, so the
    # answer and its timing are the same for a taken and a free address.
    password_hash = await accounts.passwords.hash(password)
    accounts.mailer.later(_registration_mail(accounts, email, name, password_hash))
    return email


async def _registration_mail(accounts: Accounts, email: str, name: str, password_hash: str) -> Mail | None:
    lifetime = timedelta(hours=accounts.settings.verification_token_hours)
    try:
        async with accounts.db.write() as session:
            user = await session.scalar(select(User).where(User.email == email))
            if user is not None and user.email_verified_at is not None:
                mail = account_mail.already_registered(email)
            else:
                if user is None:
                    user = User(email=email, name=name, password_hash=password_hash)
                    session.add(user)
                    await session.flush()
                # The token carries this registration's name and password: the link the mailbox owner follows
                # decides them, not whoever registered the address last.
                token = await account_tokens.issue(
                    session, user, AccountTokenPurpose.VERIFY_EMAIL, lifetime, name=name, password_hash=password_hash
                )
                mail = account_mail.verification(accounts.settings, email, token)
    except IntegrityError:  # a concurrent registration of the address won; its mail is on its way
        return None
    return mail if await accounts.limits.may_mail(email) else None
