"""Who hears of a match event: the organization whose ranking changed, and only about what it may read.

A new candidate in a posting's top 20 reaches the employer only while it may see that student (the
talent rule); a new listing in a need's top 10 reaches the school (apps with a donations scope).
"""

from __future__ import annotations

from core.viewer import Viewer
from db.enums.events import EventType
from db.models import OutboxEvent, StudentProfile
from resolvers.donations import policy as donations
from resolvers.talent import policy as talent
from resolvers.talent.policy import ViewerTies


async def may_hear(viewer: Viewer, ties: ViewerTies, event: OutboxEvent, student: StudentProfile | None) -> bool:
    if event.type == EventType.MATCH_LISTING_ENTERED.value:
        return donations.may_hear(viewer, await ties.organization_ids(), event)
    return await talent.may_hear(viewer, ties, event, student)
