"""ISO 4217 currencies from a maintained list, everywhere a currency is accepted: any three letters
used to pass (`ZZZ` was stored as a listing's currency)."""

from __future__ import annotations

import pytest
from graphql import GraphQLInputObjectType, get_named_type
from sqlalchemy import func, select

from db.models import JobPosting, Listing, PayReport, Scholarship
from schema import build_schema
from tests.donations.support import LISTING_CREATE, category, make_listing, parties
from tests.pathways.test_scholarships import CREATE as SCHOLARSHIP_CREATE
from tests.pathways.test_scholarships import foundation, scholarship_input
from tests.talent import flows
from tests.talent.flows import CREATE_POSTING, pay_range
from tests.talent.test_pay import SUBMIT as PAY_REPORT

NOT_ISO = "ZZZ"  # three letters, no currency
LISTING_UPDATE = """
mutation ($input: ListingUpdateInput!) {
  listingUpdate(input: $input) { listing { unitValue { amount currency formatted } } userErrors { field code message } }
}"""
JOBS = """
query ($filter: JobPostingFilter) { jobPostings(filter: $filter) { edges { node { id } } } }"""
# Every input field of type MoneyInput, and the test below that covers it.
COVERED = {
    ("ListingCreateInput", "unitValue"),
    ("ListingUpdateInput", "unitValue"),
    ("ScholarshipCreateInput", "amount"),
    ("PayInput", "amount"),
    ("PayRangeInput", "min"),
    ("PayRangeInput", "max"),
    ("PayAmountInput", "amount"),
}


async def _count(api, model) -> int:
    async with api.db.read() as session:
        return await session.scalar(select(func.count()).select_from(model))


def test_every_money_input_in_the_schema_is_covered_here():
    schema = build_schema()._schema
    found = {
        (name, field_name)
        for name, type_ in schema.type_map.items()
        if isinstance(type_, GraphQLInputObjectType)
        for field_name, field in type_.fields.items()
        if get_named_type(field.type).name == "MoneyInput"
    }
    assert found == COVERED


def _refusal(payload: dict) -> list[tuple[str, list[str]]]:
    return [(e["code"], e["field"]) for e in payload["userErrors"]]


async def test_a_listing_refuses_a_code_iso_4217_does_not_list(api):
    p = await parties(api)
    base = {
        "donorId": p.donor,
        "categoryId": category("welding-strsw"),
        "title": "Spot welder",
        "condition": "GOOD",
        "quantity": 1,
        "fulfillment": ["SHIP"],
    }
    refused = await api.gql(
        LISTING_CREATE,
        {"input": {**base, "unitValue": {"amount": 100, "currency": NOT_ISO}}},
        token=p.donor_member.token,
    )
    assert _refusal(refused["listingCreate"]) == [("INVALID_CURRENCY", ["unitValue", "currency"])]
    assert "'ZZZ' is not an ISO 4217 currency code" in refused["listingCreate"]["userErrors"][0]["message"]
    assert await _count(api, Listing) == 0

    listing = await make_listing(api, p)
    update = {"id": listing, "unitValue": {"amount": 100, "currency": NOT_ISO}}
    refused = await api.gql(LISTING_UPDATE, {"input": update}, token=p.donor_member.token)
    assert _refusal(refused["listingUpdate"]) == [("INVALID_CURRENCY", ["unitValue", "currency"])]
    async with api.db.read() as session:
        assert (await session.scalar(select(Listing.currency))) == "USD"

    # a real currency with no minor unit is shown as such
    update = {"id": listing, "unitValue": {"amount": 150_000, "currency": "jpy"}}
    changed = await api.gql(LISTING_UPDATE, {"input": update}, token=p.donor_member.token)
    assert changed["listingUpdate"]["listing"]["unitValue"] == {
        "amount": 150_000,
        "currency": "JPY",
        "formatted": "150,000 JPY",
    }


async def test_a_scholarship_refuses_a_code_iso_4217_does_not_list(api):
    manager, sponsor = await foundation(api)
    refused = await api.gql(
        SCHOLARSHIP_CREATE, scholarship_input(sponsor, amount={"amount": 100, "currency": NOT_ISO}), token=manager.token
    )
    assert _refusal(refused["scholarshipCreate"]) == [("INVALID_CURRENCY", ["amount", "currency"])]
    assert await _count(api, Scholarship) == 0


@pytest.mark.parametrize(("currency", "says"), [(NOT_ISO, "not an ISO 4217"), ("CAD", "USD only")])
async def test_pay_reports_and_postings_take_a_listed_code_and_then_only_usd(api, currency, says):
    tech = await api.person()
    report = {
        "roleType": "TECHNICIAN",
        "postalCode": "48226",
        "pay": {"amount": {"amount": 3000, "currency": currency}, "unit": "HOUR", "basis": "HOURLY"},
    }
    refused = (await api.gql(PAY_REPORT, {"input": report}, token=tech.token))["payReportSubmit"]
    assert refused == {
        "submitted": False,
        "userErrors": [{"field": ["pay", "amount", "currency"], "code": "INVALID_CURRENCY"}],
    }
    assert await _count(api, PayReport) == 0

    shop = await flows.employer(api)
    pay = pay_range(2500, 3200)
    pay["max"]["currency"] = currency
    values = {"employerId": shop.gid, "title": "Technician", "roleType": "TECHNICIAN", "pay": pay}
    posted = (await api.gql(CREATE_POSTING, {"input": values}, token=shop.owner.token))["jobPostingCreate"]
    assert _refusal(posted) == [("INVALID_CURRENCY", ["pay", "max", "currency"])]
    assert says in posted["userErrors"][0]["message"]
    assert await _count(api, JobPosting) == 0

    at_least = {"amount": {"amount": 2000, "currency": currency}, "unit": "HOUR"}
    response = await api.post(JOBS, {"filter": {"payAtLeast": at_least}})
    (error,) = response.json()["errors"]
    assert error["extensions"] == {"code": "INVALID_CURRENCY", "field": ["filter", "payAtLeast", "amount", "currency"]}
