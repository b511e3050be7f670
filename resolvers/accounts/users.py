"""Registering, signing in, and reading the signed-in person."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from core.clock import utcnow
from core.errors import DomainError, ErrorCode
from core.passwords import Passwords, check_password
from core.settings import Settings
from core.validation import Checks
from db.engine import Database
from db.models import Invitation, Membership, User

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


def normalize_email(email: str) -> str:
    """Case-insensitive and trimmed, so one mailbox is one account."""
    normalized = email.strip().lower()
    if len(normalized) > 254 or not _EMAIL.match(normalized):
        raise DomainError(ErrorCode.INVALID_EMAIL, "Enter a valid email address.", "email")
    return normalized


async def register(db: Database, passwords: Passwords, *, email: str, password: str, name: str) -> User:
    checks = Checks()
    name = checks.text(name, "name", max_length=200)
    checks.raise_any()
    email = normalize_email(email)
    check_password(password, email=email)
    password_hash = await passwords.hash(password)
    try:
        async with db.write() as session:
            if await session.scalar(select(User.id).where(User.email == email)):
                raise DomainError(ErrorCode.EMAIL_TAKEN, "An account with this email exists.", "email")
            user = User(email=email, name=name, password_hash=password_hash)
            session.add(user)
            await session.flush()
            await _accept_pending_invitations(session, user)
    except IntegrityError as exc:  # a concurrent registration won the unique email
        raise DomainError(ErrorCode.EMAIL_TAKEN, "An account with this email exists.", "email") from exc
    return user


async def _accept_pending_invitations(session, user: User) -> None:
    invitations = (
        await session.scalars(
            select(Invitation).where(Invitation.email == user.email, Invitation.accepted_at.is_(None))
        )
    ).all()
    for invitation in invitations:
        session.add(Membership(organization_id=invitation.organization_id, user_id=user.id, role=invitation.role))
        invitation.accepted_at = utcnow()


async def authenticate(db: Database, passwords: Passwords, settings: Settings, *, email: str, password: str) -> User:
    """Check a password; too many failures lock the account for a while, shared by every process."""
    try:
        email = normalize_email(email)
    except DomainError:
        email = ""
    async with db.read() as session:
        user = await session.scalar(select(User).where(User.email == email)) if email else None
    if user is not None and user.login_locked_until and user.login_locked_until > utcnow():
        raise DomainError(ErrorCode.RATE_LIMITED, "Too many failed sign-ins. Try again later.", "email")
    if await passwords.verify(user.password_hash if user else None, password) and user is not None:
        if user.failed_login_count:
            async with db.write() as session:
                await session.execute(update(User).where(User.id == user.id).values(failed_login_count=0))
        return user
    if user is not None:
        await _record_failure(db, settings, user.id)
    raise DomainError(ErrorCode.INVALID_CREDENTIALS, "Email or password is incorrect.")


async def _record_failure(db: Database, settings: Settings, user_id: int) -> None:
    async with db.write() as session:
        failures = await session.scalar(
            update(User)
            .where(User.id == user_id)
            .values(failed_login_count=User.failed_login_count + 1)
            .returning(User.failed_login_count)
        )
        if (failures or 0) >= settings.login_max_failures:
            await session.execute(
                update(User)
                .where(User.id == user_id)
                .values(
                    failed_login_count=0,
                    login_locked_until=utcnow() + timedelta(minutes=settings.login_lockout_minutes),
                )
            )
