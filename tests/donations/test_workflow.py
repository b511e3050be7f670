"""The request-to-receipt lifecycle over HTTP, as a school, a donor and a partner app would drive it."""

from __future__ import annotations

from tests.donations.support import (
    APPROVE,
    CANCEL,
    DECLINE,
    LISTING_STATE,
    NEED_STATE,
    RECEIVE,
    SHIP,
    make_listing,
    make_need,
    parties,
    request,
    requested,
    step,
    userErrors,
)
from tests.support import gid

APP_TOKEN_CREATE = """
mutation ($input: AppTokenCreateInput!) { appTokenCreate(input: $input) { token userErrors { code } } }"""
DONATION = """query ($id: ID!) { donation(id: $id) {
  status quantity message declineReason cancelReason declaredValue { amount currency formatted }
  shipment { method carrier trackingNumber }
  events { fromStatus toStatus viaApp note actor { name } organization { name } }
  receipt { number year donorName schoolName itemTitle categoryName condition quantity
            unitValue { amount } declaredValue { amount currency } }
  listing { title privateNotes } need { title status quantityFulfilled }
  donor { name contactEmail } school { name contactEmail contactPhone }
} }"""
NODE = """query ($id: ID!) { node(id: $id) { id ... on Donation { status } } }"""
RECEIPTS = """query ($donorId: ID, $year: Int) { receipts(donorId: $donorId, filter: {year: $year}, first: 10) {
  edges { node { number quantity declaredValue { amount } donor { name } school { name } } }
  pageInfo { hasNextPage }
} }"""
IMPACT = """query ($id: ID!) { organization(id: $id) { impact {
  itemsGiven donationsGiven valueGiven { amount currency } schoolsHelped
  itemsReceived donationsReceived valueReceived { amount currency } servicesFulfilled } } }"""
ORG_CONTACT = """query ($id: ID!) { organization(id: $id) { contactEmail contactPhone } }"""
LISTING_NOTES = """query ($id: ID!) { listing(id: $id) { privateNotes } }"""
WITHDRAW = """mutation ($input: ListingWithdrawInput!) { listingWithdraw(input: $input) {
  listing { status } userErrors { code } } }"""
NEED_CLOSE = (
    """mutation ($input: NeedCloseInput!) { needClose(input: $input) { need { status } userErrors { code } } }"""
)
NEED_FULFILL = """mutation ($input: NeedFulfillInput!) { needFulfill(input: $input) {
  need { status quantityFulfilled fulfilledBy { name } } userErrors { code } } }"""


async def app_token(api, owner, organization: str, scopes: list[str]) -> str:
    data = await api.gql(
        APP_TOKEN_CREATE,
        {"input": {"organizationId": organization, "name": "Shop system", "scopes": scopes}},
        token=owner.token,
    )
    return data["appTokenCreate"]["token"]


