"""Opaque global IDs as the API shows them, for payloads written below the schema layer (events)."""

from __future__ import annotations

import base64


def global_id(type_name: str, pk: int) -> str:
    """The same encoding as `schema.relay.encode_id`, which a test keeps in step with this one."""
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")
