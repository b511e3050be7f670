"""Racing requests over HTTP: no over-allocation, one move per state, one receipt per donation.

Runs on SQLite (writers queue on BEGIN IMMEDIATE) and PostgreSQL (row locks on conditional UPDATEs).
"""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from db.models import DonationEvent, DonationReceipt
from tests.donations.support import (
    APPROVE,
    LISTING_STATE,
    NEED_STATE,
    RECEIVE,
    SHIP,
    make_listing,
    make_need,
    parties,
    requested,
    step,
)


async def _requests(api, p, listing: str, sizes: list[int]) -> list[str]:
    ids = []
    for size in sizes:
        need = await make_need(api, p, quantity=size)
        ids.append(await requested(api, p, listing, need, size))
    return ids


async def test_twenty_concurrent_approvals_allocate_exactly_what_fits(api):
    # given 20 requests of 3 against a listing of 25
    p = await parties(api)
    listing = await make_listing(api, p, quantity=25)
    ids = await _requests(api, p, listing, [3] * 20)
    # when the donor approves all of them at once
    results = await asyncio.gather(*(step(api, APPROVE, p.donor_member.token, id=i) for i in ids))
    # then exactly 8 fit and the rest are refused cleanly
    approved = [r for r in results if not r["userErrors"]]
    refused = [r["userErrors"][0]["code"] for r in results if r["userErrors"]]
    assert len(approved) == 8 and all(r["donation"]["status"] == "APPROVED" for r in approved)
    assert refused == ["INSUFFICIENT_QUANTITY"] * 12
    state = (await api.gql(LISTING_STATE, {"id": listing}))["listing"]
    assert (state["quantityReserved"], state["quantityAvailable"], state["status"]) == (24, 1, "AVAILABLE")


async def test_concurrent_approvals_of_mixed_sizes_never_exceed_the_listing(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=30)
    sizes = [1, 2, 3, 4, 5] * 4
    ids = await _requests(api, p, listing, sizes)
    results = await asyncio.gather(*(step(api, APPROVE, p.donor_member.token, id=i) for i in ids))
    approved = sum(size for size, r in zip(sizes, results, strict=False) if not r["userErrors"])
    state = (await api.gql(LISTING_STATE, {"id": listing}))["listing"]
    assert state["quantityReserved"] == approved <= 30
    refused = [size for size, r in zip(sizes, results, strict=False) if r["userErrors"]]
    assert refused, "more was asked than listed, so some must be refused"
    # a request was refused only because it did not fit, and what is left still would not hold it
    assert all(size > state["quantityAvailable"] for size in refused)
    assert {r["userErrors"][0]["code"] for r in results if r["userErrors"]} == {"INSUFFICIENT_QUANTITY"}


async def test_approving_the_same_request_concurrently_reserves_once(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=10)
    (donation,) = await _requests(api, p, listing, [4])
    results = await asyncio.gather(*(step(api, APPROVE, p.donor_member.token, id=donation) for _ in range(8)))
    assert sum(not r["userErrors"] for r in results) == 1
    assert {r["userErrors"][0]["code"] for r in results if r["userErrors"]} == {"INVALID_TRANSITION"}
    assert (await api.gql(LISTING_STATE, {"id": listing}))["listing"]["quantityReserved"] == 4


async def test_concurrent_receipts_of_one_donation_issue_one_receipt(api, db):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=10)
    need = await make_need(api, p, quantity=4)
    donation = await requested(api, p, listing, need, 4)
    await step(api, APPROVE, p.donor_member.token, id=donation)
    await step(api, SHIP, p.donor_member.token, id=donation, carrier="UPS", trackingNumber="1Z999")
    results = await asyncio.gather(*(step(api, RECEIVE, p.school_member.token, id=donation) for _ in range(8)))
    assert sum(not r["userErrors"] for r in results) == 1
    assert {r["userErrors"][0]["code"] for r in results if r["userErrors"]} == {"INVALID_TRANSITION"}
    async with db.read() as session:
        assert await session.scalar(select(func.count()).select_from(DonationReceipt)) == 1
        assert (
            await session.scalar(
                select(func.count()).select_from(DonationEvent).where(DonationEvent.to_status == "RECEIVED")
            )
            == 1
        )
    assert (await api.gql(NEED_STATE, {"id": need}))["need"] == {
        "status": "FULFILLED",
        "quantity": 4,
        "quantityFulfilled": 4,
        "quantityRemaining": 0,
    }
    state = (await api.gql(LISTING_STATE, {"id": listing}))["listing"]
    assert (state["quantityReserved"], state["quantityDonated"]) == (0, 4)


async def test_receipts_received_at_once_get_consecutive_numbers(api, db):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=10)
    ids = await _requests(api, p, listing, [1] * 10)
    for donation in ids:
        await step(api, APPROVE, p.donor_member.token, id=donation)
        await step(api, SHIP, p.donor_member.token, id=donation, carrier="UPS")
    results = await asyncio.gather(*(step(api, RECEIVE, p.school_member.token, id=i) for i in ids))
    assert all(not r["userErrors"] for r in results)
    numbers = sorted(r["donation"]["receipt"]["number"] for r in results)
    year = numbers[0].split("-")[1]
    assert numbers == [f"SR-{year}-{p.donor_id:05d}-{n:06d}" for n in range(1, 11)]