async def test_whole_lifecycle_by_a_school_a_donor_and_a_partner_app(api):
    # given a school's need, a donor's listing, and the donor's shop-management app
    p = await parties(api)
    need = await make_need(api, p, quantity=3, title="Spot welder for the collision lab")
    listing = await make_listing(api, p, quantity=5, cents=250_000, privateNotes="Dock 3, ask for Joe")
    app = await app_token(api, p.donor_member, p.donor, ["DONATIONS_READ", "DONATIONS_WRITE"])

    # when the school requests, the app approves and ships, and the school receives
    payload = await request(api, p, listing, need, 2)
    assert payload["userErrors"] == [] and payload["donation"]["status"] == "REQUESTED"
    donation = payload["donation"]["id"]
    assert (await step(api, APPROVE, app, id=donation))["donation"]["status"] == "APPROVED"
    assert (await api.gql(LISTING_STATE, {"id": listing}))["listing"]["quantityReserved"] == 2
    shipped = await step(api, SHIP, app, id=donation, carrier="UPS", trackingNumber="1Z12345")
    assert shipped["donation"]["shipment"] == {
        "method": "SHIP",
        "carrier": "UPS",
        "trackingNumber": "1Z12345",
        "arrangement": None,
    }
    received = await step(api, RECEIVE, p.school_member.token, id=donation)
    assert received["userErrors"] == []

    # then the history, the receipt, and every count agree
    seen = (await api.gql(DONATION, {"id": donation}, token=p.school_member.token))["donation"]
    assert seen["status"] == "RECEIVED"
    assert [(e["fromStatus"], e["toStatus"], e["viaApp"]) for e in seen["events"]] == [
        (None, "REQUESTED", False),
        ("REQUESTED", "APPROVED", True),
        ("APPROVED", "SHIPPED", True),
        ("SHIPPED", "RECEIVED", False),
    ]
    assert seen["events"][0]["actor"]["name"] == "School Teacher"
    assert seen["events"][1]["actor"] is None and seen["events"][1]["organization"]["name"] == "Dearborn Collision"
    receipt = seen["receipt"]
    assert receipt["donorName"] == "Dearborn Collision" and receipt["schoolName"] == "Detroit Tech"
    assert receipt["quantity"] == 2 and receipt["declaredValue"] == {"amount": 500_000, "currency": "USD"}
    assert receipt["categoryName"] == "Squeeze-type resistance spot welder (STRSW)"
    assert seen["need"] == {"title": "Spot welder for the collision lab", "status": "OPEN", "quantityFulfilled": 2}
    assert seen["listing"]["privateNotes"] == "Dock 3, ask for Joe"
    assert seen["school"]["contactEmail"] == "office@detroit-tech.example.org"
    state = (await api.gql(LISTING_STATE, {"id": listing}))["listing"]
    assert state == {
        "status": "AVAILABLE",
        "quantity": 5,
        "quantityAvailable": 3,
        "quantityReserved": 0,
        "quantityDonated": 2,
    }

    # the donor's records, as a person and as the app
    for token in (p.donor_member.token, app):
        edges = (await api.gql(RECEIPTS, {"year": int(receipt["year"])}, token=token))["receipts"]["edges"]
        assert [e["node"]["number"] for e in edges] == [receipt["number"]]
    assert (await api.gql(RECEIPTS, {"year": int(receipt["year"]) - 1}, token=app))["receipts"]["edges"] == []
    assert (await api.gql(RECEIPTS, {}, token=p.school_member.token))["receipts"]["edges"] == []

    # impact on both sides
    donor_impact = (await api.gql(IMPACT, {"id": p.donor}))["organization"]["impact"]
    assert donor_impact == {
        "itemsGiven": 2,
        "donationsGiven": 1,
        "schoolsHelped": 1,
        "valueGiven": [{"amount": 500_000, "currency": "USD"}],
        "itemsReceived": 0,
        "donationsReceived": 0,
        "valueReceived": [],
        "servicesFulfilled": 0,
    }
    school_impact = (await api.gql(IMPACT, {"id": p.school}))["organization"]["impact"]
    assert (school_impact["itemsReceived"], school_impact["valueReceived"]) == (
        2,
        [{"amount": 500_000, "currency": "USD"}],
    )


async def test_receipt_does_not_change_when_the_listing_does(api):
    p = await parties(api)
    need, listing = await make_need(api, p, quantity=1), await make_listing(api, p, quantity=2, cents=1000)
    donation = await requested(api, p, listing, need, 1)
    await step(api, APPROVE, p.donor_member.token, id=donation)
    await step(api, SHIP, p.donor_member.token, id=donation, method="PICKUP", arrangement="Friday 3pm")
    before = (await step(api, RECEIVE, p.school_member.token, id=donation))["donation"]["receipt"]
    update = """mutation ($id: ID!) { listingUpdate(input: {id: $id, title: "Renamed", unitValue: {amount: 99}}) {
      userErrors { code } } }"""
    assert (await api.gql(update, {"id": listing}, token=p.donor_member.token))["listingUpdate"]["userErrors"] == []
    after = (await api.gql(DONATION, {"id": donation}, token=p.donor_member.token))["donation"]["receipt"]
    assert (
        after["itemTitle"] == "STRSW spot welder"
        and after["declaredValue"]["amount"] == before["declaredValue"]["amount"] == 1000
    )


