"""Webhooks end to end: a real HTTP receiver on loopback verifies every Standard Webhooks signature."""

from __future__ import annotations

import json

import pytest
from standardwebhooks.webhooks import Webhook as Verifier
from standardwebhooks.webhooks import WebhookVerificationError

from core import outbox
from db.enums.events import DeliveryStatus, EventType
from tests.donations.support import APPROVE, RECEIVE, SHIP, make_listing, make_need, parties, requested, step
from tests.events.receiver import running_receiver
from tests.events.support import WEBHOOK_CREATE, deliveries, drain, partner_app, webhook

APP_TYPES = [t for t in EventType if not t.is_personal]
ALL_TYPES = [t.name for t in APP_TYPES]
DELIVERIES = """
query ($id: ID!, $status: WebhookDeliveryStatus) {
  webhookDeliveries(webhookId: $id, status: $status, first: 50) {
    edges { node { id status attemptCount eventType eventId lastResponseCode
                   attempts { number responseCode error } } }
  }
}"""


async def test_a_signed_delivery_for_every_event_type_in_the_catalogue(events_api, db, loopback_settings):
    # given an app listening to every type, and one event of each type about its own organization
    org = await events_api.organization(kinds=("SCHOOL", "DONOR", "EMPLOYER"))
    app = await partner_app(events_api, org, ("donations:read", "talent:read"))
    async with running_receiver() as receiver:
        _, secret = await webhook(events_api, app, receiver.url, ALL_TYPES)
        async with db.write() as session:
            for type in APP_TYPES:
                data = {"organization": "x", "kind": type.value}
                outbox.append(session, outbox.Event(type, "Organization", org, (org,), is_public=True, data=data))
        # when the worker runs
        await drain(db, loopback_settings)
        # then the receiver got one delivery per type, each verified by the Standard Webhooks library
        verifier = Verifier(secret)
        bodies = [verifier.verify(r.body, r.headers) for r in receiver.received]
        assert sorted(b["type"] for b in bodies) == sorted(t.value for t in APP_TYPES)
        assert all(set(b) == {"type", "timestamp", "data"} and b["data"]["kind"] == b["type"] for b in bodies)
        assert len({r.headers["webhook-id"] for r in receiver.received}) == len(APP_TYPES)
    assert {d.status for d in await deliveries(db)} == {DeliveryStatus.DELIVERED.value}


async def test_a_forged_signature_is_refused_by_the_verifier(events_api, db, loopback_settings):
    org = await events_api.organization(kinds=("SCHOOL",))
    app = await partner_app(events_api, org, ("donations:read",))
    async with running_receiver() as receiver:
        _, secret = await webhook(events_api, app, receiver.url, ["NEED_CREATED"])
        async with db.write() as session:
            outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", 1, (org,), is_public=True))
        await drain(db, loopback_settings)
        [got] = receiver.received
    tampered = got.body.replace("need.created", "need.closed")
    assert Verifier(secret).verify(got.body, got.headers)["type"] == "need.created"
    with pytest.raises(WebhookVerificationError, match="signature"):
        Verifier(secret).verify(tampered, got.headers)


async def test_real_use_cases_announce_the_donation_workflow_to_both_parties_apps(events_api, db, loopback_settings):
    p = await parties(events_api)
    school_app = await partner_app(events_api, p.school_id, ("donations:read",))
    donor_app = await partner_app(events_api, p.donor_id, ("donations:write",))
    types = [
        "DONATION_REQUESTED",
        "DONATION_APPROVED",
        "DONATION_SHIPPED",
        "DONATION_RECEIVED",
        "RECEIPT_ISSUED",
        "NEED_FULFILLED",
    ]
    async with running_receiver() as school_hook, running_receiver() as donor_hook:
        await webhook(events_api, school_app, school_hook.url, types)
        await webhook(events_api, donor_app, donor_hook.url, types)
        need = await make_need(events_api, p, quantity=2)
        listing = await make_listing(events_api, p, quantity=2)
        donation = await requested(events_api, p, listing, need, 2)
        await step(events_api, APPROVE, p.donor_member.token, id=donation)
        await step(events_api, SHIP, p.donor_member.token, id=donation, method="PICKUP", arrangement="Dock 3")
        await step(events_api, RECEIVE, p.school_member.token, id=donation)
        await drain(db, loopback_settings)
        for hook in (school_hook, donor_hook):
            received = [json.loads(r.body) for r in hook.received]
            assert [b["type"] for b in received] == [
                "donation.requested",
                "donation.approved",
                "donation.shipped",
                "need.fulfilled",
                "receipt.issued",
                "donation.received",
            ]
            assert received[0]["data"]["donation"] == donation
            assert received[2]["data"]["fromStatus"] == "APPROVED"


