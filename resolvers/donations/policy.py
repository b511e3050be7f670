"""Who hears of a donation-exchange event: the read rules of the donation exchange, applied to events.

Needs and listings are on the public board, so anyone may hear of them. Donations and receipts are
seen by members of their two parties, apps of either with a donations scope, and staff, exactly as
`schema/donations/visibility.py` decides for reads.
"""

from __future__ import annotations

from collections.abc import Collection

from core.viewer import Scope, Viewer
from db.models import OutboxEvent

READ_SCOPES = frozenset({Scope.DONATIONS_READ.value, Scope.DONATIONS_WRITE.value})


def may_hear(viewer: Viewer, organization_ids: Collection[int], event: OutboxEvent) -> bool:
    if event.is_public or viewer.is_staff:
        return True
    if viewer.is_app and not viewer.scopes & READ_SCOPES:
        return False
    return any(org in organization_ids for org in event.organization_ids)
