"""Demo data shows photos on listings, a recognised donor on the wall, and a thank-you note with a photo."""

from __future__ import annotations

import random

from resolvers.demo import World, seeders
from tests.media.support import decode
from tests.support import sign_in_as

DEMO = """{
  listings(first: 50, filter: {status: [AVAILABLE, RESERVED, DONATED, WITHDRAWN, EXPIRED]}) {
    edges { node { title photos { url thumbnailUrl caption } } } }
  recognitionWall(first: 10) { edges { node { organization { name } recognition { level points } } } }
}"""
NOTES = """{ donations(first: 50) { edges { node { status thankYouNote { message photos { url } } } } } }"""


async def test_demo_data_shows_photos_recognition_and_a_thank_you_note(api, db):
    world = World(random.Random(7), 1, "not-a-real-hash")
    world.extra["settings"] = api.settings
    async with db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    data = await api.gql(DEMO)
    photos = [p for e in data["listings"]["edges"] for p in e["node"]["photos"]]
    assert len(photos) >= 3
    served = await api.client.get(photos[0]["thumbnailUrl"])
    assert served.status_code == 200 and max(decode(served.content).size) <= 320
    wall = data["recognitionWall"]["edges"]
    assert world.donors[0].name in {e["node"]["organization"]["name"] for e in wall}
    assert all(e["node"]["recognition"]["level"] for e in wall)
    token = await sign_in_as(api.db, api.settings, world.users["donor"].id)
    notes = [
        e["node"]["thankYouNote"]
        for e in (await api.gql(NOTES, token=token))["donations"]["edges"]
        if e["node"]["thankYouNote"]
    ]
    assert len(notes) == 1 and notes[0]["message"].startswith("Thank you!") and len(notes[0]["photos"]) == 1
