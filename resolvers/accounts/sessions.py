"""Sign-in sessions: a short-lived access token plus a rotating refresh token; signing out ends them.

Each refresh uses up its token and hands out the next one. A used token presented again means it was
copied: the whole session ends, so a thief and the victim cannot both keep it alive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import DomainError, ErrorCode
from core.settings import Settings
from core.tokens import REFRESH_TOKEN_PREFIX, digest, issue_access_token, new_secret
from core.viewer import Viewer
from db.engine import Database, rows_matched
from db.enums.accounts import SessionEnd
from db.models import RefreshToken, User, UserSession


@dataclass(frozen=True)
class SignedIn:
    user: User
    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime


def invalid_refresh_token() -> DomainError:
    return DomainError(
        ErrorCode.INVALID_TOKEN, "The refresh token is unknown, expired or used; sign in again.", "refreshToken"
    )


async def start(session: AsyncSession, settings: Settings, user: User) -> SignedIn:
    """A new session for a person whose identity the caller has just proven (in the caller's transaction)."""
    expires_at = utcnow() + timedelta(days=settings.refresh_token_days)
    record = UserSession(user_id=user.id, expires_at=expires_at)
    session.add(record)
    await session.flush()
    return await _next_link(session, settings, user, record)


async def _next_link(session: AsyncSession, settings: Settings, user: User, record: UserSession) -> SignedIn:
    refresh_token, refresh_digest = new_secret(REFRESH_TOKEN_PREFIX)
    session.add(RefreshToken(session_id=record.id, token_digest=refresh_digest))
    access_token, access_expires_at = issue_access_token(settings, user.id, record.id)
    return SignedIn(user, access_token, access_expires_at, refresh_token, record.expires_at)


async def refresh(db: Database, settings: Settings, refresh_token: str) -> SignedIn:
    now = utcnow()
    reused = False
    async with db.write() as session:
        link = await session.scalar(select(RefreshToken).where(RefreshToken.token_digest == digest(refresh_token)))
        record = await session.get(UserSession, link.session_id) if link is not None else None
        if link is None or record is None or record.revoked_at is not None or record.expires_at <= now:
            raise invalid_refresh_token()
        # Atomic: of two requests with one token, exactly one claims it; the other is a reuse.
        claimed = rows_matched(
            await session.execute(
                update(RefreshToken)
                .where(RefreshToken.id == link.id, RefreshToken.used_at.is_(None))
                .values(used_at=now)
            )
        )
        if not claimed:
            record.revoked_at, record.ended_reason = now, SessionEnd.REFRESH_REUSED.value
            reused = True
        else:
            record.expires_at = now + timedelta(days=settings.refresh_token_days)
            user = await session.get_one(User, record.user_id)
            signed_in = await _next_link(session, settings, user, record)
    if reused:  # raised after the commit, so the revocation stays
        raise invalid_refresh_token()
    return signed_in


async def end_current(db: Database, viewer: Viewer, *, everywhere: bool) -> int:
    """Sign out of this session, or of every session of the person; how many ended."""
    user_id = viewer.require_person()
    async with db.write() as session:
        if everywhere:
            return await end_all(session, user_id, SessionEnd.SIGNED_OUT_EVERYWHERE)
        return rows_matched(
            await session.execute(
                update(UserSession)
                .where(UserSession.id == viewer.session_id, UserSession.revoked_at.is_(None))
                .values(revoked_at=utcnow(), ended_reason=SessionEnd.SIGNED_OUT.value)
            )
        )


async def end_all(session: AsyncSession, user_id: int, reason: SessionEnd, *, keep: int | None = None) -> int:
    """End the person's open sessions (all but `keep`): their access and refresh tokens stop working."""
    stmt = update(UserSession).where(UserSession.user_id == user_id, UserSession.revoked_at.is_(None))
    if keep is not None:
        stmt = stmt.where(UserSession.id != keep)
    return rows_matched(await session.execute(stmt.values(revoked_at=utcnow(), ended_reason=reason.value)))
