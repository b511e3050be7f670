"""GraphQL subscriptions over graphql-transport-ws on /graphql, served by uvicorn and read by a real client."""

from __future__ import annotations

import asyncio
import json

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.donations.support import APPROVE, make_listing, make_need, parties, requested, step
from tests.events.ws_client import PROTOCOL, subscriber

EVENTS = """
subscription ($types: [EventType!], $after: String) {
  events(types: $types, after: $after) { id type cursor data node { id } }
}"""
DONATION_UPDATED = "subscription ($id: ID!) { donationUpdated(id: $id) { id status } }"


async def _closed_with(url: str, payload: dict | None) -> int | None:
    async with connect(url, subprotocols=[PROTOCOL]) as socket:  # type: ignore[list-item]
        if payload is not None:
            await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(socket.recv(), 10)
        return socket.close_code


async def test_a_bad_or_missing_token_is_closed_with_4403_and_a_silent_client_times_out(api, ws_url):
    assert await _closed_with(ws_url, {"Authorization": "Bearer not-a-real-token"}) == 4403
    assert await _closed_with(ws_url, {}) == 4403
    assert await _closed_with(ws_url, None) == 4408  # no connection_init within the init timeout


async def test_events_resume_from_a_cursor_without_missing_any(api, ws_url):
    p = await parties(api)
    async with subscriber(ws_url, p.school_member.token) as client:
        operation = await client.subscribe(EVENTS, {"types": ["NEED_CREATED"]})
        await asyncio.sleep(0.2)  # the subscription is registered before the first change
        first = [await make_need(api, p, title=f"Need {n}") for n in range(2)]
        received = [(await client.next())["payload"]["data"]["events"] for _ in first]
        assert [e["data"]["need"] for e in received] == first
        assert all(e["type"] == "NEED_CREATED" and e["node"]["id"] == e["data"]["need"] for e in received)
        assert operation == "1"
    # while disconnected, three more needs are posted; resuming after the last cursor gets exactly them
    missed = [await make_need(api, p, title=f"Later {n}") for n in range(3)]
    async with subscriber(ws_url, p.school_member.token) as client:
        await client.subscribe(EVENTS, {"types": ["NEED_CREATED"], "after": received[-1]["cursor"]})
        resumed = [(await client.next())["payload"]["data"]["events"]["data"]["need"] for _ in missed]
        assert resumed == missed
        with pytest.raises(TimeoutError):
            await client.next(0.5)


async def test_subscribers_hear_only_what_they_may_read_and_typed_donation_updates(api, ws_url):
    p = await parties(api)
    outsider = await api.person("Outsider")
    await api.organization(owner=outsider, kinds=("DONOR",))
    need = await make_need(api, p)
    listing = await make_listing(api, p)
    donation = await requested(api, p, listing, need, 1)
    async with subscriber(ws_url, p.school_member.token) as school, subscriber(ws_url, outsider.token) as stranger:
        await school.subscribe(DONATION_UPDATED, {"id": donation})
        await stranger.subscribe(EVENTS, {"types": ["DONATION_APPROVED"]})
        refused = await stranger.subscribe(DONATION_UPDATED, {"id": donation})
        error = await stranger.next()
        assert error["id"] == refused and error["type"] in ("error", "next")
        assert "not found" in json.dumps(error).lower()
        await asyncio.sleep(0.2)
        await step(api, APPROVE, p.donor_member.token, id=donation)
        update = await school.next()
        assert update["payload"]["data"]["donationUpdated"] == {"id": donation, "status": "APPROVED"}
        heard = await stranger.heard_within(1.0)
        assert [m for m in heard if m["type"] == "next"] == [], heard


async def test_a_connection_holds_a_limited_number_of_subscriptions(api, ws_url):
    person = await api.person()
    async with subscriber(ws_url, person.token) as client:
        await client.subscribe(EVENTS)
        await client.subscribe(EVENTS)
        third = await client.subscribe(EVENTS)
        message = await client.next()
        assert message["id"] == third and message["type"] == "error"
        assert "limit" in json.dumps(message["payload"]).lower()
