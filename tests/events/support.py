"""Partner apps, webhooks and workers for the events tests."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import Settings
from core.tokens import new_app_token
from db.engine import Database
from db.models import AppToken, WebhookAttempt, WebhookDelivery
from resolvers.events.delivery import new_client
from resolvers.events.worker import Worker
from tests.support import Api

WEBHOOK_CREATE = """
mutation ($input: WebhookCreateInput!) {
  webhookCreate(input: $input) { webhook { id url eventTypes isActive } secret userErrors { field code message } }
}"""


@dataclass
class App:
    token: str
    organization_id: int


async def partner_app(api: Api, organization_id: int, scopes: tuple[str, ...]) -> App:
    secret, digest, last4 = new_app_token()
    async with api.db.write() as session:
        session.add(
            AppToken(
                organization_id=organization_id, name="Partner", token_digest=digest, last4=last4, scopes=list(scopes)
            )
        )
    return App(secret, organization_id)


async def webhook(api: Api, app: App, url: str, types: list[str]) -> tuple[str, str]:
    """(webhook ID, signing secret)."""
    data = await api.gql(WEBHOOK_CREATE, {"input": {"url": url, "eventTypes": types}}, token=app.token)
    payload = data["webhookCreate"]
    assert payload["userErrors"] == [], payload
    return payload["webhook"]["id"], payload["secret"]


async def drain(db: Database, settings: Settings, rounds: int = 20) -> None:
    """Run worker rounds in this process until nothing is left to do now."""
    worker = Worker(db, settings, new_client())
    try:
        for _ in range(rounds):
            if not await worker.step():
                return
    finally:
        await worker.client.close()


async def deliveries(db: Database) -> list[WebhookDelivery]:
    from sqlalchemy import select

    async with db.read() as session:
        return list((await session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id))).all())


async def attempts(db: Database) -> list[WebhookAttempt]:
    from sqlalchemy import select

    async with db.read() as session:
        rows = await session.scalars(select(WebhookAttempt).order_by(WebhookAttempt.delivery_id, WebhookAttempt.number))
        return list(rows.all())
