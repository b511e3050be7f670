"""The outbox: events numbered in commit order, written with the change they report, at no round trip of
their own on PostgreSQL when the change has a write left to flush."""

from __future__ import annotations

import asyncio

from sqlalchemy import event, select
from sqlalchemy.util import await_

from core import outbox
from db.enums.events import EventType
from db.models import OutboxEvent
from tests.donations.support import make_need, parties
from tests.support import gid

NEED_UPDATE = "mutation ($input: NeedUpdateInput!) { needUpdate(input: $input) { need { title } userErrors { code } } }"


def _public(subject_id: int, type_: EventType = EventType.NEED_UPDATED) -> outbox.Event:
    return outbox.Event(type_, "Need", subject_id, (1,), is_public=True, data={"n": subject_id})


async def _events(db) -> list[OutboxEvent]:
    async with db.read() as session:
        return list((await session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))).all())


async def test_a_mutations_event_is_written_with_its_last_change(api, db, count_sql):
    p = await parties(api)
    need = await make_need(api, p, title="Welder")
    with count_sql() as counter:
        data = await api.gql(NEED_UPDATE, {"input": {"id": need, "title": "MIG welder"}}, token=p.school_member.token)
    assert data["needUpdate"] == {"need": {"title": "MIG welder"}, "userErrors": []}
    writes = [s for s in counter.statements if "outbox_event" in s]
    assert len(writes) == 1, writes
    if db.dialect == "postgresql":  # the lock, NOTIFY and INSERT ride on the UPDATE: no statement of their own
        assert writes[0].startswith("WITH outbox_lock") and "UPDATE need" in writes[0], writes[0]
    updated = [e for e in await _events(db) if e.type == "need.updated"]
    assert [(e.subject_type, e.data["need"], e.data["title"]) for e in updated] == [("Need", need, "MIG welder")]
    assert gid("Need", updated[0].subject_id) == need


async def test_events_without_a_change_to_flush_are_written_on_their_own_in_append_order(db):
    async with db.write() as session:
        for n in (3, 1, 2):
            outbox.append(session, _public(n))
    rows = await _events(db)
    assert [(r.subject_id, r.data, r.organization_ids, r.is_public) for r in rows] == [
        (3, {"n": 3}, [1], True),
        (1, {"n": 1}, [1], True),
        (2, {"n": 2}, [1], True),
    ]
    assert rows[0].id < rows[1].id < rows[2].id and len({r.uid for r in rows}) == 3


async def test_a_rolled_back_transaction_announces_nothing(db):
    try:
        async with db.write() as session:
            outbox.append(session, _public(1))
            raise RuntimeError("the use case fails")
    except RuntimeError:
        pass
    assert await _events(db) == []


async def test_sequence_numbers_follow_commit_order(db):
    """A transaction that has written its events holds later writers of events until it commits, so
    the number it drew is never committed after a greater one."""
    holding, release = asyncio.Event(), asyncio.Event()

    def hold(_connection) -> None:  # just before COMMIT, its events written
        holding.set()
        await_(release.wait())

    async def first() -> None:
        async with db.write() as session:
            outbox.append(session, _public(1))
            connection = await session.connection()
            event.listen(connection.sync_connection, "commit", hold)

    async def second() -> None:
        async with db.write() as session:
            outbox.append(session, _public(2))

    earlier = asyncio.create_task(first())
    await asyncio.wait_for(holding.wait(), 10)
    later = asyncio.create_task(second())
    await asyncio.sleep(0.5)
    assert not later.done(), "a second writer committed an event while the first held its number"
    release.set()
    await asyncio.wait_for(asyncio.gather(earlier, later), 10)
    assert [r.subject_id for r in await _events(db)] == [1, 2]
