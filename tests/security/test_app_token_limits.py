"""Finding 7 (smaller): app tokens could carry scopes for kinds their organization does not have, never
expired and showed no last use. Now: scopes by kind, `expiresAt`, `lastUsedAt`, and rotation."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from core.clock import frozen_at, utcnow
from db.models import AppToken, Organization
from schema.authentication import BearerTokenBackend
from tests.security.support import count
from tests.support import Api, gid

CREATE = """
mutation ($input: AppTokenCreateInput!) {
  appTokenCreate(input: $input) { token appToken { id expiresAt lastUsedAt } userErrors { field code message } }
}"""
ROTATE = """
mutation ($input: AppTokenRotateInput!) {
  appTokenRotate(input: $input) {
    token appToken { id name scopes expiresAt } revokedAppToken { id revokedAt } userErrors { field code }
  }
}"""
TOKENS = "query ($id: ID!) { organization(id: $id) { appTokens { edges { node { id lastUsedAt } } } } }"
RENAME = """
mutation ($id: ID!) { organizationUpdate(input: {id: $id, name: "Renamed"}) { userErrors { code } } }"""
CANDIDATES = "{ jobPostings(first: 1) { edges { node { id } } } }"


async def create(api: Api, token: str, org: int, scopes: list[str], **extra: object) -> dict:
    given = {"organizationId": gid("Organization", org), "name": "Shop system", "scopes": scopes, **extra}
    return (await api.gql(CREATE, {"input": given}, token=token))["appTokenCreate"]


async def test_a_school_cannot_hold_employer_scopes(api: Api) -> None:
    owner = await api.person()
    school = await api.organization(owner=owner, kinds=("SCHOOL",))
    refused = await create(api, owner.token, school, ["DONATIONS_READ", "TALENT_READ"])
    assert refused["token"] is None
    assert [(e["field"], e["code"]) for e in refused["userErrors"]] == [(["scopes"], "INVALID_SCOPE")]
    assert "EMPLOYER" in refused["userErrors"][0]["message"]
    assert await count(api, AppToken) == 0
    allowed = await create(api, owner.token, school, ["DONATIONS_READ", "TALENT_WRITE"])
    assert allowed["userErrors"] == []


async def test_scopes_follow_the_organizations_kinds_at_every_request(api: Api) -> None:
    owner = await api.person()
    org = await api.organization(owner=owner, kinds=("EMPLOYER",))
    secret = (await create(api, owner.token, org, ["ORGANIZATION_WRITE", "TALENT_READ"]))["token"]
    backend = BearerTokenBackend(api.db, api.settings)
    assert (await backend._app_viewer(secret)).scopes == {"organization:write", "talent:read"}
    async with api.db.write() as session:
        await session.execute(
            update(Organization).where(Organization.id == org).values(is_employer=False, is_donor=True)
        )
    # a donor may not read talent: the stored scope stays, the request does not get it
    assert (await backend._app_viewer(secret)).scopes == {"organization:write"}
    renamed = await api.gql(RENAME, {"id": gid("Organization", org)}, token=secret)
    assert renamed["organizationUpdate"]["userErrors"] == []


async def test_an_expiring_token_works_until_then_and_is_401_after(api: Api) -> None:
    owner = await api.person()
    org = await api.organization(owner=owner)
    past = await create(
        api, owner.token, org, ["DONATIONS_READ"], expiresAt=(utcnow() - timedelta(minutes=1)).isoformat()
    )
    assert [(e["field"], e["code"]) for e in past["userErrors"]] == [(["expiresAt"], "OUT_OF_RANGE")]
    assert await count(api, AppToken) == 0
    expires = utcnow() + timedelta(days=1)
    made = await create(api, owner.token, org, ["DONATIONS_READ"], expiresAt=expires.isoformat())
    assert made["appToken"]["expiresAt"] is not None
    assert (await api.post(CANDIDATES, token=made["token"])).status_code == 200
    with frozen_at(expires + timedelta(seconds=1)):
        late = await api.post(CANDIDATES, token=made["token"])
    assert late.status_code == 401 and late.headers["www-authenticate"].startswith("Bearer")


async def test_the_last_use_is_shown(api: Api) -> None:
    owner = await api.person()
    org = await api.organization(owner=owner)
    made = await create(api, owner.token, org, ["DONATIONS_READ"])
    assert made["appToken"]["lastUsedAt"] is None
    await api.gql(CANDIDATES, token=made["token"])
    listed = await api.gql(TOKENS, {"id": gid("Organization", org)}, token=owner.token)
    assert listed["organization"]["appTokens"]["edges"][0]["node"]["lastUsedAt"] is not None


async def test_rotation_shows_a_new_secret_once_and_revokes_the_old_one(api: Api) -> None:
    owner, stranger = await api.person(), await api.person()
    org = await api.organization(owner=owner)
    old = await create(api, owner.token, org, ["DONATIONS_READ"])
    refused = (await api.gql(ROTATE, {"input": {"id": old["appToken"]["id"]}}, token=stranger.token))["appTokenRotate"]
    assert [e["code"] for e in refused["userErrors"]] == ["NOT_FOUND"] and refused["token"] is None
    assert await count(api, AppToken) == 1
    assert (await api.post(CANDIDATES, token=old["token"])).status_code == 200
    rotated = (await api.gql(ROTATE, {"input": {"id": old["appToken"]["id"]}}, token=owner.token))["appTokenRotate"]
    assert rotated["userErrors"] == [] and rotated["token"] != old["token"]
    assert rotated["appToken"]["name"] == "Shop system" and rotated["appToken"]["scopes"] == ["DONATIONS_READ"]
    assert rotated["revokedAppToken"]["id"] == old["appToken"]["id"] and rotated["revokedAppToken"]["revokedAt"]
    assert (await api.post(CANDIDATES, token=old["token"])).status_code == 401
    assert (await api.post(CANDIDATES, token=rotated["token"])).status_code == 200
    twice = (await api.gql(ROTATE, {"input": {"id": old["appToken"]["id"]}}, token=owner.token))["appTokenRotate"]
    assert [e["code"] for e in twice["userErrors"]] == ["INVALID_TRANSITION"]
