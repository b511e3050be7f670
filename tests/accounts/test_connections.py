"""Members, memberships and app tokens as connections: pages with first/after, and who sees them."""

from __future__ import annotations

import pytest

from db.models import Membership
from tests.accounts.support import nodes
from tests.support import gid

MEMBERS = """
query ($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    members(first: $first, after: $after) {
      edges { cursor node { role user { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}"""
MEMBERS_OF_EACH = """
query ($first: Int, $after: String) {
  organizations(first: 10) { edges { node { name
    members(first: $first, after: $after) { edges { node { user { name } } } pageInfo { hasNextPage endCursor } }
  } } }
}"""
MEMBERSHIPS = """
query ($id: ID!, $first: Int, $after: String) {
  node(id: $id) { ... on User {
    memberships(first: $first, after: $after) {
      edges { node { role organization { name } } }
      pageInfo { hasNextPage endCursor }
    }
  } }
}"""
APP_TOKEN_CREATE = """
mutation ($input: AppTokenCreateInput!) { appTokenCreate(input: $input) { token userErrors { code } } }"""
APP_TOKENS = """
query ($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    appTokens(first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } }
  }
}"""


async def walk(api, query: str, field, variables: dict, token: str, first: int) -> list[list[dict]]:
    """Every page of a connection, following endCursor."""
    pages, after = [], None
    while True:
        data = await api.gql(query, {**variables, "first": first, "after": after}, token=token)
        connection = field(data)
        pages.append(nodes(connection))
        if not connection["pageInfo"]["hasNextPage"]:
            return pages
        after = connection["pageInfo"]["endCursor"]


async def add_members(api, org: int, names: list[str]) -> None:
    for name in names:
        person = await api.person(name)
        async with api.db.write() as session:
            session.add(Membership(organization_id=org, user_id=person.id, role="MEMBER"))


async def test_members_page_in_the_order_they_joined(api):
    owner = await api.person("Owner")
    org = await api.organization(owner=owner)
    await add_members(api, org, [f"Member {i}" for i in range(6)])
    pages = await walk(
        api, MEMBERS, lambda d: d["organization"]["members"], {"id": gid("Organization", org)}, owner.token, first=3
    )
    names = [[m["user"]["name"] for m in page] for page in pages]
    assert names == [["Owner", "Member 0", "Member 1"], ["Member 2", "Member 3", "Member 4"], ["Member 5"]]
    assert pages[0][0]["role"] == "OWNER"


async def test_member_pages_of_many_organizations_in_one_document_are_each_their_own(api):
    staff = await api.person(staff=True)
    sizes = {"A": 0, "B": 1, "C": 3, "D": 5}
    for name, size in sizes.items():
        org = await api.organization(name=name)
        await add_members(api, org, [f"{name}{i}" for i in range(size)])
    first_page = await api.gql(MEMBERS_OF_EACH, {"first": 2}, token=staff.token)
    by_org = {e["node"]["name"]: e["node"]["members"] for e in first_page["organizations"]["edges"]}
    assert {name: [m["user"]["name"] for m in nodes(c)] for name, c in by_org.items()} == {
        "A": [],
        "B": ["B0"],
        "C": ["C0", "C1"],
        "D": ["D0", "D1"],
    }
    assert {name: c["pageInfo"]["hasNextPage"] for name, c in by_org.items()} == {
        "A": False,
        "B": False,
        "C": True,
        "D": True,
    }
    # a cursor is a position, so one `after` pages every organization's list in the same document
    after = by_org["D"]["pageInfo"]["endCursor"]
    second_page = await api.gql(MEMBERS_OF_EACH, {"first": 2, "after": after}, token=staff.token)
    by_org = {e["node"]["name"]: e["node"]["members"] for e in second_page["organizations"]["edges"]}
    assert {name: [m["user"]["name"] for m in nodes(c)] for name, c in by_org.items()} == {
        "A": [],
        "B": [],
        "C": ["C2"],
        "D": ["D2", "D3"],
    }
    assert by_org["D"]["pageInfo"]["hasNextPage"] is True


