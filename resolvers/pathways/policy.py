"""Who hears of a pathways event: stories are public; a scholarship application reaches the student
and the sponsor's members (its apps with talent:read), the same people who may read it."""

from __future__ import annotations

from collections.abc import Collection

from core.viewer import Scope, Viewer
from db.models import OutboxEvent


def may_hear(viewer: Viewer, organization_ids: Collection[int], event: OutboxEvent) -> bool:
    if event.is_public or viewer.is_staff:
        return True
    if viewer.user_id is not None and viewer.user_id in event.user_ids:
        return True
    if viewer.is_app and Scope.TALENT_READ.value not in viewer.scopes:
        return False
    return any(org in organization_ids for org in event.organization_ids)
