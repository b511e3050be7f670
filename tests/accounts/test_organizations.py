"""Organizations: create with geocoding, update by role, members, browse with filters and paging."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models import Membership, Organization
from tests.accounts.support import nodes, register_and_verify
from tests.support import gid

CREATE = """
mutation ($input: OrganizationCreateInput!) {
  organizationCreate(input: $input) {
    organization { id name kinds programs tier location { latitude longitude } address { city postalCode }
                   members { edges { node { role user { email } } } } }
    userErrors { field code message }
  }
}"""
UPDATE = """
mutation ($input: OrganizationUpdateInput!) {
  organizationUpdate(input: $input) { organization { name website } userErrors { field code } }
}"""
MEMBER_ADD = """
mutation ($input: OrganizationMemberAddInput!) {
  organizationMemberAdd(input: $input) { membership { role user { name } } userErrors { field code } }
}"""
MEMBER_INVITE = """
mutation ($input: OrganizationMemberInviteInput!) {
  organizationMemberInvite(input: $input) { invitation { email role } userErrors { field code } }
}"""
MEMBER_REMOVE = """
mutation ($org: ID!, $user: ID!) {
  organizationMemberRemove(input: {organizationId: $org, userId: $user}) { userErrors { field code } }
}"""
ACCEPT = """
mutation ($org: ID!) {
  organizationInvitationAccept(input: {organizationId: $org}) {
    membership { role organization { id } } userErrors { field code }
  }
}"""
ORGANIZATIONS = """
query ($filter: OrganizationFilter, $first: Int, $after: String) {
  organizations(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id name distanceKm } }
    pageInfo { hasNextPage endCursor }
  }
}"""
MEMBERS_OF_ALL = """
query ($first: Int) {
  organizations(first: $first) { edges { node { name members { edges { node { role user { email } } } } } } }
}"""
ORGANIZATION = "query ($id: ID!) { organization(id: $id) { name contactEmail members { edges { node { role } } } } }"
NODE = "query ($id: ID!) { node(id: $id) { id ... on Organization { name } ... on User { userName: name email } } }"


async def org_count(api) -> int:
    async with api.db.read() as session:
        return await session.scalar(select(func.count()).select_from(Organization))


async def test_create_school_geocodes_zip_and_makes_creator_owner(api):
    person = await api.person()
    data = await api.gql(
        CREATE,
        {
            "input": {
                "name": "Wayne County Career Tech",
                "kinds": ["SCHOOL", "DONOR"],
                "postalCode": "48226",
                "programs": ["COLLISION", "REFINISH"],
                "tier": "DEVELOPING",
                "enrollment": 120,
                "city": "Detroit",
            }
        },
        token=person.token,
    )
    payload = data["organizationCreate"]
    assert payload["userErrors"] == []
    org = payload["organization"]
    assert org["kinds"] == ["SCHOOL", "DONOR"] and org["programs"] == ["COLLISION", "REFINISH"]
    assert org["location"] == {"latitude": pytest.approx(42.3333), "longitude": pytest.approx(-83.0484)}
    assert nodes(org["members"]) == [{"role": "OWNER", "user": {"email": person.email}}]


async def test_given_coordinates_win_over_the_zip_centroid(api):
    person = await api.person()
    data = await api.gql(
        CREATE,
        {"input": {"name": "Shop", "kinds": ["EMPLOYER"], "latitude": 42.5, "longitude": -83.1}},
        token=person.token,
    )
    assert data["organizationCreate"]["organization"]["location"] == {"latitude": 42.5, "longitude": -83.1}


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"postalCode": "00000"}, "UNKNOWN_POSTAL_CODE", ["postalCode"]),
        ({"latitude": 95.0, "longitude": 10.0}, "INVALID_COORDINATES", ["latitude"]),
        ({"kinds": []}, "REQUIRED", ["kinds"]),
        ({"name": "x" * 201}, "TOO_LONG", ["name"]),
        ({"website": "javascript:alert(1)"}, "INVALID", ["website"]),
        ({"enrollment": -3}, "OUT_OF_RANGE", ["enrollment"]),
        ({"kinds": ["DONOR"], "tier": "ADVANCED"}, "INVALID", ["tier"]),
    ],
)
async def test_bad_organization_input_is_refused_and_nothing_is_written(api, changes, code, field):
    person = await api.person()
    data = await api.gql(CREATE, {"input": {"name": "Shop", "kinds": ["SCHOOL"], **changes}}, token=person.token)
    assert [(e["code"], e["field"]) for e in data["organizationCreate"]["userErrors"]] == [(code, field)]
    assert await org_count(api) == 0


async def test_anonymous_cannot_create(api):
    data = await api.gql(CREATE, {"input": {"name": "Shop", "kinds": ["SCHOOL"]}})
    assert data["organizationCreate"]["userErrors"] == [
        {"field": None, "code": "UNAUTHENTICATED", "message": "Sign in to do this."}
    ]
    assert data["organizationCreate"]["organization"] is None
    assert await org_count(api) == 0


async def test_only_owners_and_admins_update(api):
    owner, member, stranger = await api.person(), await api.person(), await api.person()
    org = await api.organization(owner=owner, name="Before")
    async with api.db.write() as session:
        session.add(Membership(organization_id=org, user_id=member.id, role="MEMBER"))
    for person in (member, stranger):
        data = await api.gql(
            UPDATE, {"input": {"id": gid("Organization", org), "name": "Hijacked"}}, token=person.token
        )
        assert data["organizationUpdate"]["userErrors"][0]["code"] == "PERMISSION_DENIED"
    data = await api.gql(
        UPDATE, {"input": {"id": gid("Organization", org), "website": "https://shop.example"}}, token=owner.token
    )
    assert data["organizationUpdate"] == {
        "organization": {"name": "Before", "website": "https://shop.example"},
        "userErrors": [],
    }


async def test_update_changes_only_the_fields_given_and_null_clears_optional_ones(api):
    owner = await api.person()
    org = await api.organization(
        owner=owner,
        name="Keep",
        website="https://shop.example",
        state="MI",
        contact_email="office@shop.example",
        city="Detroit",
    )
    query = """
    mutation ($input: OrganizationUpdateInput!) {
      organizationUpdate(input: $input) {
        organization { name website contactEmail address { state city } }
        userErrors { field code }
      }
    }"""
    cleared = await api.gql(
        query,
        {"input": {"id": gid("Organization", org), "website": None, "state": None, "contactEmail": None}},
        token=owner.token,
    )
    assert cleared["organizationUpdate"] == {
        "organization": {
            "name": "Keep",
            "website": None,
            "contactEmail": None,
            "address": {"state": None, "city": "Detroit"},
        },
        "userErrors": [],
    }
    set_again = await api.gql(
        query,
        {"input": {"id": gid("Organization", org), "state": " oh ", "contactEmail": "A@Shop.example"}},
        token=owner.token,
    )
    organization = set_again["organizationUpdate"]["organization"]
    assert organization["address"]["state"] == "OH" and organization["contactEmail"] == "a@shop.example"
    required = await api.gql(query, {"input": {"id": gid("Organization", org), "name": None}}, token=owner.token)
    assert required["organizationUpdate"]["userErrors"] == [{"field": ["name"], "code": "REQUIRED"}]


async def test_member_management_keeps_an_owner(api):
    owner, other = await api.person(), await api.person(name="Riley")
    org = await api.organization(owner=owner)
    org_id = gid("Organization", org)
    added = await api.gql(
        MEMBER_ADD,
        {"input": {"organizationId": org_id, "email": other.email.upper(), "role": "ADMIN"}},
        token=owner.token,
    )
    assert added["organizationMemberAdd"] == {
        "membership": {"role": "ADMIN", "user": {"name": "Riley"}},
        "userErrors": [],
    }
    again = await api.gql(MEMBER_ADD, {"input": {"organizationId": org_id, "email": other.email}}, token=owner.token)
    assert again["organizationMemberAdd"]["userErrors"][0]["code"] == "ALREADY_MEMBER"
    # an admin cannot make owners, nor remove the last owner
    promote = await api.gql(
        MEMBER_INVITE,
        {"input": {"organizationId": org_id, "email": "new@example.com", "role": "OWNER"}},
        token=other.token,
    )
    assert promote["organizationMemberInvite"]["userErrors"][0]["code"] == "PERMISSION_DENIED"
    leave = await api.gql(MEMBER_REMOVE, {"org": org_id, "user": owner.gid}, token=owner.token)
    assert leave["organizationMemberRemove"]["userErrors"][0]["code"] == "LAST_OWNER"
    removed = await api.gql(MEMBER_REMOVE, {"org": org_id, "user": other.gid}, token=owner.token)
    assert removed["organizationMemberRemove"]["userErrors"] == []
    async with api.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(Membership)) == 1


async def test_an_invited_account_accepts_once_and_joins_with_the_invited_role(api):
    owner, invited, uninvited = await api.person(), await api.person(), await api.person()
    org = await api.organization(owner=owner)
    org_id = gid("Organization", org)
    await api.gql(
        MEMBER_INVITE,
        {"input": {"organizationId": org_id, "email": invited.email, "role": "ADMIN"}},
        token=owner.token,
    )
    accepted = await api.gql(ACCEPT, {"org": org_id}, token=invited.token)
    assert accepted["organizationInvitationAccept"] == {
        "membership": {"role": "ADMIN", "organization": {"id": org_id}},
        "userErrors": [],
    }
    again = await api.gql(ACCEPT, {"org": org_id}, token=invited.token)
    assert again["organizationInvitationAccept"]["userErrors"] == [{"field": ["organizationId"], "code": "NOT_FOUND"}]
    stranger = await api.gql(ACCEPT, {"org": org_id}, token=uninvited.token)
    assert stranger["organizationInvitationAccept"]["userErrors"] == [
        {"field": ["organizationId"], "code": "NOT_FOUND"}
    ]


async def test_accepting_an_invitation_when_already_a_member_is_refused(api):
    owner, person = await api.person(), await api.person()
    org = await api.organization(owner=owner)
    org_id = gid("Organization", org)
    await api.gql(MEMBER_INVITE, {"input": {"organizationId": org_id, "email": person.email}}, token=owner.token)
    await api.gql(MEMBER_ADD, {"input": {"organizationId": org_id, "email": person.email}}, token=owner.token)
    data = await api.gql(ACCEPT, {"org": org_id}, token=person.token)
    assert data["organizationInvitationAccept"] == {
        "membership": None,
        "userErrors": [{"field": ["organizationId"], "code": "ALREADY_MEMBER"}],
    }


async def test_invited_email_joins_once_its_owner_confirms_it(api, mailbox):
    owner = await api.person()
    org = await api.organization(owner=owner, name="Body Shop Academy")
    invited = await api.gql(
        MEMBER_INVITE,
        {"input": {"organizationId": gid("Organization", org), "email": "Newhire@Example.com"}},
        token=owner.token,
    )
    assert invited["organizationMemberInvite"]["invitation"] == {"email": "newhire@example.com", "role": "MEMBER"}
    [invitation_mail] = await mailbox.received(to="newhire@example.com")
    assert "Body Shop Academy" in invitation_mail.message["Subject"]
    verified = await register_and_verify(api, mailbox, "newhire@example.com", "brake lathe 77", "N")
    me = await api.gql(
        "{ me { memberships { edges { node { role organization { id } } } } } }", token=verified["token"]
    )
    assert nodes(me["me"]["memberships"]) == [{"role": "MEMBER", "organization": {"id": gid("Organization", org)}}]


async def test_members_and_contacts_are_for_members_only(api):
    owner, stranger = await api.person(), await api.person()
    org = await api.organization(owner=owner, contact_email="office@school.example")
    mine = await api.gql(ORGANIZATION, {"id": gid("Organization", org)}, token=owner.token)
    theirs = await api.gql(ORGANIZATION, {"id": gid("Organization", org)}, token=stranger.token)
    assert mine["organization"]["contactEmail"] == "office@school.example"
    assert nodes(mine["organization"]["members"]) == [{"role": "OWNER"}]
    assert theirs["organization"]["contactEmail"] is None and theirs["organization"]["members"] is None


async def test_browse_by_kind_search_and_distance(api):
    detroit = await api.organization(kinds=("SCHOOL",), name="Detroit Tech 100%", postal_code="48226")
    await api.organization(kinds=("SCHOOL",), name="Chicago Tech", postal_code="60601")
    await api.organization(kinds=("DONOR",), name="Dearborn Donor", postal_code="48126")
    near = {"postalCode": "48201", "radiusKm": 50}
    data = await api.gql(ORGANIZATIONS, {"filter": {"near": near}})
    names = [e["node"]["name"] for e in data["organizations"]["edges"]]
    assert names == ["Detroit Tech 100%", "Dearborn Donor"]
    assert 0 < data["organizations"]["edges"][0]["node"]["distanceKm"] < 5
    schools = await api.gql(ORGANIZATIONS, {"filter": {"kind": "SCHOOL", "near": near}})
    assert [e["node"]["id"] for e in schools["organizations"]["edges"]] == [gid("Organization", detroit)]
    # user input is literal: % and _ are not wildcards
    percent = await api.gql(ORGANIZATIONS, {"filter": {"search": "100%"}})
    assert [e["node"]["name"] for e in percent["organizations"]["edges"]] == ["Detroit Tech 100%"]
    underscore = await api.gql(ORGANIZATIONS, {"filter": {"search": "_"}})
    assert underscore["organizations"]["edges"] == []
    wildcard = await api.gql(ORGANIZATIONS, {"filter": {"search": "%"}})
    assert len(wildcard["organizations"]["edges"]) == 1


async def test_cursor_pagination_walks_every_row_once(api):
    for i in range(7):
        await api.organization(name=f"Org {i}")
    seen, after = [], None
    while True:
        data = await api.gql(ORGANIZATIONS, {"first": 3, "after": after})
        connection = data["organizations"]
        seen += [e["node"]["name"] for e in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert seen == [f"Org {i}" for i in range(7)]


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"first": 101}, "OUT_OF_RANGE"),
        ({"first": -1}, "OUT_OF_RANGE"),
        ({"filter": {"near": {"postalCode": "48226", "radiusKm": -5}}}, "OUT_OF_RANGE"),
        ({"filter": {"near": {"postalCode": "99999", "radiusKm": 5}}}, "UNKNOWN_POSTAL_CODE"),
        ({"after": "bm90LWEtY3Vyc29y"}, "INVALID"),
    ],
)
async def test_bad_browse_arguments_get_a_clear_code(api, variables, code):
    errors = await api.errors(ORGANIZATIONS, variables)
    assert errors[0]["extensions"]["code"] == code


async def test_node_and_direct_field_agree_and_ids_are_checked(api):
    owner = await api.person(name="Owner")
    org = await api.organization(owner=owner, name="Node Org")
    node = await api.gql(NODE, {"id": gid("Organization", org)})
    assert node["node"] == {"id": gid("Organization", org), "name": "Node Org"}
    # a person's email shows through node() exactly as through the direct field: not to strangers
    stranger = await api.person()
    user = await api.gql(NODE, {"id": owner.gid}, token=stranger.token)
    assert user["node"]["email"] is None
    assert (await api.gql(NODE, {"id": owner.gid}, token=owner.token))["node"]["email"] == owner.email
    for bad in ("not-base64!", gid("Nope", 1), "T3JnYW5pemF0aW9uOmFiYw"):
        errors = await api.errors(NODE, {"id": bad})
        assert errors[0]["extensions"]["code"] == "INVALID"
    other_type = await api.errors(ORGANIZATION, {"id": owner.gid})
    assert other_type[0]["extensions"]["code"] == "INVALID"
    assert (await api.gql(NODE, {"id": gid("Organization", 999999)}))["node"] is None


async def test_members_listing_costs_the_same_sql_for_5_and_50_organizations(api, count_sql):
    staff = await api.person(staff=True)
    counts = {}
    for size in (5, 50):
        while await org_count(api) < size:
            owner = await api.person()
            await api.organization(owner=owner)
        with count_sql() as counter:
            data = await api.gql(MEMBERS_OF_ALL, {"first": size}, token=staff.token)
        assert len(data["organizations"]["edges"]) == size
        assert all(nodes(e["node"]["members"])[0]["user"]["email"] for e in data["organizations"]["edges"])
        counts[size] = counter.count
    assert counts[5] == counts[50], counts
