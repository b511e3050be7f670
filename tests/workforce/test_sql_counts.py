"""A shop's team with every record per technician costs the same SQL for 3 technicians as for 12 (no N+1)."""

from __future__ import annotations

from datetime import timedelta

from core.clock import today
from tests.support import gid
from tests.workforce import support
from tests.workforce.support import record_safety, technician_row

TEAM = """
query ($org: ID!) { workforce(organizationId: $org) {
  technicians(first: 20) { edges { node {
    role person { name } supervisor { name } organization { name }
    credentials(first: 5) { edges { node { earnedOn credential { code } } } }
    standing(roles: [REFINISH, ESTIMATOR]) { level proLevel missingForNext { requirement { title } } }
    safety { training state }
    safetyCertifications(first: 3) { edges { node { training state recordedBy { name } } } }
    plan { currentLevel progress { percent } steps(first: 5) { edges { node { status modulesCompleted } } } }
    tasks(first: 3) { edges { node { title assignedBy { name } } } }
  } } }
  goldClass { ready roles { covered candidates { technician { person { name } } proLevel } } }
  safetyDue(first: 20) { edges { node { technician { person { name } } training state } } }
  invitations(first: 5) { edges { node { email } } }
} }"""
GENERATE = """mutation ($input: DevelopmentPlanGenerateInput!) {
  developmentPlanGenerate(input: $input) { userErrors { code } } }"""
ASSIGN = """mutation ($input: ShopTaskAssignInput!) { shopTaskAssign(input: $input) { userErrors { code } } }"""


async def _grow(api, shop, have: int, size: int) -> None:
    for i in range(have, size):
        _, pk = await technician_row(
            api, shop, f"Tech {i}", "REFINISH", credentials=("ICAR-REF-PL1", "ICAR-ACAD-PREP")[: 1 + i % 2]
        )
        technician = gid("Technician", pk)
        await record_safety(api, shop.supervisor.token, technician, "RESPIRATOR_FIT", today() - timedelta(days=400))
        generated = await api.gql(GENERATE, {"input": {"technicianId": technician}}, token=shop.owner.token)
        assert generated["developmentPlanGenerate"]["userErrors"] == []
        task = {"technicianId": technician, "kind": "ESTIMATE", "title": f"RO {i}"}
        assert (await api.gql(ASSIGN, {"input": task}, token=shop.owner.token))["shopTaskAssign"]["userErrors"] == []


async def test_the_team_with_its_records_costs_the_same_sql_for_3_and_12_technicians(api, count_sql):
    shop = await support.shop(api)
    counts, have = [], 0
    for size in (3, 12):
        await _grow(api, shop, have, size)
        have = size
        with count_sql() as counter:
            data = await api.gql(TEAM, {"org": shop.gid}, token=shop.owner.token)
        team = data["workforce"]["technicians"]["edges"]
        assert len(team) == size
        assert all(len(e["node"]["plan"]["steps"]["edges"]) == 5 and e["node"]["tasks"]["edges"] for e in team)
        assert len(data["workforce"]["safetyDue"]["edges"]) == min(20, 5 * size)
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
