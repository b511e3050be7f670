"""Tokens: short-lived JWT access tokens naming a session, and random secrets stored only as digests.

Refresh tokens, emailed tokens and app tokens carry 256 random bits, so a fast hash is enough to store
them; argon2 is for human passwords.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt

from core.clock import utcnow
from core.settings import Settings

APP_TOKEN_PREFIX = "srapp_"  # noqa: S105 - a public marker, the token follows it
REFRESH_TOKEN_PREFIX = "srrt_"  # noqa: S105 - a public marker, the token follows it
_ALGORITHM = "HS256"
_CLOCK_SKEW_SECONDS = 60  # tolerated between the servers that issue and read a token


class InvalidToken(Exception):
    pass


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    session_id: int


def issue_access_token(settings: Settings, user_id: int, session_id: int) -> tuple[str, datetime]:
    """A signed access token for one session, and when it expires."""
    now = utcnow()
    expires_at = now + timedelta(minutes=settings.access_token_minutes)
    claims = {
        "sub": str(user_id),
        "sid": str(session_id),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": expires_at,
        "jti": secrets.token_urlsafe(8),
    }
    return jwt.encode(claims, settings.secret_key, algorithm=_ALGORITHM), expires_at


def read_access_token(settings: Settings, token: str) -> AccessClaims:
    """The person and session in a valid token; anything forged, expired or foreign raises InvalidToken."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[_ALGORITHM],  # pinned: `alg: none` and algorithm swaps are refused
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            # times are checked below against the injectable clock, like every other expiry
            options={"require": ["exp", "iat", "iss", "aud", "sub", "sid"], "verify_exp": False, "verify_iat": False},
        )
        now = utcnow().timestamp()
        if float(claims["exp"]) <= now:
            raise InvalidToken("the access token has expired")
        if float(claims["iat"]) > now + _CLOCK_SKEW_SECONDS:
            raise InvalidToken("the access token is not valid yet")
        return AccessClaims(user_id=int(claims["sub"]), session_id=int(claims["sid"]))
    except (jwt.PyJWTError, ValueError, TypeError) as exc:
        raise InvalidToken(str(exc)) from exc


def new_secret(prefix: str = "") -> tuple[str, str]:
    """(secret to hand out once, digest to store)."""
    secret = prefix + secrets.token_urlsafe(32)
    return secret, digest(secret)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_app_token() -> tuple[str, str, str]:
    """(token shown once, digest to store, last four characters to show later)."""
    token, token_digest = new_secret(APP_TOKEN_PREFIX)
    return token, token_digest, token[-4:]


def app_token_digest(token: str) -> str:
    return digest(token)


def is_app_token(token: str) -> bool:
    return token.startswith(APP_TOKEN_PREFIX)
