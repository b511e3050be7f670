"""One-click unsubscribe links: signed with the app's secret per person and kind (or digest), so a link
works without signing in and cannot be made for anyone else or any other kind."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import select

from core.settings import Settings
from db.engine import Database
from db.enums.notifications import DigestPeriod, EmailFrequency, NotificationKind
from db.models import User
from resolvers.notifications.preferences import frequencies, store

PATH = "/notifications/unsubscribe"
DEV_BASE_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class Target:
    """Whom a link is for, and what it stops: one kind, or a whole digest period."""

    user_id: int
    what: str  # a NotificationKind's value, or "DIGEST_DAILY" / "DIGEST_WEEKLY"


def _signature(settings: Settings, payload: str) -> str:
    digest = hmac.new(settings.secret_key.encode(), f"unsubscribe:{payload}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def token_for(settings: Settings, target: Target) -> str:
    payload = f"{target.user_id}.{target.what}"
    encoded = base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")
    return f"{encoded}.{_signature(settings, payload)}"


def read_token(settings: Settings, token: str) -> Target | None:
    """The target of a genuine token; None for anything forged, altered or malformed."""
    encoded, _, signature = token.partition(".")
    if not encoded or not signature or len(token) > 300:
        return None
    try:
        payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except (ValueError, UnicodeDecodeError, binascii.Error):
        return None
    if not hmac.compare_digest(signature, _signature(settings, payload)):
        return None
    user, _, what = payload.partition(".")
    if not user.isdigit() or what not in _TARGETS:
        return None
    return Target(int(user), what)


def digest_target(period: DigestPeriod) -> str:
    return f"DIGEST_{period.value}"


_TARGETS = {kind.value for kind in NotificationKind} | {digest_target(period) for period in DigestPeriod}


def link(settings: Settings, target: Target) -> str:
    base = (settings.public_url or DEV_BASE_URL).rstrip("/")
    return f"{base}{PATH}?token={quote(token_for(settings, target))}"


def mailto(settings: Settings, target: Target) -> str:
    """A mailto for mail readers that prefer one; the address is the sender's, the token in the subject."""
    sender = settings.mail_from.rpartition("<")[2].rstrip(">").strip()
    return f"mailto:{sender}?subject={quote('unsubscribe ' + token_for(settings, target))}"


def describe_target(target: Target) -> str:
    if target.what.startswith("DIGEST_"):
        return f"the {target.what.removeprefix('DIGEST_').lower()} digest"
    return target.what.replace("_", " ").lower() + " emails"


async def unsubscribe(db: Database, target: Target) -> int:
    """Stop the emails the link names (the in-app notifications stay); returns how many kinds changed."""
    async with db.write() as session:
        if target.what.startswith("DIGEST_"):
            period = EmailFrequency(target.what.removeprefix("DIGEST_"))
            chosen = await frequencies(session, [target.user_id])
            kinds = [kind for kind, frequency in chosen[target.user_id].items() if frequency is period]
        else:
            kinds = [NotificationKind(target.what)]
        if await session.scalar(select(User.id).where(User.id == target.user_id)) is None:
            return 0
        await store(session, target.user_id, dict.fromkeys(kinds, EmailFrequency.OFF))
    return len(kinds)
