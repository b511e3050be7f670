"""Bad input gets a clear userErrors code and changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from db.models import Donation, DonationReceipt, Listing, Need
from tests.donations.support import (
    APPROVE,
    LISTING_CREATE,
    LISTING_STATE,
    NEED_CREATE,
    NEED_STATE,
    RECEIVE,
    SHIP,
    category,
    later,
    make_listing,
    make_need,
    parties,
    request,
    requested,
    step,
    userErrors,
)
from tests.support import gid


async def counts(db) -> tuple[int, int, int, int]:
    async with db.read() as session:
        return tuple(
            [
                await session.scalar(select(func.count()).select_from(model))
                for model in (Need, Listing, Donation, DonationReceipt)
            ]
        )


def need_input(p, **changes) -> dict:
    return {
        "schoolId": p.school,
        "categoryId": category("welding-strsw"),
        "title": "Spot welder",
        "quantity": 2,
        **changes,
    }


def listing_input(p, **changes) -> dict:
    return {
        "donorId": p.donor,
        "categoryId": category("welding-strsw"),
        "title": "Spot welder",
        "condition": "GOOD",
        "quantity": 2,
        "unitValue": {"amount": 1000, "currency": "USD"},
        "fulfillment": ["SHIP"],
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"quantity": 0}, "OUT_OF_RANGE", ["quantity"]),
        ({"quantity": -3}, "OUT_OF_RANGE", ["quantity"]),
        ({"quantity": 1_000_000_000}, "OUT_OF_RANGE", ["quantity"]),
        ({"title": "x" * 4000}, "TOO_LONG", ["title"]),
        ({"title": "   "}, "REQUIRED", ["title"]),
        ({"categoryId": gid("Category", 99_999)}, "UNKNOWN_CATEGORY", ["categoryId"]),
        ({"neededBy": "2001-01-01"}, "OUT_OF_RANGE", ["neededBy"]),
    ],
)
async def test_bad_needs_are_refused(api, db, changes, code, field):
    p = await parties(api)
    data = await api.gql(NEED_CREATE, {"input": need_input(p, **changes)}, token=p.school_member.token)
    assert [(e["code"], e["field"]) for e in data["needCreate"]["userErrors"]] == [(code, field)]
    assert data["needCreate"]["need"] is None
    assert await counts(db) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"quantity": 0}, "OUT_OF_RANGE", ["quantity"]),
        ({"quantity": -1}, "OUT_OF_RANGE", ["quantity"]),
        ({"quantity": 2_000_000_000}, "OUT_OF_RANGE", ["quantity"]),
        ({"title": "t" * 4000}, "TOO_LONG", ["title"]),
        ({"categoryId": gid("Category", 4242)}, "UNKNOWN_CATEGORY", ["categoryId"]),
        ({"unitValue": {"amount": -5}}, "OUT_OF_RANGE", ["unitValue", "amount"]),
        ({"unitValue": {"amount": 10**15}}, "OUT_OF_RANGE", ["unitValue", "amount"]),
        ({"unitValue": {"amount": 100, "currency": "dollars"}}, "INVALID_CURRENCY", ["unitValue", "currency"]),
        ({"fulfillment": []}, "REQUIRED", ["fulfillment"]),
        ({"availableUntil": "2020-01-01T00:00:00+00:00"}, "OUT_OF_RANGE", ["availableUntil"]),
        ({"postalCode": "00000"}, "UNKNOWN_POSTAL_CODE", ["postalCode"]),
    ],
)
async def test_bad_listings_are_refused(api, db, changes, code, field):
    p = await parties(api)
    data = await api.gql(LISTING_CREATE, {"input": listing_input(p, **changes)}, token=p.donor_member.token)
    errors = data["listingCreate"]["userErrors"]
    assert [e["code"] for e in errors] == [code], errors
    assert errors[0]["field"] == field
    assert await counts(db) == (0, 0, 0, 0)


async def test_a_quantity_beyond_graphql_int_is_a_validation_error_not_a_500(api, db):
    p = await parties(api)
    errors = await api.errors(LISTING_CREATE, {"input": listing_input(p, quantity=2**40)}, token=p.donor_member.token)
    assert "Int cannot represent" in errors[0]["message"]
    assert await counts(db) == (0, 0, 0, 0)


async def test_a_need_for_another_school_or_a_listing_for_another_donor_is_refused(api, db):
    p, other = await parties(api), await parties(api)
    need = await api.gql(NEED_CREATE, {"input": need_input(other)}, token=p.school_member.token)
    listing = await api.gql(LISTING_CREATE, {"input": listing_input(other)}, token=p.donor_member.token)
    assert userErrors(need["needCreate"]) == ["PERMISSION_DENIED"]
    assert userErrors(listing["listingCreate"]) == ["PERMISSION_DENIED"]
    as_school = await api.gql(
        LISTING_CREATE, {"input": listing_input(p, donorId=p.school)}, token=p.school_member.token
    )
    assert userErrors(as_school["listingCreate"]) == ["INVALID"]  # a school is not a donor
    assert await counts(db) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("quantity", "code"),
    [
        (0, "OUT_OF_RANGE"),
        (-2, "OUT_OF_RANGE"),
        (1_000_000_000, "OUT_OF_RANGE"),
        (7, "INSUFFICIENT_QUANTITY"),  # the listing has 6
        (5, "EXCEEDS_NEED"),  # the need asks for 4
    ],
)
async def test_bad_request_quantities(api, db, quantity, code):
    p = await parties(api)
    need, listing = await make_need(api, p, quantity=4), await make_listing(api, p, quantity=6)
    assert userErrors(await request(api, p, listing, need, quantity)) == [code]
    assert await counts(db) == (1, 1, 0, 0)


async def test_requesting_for_a_need_of_another_school(api, db):
    p, other = await parties(api), await parties(api)
    listing, foreign_need = await make_listing(api, p), await make_need(api, other)
    payload = await request(api, p, listing, foreign_need, 1)
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [("PERMISSION_DENIED", ["needId"])]
    assert (await counts(db))[2] == 0


async def test_requesting_a_listing_past_its_available_until(api, db):
    p = await parties(api)
    need, listing = await make_need(api, p), await make_listing(api, p, availableUntil=later(1))
    async with db.write() as session:
        await session.execute(update(Listing).values(available_until=datetime.now(UTC) - timedelta(hours=1)))
    assert userErrors(await request(api, p, listing, need, 1)) == ["LISTING_EXPIRED"]
    assert (await api.gql(LISTING_STATE, {"id": listing}))["listing"]["status"] == "EXPIRED"
    assert (await counts(db))[2] == 0


async def test_requesting_ones_own_listing(api, db):
    both = await api.person("Runs a shop that also teaches")
    org = await api.organization(owner=both, kinds=("SCHOOL", "DONOR"), name="Academy Collision")
    org_gid = gid("Organization", org)
    need = await api.gql(
        NEED_CREATE,
        {"input": {"schoolId": org_gid, "categoryId": category("welding-strsw"), "title": "Welder", "quantity": 1}},
        token=both.token,
    )
    listing = await api.gql(
        LISTING_CREATE,
        {
            "input": {
                "donorId": org_gid,
                "categoryId": category("welding-strsw"),
                "title": "Welder",
                "condition": "GOOD",
                "quantity": 1,
                "unitValue": {"amount": 1},
                "fulfillment": ["PICKUP"],
            }
        },
        token=both.token,
    )
    payload = (
        await api.gql(
            """mutation ($input: DonationRequestInput!) { donationRequest(input: $input) {
        userErrors { code field } } }""",
            {
                "input": {
                    "listingId": listing["listingCreate"]["listing"]["id"],
                    "needId": need["needCreate"]["need"]["id"],
                    "quantity": 1,
                }
            },
            token=both.token,
        )
    )["donationRequest"]
    assert payload["userErrors"] == [{"code": "OWN_LISTING", "field": ["listingId"]}]
    assert (await counts(db))[2] == 0


async def test_a_second_open_request_for_the_same_pair_is_a_duplicate(api, db):
    p = await parties(api)
    need, listing = await make_need(api, p), await make_listing(api, p)
    await requested(api, p, listing, need, 1)
    assert userErrors(await request(api, p, listing, need, 1)) == ["DUPLICATE"]
    assert (await counts(db))[2] == 1


async def test_approving_twice_reserves_once(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=5)
    donation = await requested(api, p, listing, await make_need(api, p), 2)
    assert userErrors(await step(api, APPROVE, p.donor_member.token, id=donation)) == []
    assert userErrors(await step(api, APPROVE, p.donor_member.token, id=donation)) == ["INVALID_TRANSITION"]
    assert (await api.gql(LISTING_STATE, {"id": listing}))["listing"]["quantityReserved"] == 2


async def test_receiving_before_shipping(api, db):
    p = await parties(api)
    need = await make_need(api, p)
    donation = await requested(api, p, await make_listing(api, p), need, 1)
    assert userErrors(await step(api, RECEIVE, p.school_member.token, id=donation)) == ["INVALID_TRANSITION"]
    await step(api, APPROVE, p.donor_member.token, id=donation)
    assert userErrors(await step(api, RECEIVE, p.school_member.token, id=donation)) == ["INVALID_TRANSITION"]
    assert (await api.gql(NEED_STATE, {"id": need}))["need"]["quantityFulfilled"] == 0
    assert (await counts(db))[3] == 0


async def test_quantity_cannot_drop_below_what_is_reserved_or_received(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=5)
    donation = await requested(api, p, listing, await make_need(api, p), 3)
    await step(api, APPROVE, p.donor_member.token, id=donation)
    payload = (
        await api.gql(
            """mutation ($id: ID!) { listingUpdate(input: {id: $id, quantity: 2}) {
        listing { quantity } userErrors { code } } }""",
            {"id": listing},
            token=p.donor_member.token,
        )
    )["listingUpdate"]
    assert payload["userErrors"] == [{"code": "OUT_OF_RANGE"}]
    assert (await api.gql(LISTING_STATE, {"id": listing}))["listing"]["quantity"] == 5


async def test_unknown_or_malformed_ids(api):
    p = await parties(api)
    need, listing = await make_need(api, p), await make_listing(api, p)
    assert userErrors(await request(api, p, gid("Listing", 9999), need, 1)) == ["NOT_FOUND"]
    assert userErrors(await request(api, p, need, listing, 1)) == ["INVALID"]  # IDs of the wrong types
    assert userErrors(await step(api, APPROVE, p.donor_member.token, id="garbage")) == ["INVALID"]


async def test_shipping_needs_a_way_the_listing_offers_and_a_carrier(api):
    p = await parties(api)
    donation = await requested(api, p, await make_listing(api, p, fulfillment=["PICKUP"]), await make_need(api, p), 1)
    await step(api, APPROVE, p.donor_member.token, id=donation)
    assert userErrors(await step(api, SHIP, p.donor_member.token, id=donation, carrier="UPS")) == ["INVALID"]
    assert userErrors(await step(api, SHIP, p.donor_member.token, id=donation, method="PICKUP", carrier="x" * 101)) == [
        "TOO_LONG"
    ]
    shipped = await step(api, SHIP, p.donor_member.token, id=donation, method="PICKUP", arrangement="Fri 3pm")
    assert shipped["donation"]["status"] == "SHIPPED"
