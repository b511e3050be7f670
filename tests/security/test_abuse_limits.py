"""Finding 3 (sign-in abuse): throttles per (account, client) and per client, shared through the database,
that slow an attacker without locking anyone out; registration and reset limits per client."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from core.clock import frozen_at, utcnow
from db.models import RateBucket, User, UserSession
from tests.accounts.support import REGISTER, TOKEN_CREATE
from tests.conftest import Mailbox
from tests.security.support import client_at, count
from tests.support import PASSWORD, Api

REQUEST_RESET = "mutation ($email: String!) { passwordResetRequest(input: {email: $email}) { userErrors { code } } }"
ATTACKER, VICTIM_HOME = "203.0.113.9", "198.51.100.20"


async def attempt(api: Api, email: str, password: str = "wrong password 1") -> dict[str, Any]:  # noqa: S107
    return (await api.gql(TOKEN_CREATE, {"input": {"email": email, "password": password}}))["tokenCreate"]


def codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def test_failures_from_elsewhere_never_lock_the_victim_out(api: Api, app: Any) -> None:
    victim = await api.person(email="victim@example.com")
    async with client_at(api, app, ATTACKER) as attacker:
        failures = [await attempt(attacker, victim.email) for _ in range(api.settings.signin_limit_per_account_client)]
        assert all(codes(f) == ["INVALID_CREDENTIALS"] for f in failures)
        throttled = await attempt(attacker, victim.email, PASSWORD)  # even the right password, from there
    assert codes(throttled) == ["RATE_LIMITED"] and throttled["token"] is None
    assert throttled["userErrors"][0]["retryAfterSeconds"] > 0
    async with client_at(api, app, VICTIM_HOME) as home:
        signed_in = await attempt(home, victim.email, PASSWORD)
    assert signed_in["userErrors"] == [] and signed_in["token"]
    assert await count(api, UserSession, UserSession.user_id == victim.id) == 2  # the helper's and this one


async def test_spraying_many_accounts_from_one_client_is_slowed_there_only(api: Api, app: Any) -> None:
    limit = api.settings.signin_limit_per_client
    async with client_at(api, app, ATTACKER) as attacker:
        for i in range(limit):
            assert codes(await attempt(attacker, f"target{i}@example.com")) == ["INVALID_CREDENTIALS"]
        assert codes(await attempt(attacker, "one-more@example.com")) == ["RATE_LIMITED"]
    person = await api.person()
    async with client_at(api, app, VICTIM_HOME) as elsewhere:
        assert (await attempt(elsewhere, person.email, PASSWORD))["token"]


async def test_known_and_unknown_addresses_are_throttled_alike(api: Api, app: Any) -> None:
    known = await api.person(email="known@example.com")
    answers = {}
    with frozen_at(utcnow()):
        async with client_at(api, app, ATTACKER) as attacker:
            for email in (known.email, "unknown@example.com"):
                tries = [
                    await attempt(attacker, email) for _ in range(api.settings.signin_limit_per_account_client + 1)
                ]
                answers[email] = tries
    assert answers[known.email] == answers["unknown@example.com"]
    assert codes(answers[known.email][-1]) == ["RATE_LIMITED"]


async def test_the_throttle_drains_with_time(api: Api, app: Any) -> None:
    person = await api.person()
    start = utcnow()
    with frozen_at(start):
        async with client_at(api, app, ATTACKER) as attacker:
            for _ in range(api.settings.signin_limit_per_account_client):
                await attempt(attacker, person.email)
            refused = await attempt(attacker, person.email, PASSWORD)
    assert codes(refused) == ["RATE_LIMITED"]
    wait = refused["userErrors"][0]["retryAfterSeconds"]
    with frozen_at(start + timedelta(seconds=wait)):
        async with client_at(api, app, ATTACKER) as attacker:
            assert (await attempt(attacker, person.email, PASSWORD))["token"]


async def test_the_buckets_live_in_the_database_not_in_one_process(api: Api, app: Any) -> None:
    person = await api.person()
    async with client_at(api, app, ATTACKER) as attacker:
        await attempt(attacker, person.email)
    async with api.db.read() as session:
        keys = set((await session.scalars(select(RateBucket.key))).all())
    assert any(k.startswith("signin:") and k.endswith(ATTACKER) for k in keys)
    assert f"signin-client:{ATTACKER}" in keys
    assert not any(person.email in k for k in keys)  # the address is hashed


async def test_registration_is_limited_per_client(api: Api, app: Any, mailbox: Mailbox) -> None:
    limit = api.settings.registration_limit_per_client
    async with client_at(api, app, ATTACKER) as attacker:
        for i in range(limit):
            data = await attacker.gql(
                REGISTER, {"input": {"email": f"bot{i}@example.com", "password": "bot password 77", "name": "B"}}
            )
            assert data["userRegister"]["userErrors"] == []
        refused = await attacker.gql(
            REGISTER, {"input": {"email": "bot-extra@example.com", "password": "bot password 77", "name": "B"}}
        )
    assert codes(refused["userRegister"]) == ["RATE_LIMITED"]
    assert len(await mailbox.received()) == limit  # the accounts are written in the background, with their mail
    assert await count(api, User) == limit
    async with client_at(api, app, VICTIM_HOME) as someone:
        ok = await someone.gql(
            REGISTER, {"input": {"email": "real@example.com", "password": "other secret 77", "name": "R"}}
        )
    assert ok["userRegister"]["userErrors"] == []


async def test_reset_requests_are_limited_per_client_and_mails_per_address(
    api: Api, app: Any, mailbox: Mailbox
) -> None:
    person = await api.person(email="reset-me@example.com")
    async with client_at(api, app, ATTACKER) as attacker:
        answers = [await attacker.gql(REQUEST_RESET, {"email": "nobody@example.com"}) for _ in range(6)]
    assert [codes(a["passwordResetRequest"]) for a in answers] == [[]] * 5 + [["RATE_LIMITED"]]
    # many clients cannot flood one mailbox: the mails stop at the per-address limit, the answers do not change
    for i in range(5):
        async with client_at(api, app, f"192.0.2.{i + 1}") as client:
            data = await client.gql(REQUEST_RESET, {"email": person.email})
            assert data["passwordResetRequest"]["userErrors"] == []
    assert len(await mailbox.received(to=person.email)) == api.settings.account_mail_limit_per_address
