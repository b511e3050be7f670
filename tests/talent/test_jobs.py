"""The job board: postings with required pay, filters and orderings, and a constant number of SQL statements."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, func, select

from db.models import JobPosting, JobRequiredCredential
from tests.talent import flows
from tests.talent.flows import CREATE_POSTING, HOURLY_25_TO_32, codes, pay_range, usd

BROWSE = """
query ($filter: JobPostingFilter, $orderBy: JobPostingOrder, $first: Int, $after: String) {
  jobPostings(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges { node { id title distanceKm pay { min { amount } max { amount } unit } } }
    pageInfo { hasNextPage endCursor }
  }
}"""
COUNTED = "{ jobPostings(first: 50) { edges { node { employer { name } requiredCredentials { code } } } } }"
UPDATE = """
mutation ($input: JobPostingUpdateInput!) {
  jobPostingUpdate(input: $input) {
    jobPosting { title pay { min { amount } max { amount } } requiredCredentials { code } } userErrors { field code }
  }
}"""
CLOSE = """
mutation ($input: JobPostingCloseInput!) {
  jobPostingClose(input: $input) { jobPosting { status } userErrors { code } }
}"""


async def _postings(api) -> int:
    async with api.db.read() as session:
        return await session.scalar(select(func.count()).select_from(JobPosting))


async def test_employer_posts_a_job_with_pay_credentials_and_skills(api):
    shop = await flows.employer(api)
    data = await api.gql(
        CREATE_POSTING,
        {
            "input": {
                "employerId": shop.gid,
                "title": "Refinish Technician",
                "roleType": "REFINISH_TECHNICIAN",
                "pay": pay_range(5_200_000, 7_280_000, "YEAR", "SALARY"),
                "requiredCredentials": ["ase-b2", "ICAR-REF-PL1"],
                "preferredSkills": ["tinting", "spray technique", "car wrapping"],
                "benefits": ["PAID_TRAINING", "TOOL_ALLOWANCE"],
                "programs": ["REFINISH"],
            }
        },
        token=shop.owner.token,
    )
    payload = data["jobPostingCreate"]
    assert payload["userErrors"] == []
    job = payload["jobPosting"]
    assert job["pay"] == {
        "min": usd(5_200_000),
        "max": usd(7_280_000),
        "unit": "YEAR",
        "basis": "SALARY",
        "hourlyMin": {"amount": 2500},
        "hourlyMax": {"amount": 3500},
    }
    assert [c["code"] for c in job["requiredCredentials"]] == ["ASE-B2", "ICAR-REF-PL1"]
    assert [s["name"] for s in job["preferredSkills"]] == ["Color matching", "Spray gun technique"]
    assert job["otherPreferredSkills"] == ["car wrapping"] and payload["skillSuggestions"][0]["given"] == "car wrapping"
    assert job["postalCode"] == "48226" and job["status"] == "OPEN"  # defaults to the shop's address


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"pay": None}, "PAY_REQUIRED", ["pay"]),
        ({"pay": {**HOURLY_25_TO_32, "min": usd(4000)}}, "PAY_MIN_ABOVE_MAX", ["pay", "min"]),
        ({"pay": {**HOURLY_25_TO_32, "min": usd(0)}}, "OUT_OF_RANGE", ["pay", "min"]),
        ({"pay": {**HOURLY_25_TO_32, "basis": "SALARY"}}, "PAY_BASIS_MISMATCH", ["pay", "basis"]),
        ({"pay": {**HOURLY_25_TO_32, "max": usd(25_000_00)}}, "OUT_OF_RANGE", ["pay", "max"]),
        (
            {"pay": {**HOURLY_25_TO_32, "max": {"amount": 3200, "currency": "CAD"}}},
            "INVALID_CURRENCY",
            ["pay", "max", "currency"],
        ),
        ({"requiredCredentials": ["ASE-A1", "NOPE"]}, "UNKNOWN_CREDENTIAL", ["requiredCredentials"]),
        ({"title": " "}, "REQUIRED", ["title"]),
        ({"openings": 0}, "OUT_OF_RANGE", ["openings"]),
        ({"closesOn": (date.today() - timedelta(days=1)).isoformat()}, "OUT_OF_RANGE", ["closesOn"]),
        ({"postalCode": "00000"}, "UNKNOWN_POSTAL_CODE", ["postalCode"]),
    ],
)
async def test_bad_postings_are_refused_and_nothing_saved(api, change, code, field):
    shop = await flows.employer(api)
    values = {"employerId": shop.gid, "title": "Technician", "roleType": "TECHNICIAN", "pay": HOURLY_25_TO_32, **change}
    data = await api.gql(CREATE_POSTING, {"input": values}, token=shop.owner.token)
    payload = data["jobPostingCreate"]
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)]
    assert payload["jobPosting"] is None
    assert await _postings(api) == 0


async def test_pay_is_usd_money_whatever_case_or_default_the_input_used(api):
    shop = await flows.employer(api)
    pay = {"min": {"amount": 2500}, "max": {"amount": 3200, "currency": "usd"}, "unit": "HOUR", "basis": "HOURLY"}
    values = {"employerId": shop.gid, "title": "Technician", "roleType": "TECHNICIAN", "pay": pay}
    payload = (await api.gql(CREATE_POSTING, {"input": values}, token=shop.owner.token))["jobPostingCreate"]
    assert payload["userErrors"] == []
    assert payload["jobPosting"]["pay"]["min"] == usd(2500) and payload["jobPosting"]["pay"]["max"] == usd(3200)
    formatted = "query ($id: ID!) { jobPosting(id: $id) { pay { max { formatted } } } }"
    shown = await api.gql(formatted, {"id": payload["jobPosting"]["id"]})
    assert shown["jobPosting"]["pay"]["max"]["formatted"] == "32.00 USD"


async def test_only_the_employers_members_or_its_talent_app_post(api):
    shop = await flows.employer(api)
    school_owner = await api.person()
    school = await api.organization(owner=school_owner, kinds=("SCHOOL",))
    values = {"employerId": shop.gid, "title": "Technician", "roleType": "TECHNICIAN", "pay": HOURLY_25_TO_32}
    stranger = await api.person()
    data = await api.gql(CREATE_POSTING, {"input": values}, token=stranger.token)
    assert codes(data["jobPostingCreate"]) == ["PERMISSION_DENIED"]
    data = await api.gql(
        CREATE_POSTING, {"input": {**values, "employerId": flows.gid("Organization", school)}}, token=school_owner.token
    )
    assert codes(data["jobPostingCreate"]) == ["NOT_AN_EMPLOYER"]
    read_only = await flows.app_token(api, shop, ["TALENT_READ"])
    data = await api.gql(CREATE_POSTING, {"input": values}, token=read_only)
    assert codes(data["jobPostingCreate"]) == ["PERMISSION_DENIED"]
    assert await _postings(api) == 0
    writer = await flows.app_token(api, shop, ["TALENT_WRITE"])
    data = await api.gql(CREATE_POSTING, {"input": values}, token=writer)
    assert data["jobPostingCreate"]["userErrors"] == []


async def test_update_replaces_fields_and_close_stops_listing(api):
    shop = await flows.employer(api)
    other = await flows.employer(api)
    job = await flows.posting(api, shop, requiredCredentials=["ASE-A5"])
    data = await api.gql(
        UPDATE,
        {"input": {"id": job, "pay": {**HOURLY_25_TO_32, "max": usd(3600)}, "requiredCredentials": ["ASE-A4"]}},
        token=shop.owner.token,
    )
    assert data["jobPostingUpdate"]["jobPosting"] == {
        "title": "Collision Technician",
        "pay": {"min": {"amount": 2500}, "max": {"amount": 3600}},
        "requiredCredentials": [{"code": "ASE-A4"}],
    }
    hidden = await api.gql(UPDATE, {"input": {"id": job, "title": "Mine now"}}, token=other.owner.token)
    assert codes(hidden["jobPostingUpdate"]) == ["NOT_FOUND"]
    close = {"input": {"id": job}}
    assert codes((await api.gql(CLOSE, close, token=other.owner.token))["jobPostingClose"]) == ["NOT_FOUND"]
    closed = await api.gql(CLOSE, close, token=shop.owner.token)
    assert closed["jobPostingClose"]["jobPosting"]["status"] == "CLOSED"
    assert codes((await api.gql(CLOSE, close, token=shop.owner.token))["jobPostingClose"]) == ["INVALID_TRANSITION"]
    changed_closed = await api.gql(UPDATE, {"input": {"id": job, "title": "Late"}}, token=shop.owner.token)
    assert codes(changed_closed["jobPostingUpdate"]) == ["POSTING_CLOSED"]
    assert (await api.gql(BROWSE))["jobPostings"]["edges"] == []


async def test_filters_and_orderings(api):
    detroit = await flows.employer(api, "48226")
    lansing = await flows.employer(api, "48933")
    near = await flows.posting(
        api,
        detroit,
        title="Body tech 100% flat rate",
        roleType="TECHNICIAN",
        pay=pay_range(2800, 4000, "HOUR", "FLAT_RATE"),
        requiredCredentials=["ASE-B3"],
        benefits=["HEALTH", "PTO"],
        programs=["COLLISION"],
    )
    apprentice = await flows.posting(
        api,
        detroit,
        postalCode="48126",
        title="Apprentice",
        roleType="APPRENTICE",
        pay=pay_range(1600, 1900),
        benefits=["PAID_TRAINING"],
        programs=["AUTOMOTIVE"],
    )
    far = await flows.posting(
        api,
        lansing,
        title="Estimator",
        roleType="ESTIMATOR",
        pay=pay_range(8_000_000, 10_000_000, "YEAR", "SALARY"),
        benefits=["HEALTH", "PTO", "RETIREMENT"],
        programs=["ESTIMATING", "COLLISION"],
    )

    async def ids(filter=None, order=None):
        data = await api.gql(BROWSE, {"filter": filter, "orderBy": order})
        return [e["node"]["id"] for e in data["jobPostings"]["edges"]]

    assert await ids() == [far, apprentice, near]  # newest first
    nearby = await api.gql(BROWSE, {"filter": {"near": {"postalCode": "48226", "radiusKm": 40}}})
    edges = nearby["jobPostings"]["edges"]
    assert [e["node"]["id"] for e in edges] == [near, apprentice]
    assert edges[0]["node"]["distanceKm"] == pytest.approx(0, abs=0.5) and 5 < edges[1]["node"]["distanceKm"] < 20
    assert await ids({"near": {"postalCode": "48226", "radiusKm": 200}}, "PAY") == [far, near, apprentice]
    assert await ids(None, "PAY") == [far, near, apprentice]
    assert await ids({"roleType": ["APPRENTICE", "ESTIMATOR"]}) == [far, apprentice]
    assert await ids({"program": "COLLISION"}) == [far, near]
    assert await ids({"payAtLeast": {"amount": usd(3500), "unit": "HOUR"}}) == [far, near]
    assert await ids({"payAtLeast": {"amount": {"amount": 9_000_000}, "unit": "YEAR"}}) == [far]  # USD by default
    assert await ids({"credential": "ase-b3"}) == [near]
    assert await ids({"benefits": ["HEALTH", "PTO"]}) == [far, near]
    assert await ids({"search": "100%"}) == [near]
    assert await ids({"search": "_"}) == []  # literal, not a wildcard
    assert await ids({"employerId": lansing.gid}) == [far]
    errors = await api.errors(BROWSE, {"orderBy": "DISTANCE"})
    assert errors[0]["extensions"]["code"] == "REQUIRED"
    errors = await api.errors(
        BROWSE, {"filter": {"payAtLeast": {"amount": {"amount": 3500, "currency": "EUR"}, "unit": "HOUR"}}}
    )
    assert errors[0]["extensions"] == {
        "code": "INVALID_CURRENCY",
        "field": ["filter", "payAtLeast", "amount", "currency"],
    }


async def test_pages_follow_cursors(api):
    shop = await flows.employer(api)
    made = [await flows.posting(api, shop, title=f"Job {i}") for i in range(5)]
    first = (await api.gql(BROWSE, {"first": 2}))["jobPostings"]
    second = (await api.gql(BROWSE, {"first": 10, "after": first["pageInfo"]["endCursor"]}))["jobPostings"]
    seen = [e["node"]["id"] for e in first["edges"] + second["edges"]]
    assert seen == list(reversed(made))
    assert first["pageInfo"]["hasNextPage"] and not second["pageInfo"]["hasNextPage"]


async def _seed_postings(api, n: int) -> None:
    shops = [await flows.employer(api, name=f"Shop {i}") for i in range(3)]
    async with api.db.write() as session:
        for i in range(n):
            posting = JobPosting(
                employer_id=shops[i % 3].org_id,
                title=f"Job {i}",
                role_type="TECHNICIAN",
                postal_code="48226",
                latitude=42.33,
                longitude=-83.05,
                pay_min_cents=2500,
                pay_max_cents=3000,
                pay_unit="HOUR",
                pay_basis="HOURLY",
                pay_min_hourly_cents=2500,
                pay_max_hourly_cents=3000,
            )
            session.add(posting)
            await session.flush()
            session.add_all(JobRequiredCredential(job_posting_id=posting.id, credential_id=c) for c in (1, 2 + i % 5))


async def test_listing_postings_costs_the_same_sql_for_5_and_50(api, count_sql):
    counts = []
    for size in (5, 50):
        async with api.db.write() as session:
            await session.execute(delete(JobRequiredCredential))
            await session.execute(delete(JobPosting))
        await _seed_postings(api, size)
        with count_sql() as counter:
            data = await api.gql(COUNTED)
        edges = data["jobPostings"]["edges"]
        assert len(edges) == size and all(len(e["node"]["requiredCredentials"]) == 2 for e in edges)
        assert edges[0]["node"]["employer"]["name"].startswith("Shop")
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
    print(f"jobPostings SQL statements: 5 postings -> {counts[0]}, 50 postings -> {counts[1]}")
