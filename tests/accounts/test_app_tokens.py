"""Partner app tokens: shown once, stored hashed, scoped, revocable."""

from __future__ import annotations

from sqlalchemy import select

from db.models import AppToken
from tests.accounts.support import nodes
from tests.support import gid

TOKEN_CREATE = """
mutation ($input: AppTokenCreateInput!) {
  appTokenCreate(input: $input) { token appToken { id name last4 scopes } userErrors { field code } }
}"""
TOKEN_REVOKE = """
mutation ($id: ID!) { appTokenRevoke(input: {id: $id}) { appToken { revokedAt } userErrors { code } } }"""
RENAME = """
mutation ($id: ID!, $name: String!) {
  organizationUpdate(input: {id: $id, name: $name}) { organization { name } userErrors { code } }
}"""
TOKENS = """
query ($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    appTokens(first: $first, after: $after) { edges { node { name last4 } } pageInfo { hasNextPage endCursor } }
  }
}"""


async def make_token(api, owner, org, scopes):
    data = await api.gql(
        TOKEN_CREATE,
        {"input": {"organizationId": gid("Organization", org), "name": "Shop system", "scopes": scopes}},
        token=owner.token,
    )
    payload = data["appTokenCreate"]
    assert payload["userErrors"] == []
    return payload


async def test_token_is_returned_once_and_only_its_hash_is_stored(api):
    owner = await api.person()
    org = await api.organization(owner=owner)
    payload = await make_token(api, owner, org, ["ORGANIZATION_WRITE"])
    secret = payload["token"]
    assert payload["appToken"]["last4"] == secret[-4:]
    async with api.db.read() as session:
        stored = (await session.scalars(select(AppToken))).one()
    assert secret not in (stored.token_digest, stored.name) and len(stored.token_digest) == 64
    listed = await api.gql(TOKENS, {"id": gid("Organization", org)}, token=owner.token)
    assert nodes(listed["organization"]["appTokens"]) == [{"name": "Shop system", "last4": secret[-4:]}]
    assert "token" not in str(nodes(listed["organization"]["appTokens"])[0].keys())


async def test_app_acts_for_its_organization_within_its_scopes(api):
    owner = await api.person()
    org, other_org = await api.organization(owner=owner, name="Mine"), await api.organization(owner=owner, name="Other")
    writer = (await make_token(api, owner, org, ["ORGANIZATION_WRITE"]))["token"]
    reader = (await make_token(api, owner, org, ["DONATIONS_READ"]))["token"]
    ok = await api.gql(RENAME, {"id": gid("Organization", org), "name": "Renamed by app"}, token=writer)
    assert ok["organizationUpdate"] == {"organization": {"name": "Renamed by app"}, "userErrors": []}
    no_scope = await api.gql(RENAME, {"id": gid("Organization", org), "name": "Nope"}, token=reader)
    assert no_scope["organizationUpdate"]["userErrors"][0]["code"] == "PERMISSION_DENIED"
    foreign = await api.gql(RENAME, {"id": gid("Organization", other_org), "name": "Nope"}, token=writer)
    assert foreign["organizationUpdate"]["userErrors"][0]["code"] == "PERMISSION_DENIED"
    # apps cannot mint more tokens
    minted = await api.gql(
        TOKEN_CREATE,
        {"input": {"organizationId": gid("Organization", org), "name": "x", "scopes": ["DONATIONS_READ"]}},
        token=writer,
    )
    assert minted["appTokenCreate"]["userErrors"] == [{"field": None, "code": "PERMISSION_DENIED"}]
    assert minted["appTokenCreate"]["token"] is None


async def test_members_cannot_create_tokens_and_scopes_are_required(api):
    owner, member = await api.person(), await api.person()
    org = await api.organization(owner=owner)
    other = await api.organization(owner=member, role="MEMBER")
    data = await api.gql(
        TOKEN_CREATE,
        {"input": {"organizationId": gid("Organization", other), "name": "x", "scopes": ["DONATIONS_READ"]}},
        token=member.token,
    )
    assert data["appTokenCreate"]["userErrors"][0]["code"] == "PERMISSION_DENIED"
    empty = await api.gql(
        TOKEN_CREATE,
        {"input": {"organizationId": gid("Organization", org), "name": "x", "scopes": []}},
        token=owner.token,
    )
    assert empty["appTokenCreate"]["userErrors"][0]["code"] == "INVALID_SCOPE"
    async with api.db.read() as session:
        assert (await session.scalars(select(AppToken))).all() == []


async def test_revoked_token_is_401_at_once(api):
    owner = await api.person()
    org = await api.organization(owner=owner)
    payload = await make_token(api, owner, org, ["ORGANIZATION_WRITE"])
    assert (await api.post("{ me { id } }", token=payload["token"])).status_code == 200
    revoked = await api.gql(TOKEN_REVOKE, {"id": payload["appToken"]["id"]}, token=owner.token)
    assert revoked["appTokenRevoke"]["appToken"]["revokedAt"]
    response = await api.post(RENAME, {"id": gid("Organization", org), "name": "x"}, token=payload["token"])
    assert response.status_code == 401
    again = await api.gql(TOKEN_REVOKE, {"id": payload["appToken"]["id"]}, token=owner.token)
    assert again["appTokenRevoke"]["userErrors"][0]["code"] == "INVALID_TRANSITION"


async def test_strangers_cannot_revoke_or_see_tokens(api):
    owner, stranger = await api.person(), await api.person()
    org = await api.organization(owner=owner)
    payload = await make_token(api, owner, org, ["DONATIONS_READ"])
    data = await api.gql(TOKEN_REVOKE, {"id": payload["appToken"]["id"]}, token=stranger.token)
    assert data["appTokenRevoke"]["userErrors"][0]["code"] == "NOT_FOUND"
    listed = await api.gql(TOKENS, {"id": gid("Organization", org)}, token=stranger.token)
    assert listed["organization"]["appTokens"] is None
