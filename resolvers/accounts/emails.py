"""One spelling per mailbox: the key accounts and invitations are found by."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from core.errors import DomainError, ErrorCode

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


def normalize_email(email: str) -> str:
    """NFKC (a fullwidth or ligature look-alike is the same address), trimmed and case-folded, so one
    mailbox is one account. NFKC again after folding, which can leave a string unnormalized."""
    normalized = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", email).strip().casefold())
    if len(normalized) > 254 or not _EMAIL.match(normalized):
        raise DomainError(ErrorCode.INVALID_EMAIL, "Enter a valid email address.", "email")
    return normalized


def email_key(email: str) -> str:
    """A fixed-length key for an address (normalized when valid), for rate-limit buckets: no address in clear."""
    try:
        email = normalize_email(email)
    except DomainError:
        email = email.strip().casefold()
    return hashlib.sha256(email.encode()).hexdigest()[:32]
