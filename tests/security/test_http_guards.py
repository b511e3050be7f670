"""Hostile bodies and outages: a clear JSON error with the request id, never a text/plain 500."""

from __future__ import annotations

import json

import httpx
import pytest

from app import create_app
from core.http_guards import json_depth
from core.tokens import issue_access_token
from tests.conftest import test_settings

QUERY = "{ __typename }"


async def test_a_body_over_the_limit_is_refused_with_413_before_it_is_parsed(db):
    app = create_app(test_settings(max_body_bytes=2_000), db=db)
    body = json.dumps({"query": QUERY, "variables": {"pad": "x" * 5_000}})
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.post(
            "/graphql", content=body, headers={"content-type": "application/json", "x-request-id": "big-1"}
        )
        ok = await client.post("/graphql", json={"query": QUERY})
    assert response.status_code == 413
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "PAYLOAD_TOO_LARGE", "requestId": "big-1"}
    assert ok.json()["data"] == {"__typename": "Query"}


async def test_a_streamed_body_without_length_is_cut_off_at_the_limit(db):
    app = create_app(test_settings(max_body_bytes=2_000), db=db)
    sent = []

    async def chunks():
        for _ in range(100):
            sent.append(1)
            yield b"x" * 1_000

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.post("/graphql", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_deeply_nested_json_is_a_400_json_error(api):
    body = '{"query": "{ __typename }", "variables": {"a": ' + "[" * 1000 + "]" * 1000 + "}}"
    response = await api.client.post(
        "/graphql", content=body, headers={"content-type": "application/json", "x-request-id": "deep-1"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"] == {"code": "BAD_REQUEST", "requestId": "deep-1"}


@pytest.mark.parametrize(
    ("text", "depth"),
    [(b"", 0), (b'{"a": 1}', 1), (b'{"a": [[{}]]}', 4), (b'{"q": "[[[[{{{{"}', 1), (rb'{"q": "\"[[[\\"}', 1)],
)
def test_json_depth_ignores_brackets_inside_strings(text, depth):
    assert json_depth(text) == depth


async def test_a_database_outage_during_sign_in_is_a_json_503_with_retry_after(settings):
    app = create_app(test_settings(database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none"))
    token, _ = issue_access_token(settings, 1, 1)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.post(
            "/graphql", json={"query": QUERY}, headers={"authorization": f"Bearer {token}", "x-request-id": "down-1"}
        )
    assert response.status_code == 503 and response.headers["retry-after"]
    assert response.headers["content-type"] == "application/json"
    assert response.json()["errors"][0]["extensions"] == {"code": "UNAVAILABLE", "requestId": "down-1"}
    assert "asyncpg" not in response.text and "127.0.0.1" not in response.text


async def test_production_suggests_no_field_names(db):
    app = create_app(test_settings(environment="production", secret_key="p" * 40), db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.post("/graphql", json={"query": "{ organisations { edges { cursor } } }"})
    message = response.json()["errors"][0]["message"]
    assert "organisations" in message and "Did you mean" not in message and "organizations" not in message
