"""Concurrent retries with one Idempotency-Key, spread over two app processes on one database."""

from __future__ import annotations

import asyncio

import httpx
from sqlalchemy import func, select

from db.models import Listing
from tests.donations.support import parties
from tests.partners.live import running_servers
from tests.partners.support import create_listing, listing_input

RETRIES = 12


async def test_concurrent_retries_across_two_processes_create_exactly_one_listing(api, settings):
    p = await parties(api)
    variables = {"input": listing_input(p)}
    async with running_servers(settings, 2) as servers, httpx.AsyncClient(timeout=30) as client:
        urls = [server.url for server in servers]
        # when: the same request with the same key, twelve times at once, half to each process
        responses = await asyncio.gather(
            *(
                create_listing(client, p.donor_member.token, "retry-storm", variables, f"{urls[i % 2]}/graphql")
                for i in range(RETRIES)
            )
        )
        # and once more after all have finished
        last = await create_listing(client, p.donor_member.token, "retry-storm", variables, f"{urls[1]}/graphql")

    # then: one listing; every answer is that listing or "still running"
    async with api.db.read() as session:
        listings = (await session.scalars(select(Listing.id))).all()
        assert await session.scalar(select(func.count()).select_from(Listing)) == 1
    statuses = sorted({r.status_code for r in responses})
    assert set(statuses) <= {200, 409}, statuses
    created = {r.json()["data"]["listingCreate"]["listing"]["id"] for r in responses if r.status_code == 200}
    created.add(last.json()["data"]["listingCreate"]["listing"]["id"])
    assert len(created) == 1 and len(listings) == 1
    assert last.headers["idempotent-replayed"] == "true"
    assert sum(1 for r in responses if "idempotent-replayed" not in r.headers and r.status_code == 200) == 1
