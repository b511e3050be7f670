"""Stable pseudonyms: one person always gets the same key, and without the secret key no one can
tell whose it is (a keyed hash, so trying every user id against stored keys tells nothing)."""

from __future__ import annotations

import hashlib
import hmac


def pseudonym(secret_key: str, purpose: str, user_id: int) -> str:
    """64 hex characters; `purpose` keeps the keys of one use from matching those of another."""
    return hmac.new(secret_key.encode(), f"{purpose}:{user_id}".encode(), hashlib.sha256).hexdigest()
