"""A shop's Gold Class readiness moves when a technician completes the missing training."""

from __future__ import annotations

from dataclasses import replace

import httpx

from app import create_app
from core.clock import today
from tests.support import Api, gid
from tests.workforce import support
from tests.workforce.support import add_credential, technician_row

READINESS = """
query ($org: ID!) { workforce(organizationId: $org) {
  goldClass {
    ready requiredPerRole
    roles { role covered needed coveredBy(first: 5) { edges { node { person { name } } } }
            candidates { technician { person { name } } proLevel missing { codes } } }
  }
} }"""


async def test_readiness_moves_when_the_refinish_technician_earns_prolevel_2(api):
    # given: a team covering three core roles at ProLevel 2, and a refinish technician at ProLevel 1
    shop = await support.shop(api)
    for name, role, code in (
        ("Avery Estimator", "ESTIMATOR", "ICAR-EST-PL2"),
        ("Quinn Body", "NON_STRUCTURAL", "ICAR-NST-PL2"),
        ("Drew Frame", "STEEL_STRUCTURAL", "ICAR-SST-PL3"),
    ):
        await technician_row(api, shop, name, role, credentials=(code,))
    painter, _ = await technician_row(api, shop, "Riley Painter", "REFINISH", credentials=("ICAR-REF-PL1",))
    await technician_row(api, shop, "Jamie Apprentice", "REFINISH")

    async def readiness(token: str) -> dict:
        return (await api.gql(READINESS, {"org": shop.gid}, token=token))["workforce"]["goldClass"]

    # when: the owner looks
    before = await readiness(shop.owner.token)

    # then: everything but Refinish is covered, and the painter is the closest candidate, one ProLevel short
    assert before["ready"] is False and before["requiredPerRole"] == 1
    roles = {r["role"]: r for r in before["roles"]}
    assert [r["role"] for r in before["roles"]] == ["ESTIMATOR", "NON_STRUCTURAL", "STEEL_STRUCTURAL", "REFINISH"]
    assert {role: r["needed"] for role, r in roles.items()} == {
        "ESTIMATOR": 0,
        "NON_STRUCTURAL": 0,
        "STEEL_STRUCTURAL": 0,
        "REFINISH": 1,
    }
    frame = roles["STEEL_STRUCTURAL"]["coveredBy"]["edges"]
    assert [e["node"]["person"]["name"] for e in frame] == ["Drew Frame"]
    candidates = roles["REFINISH"]["candidates"]
    assert [(c["technician"]["person"]["name"], c["proLevel"]) for c in candidates[:2]] == [
        ("Riley Painter", 1),
        ("Jamie Apprentice", 0),
    ]
    assert candidates[0]["missing"] == [{"codes": ["ICAR-REF-PL2", "ICAR-REF-PL3"]}]

    # when: the painter completes ProLevel 2 and records it, as any credential
    await add_credential(api, painter, "ICAR-REF-PL2", today())

    # then: the shop is ready
    after = await readiness(shop.owner.token)
    assert after["ready"] is True and {r["needed"] for r in after["roles"]} == {0}
    # and only the owners, admins and staff see readiness; a supervisor or technician gets null
    assert await readiness(shop.supervisor.token) is None
    assert await readiness(painter.token) is None
    staff = await api.person("Staff", staff=True)
    assert (await readiness(staff.token))["ready"] is True


async def test_more_people_per_role_is_a_setting(api, settings):
    shop = await support.shop(api)
    await technician_row(api, shop, "Riley Painter", "REFINISH", credentials=("ICAR-REF-PL2",))
    strict = create_app(replace(settings, gold_class_per_role=2), db=api.db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=strict), base_url="http://test") as client:
        strict_api = Api(client, api.db, settings)
        data = await strict_api.gql(READINESS, {"org": gid("Organization", shop.org_id)}, token=shop.owner.token)
    refinish = data["workforce"]["goldClass"]["roles"][3]
    assert data["workforce"]["goldClass"]["requiredPerRole"] == 2
    assert (refinish["covered"], refinish["needed"]) == (1, 1)
