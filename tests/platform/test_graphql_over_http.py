"""The GraphQL over HTTP spec: application/graphql-response+json with its status codes when the client
prefers it; the JSON every client had before when it asks for application/json, */* or nothing."""

from __future__ import annotations

import pytest

from schema.http.media_types import prefers_graphql_response

GRAPHQL_RESPONSE = "application/graphql-response+json"


async def post(api, body, accept: str | None, content: bytes | None = None):
    headers = {"accept": accept} if accept is not None else {}
    if content is not None:
        return await api.client.post(
            "/graphql", content=content, headers={**headers, "content-type": "application/json"}
        )
    return await api.client.post("/graphql", json=body, headers=headers)


@pytest.mark.parametrize(
    ("accept", "prefers"),
    [
        (GRAPHQL_RESPONSE, True),
        (f"{GRAPHQL_RESPONSE}, application/json;q=0.9", True),
        (f"application/json, {GRAPHQL_RESPONSE}", True),
        (f"application/json, {GRAPHQL_RESPONSE};q=0.5", False),
        ("application/json", False),
        ("*/*", False),
        (None, False),
        (f"{GRAPHQL_RESPONSE};q=0", False),
    ],
)
def test_negotiation(accept, prefers):
    assert prefers_graphql_response(accept) is prefers


async def test_graphql_response_json_when_preferred(api):
    response = await post(api, {"query": "{ __typename }"}, GRAPHQL_RESPONSE)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert response.json()["data"] == {"__typename": "Query"}


@pytest.mark.parametrize(
    "query",
    ["{ __typename", "{ noSuchField }", "query ($n: Int!) { __typename }"],
    ids=["does not parse", "does not validate", "variable not coerced"],
)
async def test_a_request_that_cannot_run_is_400_without_data(api, query):
    response = await post(api, {"query": query}, GRAPHQL_RESPONSE)
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body and body["errors"]


@pytest.mark.parametrize("accept", ["application/json", "*/*", None])
async def test_json_clients_keep_200_and_data_null(api, accept):
    response = await post(api, {"query": "{ noSuchField }"}, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["data"] is None


async def test_a_field_error_with_data_stays_200(api):
    # `node` with a malformed ID answers null with a field error; the request itself ran
    response = await post(api, {"query": '{ node(id: "!!") { id } }'}, GRAPHQL_RESPONSE)
    assert response.status_code == 200
    assert "data" in response.json()


async def test_a_body_that_is_not_json_is_a_json_400(api):
    response = await post(api, None, GRAPHQL_RESPONSE, content=b"{not json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_uploads_need_a_bearer_token(api):
    files = {"operations": (None, '{"query": "{ __typename }"}'), "map": (None, "{}")}
    response = await api.client.post("/graphql", files=files)
    assert response.status_code == 400
    assert "Authorization" in response.json()["errors"][0]["message"]
