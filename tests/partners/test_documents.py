"""Trusted documents: registered by an organization's apps, sent by id, parsed and validated once, and the
only documents apps may run when the production setting is on."""

from __future__ import annotations

import hashlib

import httpx
import pytest

from app import create_app
from tests.conftest import test_settings
from tests.donations.support import parties
from tests.partners.support import REGISTER, app_token

MY_ORGANIZATION = "query Mine($id: ID!) { organization(id: $id) { name } }"


def document_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
async def trusted_client(db):
    """A client of an app that runs only registered documents for partner apps."""
    app = create_app(test_settings(trusted_documents_only=True), db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        yield client


async def register(client, token: str, text: str, organization: str | None = None) -> dict:
    variables = {"input": {"document": text, **({"organizationId": organization} if organization else {})}}
    response = await client.post(
        "/graphql", json={"query": REGISTER, "variables": variables}, headers={"Authorization": f"Bearer {token}"}
    )
    return response.json()["data"]["persistedDocumentRegister"]


async def run_by_id(client, token: str, doc_id: str, variables: dict) -> httpx.Response:
    body = {"documentId": doc_id, "variables": variables}
    return await client.post("/graphql", json=body, headers={"Authorization": f"Bearer {token}"})


async def test_an_app_registers_a_document_and_runs_it_by_id(api, app):
    p = await parties(api)
    token = await app_token(api, p.donor_member, p.donor_id, ["DONATIONS_READ"])
    registered = await register(api.client, token, MY_ORGANIZATION)
    assert registered == {"documentId": document_id(MY_ORGANIZATION), "userErrors": []}
    again = await register(api.client, token, MY_ORGANIZATION)
    assert again["documentId"] == registered["documentId"]

    for _ in range(3):
        response = await run_by_id(api.client, token, registered["documentId"], {"id": p.donor})
        assert response.json()["data"] == {"organization": {"name": "Dearborn Collision"}}
    pinned = app.state.graphql.schema.pinned_documents
    assert pinned.parses == pinned.validations == 1


async def test_unknown_ids_and_other_organizations_documents_are_not_found(api):
    p = await parties(api)
    donor_app = await app_token(api, p.donor_member, p.donor_id, ["DONATIONS_READ"])
    school_app = await app_token(api, p.school_member, p.school_id, ["DONATIONS_READ"])
    doc_id = (await register(api.client, donor_app, MY_ORGANIZATION))["documentId"]
    for token, asked in ((school_app, doc_id), (donor_app, document_id("{ me { id } }"))):
        response = await run_by_id(api.client, token, asked, {"id": p.donor})
        assert response.status_code == 400
        assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_NOT_FOUND"


async def test_a_document_that_does_not_validate_is_refused(api):
    p = await parties(api)
    token = await app_token(api, p.donor_member, p.donor_id, ["DONATIONS_READ"])
    for text in ("{ noSuchField }", "{ me { id "):
        refused = await register(api.client, token, text)
        assert refused["documentId"] is None
        assert refused["userErrors"][0]["code"] == "INVALID_DOCUMENT"


async def test_people_register_for_organizations_they_manage_only(api):
    p = await parties(api)
    managed = await register(api.client, p.donor_member.token, MY_ORGANIZATION, p.donor)
    assert managed["userErrors"] == []
    foreign = await register(api.client, p.donor_member.token, MY_ORGANIZATION, p.school)
    assert foreign["userErrors"][0]["code"] == "PERMISSION_DENIED"
    missing = await register(api.client, p.donor_member.token, MY_ORGANIZATION)
    assert missing["userErrors"][0]["code"] == "REQUIRED"


async def test_with_trusted_documents_only_apps_run_registered_documents_only(api, trusted_client):
    p = await parties(api)
    token = await app_token(api, p.donor_member, p.donor_id, ["DONATIONS_READ"])
    headers = {"Authorization": f"Bearer {token}"}
    body = {"query": MY_ORGANIZATION, "variables": {"id": p.donor}}
    # an unregistered text is refused
    refused = await trusted_client.post("/graphql", json=body, headers=headers)
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_REQUIRED"
    # registering may always be sent as text
    doc_id = (await register(trusted_client, token, MY_ORGANIZATION))["documentId"]
    # then the text and its id both run
    by_text = await trusted_client.post("/graphql", json=body, headers=headers)
    by_id = await run_by_id(trusted_client, token, doc_id, {"id": p.donor})
    assert by_text.json()["data"] == by_id.json()["data"] == {"organization": {"name": "Dearborn Collision"}}
    # and on GET too
    by_get = await trusted_client.get(
        "/graphql", params={"documentId": doc_id, "variables": f'{{"id": "{p.donor}"}}'}, headers=headers
    )
    assert by_get.json()["data"] == {"organization": {"name": "Dearborn Collision"}}


async def test_trusted_documents_only_leaves_people_free(api, trusted_client):
    p = await parties(api)
    response = await trusted_client.post(
        "/graphql",
        json={"query": "{ me { email } }"},
        headers={"Authorization": f"Bearer {p.donor_member.token}"},
    )
    assert response.json()["data"]["me"]["email"] == p.donor_member.email


async def test_registering_smuggles_nothing_else(api, trusted_client):
    p = await parties(api)
    token = await app_token(api, p.donor_member, p.donor_id, ["DONATIONS_READ"])
    sneaky = (
        'mutation { persistedDocumentRegister(input: {document: "{ me { id } }"}) { documentId } '
        'listingWithdraw(input: {id: "x"}) { userErrors { code } } }'
    )
    response = await trusted_client.post(
        "/graphql", json={"query": sneaky}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 403
