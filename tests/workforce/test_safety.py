"""Safety training with expiry: a shop sees who is due, and nobody is assigned work whose training lapsed."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from core.clock import frozen_at, today
from tests.support import gid, sign_in_as
from tests.workforce import support
from tests.workforce.support import codes, record_safety, technician_row

DUE = """
query ($org: ID!, $days: Int!) { workforce(organizationId: $org) {
  safetyDue(withinDays: $days, first: 20) { edges { node { technician { person { name } } training state expiresOn } } }
} }"""
SAFETY = """query ($id: ID!) { node(id: $id) { ... on Technician {
  safety { training state expiresOn }
  safetyCertifications(first: 10) { edges { node { training completedOn expiresOn state recordedBy { name } } } }
  standing(roles: [REFINISH]) { level missingForNext { requirement { codes } lapsedOn } }
} } }"""
ASSIGN = """
mutation ($input: ShopTaskAssignInput!) {
  shopTaskAssign(input: $input) { task { id kind status dueOn } userErrors { field code message } }
}"""
COMPLETE = """
mutation ($input: ShopTaskCompleteInput!) {
  shopTaskComplete(input: $input) { task { status completedAt } userErrors { code } }
}"""
TASKS = """query ($id: ID!) { node(id: $id) { ... on Technician {
  tasks(first: 10) { edges { node { title status assignedBy { name } } } }
} } }"""


def _at(days_from_now: int):
    return frozen_at(datetime.combine(today() + timedelta(days=days_from_now), time(12), tzinfo=UTC))


async def _assign(api, token: str, technician: str, due_in_days: int = 7, kind: str = "REFINISH_SPRAYING") -> dict:
    variables = {
        "input": {
            "technicianId": technician,
            "kind": kind,
            "title": "Refinish left front door, RO 4411",
            "dueOn": (today() + timedelta(days=due_in_days)).isoformat(),
        }
    }
    return (await api.gql(ASSIGN, variables, token=token))["shopTaskAssign"]


async def test_lapsed_safety_training_shows_and_refuses_the_work_until_it_is_renewed(api):
    # given: a painter whose respirator fit test was done 13 months ago, and nothing else recorded
    shop = await support.shop(api)
    painter, pk = await technician_row(api, shop, "Riley Painter", "REFINISH")
    technician = gid("Technician", pk)
    old = await record_safety(
        api, shop.supervisor.token, technician, "RESPIRATOR_FIT", today() - timedelta(days=395), note="Fit test #88"
    )
    assert old["userErrors"] == [] and old["certification"]["state"] == "EXPIRED"
    assert old["certification"]["expiresOn"] == (today() - timedelta(days=395) + timedelta(days=365)).isoformat()

    # then: the technician's safety shows it lapsed, and the shop sees who is due
    seen = (await api.gql(SAFETY, {"id": technician}, token=painter.token))["node"]
    assert seen["safety"][0]["training"] == "RESPIRATOR_FIT" and seen["safety"][0]["state"] == "EXPIRED"
    assert {s["state"] for s in seen["safety"][1:]} == {"MISSING"}
    [fit_gap] = [g for g in seen["standing"][0]["missingForNext"] if g["requirement"]["codes"] == ["RESPIRATOR_FIT"]]
    assert fit_gap["lapsedOn"] == old["certification"]["expiresOn"]
    due = (await api.gql(DUE, {"org": shop.gid, "days": 90}, token=shop.owner.token))["workforce"]["safetyDue"]
    first, *rest = [e["node"] for e in due["edges"]]
    assert (first["technician"]["person"]["name"], first["training"], first["state"]) == (
        "Riley Painter",
        "RESPIRATOR_FIT",
        "EXPIRED",
    )
    assert {r["training"] for r in rest} == {"RESPIRATOR_MEDICAL", "HAZCOM", "SP2_SAFETY", "SP2_POLLUTION"}

    # when: the supervisor assigns refinish work, it is refused, naming every lapse
    refused = await _assign(api, shop.supervisor.token, technician)
    assert codes(refused) == ["SAFETY_TRAINING_LAPSED"] and refused["task"] is None
    assert "Respirator fit test: lapsed on" in refused["userErrors"][0]["message"]
    assert "Hazard communication training: never recorded" in refused["userErrors"][0]["message"]
    # work that needs no safety training is assigned
    assert (await _assign(api, shop.supervisor.token, technician, kind="ESTIMATE"))["userErrors"] == []

    # the technician cannot attest their own training; a stranger cannot see them at all
    own = await record_safety(api, painter.token, technician, "HAZCOM", today())
    assert codes(own) == ["PERMISSION_DENIED"]
    stranger = await api.person("Stranger")
    assert codes(await record_safety(api, stranger.token, technician, "HAZCOM", today())) == ["NOT_FOUND"]

    # when: the supervisor records the renewed fit test, the medical evaluation and HazCom
    for training in ("RESPIRATOR_FIT", "RESPIRATOR_MEDICAL", "HAZCOM"):
        assert (await record_safety(api, shop.supervisor.token, technician, training, today()))["userErrors"] == []

    # then: the work is assigned, and the technician completes it
    assigned = await _assign(api, shop.supervisor.token, technician)
    assert assigned["userErrors"] == [] and assigned["task"]["status"] == "ASSIGNED"
    done = await api.gql(COMPLETE, {"input": {"id": assigned["task"]["id"]}}, token=painter.token)
    assert done["shopTaskComplete"]["task"]["status"] == "DONE"
    again = await api.gql(COMPLETE, {"input": {"id": assigned["task"]["id"]}}, token=painter.token)
    assert codes(again["shopTaskComplete"]) == ["INVALID_TRANSITION"]
    tasks = (await api.gql(TASKS, {"id": technician}, token=shop.owner.token))["node"]["tasks"]["edges"]
    assert sorted((t["node"]["status"], t["node"]["assignedBy"]["name"]) for t in tasks) == [
        ("ASSIGNED", "Sam Supervisor"),  # the estimate
        ("DONE", "Sam Supervisor"),
    ]


async def test_the_fit_test_lapses_with_time_and_work_due_after_it_lapses_is_refused(api):
    shop = await support.shop(api)
    painter, pk = await technician_row(api, shop, "Riley Painter", "REFINISH")
    technician = gid("Technician", pk)
    for training in ("RESPIRATOR_FIT", "RESPIRATOR_MEDICAL", "HAZCOM"):
        await record_safety(api, shop.owner.token, technician, training, today())
    lapses_on = today() + timedelta(days=365)  # a fit test lasts a year

    with _at(300):
        # tokens are short-lived: sign in again at the moved clock, as a client would
        owner_token = await sign_in_as(api.db, api.settings, shop.owner.id)
        painter_token = await sign_in_as(api.db, api.settings, painter.id)
        # 65 days before it lapses: due soon, and work due after the lapse is refused, work before it is not
        due = (await api.gql(DUE, {"org": shop.gid, "days": 90}, token=owner_token))["workforce"]["safetyDue"]
        fit = [e["node"] for e in due["edges"] if e["node"]["training"] == "RESPIRATOR_FIT"]
        assert fit == [
            {
                "technician": {"person": {"name": "Riley Painter"}},
                "training": "RESPIRATOR_FIT",
                "state": "EXPIRING",
                "expiresOn": lapses_on.isoformat(),
            }
        ]
        near = (await api.gql(DUE, {"org": shop.gid, "days": 30}, token=owner_token))["workforce"]["safetyDue"]
        assert all(e["node"]["training"] != "RESPIRATOR_FIT" for e in near["edges"])
        assert (await _assign(api, owner_token, technician, due_in_days=30))["userErrors"] == []
        late = await _assign(api, owner_token, technician, due_in_days=70)
        assert codes(late) == ["SAFETY_TRAINING_LAPSED"]
        assert f"lapses on {lapses_on.isoformat()}" in late["userErrors"][0]["message"]

    with _at(400):
        # tokens are short-lived: sign in again at the moved clock, as a client would
        owner_token = await sign_in_as(api.db, api.settings, shop.owner.id)
        painter_token = await sign_in_as(api.db, api.settings, painter.id)
        seen = (await api.gql(SAFETY, {"id": technician}, token=painter_token))["node"]
        assert seen["safety"][0] == {
            "training": "RESPIRATOR_FIT",
            "state": "EXPIRED",
            "expiresOn": lapses_on.isoformat(),
        }
        assert codes(await _assign(api, owner_token, technician)) == ["SAFETY_TRAINING_LAPSED"]