async def test_only_the_right_side_takes_each_step_and_outsiders_see_nothing(api):
    p = await parties(api)
    need, listing = await make_need(api, p), await make_listing(api, p, privateNotes="secret dock")
    outsider = await api.person("Outsider")
    # before any donation, neither side sees the other's private details
    assert (await api.gql(LISTING_NOTES, {"id": listing}, token=p.school_member.token))["listing"][
        "privateNotes"
    ] is None
    assert (await api.gql(ORG_CONTACT, {"id": p.school}, token=p.donor_member.token))["organization"] == {
        "contactEmail": None,
        "contactPhone": None,
    }
    # only the school's members request for its need
    assert userErrors(await request(api, p, listing, need, 1, token=p.donor_member.token)) == ["PERMISSION_DENIED"]
    donation = await requested(api, p, listing, need, 1)
    # now the two parties see each other's details, and the outsider still does not
    assert (await api.gql(LISTING_NOTES, {"id": listing}, token=p.school_member.token))["listing"][
        "privateNotes"
    ] == "secret dock"
    assert (await api.gql(ORG_CONTACT, {"id": p.school}, token=p.donor_member.token))["organization"][
        "contactEmail"
    ] == "office@detroit-tech.example.org"
    assert (await api.gql(ORG_CONTACT, {"id": p.school}, token=outsider.token))["organization"]["contactEmail"] is None
    assert (await api.gql(LISTING_NOTES, {"id": listing}, token=outsider.token))["listing"]["privateNotes"] is None
    # outsiders and anonymous callers: the donation does not exist
    for token in (outsider.token, None):
        assert (await api.gql(DONATION, {"id": donation}, token=token))["donation"] is None
        assert (await api.gql(NODE, {"id": donation}, token=token))["node"] is None
    assert userErrors(await step(api, APPROVE, outsider.token, id=donation)) == ["NOT_FOUND"]
    need_donations = """query ($id: ID!) { need(id: $id) { donations { edges { node { id } } } } }"""
    assert (await api.gql(need_donations, {"id": need}, token=outsider.token))["need"]["donations"]["edges"] == []
    assert (await api.gql(need_donations, {"id": need}, token=p.donor_member.token))["need"]["donations"]["edges"] == [
        {"node": {"id": donation}}
    ]
    # the school cannot approve its own request; the donor cannot receive
    assert userErrors(await step(api, APPROVE, p.school_member.token, id=donation)) == ["PERMISSION_DENIED"]
    await step(api, APPROVE, p.donor_member.token, id=donation)
    await step(api, SHIP, p.donor_member.token, id=donation, carrier="FedEx")
    assert userErrors(await step(api, RECEIVE, p.donor_member.token, id=donation)) == ["PERMISSION_DENIED"]
    assert (await api.gql(DONATION, {"id": donation}, token=p.donor_member.token))["donation"]["status"] == "SHIPPED"


async def test_an_app_needs_the_write_scope_to_act_and_a_read_scope_to_see(api):
    p = await parties(api)
    need, listing = await make_need(api, p), await make_listing(api, p)
    reader = await app_token(api, p.donor_member, p.donor, ["DONATIONS_READ"])
    other = await app_token(api, p.donor_member, p.donor, ["ORGANIZATION_WRITE"])
    school_app = await app_token(api, p.school_member, p.school, ["DONATIONS_WRITE"])
    payload = await request(api, p, listing, need, 1, token=school_app)
    assert payload["userErrors"] == []
    donation = payload["donation"]["id"]
    assert (await api.gql(DONATION, {"id": donation}, token=reader))["donation"]["status"] == "REQUESTED"
    assert userErrors(await step(api, APPROVE, reader, id=donation)) == ["PERMISSION_DENIED"]
    assert (await api.gql(DONATION, {"id": donation}, token=other))["donation"] is None
    assert userErrors(await step(api, APPROVE, school_app, id=donation)) == ["PERMISSION_DENIED"]


