"""Compiled and plain execution give the same answers over the demo data, through the whole app:
random documents over the real schema (aliases, fragments on interfaces and unions, `@skip` /
`@include`, `__typename`, nested objects, connections and lists), sent to two apps on one seeded
database, one compiling and one not. `data` and every error (message, path, locations) must match."""

from __future__ import annotations

import random

import httpx
import pytest
from graphql import get_named_type
from sqlalchemy import select

from app import create_app
from db.models import User
from resolvers.demo import World, seeders
from schema import build_schema
from tests.conftest import test_settings
from tests.platform.random_documents import needs_arguments, random_document
from tests.support import _HASH, sign_in_as

SCHEMA = build_schema()._schema
POSTING = "Sm9iUG9zdGluZzoz"  # the demo's "Collision Apprentice"


def roots() -> list[tuple[str, str]]:
    """Every query field a document can start from without arguments of its own, and a posting."""
    found = [(f'jobPosting(id: "{POSTING}")', "JobPosting"), (f'node(id: "{POSTING}")', "Node")]
    assert SCHEMA.query_type is not None
    for name, field in SCHEMA.query_type.fields.items():
        if needs_arguments(field) or name.startswith("__"):
            continue
        named = get_named_type(field.type)
        text = f"{name}(first: 2)" if "first" in field.args else name
        found.append((text, named.name))
    return found


@pytest.fixture
async def clients(db, mailer):
    world = World(random.Random(7), 1, _HASH)
    async with db.write() as session:
        for seeder in seeders():
            await seeder(session, world)
    async with db.read() as session:
        employer = await session.scalar(select(User.id).where(User.email == "employer@demo.shopready.dev"))
    settings = test_settings(query_budget=10**9, query_budget_restore_rate=10**9)
    token = await sign_in_as(db, settings, employer)
    made = []
    for compiled in (False, True):
        app = create_app(test_settings(**vars(settings) | {"compiled_execution": compiled}), db=db, mailer=mailer)
        made.append(
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app),
                base_url="http://test",
                headers={"Authorization": f"Bearer {token}"},
            )
        )
    yield made
    for client in made:
        await client.aclose()


@pytest.mark.parametrize("seed", range(2))
async def test_random_documents_over_the_demo_data_answer_alike(clients, seed):
    rng = random.Random(seed)
    starts = roots()
    answered = 0
    for _ in range(30):
        document = random_document(SCHEMA, rng, starts, max_depth=4)
        bodies = []
        for client in clients:
            response = await client.post("/graphql", json={"query": document.text, "variables": document.variables})
            body = response.json()
            body.pop("extensions", None)  # the cost report: the budget moves between the two requests
            bodies.append((response.status_code, body))
        assert bodies[1] == bodies[0], document.text
        answered += bool(bodies[0][1].get("data"))
    assert answered >= 20  # most documents ran, not just failed validation alike
