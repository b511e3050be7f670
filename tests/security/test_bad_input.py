"""Bad input is a clear error with a code, never "Unexpected error." (INTERNAL), and changes nothing.

Each used to end as INTERNAL: a cursor encoding a huge offset, a huge search string (SQLite: "LIKE
pattern too complex"), a decimal literal for Cents, a DateTime without a time zone or out of range.
"""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import func, select

from db.models import Listing, StudentCredential
from tests.donations.support import LISTING_CREATE, category, make_listing, parties

NEEDS_AFTER = "query ($after: String) { needs(first: 5, after: $after) { edges { cursor } } }"
SEARCH = "query ($s: String) { %s(filter: {search: $s}) { edges { cursor } } }"


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


async def _error(api, document: str, variables: dict | None = None, token: str | None = None) -> dict:
    response = await api.post(document, variables, token=token)
    assert response.status_code == 200
    body = response.json()
    assert body.get("data") in (None, {}) or all(v is None for v in body["data"].values()), body
    (error,) = body["errors"]
    return error


async def _listings(api) -> int:
    async with api.db.read() as session:
        return await session.scalar(select(func.count()).select_from(Listing))


@pytest.mark.parametrize("offset", ["9" * 40, str(2**63), "1000000001", "-1", "1e9"])
async def test_a_cursor_with_a_huge_or_odd_offset_is_invalid(api, offset):
    error = await _error(api, NEEDS_AFTER, {"after": _cursor(f"cursor:{offset}")})
    assert error["extensions"] == {"code": "INVALID", "field": ["after"]}
    assert error["message"] == "after is not a cursor from this API."


async def test_a_long_cursor_is_invalid_without_being_decoded(api):
    error = await _error(api, NEEDS_AFTER, {"after": "A" * 100_000})
    assert error["extensions"] == {"code": "INVALID", "field": ["after"]}


async def test_the_deepest_valid_cursor_still_answers(api):
    data = await api.gql(NEEDS_AFTER, {"after": _cursor("cursor:999999999")})
    assert data["needs"]["edges"] == []


@pytest.mark.parametrize("field", ["needs", "listings", "organizations", "jobPostings"])
async def test_a_huge_search_string_is_too_long_not_an_error_of_the_database(api, field):
    p = await parties(api)
    await make_listing(api, p)  # rows to match against: SQLite only fails on a real comparison
    error = await _error(api, SEARCH % field, {"s": "welder%" * 140_000})  # just under the 1 MB body limit
    assert error["extensions"] == {"code": "TOO_LONG", "field": ["filter", "search"]}
    assert "at most 200 characters" in error["message"]


@pytest.mark.parametrize(
    ("document", "variables"),
    [
        ("query ($t: String) { skills(search: $t) { name } }", {"t": "x" * 10_000}),
        ("query ($t: String!) { categorySuggest(text: $t) { score } }", {"t": "x" * 10_000}),
        ("query ($t: String) { credentials(filter: {search: $t}) { code } }", {"t": "x" * 10_000}),
    ],
)
async def test_other_search_boxes_are_capped_too(api, document, variables):
    error = await _error(api, document, variables)
    assert error["extensions"]["code"] == "TOO_LONG"


def _listing(p, amount: str, until: str | None = None) -> str:
    extra = f", availableUntil: {json.dumps(until)}" if until else ""
    return (
        "mutation { listingCreate(input: {"
        f'donorId: "{p.donor}", categoryId: "{category("welding-strsw")}", title: "Welder", condition: GOOD, '
        f"quantity: 1, fulfillment: [SHIP], unitValue: {{amount: {amount}}}{extra}"
        "}) { listing { id } userErrors { code } } }"
    )


@pytest.mark.parametrize(("amount", "code"), [("12.5", "INVALID"), ('"1250"', "INVALID"), (str(2**60), "OUT_OF_RANGE")])
async def test_a_money_amount_that_is_not_whole_cents_is_refused(api, amount, code):
    p = await parties(api)
    error = await _error(api, _listing(p, amount), token=p.donor_member.token)
    assert error["extensions"] == {"code": code}
    assert "Cents must be" in error["message"]
    at_least = (
        "query ($m: MoneyInput!) { jobPostings(filter: {payAtLeast: {amount: $m, unit: HOUR}}) { edges { cursor } } }"
    )
    error = await _error(api, at_least, {"m": {"amount": 12.5}})
    assert "Cents must be a whole number of cents" in error["message"] and error["extensions"]["code"] == "INVALID"
    assert await _listings(api) == 0


@pytest.mark.parametrize(
    ("until", "code", "says"),
    [
        ("2030-01-01T00:00:00", "INVALID", "needs a time zone"),
        ("9999-12-31T23:59:59-05:00", "OUT_OF_RANGE", "between the years 1900 and 2999"),
        ("0001-01-01T00:00:00+05:00", "OUT_OF_RANGE", "between the years 1900 and 2999"),
        ("next tuesday", "INVALID", "ISO 8601"),
    ],
)
async def test_a_datetime_without_a_zone_or_out_of_range_is_refused(api, until, code, says):
    p = await parties(api)
    for sent_as in ("literal", "variable"):
        if sent_as == "literal":
            error = await _error(api, _listing(p, "100", until), token=p.donor_member.token)
        else:
            base = {
                "donorId": p.donor,
                "categoryId": category("welding-strsw"),
                "title": "Welder",
                "condition": "GOOD",
                "quantity": 1,
                "unitValue": {"amount": 100},
                "fulfillment": ["SHIP"],
            }
            variables = {"input": {**base, "availableUntil": until}}
            error = await _error(api, LISTING_CREATE, variables, token=p.donor_member.token)
        assert error["extensions"]["code"] == code, (sent_as, error)
        assert says in error["message"], (sent_as, error)
    assert await _listings(api) == 0


async def test_a_datetime_with_an_offset_is_kept_as_the_same_moment_in_utc(api):
    p = await parties(api)
    listing = await make_listing(api, p, availableUntil="2030-01-01T09:00:00-05:00")
    data = await api.gql("query ($id: ID!) { listing(id: $id) { availableUntil } }", {"id": listing})
    assert data["listing"]["availableUntil"] == "2030-01-01T14:00:00+00:00"


@pytest.mark.parametrize(("day", "code"), [("0001-01-01", "OUT_OF_RANGE"), ("2026-02-30", "INVALID")])
async def test_a_date_out_of_range_or_impossible_is_refused(api, day, code):
    student = await api.person()
    add = 'mutation ($d: Date!) { studentCredentialAdd(input: {code: "ASE-A5", earnedOn: $d}) { userErrors { code } } }'
    error = await _error(api, add, {"d": day}, token=student.token)
    assert error["extensions"]["code"] == code
    async with api.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(StudentCredential)) == 0


@pytest.mark.parametrize("pk", [str(2**63), "9" * 30, "0", "-4"])
async def test_an_id_with_a_number_no_database_holds_is_invalid(api, pk):
    # found by the schema fuzzer: Need:9223372036854775808 overflowed SQLite's integer
    forged = base64.urlsafe_b64encode(f"Need:{pk}".encode()).decode().rstrip("=")
    error = await _error(api, "query ($id: ID!) { need(id: $id) { id } }", {"id": forged})
    assert error["extensions"] == {"code": "INVALID", "field": ["id"]}
