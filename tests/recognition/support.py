"""Donations taken all the way to RECEIVED over the API, so receipts (and so impact) exist."""

from __future__ import annotations

from tests.donations.support import APPROVE, RECEIVE, SHIP, Parties, make_listing, make_need, requested, step
from tests.support import Api


async def received_donation(api: Api, p: Parties, *, quantity: int = 1, cents: int = 150_000) -> str:
    need = await make_need(api, p, quantity=quantity)
    listing = await make_listing(api, p, quantity=quantity, cents=cents)
    donation = await requested(api, p, listing, need, quantity)
    assert (await step(api, APPROVE, p.donor_member.token, id=donation))["userErrors"] == []
    shipped = await step(api, SHIP, p.donor_member.token, id=donation, method="PICKUP", arrangement="Dock 2")
    assert shipped["userErrors"] == []
    received = await step(api, RECEIVE, p.school_member.token, id=donation)
    assert received["donation"]["status"] == "RECEIVED", received
    return donation
