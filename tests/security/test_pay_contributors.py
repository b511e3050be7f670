"""The pay tool counts distinct contributors: one account cannot satisfy the five-data-point rule
alone, nor outweigh the others; reports stay anonymous (a keyed hash, never the user id)."""

from __future__ import annotations

from sqlalchemy import select

from core.pseudonyms import pseudonym
from db.models import PayReport
from tests.talent.test_pay import _cents, _estimate, _report


async def _contributor_keys(api) -> list[str | None]:
    async with api.db.read() as session:
        return list(await session.scalars(select(PayReport.contributor_key).order_by(PayReport.id)))


async def test_five_reports_from_one_account_give_no_estimate(api):
    stuffer = await api.person()
    for amount in (2600, 2800, 3000, 3200, 3400):
        assert (await _report(api, stuffer.token, amount))["userErrors"] == []

    refused = await _estimate(api, unit="HOUR")

    assert [e["code"] for e in refused["userErrors"]] == ["INSUFFICIENT_DATA"] and refused["estimate"] is None
    assert "Fewer than 5 people and employers" in refused["userErrors"][0]["message"]
    assert len(set(await _contributor_keys(api))) == 1  # five rows, one contributor


async def test_one_account_counts_once_and_at_the_median_of_its_reports(api):
    stuffer = await api.person()
    for _ in range(10):
        await _report(api, stuffer.token, 10_000)  # $100 an hour, ten times
    for amount in (2800, 3000, 3000, 3200):
        await _report(api, (await api.person()).token, amount)

    estimate = (await _estimate(api, unit="HOUR"))["estimate"]

    assert estimate["sampleSize"] == 5 and estimate["sources"] == {"reports": 5, "postings": 0}
    assert _cents(estimate)[1] == 3000  # the ten reports are one voice, not the majority


async def test_the_contributor_is_kept_as_a_keyed_hash_never_the_user_id(api):
    alice, bob = await api.person(), await api.person()
    for who in (alice, alice, bob):
        await _report(api, who.token, 3000)

    first, again, other = await _contributor_keys(api)

    assert first == again != other  # the same person, the same key; another person, another key
    assert first is not None and other is not None and len(first) == 64
    secret = api.settings.secret_key
    assert first == pseudonym(secret, "pay-report", alice.id)
    assert pseudonym(secret + "-rotated", "pay-report", alice.id) != first  # nothing to guess without the key
