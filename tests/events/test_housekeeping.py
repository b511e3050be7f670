"""Housekeeping: credential expiry is announced once per threshold; old events and logs are pruned."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from core import outbox
from core.clock import frozen_at, utcnow
from db.enums.events import DeliveryStatus, EventType
from db.models import OutboxEvent, WebhookDelivery
from resolvers.events.fanout import fan_out
from resolvers.events.retention import prune
from resolvers.talent.credential_expiry import announce_expiring
from tests.events.support import partner_app
from tests.talent import flows

ADD_CREDENTIAL = """
mutation ($input: StudentCredentialAddInput!) {
  studentCredentialAdd(input: $input) { studentCredential { id } userErrors { code message } }
}"""


async def _count(db, *conditions) -> int:
    async with db.read() as session:
        return await session.scalar(select(func.count()).select_from(OutboxEvent).where(*conditions)) or 0


async def test_an_expiring_credential_is_announced_at_90_30_and_7_days_once_each(api, db):
    student = await flows.student(api)
    expires = date.today() + timedelta(days=200)
    data = await api.gql(
        ADD_CREDENTIAL,
        {"input": {"code": "ASE-A5", "earnedOn": "2024-01-10", "expiresOn": expires.isoformat()}},
        token=student.person.token,
    )
    assert data["studentCredentialAdd"]["userErrors"] == [], data
    expiring = OutboxEvent.type == EventType.CREDENTIAL_EXPIRING.value
    announced = []
    for days_left in (120, 90, 89, 30, 29, 7, 6):
        with frozen_at(utcnow().replace(hour=12) + timedelta(days=(expires - date.today()).days - days_left)):
            announced.append(await announce_expiring(db))
    assert announced == [0, 1, 0, 1, 0, 1, 0]
    async with db.read() as session:
        rows = (await session.scalars(select(OutboxEvent).where(expiring).order_by(OutboxEvent.id))).all()
    assert [r.data["withinDays"] for r in rows] == [90, 30, 7]


async def test_old_events_and_finished_deliveries_are_pruned_each_after_its_period_but_pending_ones_kept(api, db):
    org = await api.organization(kinds=("SCHOOL",))
    await partner_app(api, org, ("donations:read",))
    old = utcnow() - timedelta(days=40)
    with frozen_at(old):
        async with db.write() as session:
            for n in range(3):
                outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", n + 1, (org,), is_public=True))
    async with db.write() as session:
        outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", 9, (org,), is_public=True))
    await fan_out(db)  # the consumer has read them all
    async with db.write() as session:
        [first, second, *_] = (await session.scalars(select(OutboxEvent.id).order_by(OutboxEvent.id))).all()
        from db.models import AppToken, Webhook

        token = await session.scalar(select(AppToken.id))
        hook = Webhook(
            app_token_id=token, organization_id=org, url="https://h.example.com", event_types=[], secret="whsec_x"
        )
        session.add(hook)
        await session.flush()
        session.add_all(
            [
                WebhookDelivery(
                    webhook_id=hook.id, event_id=first, status=DeliveryStatus.DELIVERED.value, updated_at=old
                ),
                WebhookDelivery(webhook_id=hook.id, event_id=second, status=DeliveryStatus.PENDING.value),
            ]
        )
    # the delivery log goes after 30 days; the events stay while the audit trail keeps them
    assert await prune(db, retention_days=30, audit_days=365) == (1, 0)
    deliveries, events = await prune(db, retention_days=30, audit_days=35)
    assert (deliveries, events) == (0, 2)  # two old events; the one a pending delivery waits for stays
    assert await _count(db) == 2
