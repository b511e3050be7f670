"""A technician's records stay private to them, their supervisor and the shop's admins (and staff), through
every path that reads them: the technician, their plan and its steps, safety certifications, tasks, the team."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.clock import today
from tests.support import gid
from tests.talent import flows
from tests.workforce import support
from tests.workforce.support import member, record_safety, technician_row

GENERATE = """mutation ($input: DevelopmentPlanGenerateInput!) {
  developmentPlanGenerate(input: $input) {
    plan { id steps(first: 1) { edges { node { id } } } }
    userErrors { code }
  }
}"""
ASSIGN = """mutation ($input: ShopTaskAssignInput!) {
  shopTaskAssign(input: $input) { task { id } userErrors { code } } }"""
CERTIFICATIONS = """query ($id: ID!) { node(id: $id) { ... on Technician {
  safetyCertifications(first: 1) { edges { node { id } } } } } }"""
NODE = "query ($id: ID!) { node(id: $id) { id } }"
TEAM = """query ($org: ID!) { workforce(organizationId: $org) {
  technicians(first: 20) { edges { node { person { name } } } } } }"""
SEES = {"technician", "supervisor", "owner", "admin", "staff", "app with talent:read"}
HIDDEN = {"member", "peer", "other shop", "stranger", "anonymous", "app without talent scope"}


@pytest.fixture
async def world(api):
    shop = await support.shop(api)
    admin = await member(api, shop.org_id, "Ada Admin", role="ADMIN")
    plain = await member(api, shop.org_id, "Mo Member")
    tech, pk = await technician_row(api, shop, "Riley Painter", "REFINISH")
    peer, _ = await technician_row(api, shop, "Pat Peer", "ESTIMATOR", supervisor=admin)
    other = await support.shop(api, name="Other Shop")
    technician = gid("Technician", pk)
    plan = (await api.gql(GENERATE, {"input": {"technicianId": technician}}, token=shop.owner.token))[
        "developmentPlanGenerate"
    ]["plan"]
    await record_safety(api, shop.supervisor.token, technician, "HAZCOM", today() - timedelta(days=1))
    certification = (await api.gql(CERTIFICATIONS, {"id": technician}, token=tech.token))["node"][
        "safetyCertifications"
    ]["edges"][0]["node"]["id"]
    task = (
        await api.gql(
            ASSIGN, {"input": {"technicianId": technician, "kind": "ESTIMATE", "title": "RO 12"}}, token=admin.token
        )
    )["shopTaskAssign"]["task"]["id"]
    tokens = {
        "technician": tech.token,
        "supervisor": shop.supervisor.token,
        "owner": shop.owner.token,
        "admin": admin.token,
        "staff": (await api.person("Staff", staff=True)).token,
        "app with talent:read": await flows.app_token(api, shop.employer, ["TALENT_READ"]),
        "member": plain.token,
        "peer": peer.token,
        "other shop": other.owner.token,
        "stranger": (await api.person("Stranger")).token,
        "anonymous": None,
        "app without talent scope": await flows.app_token(api, shop.employer, ["CONTENT_WRITE"]),
    }
    ids = {
        "Technician": technician,
        "DevelopmentPlan": plan["id"],
        "PlanStep": plan["steps"]["edges"][0]["node"]["id"],
        "SafetyCertification": certification,
        "ShopTask": task,
    }
    return shop, tokens, ids


async def test_every_record_of_a_technician_is_seen_by_exactly_their_circle(api, world):
    _, tokens, ids = world
    for who, token in tokens.items():
        for kind, node_id in ids.items():
            seen = (await api.gql(NODE, {"id": node_id}, token=token))["node"] is not None
            assert seen is (who in SEES), (who, kind)
    assert set(tokens) == SEES | HIDDEN


async def test_the_team_lists_everyone_for_admins_and_only_their_own_records_for_others(api, world):
    shop, tokens, _ = world

    async def team(who: str) -> set[str] | None:
        workforce = (await api.gql(TEAM, {"org": shop.gid}, token=tokens[who]))["workforce"]
        if workforce is None:
            return None
        return {e["node"]["person"]["name"] for e in workforce["technicians"]["edges"]}

    everyone = {"Riley Painter", "Pat Peer"}
    for who in ("owner", "admin", "staff", "app with talent:read"):
        assert await team(who) == everyone, who
    assert await team("supervisor") == {"Riley Painter"}
    assert await team("technician") == {"Riley Painter"}
    assert await team("peer") == {"Pat Peer"}
    assert await team("member") == set()
    for who in ("other shop", "stranger", "anonymous", "app without talent scope"):
        assert await team(who) is None, who
