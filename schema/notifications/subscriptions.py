"""`notificationReceived`: your new notifications as they are made, over graphql-transport-ws."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from core.errors import DomainError, ErrorCode
from resolvers.notifications import inbox, live
from schema.context import Info
from schema.notifications.notifications import Notification


@strawberry.type
class NotificationSubscription:
    @strawberry.subscription(
        description="Each new notification of yours as the worker makes it (people only; made in another process, "
        "it arrives within the worker poll interval)."
    )
    async def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        user_id = info.context.viewer.user_id
        if user_id is None or info.context.bus is None:
            raise DomainError(ErrorCode.UNAUTHENTICATED, "Subscribe over a websocket, signed in as a person.")
        db, poll = info.context.db, info.context.settings.worker_poll_seconds
        position = await inbox.newest_id(db, user_id)
        while True:
            for row in await inbox.arrived_after(db, user_id, position):
                position = row.id
                yield Notification.from_model(row)
            await live.wait(poll)
