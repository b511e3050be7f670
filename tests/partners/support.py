"""Partner apps in tests: an app token for an organization, and requests sent the way a partner sends them."""

from __future__ import annotations

from typing import Any

import httpx

from tests.donations.support import LISTING_CREATE, Parties, category
from tests.support import Api, Person, gid

TOKEN_CREATE = """
mutation ($input: AppTokenCreateInput!) { appTokenCreate(input: $input) { token userErrors { code } } }"""
REGISTER = """
mutation ($input: PersistedDocumentRegisterInput!) {
  persistedDocumentRegister(input: $input) { documentId userErrors { field code message } }
}"""


async def app_token(api: Api, owner: Person, organization_id: int, scopes: list[str]) -> str:
    data = await api.gql(
        TOKEN_CREATE,
        {"input": {"organizationId": gid("Organization", organization_id), "name": "Partner", "scopes": scopes}},
        token=owner.token,
    )
    assert data["appTokenCreate"]["userErrors"] == []
    return str(data["appTokenCreate"]["token"])


def listing_input(p: Parties, title: str = "Frame rack", quantity: int = 2) -> dict[str, Any]:
    return {
        "donorId": p.donor,
        "categoryId": category("welding-strsw"),
        "title": title,
        "condition": "GOOD",
        "quantity": quantity,
        "unitValue": {"amount": 50_000, "currency": "USD"},
        "fulfillment": ["PICKUP"],
    }


async def create_listing(
    client: httpx.AsyncClient, token: str, key: str | None, variables: dict[str, Any], url: str = "/graphql"
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return await client.post(url, json={"query": LISTING_CREATE, "variables": variables}, headers=headers)