async def test_cancel_releases_the_reservation_and_decline_records_the_reason(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=4)
    first = await requested(api, p, listing, await make_need(api, p, quantity=3), 3)
    second = await requested(api, p, listing, await make_need(api, p, quantity=1), 1)
    await step(api, APPROVE, p.donor_member.token, id=first)
    assert (await api.gql(LISTING_STATE, {"id": listing}))["listing"]["quantityReserved"] == 3
    cancelled = await step(api, CANCEL, p.school_member.token, id=first, reason="Budget moved the lab")
    assert cancelled["donation"] == {"id": first, "status": "CANCELLED", "cancelReason": "Budget moved the lab"}
    assert (await api.gql(LISTING_STATE, {"id": listing}))["listing"]["quantityReserved"] == 0
    declined = await step(api, DECLINE, p.donor_member.token, id=second, reason="Promised elsewhere")
    assert (
        declined["donation"]["status"] == "DECLINED" and declined["donation"]["declineReason"] == "Promised elsewhere"
    )
    # terminal states accept nothing more
    assert userErrors(await step(api, APPROVE, p.donor_member.token, id=second)) == ["INVALID_TRANSITION"]
    assert userErrors(await step(api, CANCEL, p.donor_member.token, id=first)) == ["INVALID_TRANSITION"]


async def test_nobody_cancels_after_shipping(api):
    p = await parties(api)
    donation = await requested(api, p, await make_listing(api, p), await make_need(api, p), 1)
    await step(api, APPROVE, p.donor_member.token, id=donation)
    await step(api, SHIP, p.donor_member.token, id=donation, carrier="UPS")
    for token in (p.school_member.token, p.donor_member.token):
        assert userErrors(await step(api, CANCEL, token, id=donation)) == ["INVALID_TRANSITION"]


async def test_withdrawing_declines_waiting_requests_but_not_with_reservations(api):
    p = await parties(api)
    listing = await make_listing(api, p, quantity=5)
    waiting = await requested(api, p, listing, await make_need(api, p), 1)
    approved = await requested(api, p, listing, await make_need(api, p), 1)
    await step(api, APPROVE, p.donor_member.token, id=approved)
    refused = await step(api, WITHDRAW, p.donor_member.token, id=listing)
    assert refused["userErrors"] == [{"code": "HAS_RESERVATIONS"}]
    await step(api, CANCEL, p.donor_member.token, id=approved)
    done = await step(api, WITHDRAW, p.donor_member.token, id=listing)
    assert done == {"listing": {"status": "WITHDRAWN"}, "userErrors": []}
    seen = (await api.gql(DONATION, {"id": waiting}, token=p.school_member.token))["donation"]
    assert seen["status"] == "DECLINED" and seen["events"][-1]["toStatus"] == "DECLINED"


async def test_closing_a_need_cancels_its_waiting_requests(api):
    p = await parties(api)
    need = await make_need(api, p)
    donation = await requested(api, p, await make_listing(api, p), need, 1)
    closed = await step(api, NEED_CLOSE, p.school_member.token, id=need)
    assert closed == {"need": {"status": "CLOSED"}, "userErrors": []}
    seen = (await api.gql(DONATION, {"id": donation}, token=p.school_member.token))["donation"]
    assert (seen["status"], seen["cancelReason"]) == ("CANCELLED", "The need was closed.")


async def test_service_need_fulfilled_by_a_shop_credits_the_shop(api):
    p = await parties(api)
    shop = gid("Organization", await api.organization(kinds=("EMPLOYER",), name="Warren Body Shop"))
    speaker = await make_need(api, p, quantity=1, slug="services-guest-speaker", title="Speaker on ADAS")
    equipment = await make_need(api, p, quantity=1)
    assert (await step(api, NEED_FULFILL, p.school_member.token, id=equipment, organizationId=shop))["userErrors"] == [
        {"code": "NOT_A_SERVICE"}
    ]
    assert (await step(api, NEED_FULFILL, p.donor_member.token, id=speaker, organizationId=shop))["userErrors"] == [
        {"code": "PERMISSION_DENIED"}
    ]
    done = await step(api, NEED_FULFILL, p.school_member.token, id=speaker, organizationId=shop)
    assert done == {
        "need": {"status": "FULFILLED", "quantityFulfilled": 1, "fulfilledBy": {"name": "Warren Body Shop"}},
        "userErrors": [],
    }
    again = await step(api, NEED_FULFILL, p.school_member.token, id=speaker, organizationId=shop)
    assert again["userErrors"] == [{"code": "NEED_NOT_OPEN"}]
    assert (await api.gql(IMPACT, {"id": shop}))["organization"]["impact"]["servicesFulfilled"] == 1
    assert (await api.gql(NEED_STATE, {"id": speaker}))["need"]["status"] == "FULFILLED"
