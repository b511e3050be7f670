"""Emailed single-use tokens: issued with a lifetime, redeemed once, stored only as a digest."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode
from core.tokens import digest, new_secret
from db.enums.accounts import AccountTokenPurpose
from db.models import AccountToken, User


def invalid_token() -> DomainError:
    return DomainError(
        ErrorCode.INVALID_TOKEN, "This link is invalid, expired or used already; ask for a new one.", "token"
    )


async def issue(
    session: AsyncSession,
    user: User,
    purpose: AccountTokenPurpose,
    lifetime: timedelta,
    *,
    name: str | None = None,
    password_hash: str | None = None,
) -> str:
    secret, secret_digest = new_secret()
    session.add(
        AccountToken(
            user_id=user.id,
            purpose=purpose.value,
            email=user.email,
            token_digest=secret_digest,
            expires_at=utcnow() + lifetime,
            name=name,
            password_hash=password_hash,
        )
    )
    return secret


async def peek(session: AsyncSession, secret: str, purpose: AccountTokenPurpose) -> AccountToken:
    """The token if it could be redeemed now (to validate input before redeeming); INVALID_TOKEN otherwise."""
    token = await session.scalar(
        select(AccountToken).where(
            AccountToken.token_digest == digest(secret),
            AccountToken.purpose == purpose.value,
            AccountToken.used_at.is_(None),
            AccountToken.expires_at > utcnow(),
        )
    )
    if token is None:
        raise invalid_token()
    return token


async def redeem(session: AsyncSession, secret: str, purpose: AccountTokenPurpose) -> AccountToken:
    """Use the token up, atomically: of two concurrent redemptions exactly one succeeds."""
    token_id = await session.scalar(
        update(AccountToken)
        .where(
            AccountToken.token_digest == digest(secret),
            AccountToken.purpose == purpose.value,
            AccountToken.used_at.is_(None),
            AccountToken.expires_at > utcnow(),
        )
        .values(used_at=utcnow())
        .returning(AccountToken.id)
    )
    if token_id is None:
        raise invalid_token()
    return await session.get_one(AccountToken, token_id)


async def use_up_others(session: AsyncSession, user_id: int, purpose: AccountTokenPurpose) -> None:
    """Retire the person's other unused tokens of this purpose (after a verification or a reset)."""
    await session.execute(
        update(AccountToken)
        .where(AccountToken.user_id == user_id, AccountToken.purpose == purpose.value, AccountToken.used_at.is_(None))
        .values(used_at=utcnow())
    )
