"""`notificationReceived` over graphql-transport-ws: a new notification arrives live, only to its owner."""

from __future__ import annotations

import asyncio

import pytest

from app import create_app
from db.enums.events import EventType
from tests.conftest import test_settings
from tests.events.support import partner_app
from tests.events.ws_client import served, subscriber
from tests.notifications.support import announce, consume

RECEIVED = "subscription { notificationReceived { id kind title readAt } }"


@pytest.fixture
async def ws_url(db):
    async with served(create_app(test_settings(), db=db, run_worker=False)) as url:
        yield url


async def test_a_new_notification_is_delivered_to_its_owner_only(api, db, settings, mailer, ws_url):
    alice, bob = await api.person("Alice"), await api.person("Bob")
    await announce(db, EventType.MESSAGE_SENT, (alice.id,), {"title": "Before subscribing"})
    await consume(db, settings, mailer)
    async with subscriber(ws_url, alice.token) as client:
        await client.subscribe(RECEIVED)
        await asyncio.sleep(0.3)  # the subscription is registered before the change
        await announce(db, EventType.MESSAGE_SENT, (bob.id,), {"title": "For Bob"})
        await announce(db, EventType.MESSAGE_SENT, (alice.id,), {"title": "For Alice"})
        await consume(db, settings, mailer)
        message = await client.next(5)
        assert message["type"] == "next", message
        got = message["payload"]["data"]["notificationReceived"]
        assert got["title"] == "For Alice" and got["kind"] == "MESSAGE_RECEIVED" and got["readAt"] is None
        assert await client.heard_within(1.5) == []  # neither the older one nor Bob's


async def test_an_app_cannot_subscribe_to_a_persons_notifications(api, ws_url):
    owner = await api.person("Owner")
    app = await partner_app(api, await api.organization(owner=owner, kinds=("DONOR",)), ("donations:read",))
    async with subscriber(ws_url, app.token) as client:
        await client.subscribe("subscription { notificationReceived { id } }")
        message = await client.next(5)
        errors = message["payload"] if message["type"] == "error" else message["payload"].get("errors")
        assert errors and "person" in errors[0]["message"], message
