"""Helpers for donation tests: the two parties, and needs, listings and donations made over the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from db.reference.categories import CATEGORIES
from tests.support import Api, Person, gid

CATEGORY_IDS = {seed.slug: index for index, seed in enumerate(CATEGORIES, start=1)}

NEED_CREATE = """
mutation ($input: NeedCreateInput!) {
  needCreate(input: $input) { need { id status quantity quantityFulfilled } userErrors { field code message } }
}"""
LISTING_CREATE = """
mutation ($input: ListingCreateInput!) {
  listingCreate(input: $input) {
    listing { id status quantity quantityAvailable unitValue { amount currency } }
    userErrors { field code message }
  }
}"""
DONATION_REQUEST = """
mutation ($input: DonationRequestInput!) {
  donationRequest(input: $input) { donation { id status quantity } userErrors { field code message } }
}"""
APPROVE = """mutation ($input: DonationApproveInput!) { donationApprove(input: $input) {
  donation { id status } userErrors { field code message } } }"""
DECLINE = """mutation ($input: DonationDeclineInput!) { donationDecline(input: $input) {
  donation { id status declineReason } userErrors { field code message } } }"""
SHIP = """mutation ($input: DonationShipInput!) { donationShip(input: $input) {
  donation { id status shipment { method carrier trackingNumber arrangement } } userErrors { field code message } } }"""
RECEIVE = """mutation ($input: DonationReceiveInput!) { donationReceive(input: $input) {
  donation { id status receipt { number quantity declaredValue { amount currency } } }
  userErrors { field code message } } }"""
CANCEL = """mutation ($input: DonationCancelInput!) { donationCancel(input: $input) {
  donation { id status cancelReason } userErrors { field code message } } }"""
LISTING_STATE = """query ($id: ID!) { listing(id: $id) {
  status quantity quantityAvailable quantityReserved quantityDonated } }"""
NEED_STATE = """query ($id: ID!) { need(id: $id) { status quantity quantityFulfilled quantityRemaining } }"""


def category(slug: str) -> str:
    return gid("Category", CATEGORY_IDS[slug])


def later(days: int = 30) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


@dataclass
class Parties:
    """A school and a donor, each with an owner."""

    school_member: Person
    donor_member: Person
    school_id: int
    donor_id: int

    @property
    def school(self) -> str:
        return gid("Organization", self.school_id)

    @property
    def donor(self) -> str:
        return gid("Organization", self.donor_id)


async def parties(api: Api, *, school_zip: str = "48226", donor_zip: str = "48126") -> Parties:
    school_member = await api.person("School Teacher")
    donor_member = await api.person("Donor Manager")
    school_id = await api.organization(
        owner=school_member,
        kinds=("SCHOOL",),
        name="Detroit Tech",
        postal_code=school_zip,
        contact_email="office@detroit-tech.example.org",
        contact_phone="(313) 555-0100",
    )
    donor_id = await api.organization(
        owner=donor_member,
        kinds=("DONOR",),
        name="Dearborn Collision",
        postal_code=donor_zip,
        contact_email="shop@dearborn.example.org",
    )
    return Parties(school_member, donor_member, school_id, donor_id)


def userErrors(payload: dict) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def make_need(api: Api, p: Parties, *, quantity: int = 5, slug: str = "welding-strsw", **fields) -> str:
    data = await api.gql(
        NEED_CREATE,
        {
            "input": {
                "schoolId": p.school,
                "categoryId": category(slug),
                "title": fields.pop("title", "Spot welder for lab"),
                "quantity": quantity,
                **fields,
            }
        },
        token=p.school_member.token,
    )
    assert data["needCreate"]["userErrors"] == [], data
    return data["needCreate"]["need"]["id"]


async def make_listing(
    api: Api, p: Parties, *, quantity: int = 10, slug: str = "welding-strsw", cents: int = 150_000, **fields
) -> str:
    data = await api.gql(
        LISTING_CREATE,
        {
            "input": {
                "donorId": p.donor,
                "categoryId": category(slug),
                "title": fields.pop("title", "STRSW spot welder"),
                "condition": fields.pop("condition", "GOOD"),
                "quantity": quantity,
                "unitValue": {"amount": cents, "currency": "USD"},
                "fulfillment": fields.pop("fulfillment", ["SHIP", "PICKUP"]),
                **fields,
            }
        },
        token=p.donor_member.token,
    )
    assert data["listingCreate"]["userErrors"] == [], data
    return data["listingCreate"]["listing"]["id"]


async def request(api: Api, p: Parties, listing: str, need: str, quantity: int, token: str | None = None) -> dict:
    data = await api.gql(
        DONATION_REQUEST,
        {"input": {"listingId": listing, "needId": need, "quantity": quantity}},
        token=token or p.school_member.token,
    )
    return data["donationRequest"]


async def requested(api: Api, p: Parties, listing: str, need: str, quantity: int) -> str:
    payload = await request(api, p, listing, need, quantity)
    assert payload["userErrors"] == [], payload
    return payload["donation"]["id"]


async def step(api: Api, mutation: str, token: str, **fields) -> dict:
    """Run a one-input mutation with `fields` as its input; its payload."""
    data = await api.gql(mutation, {"input": fields}, token=token)
    return next(iter(data.values()))
