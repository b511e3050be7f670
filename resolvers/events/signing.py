"""Standard Webhooks signatures (https://www.standardwebhooks.com), made by the maintained library."""

from __future__ import annotations

import base64
import secrets
from datetime import datetime

from standardwebhooks.webhooks import Webhook as Signer

SECRET_PREFIX = "whsec_"  # noqa: S105 - the spec's prefix, not a secret


def new_secret() -> str:
    """A 32-byte key in the spec's `whsec_<base64>` form, as receivers' verifiers expect it."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def headers(secret: str, message_id: str, timestamp: datetime, body: str) -> dict[str, str]:
    """`webhook-id` (the event id, for de-duplication), `webhook-timestamp` and `webhook-signature`."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": Signer(secret).sign(message_id, timestamp, body),
        "content-type": "application/json",
    }