async def test_retries_after_500s_wait_longer_each_time_then_deliver(events_api, db, loopback_settings):
    from datetime import timedelta

    from core.clock import frozen_at, utcnow

    org = await events_api.organization(kinds=("SCHOOL",))
    app = await partner_app(events_api, org, ("donations:read",))
    async with running_receiver() as receiver:
        receiver.answers = [500, 500, 500, 200]
        hook_id, secret = await webhook(events_api, app, receiver.url, ["NEED_CREATED"])
        async with db.write() as session:
            outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", 7, (org,), is_public=True))
        now, waits = utcnow(), []
        for _ in range(4):
            with frozen_at(now):
                await drain(db, loopback_settings, rounds=2)
            [delivery] = await deliveries(db)
            if delivery.status == DeliveryStatus.DELIVERED.value:
                break
            assert delivery.next_attempt_at is not None
            waits.append(delivery.next_attempt_at - now)
            now = delivery.next_attempt_at + timedelta(milliseconds=1)
        # then three retries, each after a longer wait than the one before, and a delivery
        assert len(receiver.received) == 4 and len(waits) == 3
        assert waits[0] < waits[1] < waits[2], waits
        assert timedelta(seconds=10) <= waits[0] <= timedelta(seconds=20)
        verifier = Verifier(secret)
        for got in receiver.received:  # signed at the moved clock's time, so checked by signing again
            stamp = got.headers["webhook-timestamp"]
            from datetime import UTC, datetime

            expected = verifier.sign(got.headers["webhook-id"], datetime.fromtimestamp(int(stamp), UTC), got.body)
            assert got.headers["webhook-signature"] == expected
        log = await events_api.gql(DELIVERIES, {"id": hook_id}, token=app.token)
        [edge] = log["webhookDeliveries"]["edges"]
        assert edge["node"]["status"] == "DELIVERED"
        assert [a["responseCode"] for a in edge["node"]["attempts"]] == [500, 500, 500, 200]


async def test_a_410_disables_the_endpoint_and_a_429_waits_as_asked(events_api, db, loopback_settings):
    from core.clock import frozen_at, utcnow

    org = await events_api.organization(kinds=("SCHOOL",))
    app = await partner_app(events_api, org, ("donations:read",))
    async with running_receiver() as gone, running_receiver() as busy:
        gone.answers = [410]
        busy.answers = [(429, {"Retry-After": "120"})]
        gone_id, _ = await webhook(events_api, app, gone.url, ["NEED_CREATED"])
        await webhook(events_api, app, busy.url, ["NEED_CREATED"])
        async with db.write() as session:
            outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", 1, (org,), is_public=True))
        now = utcnow()
        with frozen_at(now):
            await drain(db, loopback_settings)
        by_webhook = {d.webhook_id: d for d in await deliveries(db)}
        # 429: due again exactly when Retry-After says
        waiting = next(d for d in by_webhook.values() if d.status == DeliveryStatus.PENDING.value)
        assert waiting.next_attempt_at is not None
        assert abs((waiting.next_attempt_at - now).total_seconds() - 120) < 1
        # 410: given up, and the endpoint is switched off, so the next event is not queued for it
        failed = next(d for d in by_webhook.values() if d.status == DeliveryStatus.FAILED.value)
        assert failed.last_response_code == 410
        data = await events_api.gql(
            "{ webhooks(first: 10) { edges { node { id isActive disabledReason } } } }", token=app.token
        )
        states = {e["node"]["id"]: e["node"] for e in data["webhooks"]["edges"]}
        assert states[gone_id]["isActive"] is False and "410" in states[gone_id]["disabledReason"]
        async with db.write() as session:
            outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", 2, (org,), is_public=True))
        await drain(db, loopback_settings)
        assert len(gone.received) == 1


