"""Short-lived access tokens, rotating refresh tokens with reuse detection, and signing out."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import jwt

from core.clock import frozen_at, utcnow
from db.models import RefreshToken, UserSession
from tests.accounts.support import TOKEN_CREATE
from tests.security.support import count
from tests.support import PASSWORD, Api

REFRESH = """
mutation ($refreshToken: String!) {
  tokenRefresh(input: {refreshToken: $refreshToken}) { token refreshToken userErrors { field code } }
}"""
REVOKE = """
mutation ($everywhere: Boolean!) {
  tokenRevoke(input: {everywhere: $everywhere}) { sessionsEnded userErrors { code } }
}"""
ME = "{ me { email } }"


async def sign_in(api: Api, email: str) -> dict:
    data = await api.gql(TOKEN_CREATE, {"input": {"email": email, "password": PASSWORD}})
    assert data["tokenCreate"]["userErrors"] == [], data
    return data["tokenCreate"]


async def test_access_tokens_are_short_lived_and_name_their_session(api: Api) -> None:
    person = await api.person()
    signed_in = await sign_in(api, person.email)
    claims = jwt.decode(signed_in["token"], options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == api.settings.access_token_minutes * 60 == 15 * 60
    assert int(claims["sid"]) > 0
    with frozen_at(utcnow() + timedelta(minutes=16)):
        expired = await api.post(ME, token=signed_in["token"])
    assert expired.status_code == 401


async def test_refreshing_rotates_and_a_reused_refresh_token_ends_the_whole_session(api: Api) -> None:
    person = await api.person()
    signed_in = await sign_in(api, person.email)
    first = signed_in["refreshToken"]
    rotated = (await api.gql(REFRESH, {"refreshToken": first}))["tokenRefresh"]
    assert rotated["userErrors"] == [] and rotated["refreshToken"] != first
    assert (await api.gql(ME, token=rotated["token"]))["me"]["email"] == person.email
    # when the first refresh token is presented again (it was copied)
    reused = (await api.gql(REFRESH, {"refreshToken": first}))["tokenRefresh"]
    # then it is refused, and so is everything of its session: the newest refresh token and every access token
    assert reused == {
        "token": None,
        "refreshToken": None,
        "userErrors": [{"field": ["refreshToken"], "code": "INVALID_TOKEN"}],
    }
    after = (await api.gql(REFRESH, {"refreshToken": rotated["refreshToken"]}))["tokenRefresh"]
    assert [e["code"] for e in after["userErrors"]] == ["INVALID_TOKEN"]
    for token in (signed_in["token"], rotated["token"]):
        response = await api.post(ME, token=token)
        assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
    assert (await api.gql(ME, token=person.token))["me"]["email"] == person.email  # other sessions live on


async def test_of_two_concurrent_refreshes_with_one_token_at_most_one_succeeds(api: Api) -> None:
    person = await api.person()
    signed_in = await sign_in(api, person.email)
    answers = await asyncio.gather(*(api.gql(REFRESH, {"refreshToken": signed_in["refreshToken"]}) for _ in range(4)))
    succeeded = [a for a in answers if not a["tokenRefresh"]["userErrors"]]
    assert len(succeeded) <= 1
    assert await count(api, RefreshToken, RefreshToken.used_at.is_not(None)) == 1


async def test_an_unknown_refresh_token_changes_nothing(api: Api) -> None:
    person = await api.person()
    await sign_in(api, person.email)
    data = (await api.gql(REFRESH, {"refreshToken": "srrt_made-up"}))["tokenRefresh"]
    assert [e["code"] for e in data["userErrors"]] == ["INVALID_TOKEN"]
    assert await count(api, UserSession, UserSession.revoked_at.is_not(None)) == 0
    assert await count(api, RefreshToken, RefreshToken.used_at.is_not(None)) == 0


async def test_a_session_unused_for_the_refresh_lifetime_ends(api: Api) -> None:
    person = await api.person()
    signed_in = await sign_in(api, person.email)
    with frozen_at(utcnow() + timedelta(days=api.settings.refresh_token_days, minutes=1)):
        data = (await api.gql(REFRESH, {"refreshToken": signed_in["refreshToken"]}))["tokenRefresh"]
    assert [e["code"] for e in data["userErrors"]] == ["INVALID_TOKEN"] and data["token"] is None


async def test_signing_out_ends_this_session_at_once_and_everywhere_ends_all(api: Api) -> None:
    person = await api.person()
    laptop, phone = await sign_in(api, person.email), await sign_in(api, person.email)
    out = await api.gql(REVOKE, {"everywhere": False}, token=laptop["token"])
    assert out["tokenRevoke"] == {"sessionsEnded": 1, "userErrors": []}
    response = await api.post(ME, token=laptop["token"])
    assert response.status_code == 401 and 'error="invalid_token"' in response.headers["www-authenticate"]
    refused = (await api.gql(REFRESH, {"refreshToken": laptop["refreshToken"]}))["tokenRefresh"]
    assert [e["code"] for e in refused["userErrors"]] == ["INVALID_TOKEN"]
    assert (await api.gql(ME, token=phone["token"]))["me"]["email"] == person.email
    everywhere = await api.gql(REVOKE, {"everywhere": True}, token=phone["token"])
    assert everywhere["tokenRevoke"]["sessionsEnded"] == 2  # the phone and the helper's session
    assert (await api.post(ME, token=phone["token"])).status_code == 401
    assert (await api.post(ME, token=person.token)).status_code == 401
