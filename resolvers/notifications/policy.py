"""Who may read a notification: the person it was made for, and nobody else (staff included: it is their
inbox, and the objects it points to have their own rules)."""

from __future__ import annotations

from core.viewer import Viewer
from db.models import Notification


def may_read(viewer: Viewer, notification: Notification) -> bool:
    return viewer.user_id is not None and viewer.user_id == notification.user_id
