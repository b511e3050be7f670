"""An example partner program: sign in, get an app token, then list equipment idempotently as the app.

    python partner.py --url http://127.0.0.1:8000/graphql \
        --email donor@demo.shopready.dev --password shopready-demo-2026

1. A person who administers a donor signs in (once, at setup) and creates the app's token.
2. The app works with its token only: each operation goes out by its trusted-document id and is
   registered the first time (see trusted_documents_client.py), so the server may run with
   SHOPREADY_TRUSTED_DOCUMENTS_ONLY=true.
3. It creates a listing with an Idempotency-Key and sends the very same request again, as a retry after
   a timeout would: the server replays the first answer, so there is still one listing.
4. Before creating it, the app subscribes a webhook endpoint (a receiver on loopback, see
   webhook_receiver.py) to `listing.created`; it trusts each delivery only once the Standard Webhooks
   library has verified its signature, de-duplicates on `webhook-id`, and checks that the listing it
   created was announced exactly once (the replayed retry announced nothing) and that a body changed
   after signing is refused.

Exits 1 when anything is not as expected, so CI can run it against a live server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import uuid

from shopready_client import (
    AppScope,
    AppTokenCreateInput,
    Client,
    EventType,
    FulfillmentMethod,
    ItemCondition,
    ListingCreateInput,
    MoneyInput,
    TokenCreateInput,
    WebhookCreateInput,
)
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from webhook_receiver import Receiver, running_receiver

ANNOUNCEMENT_WAIT_SECONDS = 30.0


async def app_token_for_a_donor(url: str, email: str, password: str) -> tuple[str, str]:
    """Setup, done once by a person: sign in, pick a donor they administer, create the app's token."""
    async with Client(url, trusted_documents=False) as person:
        signed_in = (await person.sign_in(TokenCreateInput(email=email, password=password))).token_create
        if signed_in.token is None:
            raise SystemExit(f"sign-in refused: {signed_in.user_errors}")
        person.http_client.headers["Authorization"] = f"Bearer {signed_in.token}"
        me = (await person.my_organizations()).me
        donors = [
            edge.node.organization
            for edge in (me.memberships.edges if me and me.memberships else [])
            if edge.node.role in ("OWNER", "ADMIN") and "DONOR" in edge.node.organization.kinds
        ]
        if not donors:
            raise SystemExit(f"{email} administers no donor organization")
        created = (
            await person.create_app_token(
                AppTokenCreateInput(
                    organizationId=donors[0].id,
                    name=f"Example partner {uuid.uuid4().hex[:6]}",
                    scopes=[AppScope.DONATIONS_READ, AppScope.DONATIONS_WRITE],
                )
            )
        ).app_token_create
        if created.token is None:
            raise SystemExit(f"app token refused: {created.user_errors}")
        print(f"app token created for {donors[0].name} ({donors[0].id})")
        return created.token, donors[0].id


async def subscribe(url: str, token: str, receiver: Receiver) -> None:
    """As the app: an endpoint for `listing.created`; the signing secret is shown once, keep it."""
    async with Client(url, headers={"Authorization": f"Bearer {token}"}) as app:
        created = (
            await app.create_webhook(
                WebhookCreateInput(
                    url=receiver.url, eventTypes=[EventType.LISTING_CREATED], description="Example partner"
                )
            )
        ).webhook_create
        if created.secret is None or created.webhook is None:
            raise SystemExit(f"webhook refused: {created.user_errors}")
        receiver.secret = created.secret
        print(f"webhook {created.webhook.id} subscribed: {created.webhook.url}")


async def announcements_of(receiver: Receiver, listing_id: str) -> list[dict]:
    """The verified `listing.created` events about the listing, waiting for the first a short while."""
    found: list[dict] = []
    deadline = time.monotonic() + ANNOUNCEMENT_WAIT_SECONDS
    while time.monotonic() < deadline:
        event = await asyncio.to_thread(receiver.next_event, 0.5)
        if event is not None and event["type"] == "listing.created" and event["data"]["listing"] == listing_id:
            found.append(event)
            deadline = min(deadline, time.monotonic() + 2.0)  # a little longer: would a second one come?
    return found


def forgery_refused(receiver: Receiver) -> bool:
    """A delivery whose body was changed after signing fails verification."""
    if receiver.first_delivery is None or receiver.secret is None:
        return False
    body, headers = receiver.first_delivery
    tampered = json.dumps({**json.loads(body), "type": "listing.withdrawn"})
    try:
        Webhook(receiver.secret).verify(tampered, headers)
    except WebhookVerificationError:
        return True
    return False


async def list_equipment(url: str, token: str, donor_id: str) -> str | None:
    """As the app: one listing, sent twice with one Idempotency-Key; its ID when exactly one was created."""
    async with Client(url, headers={"Authorization": f"Bearer {token}"}) as app:
        categories = (await app.categories()).categories
        category = next((c for c in categories if c.slug.startswith("welding")), categories[0])
        listing = ListingCreateInput(
            donorId=donor_id,
            categoryId=category.id,
            title="Spot welder, 2019, serviced",
            condition=ItemCondition.GOOD,
            quantity=1,
            unitValue=MoneyInput(amount=450_000),
            fulfillment=[FulfillmentMethod.PICKUP],
        )
        key = f"example-{uuid.uuid4()}"
        first = (await app.create_listing(listing, idempotency_key=key)).listing_create
        retry = (await app.create_listing(listing, idempotency_key=key)).listing_create
        if first.user_errors or first.listing is None or retry.listing is None:
            print(f"listing refused: {first.user_errors}")
            return None
        read_back = (await app.listing(first.listing.id)).listing
        print(f"documents registered on first use: {len(app.registered)} (its organization keeps them for good)")
        print(f"listing {first.listing.id} created; the retry answered {retry.listing.id}")
        print(f"read back: {read_back.title if read_back else None!r}, {read_back.status if read_back else None}")
        return first.listing.id if first.listing.id == retry.listing.id and read_back is not None else None


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000/graphql")
    parser.add_argument("--email", default="donor@demo.shopready.dev")
    parser.add_argument("--password", default="shopready-demo-2026")
    args = parser.parse_args()
    token, donor_id = await app_token_for_a_donor(args.url, args.email, args.password)
    with running_receiver() as receiver:
        await subscribe(args.url, token, receiver)
        listing_id = await list_equipment(args.url, token, donor_id)
        if listing_id is None:
            print("FAILED: the retry did not answer the first listing")
            return 1
        print("ok: one listing for two requests with one Idempotency-Key")
        announced = await announcements_of(receiver, listing_id)
        if len(announced) != 1:
            print(f"FAILED: expected one verified listing.created for {listing_id}, got {len(announced)}")
            return 1
        print(f"ok: listing.created received once, signature verified ({len(receiver.seen_ids)} event ids seen)")
        if not forgery_refused(receiver):
            print("FAILED: a tampered delivery passed verification")
            return 1
        print("ok: a body changed after signing is refused by the verifier")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
