"""Idempotency-Key: the first answer is kept and replayed for 24 hours; a changed request or a retry of a
running one is refused; an answer that changed nothing is not kept."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from core.clock import frozen_at, utcnow
from core.idempotency import IdempotencyStore, Outcome
from db.models import IdempotencyKey, Listing, Membership
from schema.http.operations import Operation
from tests.donations.support import LISTING_CREATE, parties
from tests.partners.support import create_listing, listing_input
from tests.support import sign_in_as

ME = "query { me { id } }"


async def count(db, model) -> int:
    async with db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_retry_with_the_same_key_gets_the_first_answer_and_creates_nothing(api):
    # given
    p = await parties(api)
    variables = {"input": listing_input(p)}
    # when
    first = await create_listing(api.client, p.donor_member.token, "order-1", variables)
    retry = await create_listing(api.client, p.donor_member.token, "order-1", variables)
    # then
    assert first.status_code == retry.status_code == 200
    assert first.json()["data"]["listingCreate"]["userErrors"] == []
    assert retry.content == first.content
    assert retry.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert await count(api.db, Listing) == 1


async def test_without_a_key_the_same_request_twice_creates_two(api):
    p = await parties(api)
    variables = {"input": listing_input(p)}
    await create_listing(api.client, p.donor_member.token, None, variables)
    await create_listing(api.client, p.donor_member.token, None, variables)
    assert await count(api.db, Listing) == 2


async def test_keys_belong_to_their_caller(api):
    p = await parties(api)
    colleague = await api.person("Colleague")
    async with api.db.write() as session:
        session.add(Membership(organization_id=p.donor_id, user_id=colleague.id, role="ADMIN"))
    variables = {"input": listing_input(p)}
    await create_listing(api.client, p.donor_member.token, "shared-key", variables)
    other = await create_listing(api.client, colleague.token, "shared-key", variables)
    assert "idempotent-replayed" not in other.headers
    assert await count(api.db, Listing) == 2


async def test_the_same_key_with_other_variables_is_a_mismatch(api):
    p = await parties(api)
    await create_listing(api.client, p.donor_member.token, "order-2", {"input": listing_input(p, "Frame rack")})
    changed = await create_listing(api.client, p.donor_member.token, "order-2", {"input": listing_input(p, "Lift")})
    assert changed.status_code == 422
    assert changed.json()["errors"][0]["extensions"]["code"] == "IDEMPOTENCY_KEY_MISMATCH"
    assert await count(api.db, Listing) == 1


async def test_the_same_key_with_another_operation_is_a_mismatch(api):
    p = await parties(api)
    variables = {"input": listing_input(p)}
    await create_listing(api.client, p.donor_member.token, "order-3", variables)
    other_document = LISTING_CREATE.replace("quantityAvailable", "quantityReserved")
    response = await api.client.post(
        "/graphql",
        json={"query": other_document, "variables": variables},
        headers={"Authorization": f"Bearer {p.donor_member.token}", "Idempotency-Key": "order-3"},
    )
    assert response.status_code == 422
    assert await count(api.db, Listing) == 1


async def test_a_retry_while_the_first_request_runs_is_refused_with_409(api):
    # given: the first request with the key has claimed it and is still running
    p = await parties(api)
    variables = {"input": listing_input(p)}
    fingerprint = Operation(LISTING_CREATE, None, None, variables).fingerprint(LISTING_CREATE)
    store = IdempotencyStore(api.db, api.settings.secret_key)
    caller = f"user:{p.donor_member.id}"
    assert (await store.claim(caller, "order-4", fingerprint)).outcome is Outcome.PROCEED
    # when
    retry = await create_listing(api.client, p.donor_member.token, "order-4", variables)
    # then
    assert retry.status_code == 409
    assert retry.json()["errors"][0]["extensions"]["code"] == "IDEMPOTENCY_IN_PROGRESS"
    assert retry.headers["retry-after"] == "1"
    assert await count(api.db, Listing) == 0
    # and once the first gives the key back (it changed nothing), the retry runs
    await store.release(caller, "order-4", fingerprint)
    after = await create_listing(api.client, p.donor_member.token, "order-4", variables)
    assert after.json()["data"]["listingCreate"]["userErrors"] == []
    assert await count(api.db, Listing) == 1


async def test_a_claim_abandoned_by_a_dead_process_is_taken_over_after_its_lease(api):
    p = await parties(api)
    variables = {"input": listing_input(p)}
    fingerprint = Operation(LISTING_CREATE, None, None, variables).fingerprint(LISTING_CREATE)
    await IdempotencyStore(api.db, api.settings.secret_key).claim(f"user:{p.donor_member.id}", "order-5", fingerprint)
    with frozen_at(utcnow() + timedelta(minutes=6)):
        retry = await create_listing(api.client, p.donor_member.token, "order-5", variables)
    assert retry.json()["data"]["listingCreate"]["userErrors"] == []


async def test_after_24_hours_the_same_key_is_a_new_request(api):
    p = await parties(api)
    variables = {"input": listing_input(p)}
    start = utcnow()
    with frozen_at(start):
        await create_listing(api.client, p.donor_member.token, "order-6", variables)
    with frozen_at(start + timedelta(hours=23, minutes=59)):
        # access tokens live minutes: sign in again a day later, as the same person (the key's caller)
        replay = await create_listing(
            api.client, await sign_in_as(api.db, api.settings, p.donor_member.id), "order-6", variables
        )
    assert replay.headers.get("idempotent-replayed") == "true"
    assert await count(api.db, Listing) == 1
    with frozen_at(start + timedelta(hours=24, seconds=1)):
        again = await create_listing(
            api.client, await sign_in_as(api.db, api.settings, p.donor_member.id), "order-6", variables
        )
    assert "idempotent-replayed" not in again.headers
    assert await count(api.db, Listing) == 2


async def test_a_refusal_changed_nothing_so_it_is_not_kept(api):
    # given: a person who may not list for the donor yet
    p = await parties(api)
    newcomer = await api.person("Newcomer")
    variables = {"input": listing_input(p)}
    refused = await create_listing(api.client, newcomer.token, "order-7", variables)
    assert refused.json()["data"]["listingCreate"]["userErrors"][0]["code"] == "PERMISSION_DENIED"
    assert await count(api.db, IdempotencyKey) == 0
    # when: they become an admin and retry with the same key
    async with api.db.write() as session:
        session.add(Membership(organization_id=p.donor_id, user_id=newcomer.id, role="ADMIN"))
    retry = await create_listing(api.client, newcomer.token, "order-7", variables)
    # then: the retry ran
    assert "idempotent-replayed" not in retry.headers
    assert retry.json()["data"]["listingCreate"]["userErrors"] == []
    assert await count(api.db, Listing) == 1


async def test_queries_and_anonymous_callers_are_not_kept(api):
    p = await parties(api)
    headers = {"Authorization": f"Bearer {p.donor_member.token}", "Idempotency-Key": "q-1"}
    assert (await api.client.post("/graphql", json={"query": ME}, headers=headers)).status_code == 200
    signup = """mutation ($input: UserRegisterInput!) { userRegister(input: $input) { userErrors { code } } }"""
    variables = {"input": {"email": "new@example.com", "name": "New", "password": "a long enough passphrase 42"}}
    await api.client.post("/graphql", json={"query": signup, "variables": variables}, headers={"Idempotency-Key": "s"})
    assert await count(api.db, IdempotencyKey) == 0


async def test_a_malformed_key_is_a_bad_request(api):
    p = await parties(api)
    response = await create_listing(api.client, p.donor_member.token, "x" * 256, {"input": listing_input(p)})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert await count(api.db, Listing) == 0


async def test_kept_responses_are_encrypted_at_rest(api):
    p = await parties(api)
    first = await create_listing(api.client, p.donor_member.token, "order-8", {"input": listing_input(p)})
    listing_id = first.json()["data"]["listingCreate"]["listing"]["id"]
    async with api.db.read() as session:
        stored = await session.scalar(select(IdempotencyKey.body))
    assert stored is not None and listing_id.encode() not in stored and b"listingCreate" not in stored


async def test_after_the_secret_key_changes_a_kept_answer_is_forgotten(api):
    p = await parties(api)
    variables = {"input": listing_input(p)}
    await create_listing(api.client, p.donor_member.token, "order-9", variables)
    fingerprint = Operation(LISTING_CREATE, None, None, variables).fingerprint(LISTING_CREATE)
    rotated = IdempotencyStore(api.db, "another-secret-key-that-is-long-enough-0123456789")
    claim = await rotated.claim(f"user:{p.donor_member.id}", "order-9", fingerprint)
    assert claim.outcome is Outcome.PROCEED
