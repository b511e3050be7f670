"""A database outage inside GraphQL execution is HTTP 503 JSON with Retry-After and the request id
(code UNAVAILABLE), not a 200 with a masked INTERNAL, and never the driver's message.

Before, an anonymous query with the database down answered 200 with the driver's text as the
error message ("Connect call failed ('127.0.0.1', 1)", or SQLite's file error).
"""

from __future__ import annotations

import httpx
import pytest

from app import create_app
from core.rate_limits import RateLimiter
from tests.conftest import test_settings

UNREACHABLE = {
    "postgresql": "postgresql+asyncpg://nobody@127.0.0.1:1/none",
    "sqlite": "sqlite+aiosqlite:////nonexistent-directory/shopready.db",
}
QUERY = "{ needs(first: 5) { edges { cursor } } }"
# userRegister answers before touching the database (its work happens in the background), so the mutation is
# a sign-in, which must read the account
MUTATION = (
    'mutation { tokenCreate(input: {email: "someone@example.com", password: "a long pass phrase"}) '
    "{ userErrors { code } token } }"
)


async def _post(app, document: str, request_id: str) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        return await client.post("/graphql", json={"query": document}, headers={"x-request-id": request_id})


def _assert_unavailable(response: httpx.Response, request_id: str) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/json" and int(response.headers["retry-after"]) > 0
    (error,) = response.json()["errors"]
    assert error["extensions"] == {"code": "UNAVAILABLE", "requestId": request_id}
    assert "127.0.0.1" not in response.text and "OperationalError" not in response.text


@pytest.mark.parametrize("kind", sorted(UNREACHABLE))
@pytest.mark.parametrize("document", [QUERY, MUTATION], ids=["query", "mutation"])
async def test_an_outage_while_resolving_fields_is_a_503(db, kind, document):
    app = create_app(test_settings(database_url=UNREACHABLE[kind]))
    # the query budget still answers (from the test database), so the failure is the resolver's own read
    app.state.graphql.limits = RateLimiter(db)
    response = await _post(app, document, f"down-{kind[:2]}")
    _assert_unavailable(response, f"down-{kind[:2]}")


@pytest.mark.parametrize("kind", sorted(UNREACHABLE))
async def test_an_outage_while_charging_the_query_budget_is_a_503_too(kind):
    app = create_app(test_settings(database_url=UNREACHABLE[kind]))
    response = await _post(app, QUERY, "budget-down")
    _assert_unavailable(response, "budget-down")


async def test_a_working_database_still_answers_200(api):
    response = await api.post(QUERY)
    assert response.status_code == 200 and response.json()["data"] == {"needs": {"edges": []}}
