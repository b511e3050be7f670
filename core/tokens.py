"""Access tokens: short-lived JWTs for people, long-lived hashed tokens for partner apps."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

import jwt

from core.settings import Settings

APP_TOKEN_PREFIX = "srapp_"  # noqa: S105 - a public marker, the token follows it
_ALGORITHM = "HS256"


class InvalidToken(Exception):
    pass


def issue_access_token(settings: Settings, user_id: int) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": str(user_id),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + timedelta(minutes=settings.access_token_minutes),
        "jti": secrets.token_urlsafe(8),
    }
    return jwt.encode(claims, settings.secret_key, algorithm=_ALGORITHM)


def read_access_token(settings: Settings, token: str) -> int:
    """The user id in a valid token; anything forged, expired or foreign raises InvalidToken."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[_ALGORITHM],  # pinned: `alg: none` and algorithm swaps are refused
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )
        return int(claims["sub"])
    except (jwt.PyJWTError, ValueError) as exc:
        raise InvalidToken(str(exc)) from exc


def new_app_token() -> tuple[str, str, str]:
    """(token shown once, digest to store, last four characters to show later)."""
    token = APP_TOKEN_PREFIX + secrets.token_urlsafe(32)
    return token, app_token_digest(token), token[-4:]


def app_token_digest(token: str) -> str:
    # The token carries 256 random bits, so a fast hash is enough; argon2 is for human passwords.
    return hashlib.sha256(token.encode()).hexdigest()


def is_app_token(token: str) -> bool:
    return token.startswith(APP_TOKEN_PREFIX)
