"""Demo data: a saved search per demo account, and a conversation on a demo donation both sides read."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from core.clock import utcnow
from db.enums.events import EventType
from db.models import OutboxEvent
from resolvers.demo import World, seeders
from resolvers.searches.alerts import alert_due
from tests.support import sign_in_as

SAVED = "{ savedSearches { edges { node { name kind } } } }"
THREADS = """{ conversations(first: 5) { edges { node {
  subject { __typename } messages(first: 5) { edges { node { body senderName sentByYou } } } } } } }"""


async def test_demo_accounts_have_a_saved_search_and_the_demo_donation_a_conversation(api, db):
    world = World(random.Random(7), 1, "not-a-real-hash")
    async with db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    for role, user in world.users.items():
        token = await sign_in_as(api.db, api.settings, user.id)
        saved = (await api.gql(SAVED, token=token))["savedSearches"]["edges"]
        assert len(saved) == 1, role
    for role in ("school", "donor"):
        token = await sign_in_as(api.db, api.settings, world.users[role].id)
        [thread] = (await api.gql(THREADS, token=token))["conversations"]["edges"]
        assert thread["node"]["subject"] == {"__typename": "Donation"}
        messages = [edge["node"] for edge in thread["node"]["messages"]["edges"]]
        assert [m["senderName"] for m in messages] == ["Dana Instructor", "Sam Donor"]
        assert [m["sentByYou"] for m in messages] == [role == "school", role == "donor"]
    # the worker's first look tells the demo accounts what their searches match today
    assert await alert_due(db, utcnow() + timedelta(seconds=1)) >= 3
    async with db.read() as session:
        told = {
            user_id
            for event in await session.scalars(
                select(OutboxEvent).where(OutboxEvent.type == EventType.SAVED_SEARCH_MATCHED.value)
            )
            for user_id in event.user_ids
        }
    assert told <= {user.id for user in world.users.values()} and world.users["school"].id in told
