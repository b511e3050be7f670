"""Registering, signing in, `me`, and what a bad token gets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from sqlalchemy import func, select

from db.models import User
from tests.accounts.support import REGISTER, TOKEN_CREATE, register_and_verify

ME = "{ me { id name email } }"


async def user_count(api) -> int:
    async with api.db.read() as session:
        return await session.scalar(select(func.count()).select_from(User))


async def test_register_confirm_then_sign_in_and_read_me(api, mailbox):
    # when
    verified = await register_and_verify(api, mailbox, " Dana@Example.COM ", "torque wrench 42", "Dana")
    # then
    assert verified["user"]["email"] == "dana@example.com" and verified["user"]["name"] == "Dana"
    me = await api.gql(ME, token=verified["token"])
    assert me["me"] == verified["user"]
    login = await api.gql(TOKEN_CREATE, {"input": {"email": "DANA@example.com", "password": "torque wrench 42"}})
    assert login["tokenCreate"]["userErrors"] == [] and login["tokenCreate"]["user"]["email"] == "dana@example.com"


async def test_password_is_stored_as_argon2id(api, mailbox):
    await api.gql(REGISTER, {"input": {"email": "a@example.com", "password": "torque wrench 42", "name": "A"}})
    await mailbox.received()  # the account is written in the background, with its mail
    async with api.db.read() as session:
        stored = await session.scalar(select(User.password_hash))
    assert stored.startswith("$argon2id$") and "torque" not in stored


async def test_registering_a_taken_address_answers_alike_and_mails_its_owner(api, mailbox):
    first = {"email": "sam@example.com", "password": "torque wrench 42", "name": "Sam"}
    await register_and_verify(api, mailbox, **first)
    mailbox.server.clear()
    data = await api.gql(REGISTER, {"input": {**first, "email": "SAM@example.com", "name": "Impostor"}})
    assert data["userRegister"] == {"email": "sam@example.com", "userErrors": []}
    assert await user_count(api) == 1
    [mail] = await mailbox.received(to="sam@example.com")
    assert mail.message["Subject"] == "You already have a ShopReady account"


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short1", "PASSWORD_TOO_SHORT"),
        ("x" * 129 + "abcde", "PASSWORD_TOO_LONG"),
        ("password123", "PASSWORD_TOO_COMMON"),
        ("aaaaaaaaaaaa", "PASSWORD_TOO_SIMPLE"),
        ("kimberly-garage", "PASSWORD_TOO_COMMON"),  # contains the email's local part
    ],
)
async def test_weak_passwords_get_a_clear_code_and_no_account(api, password, code):
    data = await api.gql(REGISTER, {"input": {"email": "kimberly@example.com", "password": password, "name": "K"}})
    errors = data["userRegister"]["userErrors"]
    assert [(e["code"], e["field"]) for e in errors] == [(code, ["password"])]
    assert await user_count(api) == 0


async def test_invalid_email_and_blank_name(api):
    data = await api.gql(REGISTER, {"input": {"email": "not-an-email", "password": "torque wrench 42", "name": "x"}})
    assert data["userRegister"]["userErrors"][0]["code"] == "INVALID_EMAIL"
    data = await api.gql(REGISTER, {"input": {"email": "b@example.com", "password": "torque wrench 42", "name": "  "}})
    assert data["userRegister"]["userErrors"][0]["code"] == "REQUIRED"
    assert await user_count(api) == 0


async def test_wrong_password_is_refused_without_saying_which_part(api):
    person = await api.person()
    data = await api.gql(TOKEN_CREATE, {"input": {"email": person.email, "password": "wrong password 1"}})
    unknown = await api.gql(TOKEN_CREATE, {"input": {"email": "nobody@example.com", "password": "wrong password 1"}})
    assert data["tokenCreate"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
    assert unknown["tokenCreate"]["userErrors"] == data["tokenCreate"]["userErrors"]
    assert data["tokenCreate"]["token"] is None


async def test_me_is_null_when_anonymous(api):
    assert (await api.gql(ME))["me"] is None


def _forge(settings, **changes) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": "1",
        "sid": "1",
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + timedelta(minutes=5),
    }
    claims.update(changes.pop("claims", {}))
    key = changes.pop("key", settings.secret_key)
    return jwt.encode(claims, key, algorithm=changes.pop("algorithm", "HS256"))


def _alg_none(settings) -> str:
    import base64
    import json

    def b64(obj):
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    now = int(datetime.now(UTC).timestamp())
    claims = {
        "sub": "1",
        "sid": "1",
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + 300,
    }
    return f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}."


@pytest.mark.parametrize(
    "make_token",
    [
        lambda s: "not-a-jwt",
        lambda s: _alg_none(s),
        lambda s: _forge(s, key="someone-elses-secret-key-0123456789abcdef"),
        lambda s: _forge(s, claims={"exp": datetime.now(UTC) - timedelta(minutes=1)}),
        lambda s: _forge(s, claims={"aud": "another-api"}),
        lambda s: _forge(s, claims={"iss": "someone-else"}),
        lambda s: _forge(s, claims={"sid": "2"}),  # a session of someone else (or of nobody)
        lambda s: "srapp_unknownapptoken",
    ],
    ids=[
        "garbage",
        "alg-none",
        "forged",
        "expired",
        "wrong-audience",
        "wrong-issuer",
        "foreign-session",
        "unknown-app-token",
    ],
)
async def test_bad_tokens_are_http_401_never_anonymous(api, settings, make_token):
    await api.person()  # user 1 exists with session 1, so only the token's validity decides
    response = await api.post(ME, token=make_token(settings))
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_token_of_a_deleted_user_is_401(api):
    person = await api.person()
    async with api.db.write() as session:
        await session.delete(await session.get(User, person.id))
    assert (await api.post(ME, token=person.token)).status_code == 401


async def test_non_bearer_scheme_is_401(api):
    response = await api.client.post("/graphql", json={"query": ME}, headers={"Authorization": "Basic abc"})
    assert response.status_code == 401
