"""Need.donations and Listing.donations: connections of the donations the viewer may see, oldest first."""

from __future__ import annotations

from tests.donations.support import Parties, make_listing, make_need, parties, requested
from tests.donations.test_workflow import app_token

NEED_DONATIONS = """query ($id: ID!, $first: Int, $after: String) { need(id: $id) {
  donations(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }"""
LISTING_DONATIONS = """query ($id: ID!, $first: Int, $after: String) { listing(id: $id) {
  donations(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }"""


async def page(api, query: str, field: str, id: str, token: str | None, **variables) -> tuple[list[str], dict]:
    data = (await api.gql(query, {"id": id, **variables}, token=token))[field]["donations"]
    return [e["node"]["id"] for e in data["edges"]], data["pageInfo"]


async def everything(api, query: str, field: str, id: str, token: str | None) -> list[str]:
    """Every donation, walked one page of two at a time."""
    seen, after = [], None
    while True:
        ids, info = await page(api, query, field, id, token, first=2, after=after)
        seen += ids
        if not info["hasNextPage"]:
            return seen
        after = info["endCursor"]


async def other_donor(api, p: Parties) -> Parties:
    manager = await api.person("Other Donor")
    donor_id = await api.organization(owner=manager, kinds=("DONOR",), name="Warren Paint Supply")
    return Parties(p.school_member, manager, p.school_id, donor_id)


async def test_a_needs_donations_page_oldest_first_and_each_donor_sees_only_its_own(api):
    # given one need with three requests to the first donor and two to a second one
    p = await parties(api)
    q = await other_donor(api, p)
    need = await make_need(api, p, quantity=10)
    mine = [await requested(api, p, await make_listing(api, p, quantity=1), need, 1) for _ in range(3)]
    theirs = [await requested(api, q, await make_listing(api, q, quantity=1), need, 1) for _ in range(2)]
    # the school sees all five, page by page
    first_two, info = await page(api, NEED_DONATIONS, "need", need, p.school_member.token, first=2)
    assert first_two == mine[:2] and info["hasNextPage"] is True
    rest, info = await page(api, NEED_DONATIONS, "need", need, p.school_member.token, first=10, after=info["endCursor"])
    assert rest == [mine[2], *theirs] and info["hasNextPage"] is False
    # each donor pages through its own only: cursors count what the viewer sees
    assert await everything(api, NEED_DONATIONS, "need", need, p.donor_member.token) == mine
    assert await everything(api, NEED_DONATIONS, "need", need, q.donor_member.token) == theirs
    # a stranger and an anonymous caller see an empty connection
    stranger = await api.person("Stranger")
    for token in (stranger.token, None):
        assert await page(api, NEED_DONATIONS, "need", need, token) == ([], {"hasNextPage": False, "endCursor": None})


async def test_a_listings_donations_are_seen_by_the_donor_and_each_school_its_own(api):
    # given one listing requested by two schools
    p = await parties(api)
    teacher = await api.person("Other Teacher")
    other_school = await api.organization(owner=teacher, kinds=("SCHOOL",), name="Flint Career Center")
    r = Parties(teacher, p.donor_member, other_school, p.donor_id)
    listing = await make_listing(api, p, quantity=10)
    ours = [await requested(api, p, listing, await make_need(api, p), 1) for _ in range(2)]
    flint = [await requested(api, r, listing, await make_need(api, r), 1) for _ in range(2)]
    # then
    assert await everything(api, LISTING_DONATIONS, "listing", listing, p.donor_member.token) == ours + flint
    assert await everything(api, LISTING_DONATIONS, "listing", listing, p.school_member.token) == ours
    assert await everything(api, LISTING_DONATIONS, "listing", listing, teacher.token) == flint
    # partner apps of the donor: with a donations scope, all; without one, none
    reader = await app_token(api, p.donor_member, p.donor, ["DONATIONS_READ"])
    other = await app_token(api, p.donor_member, p.donor, ["ORGANIZATION_WRITE"])
    assert await everything(api, LISTING_DONATIONS, "listing", listing, reader) == ours + flint
    assert await everything(api, LISTING_DONATIONS, "listing", listing, other) == []


async def test_donation_pages_take_first_from_1_to_100(api):
    p = await parties(api)
    need = await make_need(api, p)
    await requested(api, p, await make_listing(api, p), need, 1)
    one, info = await page(api, NEED_DONATIONS, "need", need, p.school_member.token, first=1)
    assert len(one) == 1 and info["hasNextPage"] is False
    for first in (101, 0, -1):
        errors = await api.errors(NEED_DONATIONS, {"id": need, "first": first}, token=p.school_member.token)
        assert [(e["extensions"]["code"], e["extensions"]["field"]) for e in errors] == [("OUT_OF_RANGE", ["first"])]
    errors = await api.errors(NEED_DONATIONS, {"id": need, "after": "not a cursor"}, token=p.school_member.token)
    assert errors[0]["extensions"]["code"] == "INVALID"
