"""Query cost: computed before running, refused over the maximum, charged to a budget that refills."""

from __future__ import annotations

import asyncio

import httpx

from app import create_app
from core.rate_limits import Bucket, RateLimiter
from tests.conftest import test_settings

LISTINGS = """{ listings(first: 50) { edges { cursor node { id title donor { id name } category { id name } } }
  pageInfo { hasNextPage endCursor } } }"""
NESTED = """{ needs(first: 100) { edges { node { matchingListings(first: 100) { edges { node {
  matchingNeeds(first: 100) { edges { node { id } } } } } } } } } }"""


def _cost(response: httpx.Response) -> dict:
    return response.json()["extensions"]["cost"]


async def test_cost_is_requested_before_and_counted_after_running(api):
    response = await api.client.post("/graphql", json={"query": LISTINGS})
    cost = _cost(response)
    # 2 for the connection + 50 edges x (edge, node, donor, category) + pageInfo
    assert cost["requestedQueryCost"] == 2 + 50 * 4 + 1
    assert cost["actualQueryCost"] == 2 + 0 + 1  # no listings yet
    assert cost["throttleStatus"]["maximumAvailable"] == api.settings.query_budget


async def test_an_operation_over_the_maximum_is_refused_before_it_runs(api, count_sql):
    with count_sql() as counter:
        response = await api.client.post("/graphql", json={"query": NESTED})
    body = response.json()
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == "MAX_COST_EXCEEDED"
    assert error["extensions"]["cost"]["requestedQueryCost"] > api.settings.max_query_cost
    assert not [s for s in counter.statements if "need" in s.lower()], "nothing of the query ran"


# Four refused sign-ups: 4 x (10 for a mutation + 1 for its payload + 1 for its userErrors) = 48.
SIGN_UPS = (
    "mutation { "
    + " ".join(
        f'r{i}: userRegister(input: {{email: "not-an-email", password: "x", name: "x"}}) {{ userErrors {{ code }} }}'
        for i in range(4)
    )
    + " }"
)


async def _sign_ups(client: httpx.AsyncClient, token: str | None = None) -> dict:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return (await client.post("/graphql", json={"query": SIGN_UPS}, headers=headers)).json()


async def test_a_spent_budget_throttles_until_it_refills(db):
    now = [1_000.0]
    app = create_app(test_settings(query_budget=100, query_budget_restore_rate=10), db=db)
    app.state.graphql.limits.clock = lambda: now[0]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        first, second, third = [await _sign_ups(client) for _ in range(3)]
        now[0] += 5  # 50 drained
        fourth = await _sign_ups(client)
    assert first["extensions"]["cost"]["requestedQueryCost"] == 48
    assert first["data"] and second["data"]
    assert second["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] == 100 - 96
    error = third["errors"][0]
    assert third["data"] is None and error["extensions"]["code"] == "THROTTLED" and "retry in" in error["message"]
    assert fourth["data"], "the bucket refilled at its rate"


async def test_people_have_budgets_of_their_own(db, settings):
    from tests.support import Api

    app = create_app(test_settings(query_budget=60, query_budget_restore_rate=1), db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        api = Api(client, db, settings)
        alice, bob = await api.person("Alice"), await api.person("Bob")
        spent, again, other = [await _sign_ups(client, p.token) for p in (alice, alice, bob)]
    assert spent["data"] and other["data"]
    assert again["errors"][0]["extensions"]["code"] == "THROTTLED"


async def test_concurrent_charges_never_pass_the_capacity(db):
    limiter, bucket = RateLimiter(db, clock=lambda: 1_000.0), Bucket(capacity=50, leak_per_second=1)
    charges = await asyncio.gather(*(limiter.charge("race", 10, bucket) for _ in range(12)))
    assert sum(c.allowed for c in charges) == 5
    refused = [c for c in charges if not c.allowed]
    assert all(c.retry_after_seconds > 0 for c in refused)


async def test_a_bucket_drains_at_its_rate(db):
    now = [0.0]
    limiter, bucket = RateLimiter(db, clock=lambda: now[0]), Bucket(capacity=100, leak_per_second=10)
    assert (await limiter.charge("drain", 100, bucket)).allowed
    assert not (await limiter.charge("drain", 20, bucket)).allowed
    now[0] = 2.0  # 20 drained
    assert (await limiter.charge("drain", 20, bucket)).allowed
    limiter.refund("drain", 50)
    assert (await limiter.charge("drain", 50, bucket)).allowed  # the refund made room
