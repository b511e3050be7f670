"""One subscriber's stream of events: from its cursor, through the database, then live from the bus,
each event passed through the same policy as webhooks (`audience.may_hear`)."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Collection

from core.errors import DomainError, ErrorCode
from core.viewer import Viewer
from db.models import OutboxEvent
from resolvers.events.audience import may_hear, students_of
from resolvers.events.bus import OVERFLOW, EventBus, read_after

_PREFIX = "event:"


def cursor_of(event: OutboxEvent) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{event.id}".encode()).decode()


def position_of(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if text.startswith(_PREFIX) and (position := int(text[len(_PREFIX) :])) >= 0:
            return position
    except (ValueError, UnicodeDecodeError):
        pass
    raise DomainError(ErrorCode.INVALID, "after is not an event cursor from this API.", "after")


async def follow(
    bus: EventBus, viewer: Viewer, types: Collection[str] | None, after: int | None
) -> AsyncIterator[OutboxEvent]:
    """Events past `after` (or from now) that the viewer may hear of, in sequence order, forever."""
    ties = bus.ties.of(viewer)
    queue = await bus.subscribe()
    position = bus.head if after is None else after
    try:
        while True:
            # Catch up from the database (at the start, and whenever the bus says we fell behind).
            while rows := await read_after(bus.db, position):
                students = await students_of(bus.db, rows)
                for event in rows:
                    position = event.id
                    if (types is None or event.type in types) and await may_hear(ties, event, students):
                        yield event
            batch = await queue.get()
            while batch is not OVERFLOW:
                for event in batch.events:
                    if event.id <= position:
                        continue
                    position = event.id
                    if (types is None or event.type in types) and await may_hear(ties, event, batch.students):
                        yield event
                batch = await queue.get()
    finally:
        bus.unsubscribe(queue)
