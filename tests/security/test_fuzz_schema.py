"""Fuzzing the whole schema: random (bounded, seeded) arguments to every query and mutation, as a
stranger, a person who belongs to everything, and a partner app, never get an INTERNAL error or an
HTTP 5xx. Anything the resolvers cannot take must be a clear error with a code.

Hypothesis draws the examples (derandomized: the same ones on every run) and shrinks a failure to
its smallest form. It runs on an event loop of its own, next to the test session's, so that each
example is one plain call.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from db import migrate
from db.engine import Database
from db.models import Membership
from tests.conftest import TEST_DATABASE_URL, empty_data_tables, test_settings
from tests.donations.support import make_listing, make_need, parties, requested
from tests.pathways.test_scholarships import create as create_scholarship
from tests.pathways.test_training import enrolled_student
from tests.security.fuzz_inputs import arguments, document, global_ids
from tests.security.schema_walk import object_type, object_types, schema
from tests.support import Api, gid, sign_in_as
from tests.talent import flows
from tests.talent.test_mentorship import _mentor as make_mentor
from tests.talent.test_mentorship import _request as request_mentorship

EXAMPLES_PER_FIELD = 12
QUERIES = sorted(object_type("Query").fields)
MUTATIONS = sorted(object_type("Mutation").fields)
NODE_TYPES = sorted(t.name for t in object_types(schema()) if any(i.name == "Node" for i in t.interfaces))


@dataclass
class World:
    loop: asyncio.AbstractEventLoop
    client: httpx.AsyncClient
    db: Database
    tokens: dict[str, str | None]
    people: dict[str, int]
    ids: list[str]

    def send(self, query: str, variables: dict[str, Any], who: str) -> httpx.Response:
        # a person signs in afresh for each request: a fuzzed tokenRevoke (or passwordChange) ends the
        # session it is sent on, and every request after it would only test UNAUTHENTICATED
        token = (
            self.loop.run_until_complete(sign_in_as(self.db, test_settings(), self.people[who]))
            if who in self.people
            else self.tokens[who]
        )
        headers = {"authorization": f"Bearer {token}"} if token else {}
        request = self.client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
        return self.loop.run_until_complete(request)


async def _seed(api: Api) -> tuple[dict[str, str | None], dict[str, int], list[str]]:
    """A small world with one of each kind of object, and a staff person who belongs to all of it."""
    p = await parties(api)
    staff = await api.person("Staff Person", staff=True)
    employer = await flows.employer(api)
    async with api.db.write() as session:
        for org in (p.school_id, p.donor_id, employer.org_id):
            session.add(Membership(organization_id=org, user_id=staff.id, role="OWNER"))
    need, listing = await make_need(api, p), await make_listing(api, p)
    donation = await requested(api, p, listing, need, 1)
    posting = await flows.posting(api, employer)
    student = await flows.student(api, school_id=p.school_id)
    scholarship = await create_scholarship(api, p.donor_member, p.donor_id)
    application = (await flows.apply(api, student, posting))["application"]["id"]
    _, _, _, enrollment = await enrolled_student(api)
    mentor_person, mentor = await make_mentor(api)
    mentorship = await request_mentorship(api, mentor["id"])
    app_token = await flows.app_token(
        api, employer, ["ORGANIZATION_WRITE", "TALENT_READ", "TALENT_WRITE", "CONTENT_WRITE"]
    )
    ids = [p.school, p.donor, employer.gid, need, listing, donation, posting, student.profile_gid, scholarship]
    ids += [application, enrollment, mentor["id"], mentorship, gid("User", staff.id), gid("User", mentor_person.id)]
    ids += [gid("Category", 1), gid("Category", 7), gid("AcademyModule", 1), gid("TrainingProgram", 1)]
    return {"stranger": None, "staff": staff.token, "app": app_token}, {"staff": staff.id}, ids


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    """One world for every example of the module: migrated here, emptied at the end (not after each
    test, as the `db` fixture would)."""
    migrate.upgrade(TEST_DATABASE_URL)
    loop = asyncio.new_event_loop()
    own_db = Database(TEST_DATABASE_URL)
    # a budget too large to run out: a throttled request would test nothing
    app = create_app(test_settings(query_budget=10**9, query_budget_restore_rate=10**6), db=own_db)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://fuzz")
    tokens, people, ids = loop.run_until_complete(_seed(Api(client, own_db, test_settings())))
    try:
        yield World(loop, client, own_db, tokens, people, ids)
    finally:
        loop.run_until_complete(client.aclose())
        loop.run_until_complete(empty_data_tables(own_db))
        loop.run_until_complete(own_db.dispose())
        loop.close()


def _check(response: httpx.Response, query: str, variables: dict) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:500], query, variables)
    body = response.json()
    internal = [e for e in body.get("errors") or () if (e.get("extensions") or {}).get("code") == "INTERNAL"]
    assert not internal, (internal, query, variables)


def _fuzz(world: World, operation: str, name: str) -> None:
    field = object_type(operation.capitalize()).fields[name]
    query = document(operation, name, field)
    ids = global_ids(NODE_TYPES, world.ids)

    @settings(
        max_examples=EXAMPLES_PER_FIELD,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(variables=arguments(field, ids), who=st.sampled_from(sorted(world.tokens)))
    def one_request(variables: dict[str, Any], who: str) -> None:
        _check(world.send(query, variables, who), query, variables)

    one_request()


@pytest.mark.parametrize("name", QUERIES)
def test_fuzzed_queries_never_fail_inside(world, name):
    _fuzz(world, "query", name)


@pytest.mark.parametrize("name", MUTATIONS)
def test_fuzzed_mutations_never_fail_inside(world, name):
    _fuzz(world, "mutation", name)


def test_the_fuzzer_reaches_real_objects(world):
    """Guard against a fuzzer that only ever hits NOT_FOUND: the seeded IDs resolve."""
    response = world.send("query ($id: ID!) { node(id: $id) { id } }", {"id": world.ids[3]}, "staff")
    assert response.json()["data"]["node"] == {"id": world.ids[3]}
    assert base64.urlsafe_b64decode(world.ids[3] + "==").startswith(b"Need:")
    assert len({base64.urlsafe_b64decode(i + "==").split(b":")[0] for i in world.ids}) >= 14
