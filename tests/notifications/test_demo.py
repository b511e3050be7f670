"""Every demo account has unread notifications, made by the consumer from the demo's events."""

from __future__ import annotations

import random

from resolvers.demo import World, seeders, tell
from tests.support import _HASH, sign_in_as

UNREAD = (
    "{ me { unreadNotificationCount } notifications(first: 5, unreadOnly: true) { edges { node { kind title } } } }"
)


async def test_every_demo_account_has_unread_notifications(api, db, settings):
    world = World(random.Random(7), 1, _HASH)
    async with db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    await tell(db, settings)
    kinds = {}
    for role, user in world.users.items():
        data = await api.gql(UNREAD, token=await sign_in_as(db, settings, user.id))
        assert data["me"]["unreadNotificationCount"] > 0, role
        kinds[role] = {edge["node"]["kind"] for edge in data["notifications"]["edges"]}
    assert "LISTING_REQUESTED" in kinds["donor"] or "DONATION_RECEIVED" in kinds["donor"]
    assert "APPLICATION_RECEIVED" in kinds["employer"]
    assert "MENTORSHIP_REQUESTED" in kinds["mentor"]
    assert kinds["staff"] == {"ORGANIZATION_INVITATION"}
    assert kinds["technician"] == {"TECHNICIAN_LEVEL_REACHED"}
