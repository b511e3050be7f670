"""The inbox: newest first, unread only, the unread count on `me`, marking read, only ever one's own, made
once per person per event however often the consumer reads it, and a constant number of statements."""

from __future__ import annotations

from sqlalchemy import update

from db.enums.events import EventType
from db.models import EventConsumer
from resolvers.notifications.fanout import CONSUMER
from tests.notifications.support import INBOX, MARK_READ, announce, consume, everyone_told, mailed, told
from tests.support import gid

NODE = "query ($id: ID!) { node(id: $id) { id ... on Notification { title } } }"
MESSAGE = EventType.MESSAGE_SENT


async def _unread(api, person) -> int:
    return (await api.gql("{ me { unreadNotificationCount } }", token=person.token))["me"]["unreadNotificationCount"]


async def test_mark_read_by_ids_or_all_and_the_unread_count(api, db, settings, mailer):
    alice = await api.person("Alice")
    for n in range(4):
        await announce(db, MESSAGE, (alice.id,), {"title": f"Message {n}"})
    await consume(db, settings, mailer)
    inbox = await told(api, alice)
    assert [n["title"] for n in inbox] == ["Message 3", "Message 2", "Message 1", "Message 0"]  # newest first
    assert await _unread(api, alice) == 4

    marked = await api.gql(MARK_READ, {"input": {"ids": [inbox[0]["id"], inbox[1]["id"]]}}, token=alice.token)
    assert marked["notificationsMarkRead"] == {"markedCount": 2, "unreadCount": 2, "userErrors": []}
    assert [n["title"] for n in await told(api, alice, unread=True)] == ["Message 1", "Message 0"]
    assert all(n["readAt"] for n in (await told(api, alice))[:2])
    again = await api.gql(MARK_READ, {"input": {"ids": [inbox[0]["id"]]}}, token=alice.token)
    assert again["notificationsMarkRead"]["markedCount"] == 0  # already read

    everything = await api.gql(MARK_READ, {"input": {"all": True}}, token=alice.token)
    assert everything["notificationsMarkRead"] == {"markedCount": 2, "unreadCount": 0, "userErrors": []}
    assert await _unread(api, alice) == 0 and await told(api, alice, unread=True) == []


async def test_a_notification_is_only_ever_its_owners(api, db, settings, mailer):
    alice, mallory = await api.person("Alice"), await api.person("Mallory")
    await announce(db, MESSAGE, (alice.id,), {"title": "For Alice"})
    await consume(db, settings, mailer)
    [mine] = await told(api, alice)
    assert (await api.gql(NODE, {"id": mine["id"]}, token=alice.token))["node"]["title"] == "For Alice"
    assert (await api.gql(NODE, {"id": mine["id"]}, token=mallory.token))["node"] is None
    refused = await api.gql(MARK_READ, {"input": {"ids": [mine["id"]]}}, token=mallory.token)
    assert [e["code"] for e in refused["notificationsMarkRead"]["userErrors"]] == ["NOT_FOUND"]
    both = await api.gql(MARK_READ, {"input": {"ids": [mine["id"]], "all": True}}, token=alice.token)
    assert [e["code"] for e in both["notificationsMarkRead"]["userErrors"]] == ["INVALID"]
    assert await _unread(api, alice) == 1 and await told(api, mallory) == []
    someone_else = await api.gql(
        "query ($id: ID!) { node(id: $id) { ... on User { unreadNotificationCount } } }",
        {"id": gid("User", alice.id)},
        token=mallory.token,
    )
    assert someone_else["node"]["unreadNotificationCount"] is None
    errors = await api.errors(INBOX)  # anonymous
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_reading_the_same_events_again_makes_and_mails_nothing_new(api, db, settings, mailer, mailbox):
    alice, bob = await api.person("Alice"), await api.person("Bob")
    await announce(db, MESSAGE, (alice.id, bob.id), {"title": "Hello"}, times=3)
    assert await consume(db, settings, mailer) == 3
    before = await everyone_told(db)
    assert sum(before.values()) == 6 and len(await mailed(mailbox, alice)) == 3
    async with db.write() as session:  # as if a worker crashed after writing, before moving its position
        await session.execute(update(EventConsumer).where(EventConsumer.name == CONSUMER).values(position=0))
    assert await consume(db, settings, mailer) == 3
    assert await everyone_told(db) == before
    assert len(await mailed(mailbox, alice)) == 3


async def test_the_inbox_runs_a_constant_number_of_statements(api, db, settings, mailer, count_sql):
    alice = await api.person("Alice")
    org = await api.organization(owner=alice, kinds=("SCHOOL",))
    query = """{ notifications(first: 50) { edges { node { id kind title subject { id } } } }
                 me { unreadNotificationCount } }"""
    counts = []
    for size in (3, 30):
        await announce(db, MESSAGE, (alice.id,), {"title": "Hi"}, subject=("Organization", org), times=size)
        await consume(db, settings, mailer)
        with count_sql() as counter:
            data = await api.gql(query, token=alice.token)
        assert len(data["notifications"]["edges"]) == min(50, 3 if size == 3 else 33)
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