async def test_an_attempt_that_times_out_is_logged_and_retried(events_api, db, loopback_settings):
    org = await events_api.organization(kinds=("SCHOOL",))
    app = await partner_app(events_api, org, ("donations:read",))
    async with running_receiver() as receiver:
        receiver.answers = ["hang"]
        await webhook(events_api, app, receiver.url, ["NEED_CREATED"])
        async with db.write() as session:
            outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", 1, (org,), is_public=True))
        await drain(db, loopback_settings)  # the attempt gives up after webhook_timeout_seconds (1 s here)
        receiver.release.set()
    [delivery] = await deliveries(db)
    assert delivery.status == DeliveryStatus.PENDING.value and delivery.attempts == 1
    assert delivery.last_error is not None and "timed out" in delivery.last_error


async def test_webhooks_are_for_apps_and_point_to_public_https_targets(api, events_api):
    org = await api.organization(kinds=("SCHOOL",))
    app = await partner_app(api, org, ("donations:read",))
    person = await api.person()
    variables = {"input": {"url": "https://hooks.example.com/x", "eventTypes": ["NEED_CREATED"]}}
    refused = await api.gql(WEBHOOK_CREATE, variables, token=person.token)
    assert [e["code"] for e in refused["webhookCreate"]["userErrors"]] == ["APP_TOKEN_REQUIRED"]
    for url in (
        "http://hooks.example.com/x",
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "https://localhost/x",
        "https://10.1.2.3/x",
    ):
        data = await api.gql(WEBHOOK_CREATE, {"input": {**variables["input"], "url": url}}, token=app.token)
        assert [e["code"] for e in data["webhookCreate"]["userErrors"]] == ["TARGET_NOT_ALLOWED"], url
    created = await api.gql(WEBHOOK_CREATE, variables, token=app.token)
    assert created["webhookCreate"]["secret"].startswith("whsec_")
    # the loopback allowance is a deployment setting, off unless SHOPREADY_WEBHOOK_ALLOW_PRIVATE=1
    loopback = {"input": {**variables["input"], "url": "http://127.0.0.1:9/x"}}
    allowed = await events_api.gql(WEBHOOK_CREATE, loopback, token=app.token)
    assert allowed["webhookCreate"]["userErrors"] == []
    # events that reach only the people they name (messages, a shop's records) are never an app's
    personal = {"input": {**variables["input"], "eventTypes": ["NEED_CREATED", "MESSAGE_SENT"]}}
    refused = await api.gql(WEBHOOK_CREATE, personal, token=app.token)
    assert [(e["code"], e["field"]) for e in refused["webhookCreate"]["userErrors"]] == [("INVALID", ["eventTypes"])]


async def test_another_app_never_sees_a_webhook_or_its_log(api):
    org = await api.organization(kinds=("SCHOOL",))
    mine = await partner_app(api, org, ("donations:read",))
    theirs = await partner_app(api, await api.organization(kinds=("SCHOOL",)), ("donations:read",))
    hook_id, _ = await webhook(api, mine, "https://hooks.example.com/x", ["NEED_CREATED"])
    assert (await api.gql(DELIVERIES, {"id": hook_id}, token=theirs.token))["webhookDeliveries"] is None
    deleted = await api.gql(
        "mutation ($input: WebhookDeleteInput!) { webhookDelete(input: $input) { userErrors { code } } }",
        {"input": {"id": hook_id}},
        token=theirs.token,
    )
    assert [e["code"] for e in deleted["webhookDelete"]["userErrors"]] == ["NOT_FOUND"]
