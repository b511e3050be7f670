"""The pay tool: anonymous reports, widening search, and no estimate below five contributors."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import func, inspect, select

from db.models import PayReport
from tests.talent import flows
from tests.talent.flows import codes, pay_range, usd

SUBMIT = """
mutation ($input: PayReportSubmitInput!) { payReportSubmit(input: $input) { submitted userErrors { field code } } }"""
ESTIMATE = """
query ($input: PayEstimateInput!) {
  payEstimate(input: $input) {
    estimate { p25 { amount currency } median { amount currency } p75 { amount currency }
               sampleSize unit sources { reports postings } radiusKm state refinements }
    userErrors { field code message }
  }
}"""


async def _report(
    api,
    token,
    amount: int,
    postal_code: str = "48226",
    unit: str = "HOUR",
    basis: str = "HOURLY",
    currency: str = "USD",
    **extra,
) -> dict:
    data = await api.gql(
        SUBMIT,
        {
            "input": {
                "roleType": "TECHNICIAN",
                "postalCode": postal_code,
                "pay": {"amount": {"amount": amount, "currency": currency}, "unit": unit, "basis": basis},
                **extra,
            }
        },
        token=token,
    )
    return data["payReportSubmit"]


def _cents(estimate: dict) -> tuple[int, int, int]:
    """The estimate's percentiles in cents, after checking they are all in USD."""
    assert {estimate[p]["currency"] for p in ("p25", "median", "p75")} == {"USD"}
    return estimate["p25"]["amount"], estimate["median"]["amount"], estimate["p75"]["amount"]


async def _estimate(api, **values) -> dict:
    data = await api.gql(ESTIMATE, {"input": {"roleType": "TECHNICIAN", "postalCode": "48226", **values}})
    return data["payEstimate"]


async def test_reports_are_stored_without_anyone_s_identity(api):
    tech = await api.person()
    assert await _report(api, tech.token, 3000, credentials=["ASE-A5"], yearsExperience=4) == {
        "submitted": True,
        "userErrors": [],
    }
    columns = {c.key for c in inspect(PayReport).columns}
    assert not any("user" in name for name in columns)
    anonymous = await api.gql(
        SUBMIT,
        {
            "input": {
                "roleType": "TECHNICIAN",
                "postalCode": "48226",
                "pay": {"amount": usd(3000), "unit": "HOUR", "basis": "HOURLY"},
            }
        },
    )
    assert anonymous["payReportSubmit"] == {
        "submitted": False,
        "userErrors": [{"field": None, "code": "UNAUTHENTICATED"}],
    }
    async with api.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(PayReport)) == 1


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"postal_code": "00000"}, "UNKNOWN_POSTAL_CODE", ["postalCode"]),
        ({"amount": 0}, "OUT_OF_RANGE", ["pay", "amount"]),
        ({"basis": "SALARY"}, "PAY_BASIS_MISMATCH", ["pay", "basis"]),
        ({"currency": "CAD"}, "INVALID_CURRENCY", ["pay", "amount", "currency"]),
        ({"credentials": ["XYZ"]}, "UNKNOWN_CREDENTIAL", ["credentials"]),
        ({"yearsExperience": -1}, "OUT_OF_RANGE", ["yearsExperience"]),
    ],
)
async def test_bad_reports_are_refused(api, change, code, field):
    tech = await api.person()
    values = {"amount": 3000, **change}
    payload = await _report(api, tech.token, **values)
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)]
    async with api.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(PayReport)) == 0


async def test_no_estimate_below_five_data_points(api):
    for amount in (2600, 2800, 3000, 3200):
        await _report(api, (await api.person()).token, amount)
    refused = await _estimate(api)
    assert codes(refused) == ["INSUFFICIENT_DATA"] and refused["estimate"] is None
    await _report(api, (await api.person()).token, 6_656_000, unit="YEAR", basis="SALARY")  # $32/hour
    estimate = (await _estimate(api, unit="HOUR"))["estimate"]
    expected = np.percentile([2600, 2800, 3000, 3200, 3200], [25, 50, 75])
    assert _cents(estimate) == tuple(int(v) for v in expected)
    assert estimate["sampleSize"] == 5 and estimate["sources"] == {"reports": 5, "postings": 0}
    assert estimate["radiusKm"] == 25 and estimate["unit"] == "HOUR"
    yearly = (await _estimate(api))["estimate"]
    assert yearly["unit"] == "YEAR" and yearly["median"] == {"amount": 3000 * 2080, "currency": "USD"}


async def test_the_search_widens_to_the_state_and_counts_postings(api):
    for amount, code in ((2500, "48226"), (2700, "48126"), (2900, "48933"), (3100, "49503"), (3300, "49007")):
        # Detroit, Dearborn, Lansing, Grand Rapids, Kalamazoo
        await _report(api, (await api.person()).token, amount, postal_code=code)
    estimate = (await _estimate(api, unit="HOUR"))["estimate"]
    assert estimate["radiusKm"] is None and estimate["state"] == "MI" and estimate["sampleSize"] == 5
    shop, other_shop = await flows.employer(api), await flows.employer(api)
    await flows.posting(api, shop, pay=pay_range(2800, 3400))
    await flows.posting(api, other_shop, pay=pay_range(3000, 3600, basis="FLAT_RATE"))
    await flows.posting(api, shop, pay=pay_range(3000, 3600, basis="FLAT_RATE"), roleType="ESTIMATOR")  # not counted
    # Detroit and Dearborn reports plus two postings make four within 100 km; Lansing (131 km) makes five
    nearer = (await _estimate(api, unit="HOUR"))["estimate"]
    assert nearer["radiusKm"] == 200 and nearer["state"] is None
    assert nearer["sources"] == {"reports": 3, "postings": 2} and nearer["sampleSize"] == 5
    assert _cents(nearer)[1] == 2900  # reports 2500, 2700, 2900 and posting midpoints 3100, 3300


async def test_refinements_are_kept_only_with_enough_data(api):
    for amount in (3000, 3100, 3200, 3300, 3400):
        await _report(api, (await api.person()).token, amount, program="COLLISION", yearsExperience=8)
    for amount in (1800, 1900):
        await _report(api, (await api.person()).token, amount, program="AUTOMOTIVE", yearsExperience=1)
    collision = (await _estimate(api, program="COLLISION", unit="HOUR"))["estimate"]
    assert collision["refinements"] == ["PROGRAM"] and _cents(collision)[1] == 3200
    junior = (await _estimate(api, program="AUTOMOTIVE", yearsExperience=1, unit="HOUR"))["estimate"]
    assert junior["refinements"] == [] and junior["sampleSize"] == 7  # too few juniors: not singled out
    invalid = await _estimate(api, radiusKm=0)
    assert codes(invalid) == ["OUT_OF_RANGE"]
