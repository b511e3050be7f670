"""Abuse limits on queries, masked unexpected errors, and the HTTP surface."""

from __future__ import annotations

import logging

import httpx
import pytest

from app import create_app
from core.settings import SettingsError
from tests.conftest import test_settings


async def test_query_nested_past_the_depth_limit_is_refused(api):
    hop = "memberships { edges { node { organization { members { edges { node { user { %s } } } } } } } }"
    deep = "{ me { %s } }" % (hop % (hop % "name"))
    errors = await api.errors(deep)
    assert "exceeds maximum operation depth" in errors[0]["message"]


async def test_five_hundred_aliases_are_refused(api):
    query = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(500)) + " }"
    errors = await api.errors(query)
    assert "aliases" in errors[0]["message"].lower()


async def test_oversized_documents_are_refused(api):
    query = "{ " + " ".join("__typename" for _ in range(5000)) + " }"
    errors = await api.errors(query)
    assert "token" in errors[0]["message"].lower()


async def test_unexpected_errors_are_masked_and_logged_with_the_request_id(api, monkeypatch, caplog):
    from resolvers.accounts import organizations

    async def explode(*args, **kwargs):
        raise RuntimeError("SELECT secret FROM internals")

    monkeypatch.setattr(organizations, "browse", explode)
    with caplog.at_level(logging.ERROR, logger="shopready.errors"):
        response = await api.client.post(
            "/graphql", json={"query": "{ organizations { edges { cursor } } }"}, headers={"X-Request-ID": "req-42"}
        )
    body = response.json()
    assert response.status_code == 200
    assert body["errors"][0]["message"] == "Unexpected error."
    assert "SELECT" not in response.text and "Traceback" not in response.text
    assert response.headers["x-request-id"] == "req-42"
    assert any("req-42" in record.getMessage() for record in caplog.records)


async def test_mutations_are_refused_over_get(api):
    response = await api.client.get(
        "/graphql", params={"query": 'mutation { tokenCreate(input: {email: "a", password: "b"}) { token } }'}
    )
    assert response.status_code in (400, 405)


async def test_queries_work_over_get_and_graphiql_is_served(api):
    response = await api.client.get("/graphql", params={"query": "{ __typename }"})
    assert response.json()["data"] == {"__typename": "Query"}
    page = await api.client.get("/graphql", headers={"Accept": "text/html"})
    assert "graphiql" in page.text.lower()


async def test_health_and_readiness(api):
    assert (await api.client.get("/healthz")).json() == {"status": "ok"}
    assert (await api.client.get("/readyz")).json() == {"status": "ok"}


async def test_readiness_fails_when_the_database_is_unreachable(tmp_path):
    app = create_app(test_settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/missing/dir/db.sqlite"))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.get("/readyz")
    assert response.status_code == 503 and "sqlite" not in response.text.lower()


async def test_readiness_reports_pending_migrations(tmp_path):
    app = create_app(test_settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/empty.db"))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.get("/readyz")
    assert response.status_code == 503 and response.json()["database"] == "migrations pending"


def test_production_refuses_the_default_secret():
    with pytest.raises(SettingsError):
        create_app(test_settings(environment="production", secret_key="insecure-local-development-key-change-me"))


async def test_production_hides_graphiql_and_introspection(db):
    settings = test_settings(environment="production", secret_key="p" * 40)
    app = create_app(settings, db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        page = await client.get("/graphql", headers={"Accept": "text/html"})
        introspection = await client.post("/graphql", json={"query": "{ __schema { types { name } } }"})
        ordinary = await client.post("/graphql", json={"query": "{ me { id } }"})
    assert "graphiql" not in page.text.lower()
    assert introspection.json()["errors"]
    assert ordinary.json()["data"] == {"me": None}
