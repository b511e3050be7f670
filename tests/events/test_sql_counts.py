"""Webhooks and their delivery log cost the same SQL for 3 as for 30 (no N+1)."""

from __future__ import annotations

from core import outbox
from db.enums.events import EventType
from db.models import Webhook, WebhookAttempt, WebhookDelivery
from tests.events.support import partner_app

LOG = """
query ($id: ID!, $first: Int) {
  webhooks(first: $first) { edges { node { id url eventTypes isActive } } }
  webhookDeliveries(webhookId: $id, first: $first) {
    edges { node { id status eventId eventType attempts { number responseCode error } } }
  }
}"""


async def _grow(api, org: int, token_id: int, webhook_id: int, size: int) -> None:
    async with api.db.write() as session:
        for n in range(size):
            outbox.append(session, outbox.Event(EventType.NEED_CREATED, "Need", n + 1, (org,), is_public=True))
            session.add(
                Webhook(
                    app_token_id=token_id,
                    organization_id=org,
                    url=f"https://h{n}.example.com",
                    event_types=["need.created"],
                    secret="whsec_x",
                )
            )
    async with api.db.write() as session:
        from sqlalchemy import select

        from db.models import OutboxEvent

        have = set(await session.scalars(select(WebhookDelivery.event_id)))
        for event_id in await session.scalars(select(OutboxEvent.id)):
            if event_id in have:
                continue
            delivery = WebhookDelivery(webhook_id=webhook_id, event_id=event_id, status="PENDING", attempts=2)
            session.add(delivery)
            await session.flush()
            session.add_all(
                WebhookAttempt(delivery_id=delivery.id, number=k, started_at=delivery.created_at, response_code=500)
                for k in (1, 2)
            )


async def test_the_webhook_log_costs_the_same_sql_at_two_sizes(api, count_sql):
    from sqlalchemy import select

    from db.models import AppToken

    org = await api.organization(kinds=("SCHOOL",))
    app = await partner_app(api, org, ("donations:read",))
    async with api.db.read() as session:
        token_id = await session.scalar(select(AppToken.id))
    async with api.db.write() as session:
        hook = Webhook(
            app_token_id=token_id,
            organization_id=org,
            url="https://hooks.example.com",
            event_types=["need.created"],
            secret="whsec_x",
        )
        session.add(hook)
    from tests.support import gid

    await api.gql("{ webhooks(first: 1) { edges { node { id } } } }", token=app.token)  # the token's first use writes
    counts = []
    for size, first in ((3, 3), (30, 30)):
        await _grow(api, org, token_id, hook.id, size)
        with count_sql() as counter:
            data = await api.gql(LOG, {"id": gid("Webhook", hook.id), "first": first}, token=app.token)
        assert len(data["webhookDeliveries"]["edges"]) == first
        assert all(len(e["node"]["attempts"]) == 2 for e in data["webhookDeliveries"]["edges"])
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
