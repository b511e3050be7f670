"""Running the notifications consumer, and reading what people were told, in app and by email."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select

from core import outbox
from core.mailer import Mailer
from core.settings import Settings
from db.engine import Database
from db.enums.events import EventType
from db.models import Notification
from resolvers.notifications.fanout import notify
from tests.conftest import Mailbox
from tests.support import Api, Person

INBOX = """
query ($unread: Boolean = false, $first: Int = 50, $after: String) {
  notifications(first: $first, after: $after, unreadOnly: $unread) {
    edges { cursor node { id kind title body createdAt readAt subject { id } } }
    pageInfo { hasNextPage endCursor }
  }
  me { unreadNotificationCount }
}"""
PREFERENCES = "{ notificationPreferences { kind frequency isDefault } }"
PREFERENCES_UPDATE = """
mutation ($input: NotificationPreferencesUpdateInput!) {
  notificationPreferencesUpdate(input: $input) { preferences { kind frequency isDefault } userErrors { field code } }
}"""
MARK_READ = """
mutation ($input: NotificationsMarkReadInput!) {
  notificationsMarkRead(input: $input) { markedCount unreadCount userErrors { field code } }
}"""


async def consume(db: Database, settings: Settings, mailer: Mailer) -> int:
    """Run the consumer until it has read every event; how many events it read."""
    read = 0
    while made := await notify(db, settings, mailer):
        read += made
    return read


async def told(api: Api, person: Person, **variables: Any) -> list[dict]:
    data = await api.gql(INBOX, variables, token=person.token)
    return [edge["node"] for edge in data["notifications"]["edges"]]


async def kinds_of(api: Api, person: Person) -> list[str]:
    return sorted(n["kind"] for n in await told(api, person))


async def everyone_told(db: Database) -> Counter[tuple[int, str]]:
    """(person, kind) -> how many notifications, across the whole table."""
    async with db.read() as session:
        rows = await session.execute(select(Notification.user_id, Notification.kind))
        return Counter((user, kind) for user, kind in rows)


async def mailed(mailbox: Mailbox, person: Person) -> list[str]:
    """Subjects of the mails the person received during this test."""
    return [str(r.message["Subject"]) for r in await mailbox.received(person.email)]


async def prefer(api: Api, person: Person, kind: str, frequency: str) -> None:
    data = await api.gql(
        PREFERENCES_UPDATE, {"input": {"preferences": [{"kind": kind, "frequency": frequency}]}}, token=person.token
    )
    assert data["notificationPreferencesUpdate"]["userErrors"] == [], data


async def announce(
    db: Database,
    type: EventType,
    user_ids: tuple[int, ...],
    data: dict,
    *,
    subject: tuple[str, int] = ("Thing", 1),
    times: int = 1,
) -> None:
    """Events other parts of the platform emit (messages, saved searches, workforce), appended directly."""
    async with db.write() as session:
        for _ in range(times):
            outbox.append(session, outbox.Event(type, subject[0], subject[1], user_ids=user_ids, data=data))
