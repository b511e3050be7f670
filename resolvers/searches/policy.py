"""Who may see and change a saved search, and who hears of its matches: its owner alone."""

from __future__ import annotations

from core.viewer import Viewer
from db.models import OutboxEvent, SavedSearch


def owns(viewer: Viewer, search: SavedSearch) -> bool:
    """Saved searches are private to the person who saved them; staff and apps do not see them."""
    return viewer.user_id is not None and viewer.user_id == search.owner_id


def may_hear(viewer: Viewer, event: OutboxEvent) -> bool:
    """A `saved_search.matched` event names its owner in `user_ids`, and reaches them alone."""
    return viewer.user_id is not None and not viewer.is_app and viewer.user_id in event.user_ids
