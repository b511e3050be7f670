"""`serve --demo` data: needs, listings and donations in every state, receipts and credited services."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from db.base import utcnow
from db.enums.donations import DonationStatus, ListingStatus, NeedStatus
from db.models import Donation, DonationReceipt, Listing, Need
from resolvers.demo import World, seeders
from tests.support import gid

STATES = """{ me { name } donations(first: 50) { edges { node { status receipt { number } } } } }"""


async def test_demo_data_shows_every_state(api, db):
    world = World(random.Random(7), 1, "not-a-real-hash")
    async with db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    async with db.read() as session:
        statuses = set(await session.scalars(select(Donation.status)))
        listings = (await session.scalars(select(Listing))).all()
        needs = (await session.scalars(select(Need))).all()
        receipts = await session.scalar(select(func.count()).select_from(DonationReceipt))
        received = await session.scalar(select(func.count()).where(Donation.status == "RECEIVED"))
    assert statuses == {s.value for s in DonationStatus}
    assert {row.status_at(utcnow()) for row in listings} == set(ListingStatus)
    assert {row.status for row in needs} == set(NeedStatus)
    assert receipts == received > 0
    async with db.read() as session:
        issued = (await session.scalars(select(DonationReceipt))).all()
    # every receipt carries the issuing school's tax profile
    assert all(r.school_tax_id and r.school_tax_status and r.signer_name and r.school_address for r in issued)
    assert any(row.fulfilled_by_id for row in needs)
    # the demo donor sees its side of every state through the API
    from tests.support import sign_in_as

    token = await sign_in_as(api.db, api.settings, world.users["donor"].id)
    edges = (await api.gql(STATES, token=token))["donations"]["edges"]
    assert {e["node"]["status"] for e in edges} == {s.value for s in DonationStatus}
    shop = world.employers[0]
    impact = await api.gql(
        "query ($id: ID!) { organization(id: $id) { impact { servicesFulfilled } } }",
        {"id": gid("Organization", shop.id)},
    )
    assert impact["organization"]["impact"]["servicesFulfilled"] >= 1
