"""Development plans: generated from the gaps, adjusted by the technician and their supervisor, moved by the
training records the pathways keep, with what the next level pays beside them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.clock import today
from db.models import Credential, PayReport
from matching.geo import zip_centroid
from tests.pathways.factories import module_ids
from tests.pathways.test_training import ENROLL, PROGRAM_CREATE, RECORD, record_input
from tests.support import gid
from tests.workforce import support
from tests.workforce.support import REFINISH_SAFETY, add_credential, codes, hire, hired, record_safety, technician_row

GENERATE = """
mutation ($input: DevelopmentPlanGenerateInput!) {
  developmentPlanGenerate(input: $input) { plan { id role targetLevel } userErrors { field code message } }
}"""
PLAN = """
query ($id: ID!) { node(id: $id) { ... on Technician { plan {
  id role targetLevel currentLevel
  progress { stepsTotal stepsDone stepsOverdue percent }
  steps(first: 30) { edges { node {
    id kind codes title targetOn status doneOn modulesCompleted modulesTotal overdue note
  } } }
} } } }"""
ADD = """
mutation ($input: PlanStepAddInput!) {
  planStepAdd(input: $input) { step { id kind codes title targetOn status } userErrors { field code message } }
}"""
UPDATE = """
mutation ($input: PlanStepUpdateInput!) {
  planStepUpdate(input: $input) { step { id targetOn status doneOn note } userErrors { field code message } }
}"""
PAY = """
query ($id: ID!) { node(id: $id) { ... on Technician { plan { payProgression(unit: HOUR) {
  role payRoleType
  current { level credentials estimate { median { amount } refinements sampleSize } shortage }
  target { level credentials estimate { median { amount } refinements sampleSize } shortage }
} } } } }"""


async def _plan(api, technician: str, token: str) -> dict:
    return (await api.gql(PLAN, {"id": technician}, token=token))["node"]["plan"]


def _steps(plan: dict) -> list[dict]:
    return [edge["node"] for edge in plan["steps"]["edges"]]


def _step(plan: dict, code: str) -> dict:
    return next(step for step in _steps(plan) if code in step["codes"])


async def test_a_plan_from_the_gaps_is_adjusted_by_both_and_moved_by_training_records(api):
    # given: a hire holding ProLevel 1 from school, without the academy badge or safety training for level 1
    shop = await support.shop(api)
    student, application = await hired(api, shop)
    await add_credential(api, student.person, "ICAR-REF-PL1", today() - timedelta(days=100))
    technician = (await hire(api, shop, application, supervisorId=shop.supervisor.gid))["technician"]["id"]
    me = student.person

    # when: the technician generates their plan
    generated = (await api.gql(GENERATE, {"input": {"technicianId": technician}}, token=me.token))[
        "developmentPlanGenerate"
    ]

    # then: level 1 of their role: safety first, then the academy area, and mentor sessions
    assert generated["userErrors"] == [] and generated["plan"]["targetLevel"] == 1
    plan = await _plan(api, technician, shop.supervisor.token)
    kinds = [(s["kind"], s["codes"]) for s in _steps(plan)]
    assert [codes for kind, codes in kinds if kind == "SAFETY_TRAINING"] == [[c] for c in REFINISH_SAFETY]
    assert ("ACADEMY_AREA", ["ICAR-ACAD-PREP"]) in kinds
    assert all(kind != "CREDENTIAL" for kind, _ in kinds)  # ProLevel 1 is already held
    assert any(kind == "MENTOR_SESSION" for kind, _ in kinds)
    assert plan["currentLevel"] == 0 and plan["progress"]["stepsDone"] == 0

    # the technician moves a target date; the supervisor adds a step and marks a mentor session held
    prep = _step(plan, "ICAR-ACAD-PREP")
    later = (today() + timedelta(days=120)).isoformat()
    moved = await api.gql(
        UPDATE, {"input": {"id": prep["id"], "targetOn": later, "note": "After the busy season"}}, token=me.token
    )
    assert moved["planStepUpdate"]["step"]["targetOn"] == later
    added = await api.gql(
        ADD,
        {"input": {"planId": plan["id"], "kind": "CREDENTIAL", "credentialCode": "ase-b2", "targetOn": later}},
        token=shop.supervisor.token,
    )
    assert added["planStepAdd"]["step"]["codes"] == ["ASE-B2"] and added["planStepAdd"]["step"]["title"]
    session = next(s for s in _steps(plan) if s["kind"] == "MENTOR_SESSION")
    held = await api.gql(
        UPDATE, {"input": {"id": session["id"], "completedOn": today().isoformat()}}, token=shop.supervisor.token
    )
    assert held["planStepUpdate"]["step"]["status"] == "DONE"
    not_a_session = await api.gql(
        UPDATE, {"input": {"id": prep["id"], "completedOn": today().isoformat()}}, token=shop.supervisor.token
    )
    assert codes(not_a_session["planStepUpdate"]) == ["INVALID"]
    # a peer on the team neither sees nor adjusts it
    peer, _ = await technician_row(api, shop, "Peer Tech", "REFINISH")
    assert codes(
        (await api.gql(UPDATE, {"input": {"id": prep["id"], "note": "x"}}, token=peer.token))["planStepUpdate"]
    ) == ["NOT_FOUND"]

    # when: the shop's apprentice program records the academy modules, as the pathways do
    program = await api.gql(
        PROGRAM_CREATE,
        {"input": {"organizationId": shop.gid, "name": "Prep Academy", "areas": ["PREP"]}},
        token=shop.owner.token,
    )
    program_id = program["trainingProgramCreate"]["program"]["id"]
    enrolled = await api.gql(
        ENROLL, {"input": {"programId": program_id, "studentId": student.profile_gid}}, token=shop.owner.token
    )
    enrollment = enrolled["enrollmentCreate"]["enrollment"]["id"]
    modules = await module_ids(api, "PREP")
    for module in modules[:3]:
        recorded = await api.gql(RECORD, record_input(enrollment, module, today().isoformat()), token=shop.owner.token)
        assert recorded["moduleCompletionRecord"]["userErrors"] == []

    # then: the step is under way, from those records
    prep = _step(await _plan(api, technician, me.token), "ICAR-ACAD-PREP")
    assert (prep["status"], prep["modulesCompleted"], prep["modulesTotal"]) == ("IN_PROGRESS", 3, len(modules))

    # when: the rest of the modules and the safety training are recorded
    for module in modules[3:]:
        await api.gql(RECORD, record_input(enrollment, module, today().isoformat()), token=shop.owner.token)
    for training in REFINISH_SAFETY:
        recorded = await record_safety(api, shop.supervisor.token, technician, training, today())
        assert recorded["userErrors"] == []

    # then: the badge and the safety training are done, and the technician reached level 1
    plan = await _plan(api, technician, me.token)
    assert _step(plan, "ICAR-ACAD-PREP")["status"] == "DONE"
    assert {s["status"] for s in _steps(plan) if s["kind"] == "SAFETY_TRAINING"} == {"DONE"}
    assert plan["currentLevel"] == 1
    total, done = plan["progress"]["stepsTotal"], plan["progress"]["stepsDone"]
    assert done == len(REFINISH_SAFETY) + 2 and plan["progress"]["percent"] == round(100 * done / total, 1)

    # generating again: level 1 is reached; the next level up is 2, and only new gaps become steps (ASE B2 is
    # planned already)
    again = await api.gql(GENERATE, {"input": {"technicianId": technician, "targetLevel": 1}}, token=me.token)
    assert codes(again["developmentPlanGenerate"]) == ["LEVEL_ALREADY_REACHED"]
    up = await api.gql(GENERATE, {"input": {"technicianId": technician}}, token=shop.supervisor.token)
    assert up["developmentPlanGenerate"]["plan"]["targetLevel"] == 2
    plan = await _plan(api, technician, me.token)
    credential_steps = [s["codes"][0] for s in _steps(plan) if s["kind"] == "CREDENTIAL"]
    assert sorted(credential_steps) == ["ASE-B2", "ICAR-REF-PL2"]


async def test_the_path_up_shows_what_the_next_level_pays_nearby(api):
    shop = await support.shop(api)
    centroid = zip_centroid("48226")
    assert centroid is not None
    lat, lon = centroid
    async with api.db.write() as session:
        ids = dict((await session.execute(select(Credential.code, Credential.id))).all())
        # six reports of each ProLevel near the shop, the second ProLevel paid $10 an hour more
        for i in range(6):
            for code, dollars in (("ICAR-REF-PL1", 24), ("ICAR-REF-PL2", 34)):
                session.add(
                    PayReport(
                        role_type="REFINISH_TECHNICIAN",
                        postal_code="48226",
                        state="MI",
                        latitude=lat,
                        longitude=lon,
                        amount_cents=(dollars + i % 2) * 100,
                        unit="HOUR",
                        basis="HOURLY",
                        hourly_cents=(dollars + i % 2) * 100,
                        credential_ids=[ids[code]],
                    )
                )
    person, technician_pk = await technician_row(
        api, shop, "Riley Painter", "REFINISH", credentials=("ICAR-ACAD-PREP", "ICAR-REF-PL1"), safety=REFINISH_SAFETY
    )
    technician = gid("Technician", technician_pk)
    assert (await api.gql(GENERATE, {"input": {"technicianId": technician}}, token=person.token))[
        "developmentPlanGenerate"
    ]["plan"]["targetLevel"] == 2

    pay = (await api.gql(PAY, {"id": technician}, token=person.token))["node"]["plan"]["payProgression"]

    assert pay["role"] == "REFINISH" and pay["payRoleType"] == "REFINISH_TECHNICIAN"
    current, target = pay["current"], pay["target"]
    assert (current["level"], current["credentials"]) == (1, ["ICAR-REF-PL1"])
    assert (target["level"], target["credentials"]) == (2, ["ICAR-REF-PL2", "ASE-B2"])
    assert current["estimate"]["refinements"] == ["CREDENTIALS"] == target["estimate"]["refinements"]
    assert current["estimate"]["median"]["amount"] == 2450 and target["estimate"]["median"]["amount"] == 3450
    assert current["estimate"]["sampleSize"] == 6 == target["estimate"]["sampleSize"]
