"""Members, memberships and app tokens cost the same SQL for 5 organizations as for 50 (no N+1)."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from db.models import AppToken, Membership, Organization, User

MEMBERS_AND_THEIR_MEMBERSHIPS = """
query ($first: Int) {
  organizations(first: $first) { edges { node { name
    members(first: 3) { edges { node { role user { name email
      memberships(first: 2) { edges { node { role organization { name } } } pageInfo { hasNextPage } }
    } } } }
  } } }
}"""
APP_TOKENS = """
query ($first: Int) {
  organizations(first: $first) { edges { node {
    appTokens { edges { node { name last4 scopes organization { name } } } pageInfo { hasNextPage } }
  } } }
}"""


async def grow_to(api, size: int) -> None:
    """Organizations of two members each (one also belonging to the previous organization), and one app token.

    Rows are written directly: the count is about reading."""
    async with api.db.write() as session:
        have = await session.scalar(select(func.count()).select_from(Organization))
        for i in range(have, size):
            org = Organization(name=f"Organization {i:03}", is_school=True)
            owner = User(email=f"owner{i}@example.com", name=f"Owner {i}", password_hash="x")
            member = User(email=f"member{i}@example.com", name=f"Member {i}", password_hash="x")
            session.add_all([org, owner, member])
            await session.flush()
            session.add_all(
                [
                    Membership(organization_id=org.id, user_id=owner.id, role="OWNER"),
                    Membership(organization_id=org.id, user_id=member.id, role="MEMBER"),
                    AppToken(
                        organization_id=org.id,
                        name=f"App {i}",
                        token_digest=hashlib.sha256(f"token {i}".encode()).hexdigest(),
                        last4=f"{i:04}",
                        scopes=["donations:read"],
                    ),
                ]
            )
            if i:
                session.add(Membership(organization_id=org.id - 1, user_id=member.id, role="ADMIN"))


async def statements(api, count_sql, query: str, size: int, token: str) -> tuple[int, dict]:
    await grow_to(api, size)
    with count_sql() as counter:
        data = await api.gql(query, {"first": size}, token=token)
    assert len(data["organizations"]["edges"]) == size
    return counter.count, data


async def test_members_with_their_memberships_cost_the_same_sql_for_5_and_50_organizations(api, count_sql):
    staff = await api.person(staff=True)
    small, _ = await statements(api, count_sql, MEMBERS_AND_THEIR_MEMBERSHIPS, 5, staff.token)
    large, data = await statements(api, count_sql, MEMBERS_AND_THEIR_MEMBERSHIPS, 50, staff.token)
    members = [m["node"] for e in data["organizations"]["edges"] for m in e["node"]["members"]["edges"]]
    assert len(members) == 50 * 3 - 1  # the owner, its member, and the next organization's member
    assert all(len(m["user"]["memberships"]["edges"]) in (1, 2) for m in members)
    assert small == large, (small, large)


async def test_app_tokens_cost_the_same_sql_for_5_and_50_organizations(api, count_sql):
    staff = await api.person(staff=True)
    small, _ = await statements(api, count_sql, APP_TOKENS, 5, staff.token)
    large, data = await statements(api, count_sql, APP_TOKENS, 50, staff.token)
    tokens = [t["node"] for e in data["organizations"]["edges"] for t in e["node"]["appTokens"]["edges"]]
    assert len(tokens) == 50 and all(t["organization"]["name"] for t in tokens)
    assert small == large, (small, large)
