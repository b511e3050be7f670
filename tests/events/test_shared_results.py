"""Subscription results executed once per event, document, variables and visibility class, and sent to
every subscriber of the class: each subscriber still hears only what the read policy lets it hear."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from tests.donations.support import make_listing, make_need, parties, requested
from tests.events.ws_client import Subscriber, subscriber
from tests.talent import flows

OWN_FIELDS = "subscription ($types: [EventType!]) { events(types: $types) { type data } }"
WITH_NODE = "subscription ($types: [EventType!]) { events(types: $types) { type node { id } } }"
DONATION_TYPES = {"types": ["NEED_CREATED", "DONATION_REQUESTED"]}


@pytest.fixture
def shared(ws_app):
    return ws_app.state.graphql.shared_results


@contextlib.asynccontextmanager
async def subscribed(url: str, tokens: list[str], query: str, variables: dict) -> AsyncIterator[list[Subscriber]]:
    async with contextlib.AsyncExitStack() as stack:
        clients = [await stack.enter_async_context(subscriber(url, token)) for token in tokens]
        for client in clients:
            await client.subscribe(query, variables)
        await asyncio.sleep(0.3)  # every subscription is registered before the first change
        yield clients


async def _types(client: Subscriber, seconds: float = 1.0) -> list[str]:
    return [m["payload"]["data"]["events"]["type"] for m in await client.heard_within(seconds) if m["type"] == "next"]


async def test_one_document_reaches_each_subscriber_as_its_rights_allow_executed_once_per_event(api, ws_url, shared):
    p = await parties(api)
    outsider = await api.person("Outsider")
    await api.organization(owner=outsider, kinds=("DONOR",))
    tokens = [p.school_member.token, p.donor_member.token, outsider.token]
    listing = await make_listing(api, p)
    async with subscribed(ws_url, tokens, OWN_FIELDS, DONATION_TYPES) as (school, donor, stranger):
        before = shared.executions
        need = await make_need(api, p)
        donation = await requested(api, p, listing, need, 1)
        heard = [await _types(client) for client in (school, donor, stranger)]
    # the need is public; the donation reaches its two parties only, with the same document
    assert heard == [
        ["NEED_CREATED", "DONATION_REQUESTED"],
        ["NEED_CREATED", "DONATION_REQUESTED"],
        ["NEED_CREATED"],
    ]
    # the event's own fields read the same for everyone who may hear it: one execution per event
    assert shared.executions - before == 2
    assert donation


async def test_a_document_that_selects_node_is_executed_once_per_viewer(api, ws_url, shared):
    p = await parties(api)
    outsider = await api.person("Outsider")
    await api.organization(owner=outsider, kinds=("DONOR",))
    listing = await make_listing(api, p)
    # two sockets of one signed-in person share a viewer; the outsider is a viewer of its own
    tokens = [p.school_member.token, p.school_member.token, outsider.token]
    async with subscribed(ws_url, tokens, WITH_NODE, DONATION_TYPES) as clients:
        before = shared.executions
        need = await make_need(api, p)
        donation = await requested(api, p, listing, need, 1)
        heard = [
            [m["payload"]["data"]["events"] for m in await client.heard_within(1.0) if m["type"] == "next"]
            for client in clients
        ]
    school_view = [
        {"type": "NEED_CREATED", "node": {"id": need}},
        {"type": "DONATION_REQUESTED", "node": {"id": donation}},
    ]
    assert heard == [school_view, school_view, [{"type": "NEED_CREATED", "node": {"id": need}}]]
    # need.created: the school member and the outsider; donation.requested: the school member only
    assert shared.executions - before == 3


async def test_documents_variables_and_aliases_each_get_their_own_shape(api, ws_url, shared):
    p = await parties(api)
    aliased = "subscription { feed: events(types: [NEED_CREATED]) { kind: type need: data } }"
    fragment = (
        "subscription ($types: [EventType!]) { events(types: $types) { ...Bits } } fragment Bits on Event { id type }"
    )
    async with contextlib.AsyncExitStack() as stack:
        clients = [await stack.enter_async_context(subscriber(ws_url, p.school_member.token)) for _ in range(4)]
        await clients[0].subscribe(OWN_FIELDS, {"types": ["NEED_CREATED"]})
        await clients[1].subscribe(OWN_FIELDS, {"types": ["NEED_CREATED", "LISTING_CREATED"]})
        await clients[2].subscribe(aliased)
        await clients[3].subscribe(fragment, {"types": ["NEED_CREATED"]})
        await asyncio.sleep(0.3)
        need = await make_need(api, p)
        payloads = [(await client.next())["payload"] for client in clients]
        extra = [await client.heard_within(0.5) for client in clients]
    assert (
        payloads[0]
        == payloads[1]
        == {"data": {"events": {"type": "NEED_CREATED", "data": payloads[0]["data"]["events"]["data"]}}}
    )
    assert payloads[0]["data"]["events"]["data"]["need"] == need
    assert payloads[2] == {"data": {"feed": {"kind": "NEED_CREATED", "need": payloads[0]["data"]["events"]["data"]}}}
    assert set(payloads[3]["data"]["events"]) == {"id", "type"}
    assert payloads[3]["data"]["events"]["id"].startswith("evt_")
    assert extra == [[], [], [], []]


async def test_a_hidden_students_events_never_reach_another_employer_through_a_shared_result(api, ws_url, shared):
    employer, other = await flows.employer(api), await flows.employer(api, name="Other Shop")
    hidden = await flows.student(api, visible=False, name="Private Student")
    posting = await flows.posting(api, employer)
    variables = {"types": ["APPLICATION_CREATED"]}
    tokens = [employer.owner.token, other.owner.token, hidden.person.token]
    async with subscribed(ws_url, tokens, OWN_FIELDS, variables) as (ours, theirs, student):
        before = shared.executions
        applied = await flows.apply(api, hidden, posting)
        assert applied["userErrors"] == []
        heard = [await _types(client) for client in (ours, theirs, student)]
    assert heard == [["APPLICATION_CREATED"], [], ["APPLICATION_CREATED"]]
    assert shared.executions - before == 1
