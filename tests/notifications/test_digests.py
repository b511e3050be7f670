"""Digests: one mail per person per period with what they chose to receive that way, sent once even when
two runs race or a run is repeated."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import select

from core.clock import frozen_at
from db.enums.events import EventType
from db.enums.notifications import DigestPeriod
from db.models import DigestRun
from resolvers.notifications import digests
from tests.mail_server import text_of
from tests.notifications.support import announce, consume, mailed, prefer

WEDNESDAY = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
THURSDAY = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
NEXT_MONDAY = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


async def test_daily_and_weekly_digests_assemble_what_each_person_chose_and_go_once(api, db, settings, mailer, mailbox):
    alice, bob, carol = await api.person("Alice"), await api.person("Bob"), await api.person("Carol")
    await prefer(api, alice, "MESSAGE_RECEIVED", "DAILY")
    await prefer(api, bob, "MESSAGE_RECEIVED", "WEEKLY")
    with frozen_at(WEDNESDAY):
        await announce(db, EventType.MESSAGE_SENT, (alice.id, bob.id, carol.id), {"title": "Welder question"})
        await announce(db, EventType.SAVED_SEARCH_MATCHED, (alice.id,), {"title": "3 new listings near you"})
        await consume(db, settings, mailer)
    with frozen_at(THURSDAY):  # today's: not in yesterday's digest
        await announce(db, EventType.MESSAGE_SENT, (alice.id,), {"title": "Later today"})
        await consume(db, settings, mailer)
    assert await mailed(mailbox, carol) == ["Welder question"]  # IMMEDIATE, the default
    assert await mailed(mailbox, alice) == [] and await mailed(mailbox, bob) == []

    # two workers run the daily digest at the same moment
    first, second = await asyncio.gather(
        digests.run(db, settings, mailer, DigestPeriod.DAILY, THURSDAY),
        digests.run(db, settings, mailer, DigestPeriod.DAILY, THURSDAY),
    )
    assert first.sent + second.sent == 1 and first.already_claimed + second.already_claimed == 1
    [daily] = await mailbox.received(alice.email)
    assert daily.message["Subject"] == "Your ShopReady daily digest: 2 updates"
    body = text_of(daily.message)
    assert "Welder question" in body and "3 new listings near you" in body and "Later today" not in body
    assert daily.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # run again: nothing more goes out
    again = await digests.run(db, settings, mailer, DigestPeriod.DAILY, THURSDAY)
    assert (again.sent, again.already_claimed) == (0, 1)
    assert len(await mailbox.received(alice.email)) == 1 and await mailed(mailbox, bob) == []

    weekly = await asyncio.gather(
        *(digests.run(db, settings, mailer, DigestPeriod.WEEKLY, NEXT_MONDAY) for _ in range(2))
    )
    assert sum(outcome.sent for outcome in weekly) == 1
    assert await mailed(mailbox, bob) == ["Your ShopReady weekly digest: 1 update"]
    assert len(await mailbox.received(alice.email)) == 1 and len(await mailbox.received(carol.email)) == 1
    async with db.read() as session:
        runs = (await session.execute(select(DigestRun.user_id, DigestRun.period, DigestRun.notification_count))).all()
    assert sorted(runs) == sorted([(alice.id, "DAILY", 2), (bob.id, "WEEKLY", 1)])


async def test_the_digest_link_stops_that_digest(api, db, settings, mailer, mailbox):
    alice = await api.person("Alice")
    await prefer(api, alice, "MESSAGE_RECEIVED", "DAILY")
    with frozen_at(WEDNESDAY):
        await announce(db, EventType.MESSAGE_SENT, (alice.id,), {"title": "Hi"})
        await consume(db, settings, mailer)
    await digests.run(db, settings, mailer, DigestPeriod.DAILY, THURSDAY)
    [daily] = await mailbox.received(alice.email)
    link = str(daily.message["List-Unsubscribe"]).split("<", 1)[1].split(">", 1)[0]
    done = await api.client.post(link.split("127.0.0.1:8000", 1)[1], data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "daily digest" in done.text
    prefs = await api.gql("{ notificationPreferences { kind frequency } }", token=alice.token)
    chosen = {p["kind"]: p["frequency"] for p in prefs["notificationPreferences"]}
    assert chosen["MESSAGE_RECEIVED"] == "OFF" and chosen["LISTING_MATCH"] == "OFF"  # every daily kind
    assert chosen["APPLICATION_MOVED"] == "IMMEDIATE"