async def test_members_are_visible_to_members_the_organizations_app_and_staff_only(api):
    owner, stranger, staff = await api.person(), await api.person(), await api.person(staff=True)
    org = await api.organization(owner=owner)
    app = await api.gql(
        APP_TOKEN_CREATE,
        {"input": {"organizationId": gid("Organization", org), "name": "App", "scopes": ["DONATIONS_READ"]}},
        token=owner.token,
    )
    variables = {"id": gid("Organization", org)}
    for viewer in (owner.token, staff.token, app["appTokenCreate"]["token"]):
        data = await api.gql(MEMBERS, variables, token=viewer)
        assert [m["role"] for m in nodes(data["organization"]["members"])] == ["OWNER"]
    assert (await api.gql(MEMBERS, variables, token=stranger.token))["organization"]["members"] is None
    assert (await api.gql(MEMBERS, variables))["organization"]["members"] is None


async def test_memberships_page_and_only_the_person_and_staff_see_them(api):
    person, stranger, staff = await api.person(), await api.person(), await api.person(staff=True)
    for i in range(5):
        await api.organization(owner=person, name=f"Org {i}", role="MEMBER" if i % 2 else "OWNER")
    for viewer in (person, staff):
        pages = await walk(
            api, MEMBERSHIPS, lambda d: d["node"]["memberships"], {"id": person.gid}, viewer.token, first=2
        )
        assert [[m["organization"]["name"] for m in page] for page in pages] == [
            ["Org 0", "Org 1"],
            ["Org 2", "Org 3"],
            ["Org 4"],
        ]
        assert [m["role"] for page in pages for m in page] == ["OWNER", "MEMBER", "OWNER", "MEMBER", "OWNER"]
    hidden = await api.gql(MEMBERSHIPS, {"id": person.gid, "first": 2}, token=stranger.token)
    assert hidden["node"]["memberships"] is None


async def test_app_tokens_page_and_only_owners_admins_and_staff_see_them(api):
    owner, admin, member, staff = (
        await api.person(),
        await api.person(),
        await api.person(),
        await api.person(staff=True),
    )
    org = await api.organization(owner=owner)
    async with api.db.write() as session:
        session.add_all(
            [
                Membership(organization_id=org, user_id=admin.id, role="ADMIN"),
                Membership(organization_id=org, user_id=member.id, role="MEMBER"),
            ]
        )
    secrets = []
    for i in range(5):
        data = await api.gql(
            APP_TOKEN_CREATE,
            {"input": {"organizationId": gid("Organization", org), "name": f"App {i}", "scopes": ["DONATIONS_READ"]}},
            token=owner.token,
        )
        secrets.append(data["appTokenCreate"]["token"])
    variables = {"id": gid("Organization", org)}
    for viewer in (owner, admin, staff):
        pages = await walk(api, APP_TOKENS, lambda d: d["organization"]["appTokens"], variables, viewer.token, first=2)
        assert [[t["name"] for t in page] for page in pages] == [["App 0", "App 1"], ["App 2", "App 3"], ["App 4"]]
    for viewer in (member.token, secrets[0], None):
        data = await api.gql(APP_TOKENS, variables, token=viewer)
        assert data["organization"]["appTokens"] is None


@pytest.mark.parametrize(
    ("variables", "code"),
    [({"first": 101}, "OUT_OF_RANGE"), ({"first": -1}, "OUT_OF_RANGE"), ({"after": "bm90LWEtY3Vyc29y"}, "INVALID")],
)
@pytest.mark.parametrize("query", [MEMBERS, APP_TOKENS, MEMBERSHIPS], ids=["members", "appTokens", "memberships"])
async def test_bad_page_arguments_get_a_clear_code_whoever_asks(api, query, variables, code):
    owner = await api.person()
    org = await api.organization(owner=owner)
    target = owner.gid if query is MEMBERSHIPS else gid("Organization", org)
    for token in (owner.token, None):
        errors = await api.errors(query, {"id": target, **variables}, token=token)
        assert errors[0]["extensions"]["code"] == code
