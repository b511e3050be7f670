"""Who sees a donation and an organization's contact: each rule checked through every path that reads it."""

from __future__ import annotations

import pytest

from tests.donations import support as s

DONATION_PATHS = {
    "donation": "query ($id: ID!) { donation(id: $id) { id } }",
    "node": "query ($id: ID!) { node(id: $id) { ... on Donation { id } } }",
    "need.donations": """query ($need: ID!) { need(id: $need) {
        donations(first: 10) { edges { node { id } } } } }""",
    "listing.donations": """query ($listing: ID!) { listing(id: $listing) {
        donations(first: 10) { edges { node { id } } } } }""",
    "donations": "{ donations(first: 10) { edges { node { id } } } }",
}


def _used(document: str, variables: dict) -> dict:
    """Only the variables the document declares (GraphQL refuses unused ones)."""
    return {name: value for name, value in variables.items() if f"${name}:" in document}


def _found(path: str, data: dict) -> set[str]:
    if path in ("donation", "node"):
        value = data[path]
        return {value["id"]} if value and value.get("id") else set()
    root = {"need.donations": "need", "listing.donations": "listing", "donations": None}[path]
    connection = data[root]["donations"] if root else data["donations"]
    return {edge["node"]["id"] for edge in connection["edges"]}


@pytest.mark.parametrize("path", sorted(DONATION_PATHS))
async def test_a_donation_exists_only_for_its_two_parties_and_staff(api, path):
    p = await s.parties(api)
    need, listing = await s.make_need(api, p), await s.make_listing(api, p)
    donation = await s.requested(api, p, listing, need, 1)
    stranger, staff = await api.person("Stranger"), await api.person("Staff", staff=True)
    variables = {"id": donation, "need": need, "listing": listing}
    seen = {}
    for who, token in {
        "school": p.school_member.token,
        "donor": p.donor_member.token,
        "stranger": stranger.token,
        "anonymous": None,
        "staff": staff.token,
    }.items():
        seen[who] = _found(
            path, await api.gql(DONATION_PATHS[path], _used(DONATION_PATHS[path], variables), token=token)
        )
    assert seen["school"] == seen["donor"] == {donation}
    assert seen["stranger"] == seen["anonymous"] == set()
    # The `donations` list is "your organizations' donations": staff belong to none; every other path shows all.
    assert seen["staff"] == (set() if path == "donations" else {donation})


CONTACT_PATHS = {
    "organization": "query ($id: ID!) { organization(id: $id) { contactEmail } }",
    "node": "query ($id: ID!) { node(id: $id) { ... on Organization { contactEmail } } }",
    "organizations": """{ organizations(filter: {search: "Detroit Tech"}, first: 5) {
        edges { node { contactEmail } } } }""",
    "donation.school": "query ($donation: ID!) { donation(id: $donation) { school { contactEmail } } }",
}


def _contact(path: str, data: dict) -> str | None:
    if path == "organizations":
        edges = data["organizations"]["edges"]
        return edges[0]["node"]["contactEmail"] if edges else None
    if path == "donation.school":
        return data["donation"]["school"]["contactEmail"] if data["donation"] else None
    return (data[path] or {}).get("contactEmail")


@pytest.mark.parametrize("path", sorted(CONTACT_PATHS))
async def test_a_schools_contact_is_for_its_members_staff_and_the_other_party_of_a_live_donation(api, path):
    p = await s.parties(api)
    need, listing = await s.make_need(api, p), await s.make_listing(api, p)
    stranger, staff = await api.person("Stranger"), await api.person("Staff", staff=True)
    email = "office@detroit-tech.example.org"

    async def contact(token: str | None, donation: str) -> str | None:
        variables = {"id": p.school, "donation": donation}
        return _contact(path, await api.gql(CONTACT_PATHS[path], _used(CONTACT_PATHS[path], variables), token=token))

    donation = await s.requested(api, p, listing, need, 1)
    assert await contact(p.school_member.token, donation) == email
    assert await contact(staff.token, donation) == email
    assert await contact(p.donor_member.token, donation) == email
    assert await contact(stranger.token, donation) is None
    assert await contact(None, donation) is None
    # A declined request ends the partnership: the donor no longer sees the school's contact.
    await s.step(api, s.DECLINE, p.donor_member.token, id=donation, reason="Already promised elsewhere")
    assert await contact(p.donor_member.token, donation) is None
