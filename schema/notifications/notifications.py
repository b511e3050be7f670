"""In-app notifications: the inbox, the unread count, marking read, and email preferences."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

import strawberry

from core.errors import DomainError, ErrorCode
from db import models
from db.engine import Database
from db.enums.notifications import EmailFrequency, NotificationKind, default_frequency
from resolvers.notifications import inbox, preferences
from resolvers.notifications.policy import may_read
from schema.context import Info
from schema.errors import INPUT, Caller, Payload, returns_payload
from schema.notifications import enums  # noqa: F401 - describes the enums this module exposes
from schema.relay import After, Connection, First, Node, decode_id, encode_id, node_type, page_args, resolve_node


@node_type
@strawberry.type(description="Something you were told about; only you see your notifications.")
class Notification(Node):
    kind: NotificationKind = strawberry.field(description="What it tells (see `NotificationKind`).")
    title: str = strawberry.field(description="One line, e.g. 'Detroit Tech requested “STRSW spot welder”'.")
    body: str = strawberry.field(description="A sentence or two of plain text (never HTML).")
    created_at: datetime = strawberry.field(description="When it was made.")
    read_at: datetime | None = strawberry.field(description="When you marked it read; null while unread.")
    _subject: strawberry.Private[strawberry.ID]

    @classmethod
    def from_model(cls, row: models.Notification) -> Notification:
        return cls(
            pk=row.id,
            kind=NotificationKind(row.kind),
            title=row.title,
            body=row.body,
            created_at=row.created_at,
            read_at=row.read_at,
            _subject=encode_id(row.subject_type, row.subject_id),
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Notification | None:
        row = await info.context.loaders.by_id(models.Notification).load(pk)
        return cls.from_model(row) if row is not None and may_read(info.context.viewer, row) else None

    @strawberry.field(
        description="The object it is about (a donation, receipt, application, posting...), as you may see it "
        "now; null when you may no longer see it or it has no node of its own."
    )
    async def subject(self, info: Info) -> Node | None:
        try:
            return await resolve_node(info, self._subject)
        except DomainError:
            return None


@strawberry.type(description="How one kind of notification reaches you by email.")
class NotificationPreference:
    kind: NotificationKind = strawberry.field(description="The kind of notification.")
    frequency: EmailFrequency = strawberry.field(description="Your choice (the default unless you changed it).")
    is_default: bool = strawberry.field(description="True while you have not changed this kind's default.")


def _preferences(chosen: preferences.Choices) -> list[NotificationPreference]:
    return [
        NotificationPreference(kind=kind, frequency=frequency, is_default=frequency is default_frequency(kind))
        for kind, frequency in chosen.items()
    ]


async def unread_count(info: Info, user_id: int) -> int:
    async def batch(db: Database, ids: Sequence[int]) -> list[int]:
        counts = await inbox.unread_counts(db, ids)
        return [counts.get(i, 0) for i in ids]

    count: int = await info.context.loaders.custom("unread_notifications", batch).load(user_id)
    return count


@strawberry.input(description="Which notifications to mark read: `ids`, or `all: true`.")
class NotificationsMarkReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Up to 100 of your notifications; leave out when `all` is true."
    )
    all: bool = strawberry.field(default=False, description="Mark every unread notification of yours read.")


@strawberry.type(description="The result of `notificationsMarkRead`.")
class NotificationsMarkReadPayload(Payload):
    marked_count: int = strawberry.field(default=0, description="How many were unread and are now read.")
    unread_count: int | None = strawberry.field(default=None, description="How many stay unread; null on error.")


@strawberry.input(description="One kind's email frequency.")
class NotificationPreferenceInput:
    kind: NotificationKind = strawberry.field(description="The kind of notification.")
    frequency: EmailFrequency = strawberry.field(description="IMMEDIATE, DAILY, WEEKLY or OFF.")


@strawberry.input(description="The kinds whose email frequency changes; the others stay as they are.")
class NotificationPreferencesUpdateInput:
    preferences: list[NotificationPreferenceInput] = strawberry.field(description="One entry per kind to change.")


@strawberry.type(description="The result of `notificationPreferencesUpdate`.")
class NotificationPreferencesUpdatePayload(Payload):
    preferences: list[NotificationPreference] | None = strawberry.field(
        default=None, description="Every kind's frequency after the change; null on error."
    )


@strawberry.type
class NotificationQueries:
    @strawberry.field(
        description="Your notifications, newest first (people only; apps and anonymous callers are refused)."
    )
    async def notifications(
        self,
        info: Info,
        first: First = 20,
        after: After = None,
        unread_only: Annotated[bool, strawberry.argument(description="Only those not marked read yet.")] = False,
    ) -> Connection[Notification]:
        page = await inbox.page(info.context.db, info.context.viewer, page_args(first, after), unread_only=unread_only)
        return Connection.of(page, Notification.from_model)

    @strawberry.field(description="How each kind of notification reaches you by email (people only).")
    async def notification_preferences(self, info: Info) -> list[NotificationPreference]:
        return _preferences(await preferences.mine(info.context.db, info.context.viewer))


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(description="Mark some of your notifications read (`ids`), or all of them (`all: true`).")
    @returns_payload(caller=Caller.PERSON)
    async def notifications_mark_read(
        self, info: Info, input: Annotated[NotificationsMarkReadInput, strawberry.argument(description=INPUT)]
    ) -> NotificationsMarkReadPayload:
        ids = None if input.ids is None else [decode_id(i, "Notification", "ids") for i in input.ids]
        marked, left = await inbox.mark_read(info.context.db, info.context.viewer, ids, input.all)
        return NotificationsMarkReadPayload(marked_count=marked, unread_count=left)

    @strawberry.mutation(
        description="Choose how kinds of notification reach you by email: at once, in the daily or weekly digest, or "
        "not at all. Every email also carries a one-click unsubscribe link."
    )
    @returns_payload(caller=Caller.PERSON)
    async def notification_preferences_update(
        self, info: Info, input: Annotated[NotificationPreferencesUpdateInput, strawberry.argument(description=INPUT)]
    ) -> NotificationPreferencesUpdatePayload:
        kinds = [p.kind for p in input.preferences]
        if not kinds or len(kinds) != len(set(kinds)):
            raise DomainError(ErrorCode.INVALID, "Give each kind at most once, and at least one.", "preferences")
        changes = {NotificationKind(p.kind): EmailFrequency(p.frequency) for p in input.preferences}
        chosen = await preferences.update(info.context.db, info.context.viewer, changes)
        return NotificationPreferencesUpdatePayload(preferences=_preferences(chosen))
