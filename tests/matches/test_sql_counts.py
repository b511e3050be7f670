"""The candidates field costs the same number of SQL statements whatever the page size."""

from __future__ import annotations

from datetime import date, timedelta

from db.models import Credential, StudentCredential, StudentProfile, User
from tests.matches.support import CANDIDATES, REQUIRED, job, shop
from tests.support import centroid

NEARBY = ["48226", "48201", "48202", "48126", "48127", "48207", "48208", "48209", "48210", "48211"]


async def many_students(api, n: int) -> None:
    """Rows written directly: the count is about reading, and 30 sign-ups over HTTP add nothing."""
    from sqlalchemy import select

    async with api.db.write() as session:
        credential_id = await session.scalar(select(Credential.id).where(Credential.code == REQUIRED))
        for i in range(n):
            user = User(email=f"many{i}@example.com", name=f"Student {i}", password_hash="x")
            session.add(user)
            await session.flush()
            lat, lon = centroid(NEARBY[i % len(NEARBY)])
            profile = StudentProfile(
                user_id=user.id,
                headline=f"student {i}",
                postal_code=NEARBY[i % len(NEARBY)],
                latitude=lat,
                longitude=lon,
                travel_radius_km=100,
                visible_to_employers=True,
                skill_ids=[1, 11][: 1 + i % 2],
                programs=["COLLISION"],
            )
            session.add(profile)
            await session.flush()
            session.add(
                StudentCredential(
                    student_id=profile.id, credential_id=credential_id, earned_on=date.today() - timedelta(days=10)
                )
            )


async def test_candidates_statement_count_does_not_grow_with_first(api, count_sql):
    employer = await shop(api)
    posting = await job(api, employer)
    await many_students(api, 30)
    await api.gql(CANDIDATES, {"id": posting, "first": 1}, token=employer.owner.token)  # build the index

    counts = {}
    for first in (5, 20):
        with count_sql() as counter:
            data = await api.gql(CANDIDATES, {"id": posting, "first": first}, token=employer.owner.token)
        assert len(data["jobPosting"]["candidates"]["edges"]) == first
        counts[first] = len([s for s in counter.statements if not s.startswith("BEGIN")])

    assert counts[5] == counts[20], counts
    # sign-in (with the roles), budget, posting, required credentials, the re-check that loads the rows,
    # the employer, and two contact-release checks; a warm index reads nothing while no change is announced
    assert counts[20] <= 8, counts


PLANS = """
{ allocationPlans(first: 20) { edges { node {
  createdBy { name } category { name } region { radiusKm } inputs { needs pairs }
  plan { total assignments { quantity need { title } listing { title } } spread { gini } }
  donations(first: 5) { edges { node { id status } } }
} } } }"""


async def test_stored_plans_cost_the_same_sql_for_2_and_6(api, count_sql):
    from tests.donations.support import category, make_listing, make_need, parties

    p = await parties(api)
    staff = await api.person("Coordinator", staff=True)
    create = """mutation ($input: AllocationPlanCreateInput!) { allocationPlanCreate(input: $input) {
      allocationPlan { id } userErrors { code } } }"""
    region = {"input": {"categoryId": category("welding"), "near": {"postalCode": "48226", "radiusKm": 50}}}

    async def plans(n: int) -> tuple[int, dict]:
        for _ in range(n):
            await make_need(api, p, quantity=2)
            await make_listing(api, p, quantity=2)
            made = await api.gql(create, region, token=staff.token)
            assert made["allocationPlanCreate"]["userErrors"] == []
        with count_sql() as counter:
            data = await api.gql(PLANS, token=staff.token)
        return len([s for s in counter.statements if not s.startswith("BEGIN")]), data

    small, small_data = await plans(2)
    large, large_data = await plans(4)
    assert len(small_data["allocationPlans"]["edges"]) == 2 and len(large_data["allocationPlans"]["edges"]) == 6
    assert sum(len(e["node"]["plan"]["assignments"]) for e in large_data["allocationPlans"]["edges"]) > 6
    print(f"allocation plans: {small} statements for 2, {large} for 6")
    assert small == large
