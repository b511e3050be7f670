"""The pure rules of standing, plans, safety and retention, with plain data (no database)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from db.enums.workforce import PlanStepKind, RequirementKind, TaskKind, TechnicianRole
from db.reference.credentials import CREDENTIALS
from db.reference.curriculum import ACADEMY_AREAS
from db.reference.workforce_roles import GOLD_CLASS, ROLE_BY_CODE, ROLES
from resolvers.workforce.gold_class import readiness
from resolvers.workforce.plan_steps import StepStatus, draft, gaps_up_to, progress
from resolvers.workforce.records import Holding, TechnicianRecords
from resolvers.workforce.retention import quarters_to
from resolvers.workforce.safety_status import SafetyState, lapses_for_task, safety_items
from resolvers.workforce.standing import standing

TODAY = date(2026, 12, 1)
REFINISH = ROLE_BY_CODE[TechnicianRole.REFINISH]
SAFETY = ("RESPIRATOR_MEDICAL", "RESPIRATOR_FIT", "HAZCOM", "SP2_SAFETY", "SP2_POLLUTION")


def held(code: str, since_days: int = 30, lasts_days: int | None = None) -> Holding:
    since = TODAY - timedelta(days=since_days)
    return Holding(code, since, since + timedelta(days=lasts_days) if lasts_days else None)


def records(credentials=(), safety=(), modules=None) -> TechnicianRecords:
    return TechnicianRecords(tuple(credentials), tuple(safety), dict(modules or {}), {})


LEVEL_ONE_REFINISH = records(
    [held("ICAR-ACAD-PREP", 300), held("ICAR-REF-PL1", 30, 365)], [held(code, 10, 365) for code in SAFETY]
)


def test_every_requirement_names_a_real_credential_badge_or_safety_training_and_a_source():
    codes = {c.code for c in CREDENTIALS}
    for role in ROLES:
        assert [level.level for level in role.levels] == [1, 2, 3]
        for level in role.levels:
            for requirement in level.requirements:
                assert requirement.source
                if requirement.kind is not RequirementKind.SAFETY_TRAINING:
                    assert set(requirement.codes) <= codes, requirement
    assert [role.role for role in GOLD_CLASS] == [
        TechnicianRole.ESTIMATOR,
        TechnicianRole.NON_STRUCTURAL,
        TechnicianRole.STEEL_STRUCTURAL,
        TechnicianRole.REFINISH,
    ]


def test_a_level_needs_everything_of_it_and_below_and_names_what_the_next_one_needs():
    result = standing(REFINISH, LEVEL_ONE_REFINISH, TODAY)
    assert (result.level, result.pro_level, result.next_level) == (1, 1, 2)
    assert [gap.requirement.codes for gap in result.missing_for_next] == [
        ("ICAR-REF-PL2", "ICAR-REF-PL3"),
        ("ASE-B2",),
    ]
    nothing = standing(REFINISH, records(), TODAY)
    assert nothing.level == 0 and len(nothing.missing_for_next) == 1 + 1 + len(SAFETY)


def test_a_higher_prolevel_meets_the_lower_ones_and_level_three_needs_nothing_more():
    top = records(
        [held("ICAR-ACAD-PREP", 300), held("ICAR-REF-PL3", 30, 365), held("ASE-B2", 100, 1800)],
        [held(code, 10, 365) for code in SAFETY],
    )
    result = standing(REFINISH, top, TODAY)
    assert (result.level, result.pro_level, result.next_level, result.missing_for_next) == (3, 3, None, ())


def test_a_lapsed_requirement_brings_the_level_down_and_says_when_it_lapsed():
    fit_test_lapsed = records(
        LEVEL_ONE_REFINISH.credentials,
        [held(code, 10, 365) for code in SAFETY if code != "RESPIRATOR_FIT"] + [held("RESPIRATOR_FIT", 400, 365)],
    )
    result = standing(REFINISH, fit_test_lapsed, TODAY)
    assert result.level == 0
    [gap] = result.missing_for_next
    assert gap.requirement.codes == ("RESPIRATOR_FIT",) and gap.lapsed_on == TODAY - timedelta(days=35)


def test_what_lapses_within_90_days_is_listed_and_nothing_further_out():
    soon = records(
        [held("ICAR-ACAD-PREP", 300), held("ICAR-REF-PL1", 300, 365)], [held(code, 10, 365) for code in SAFETY]
    )
    result = standing(REFINISH, soon, TODAY)
    assert [(e.holding.code, e.holding.expires_on) for e in result.expiring] == [
        ("ICAR-REF-PL1", TODAY + timedelta(days=65))
    ]


def test_a_plan_puts_safety_first_then_learning_in_level_order_with_monthly_mentor_sessions():
    steps = draft(REFINISH, 2, records([held("ICAR-REF-PL1", 30, 365)]), TODAY)
    kinds = [s.kind for s in steps if s.kind is not PlanStepKind.MENTOR_SESSION]
    assert kinds[: len(SAFETY)] == [PlanStepKind.SAFETY_TRAINING] * len(SAFETY)
    learning = [s for s in steps if s.kind in (PlanStepKind.ACADEMY_AREA, PlanStepKind.CREDENTIAL)]
    assert [s.codes[0] for s in learning] == ["ICAR-ACAD-PREP", "ICAR-REF-PL2", "ASE-B2"]
    assert all(a.target_on < b.target_on for a, b in itertools.pairwise(learning))
    assert all(s.target_on == TODAY + timedelta(days=14) for s in steps if s.kind is PlanStepKind.SAFETY_TRAINING)
    sessions = [s for s in steps if s.kind is PlanStepKind.MENTOR_SESSION]
    assert 1 <= len(sessions) <= 6 and sessions[0].target_on == TODAY + timedelta(days=30)


def test_a_gap_another_gap_meets_on_the_way_is_not_planned_twice_but_every_prolevel_is():
    light_repair = ROLE_BY_CODE[TechnicianRole.MAINTENANCE_LIGHT_REPAIR]
    planned = [g.requirement.codes for g in gaps_up_to(light_repair, 2, records(), TODAY)]
    assert ("ASE-EL-MLR", "ASE-G1") not in planned and ("ASE-G1",) in planned
    prolevels = [g.requirement.codes[0] for g in gaps_up_to(REFINISH, 3, records(), TODAY)]
    assert [code for code in prolevels if code.startswith("ICAR-REF-PL")] == [
        "ICAR-REF-PL1",
        "ICAR-REF-PL2",
        "ICAR-REF-PL3",
    ]


def _step(kind: PlanStepKind, codes: list[str], **fields):
    values = {"kind": kind.value, "codes": codes, "skipped": False, "completed_on": None, "target_on": TODAY}
    return SimpleNamespace(**{**values, **fields})


def test_step_progress_is_read_from_the_records():
    prep = next(area for area in ACADEMY_AREAS if area.code == "PREP")
    area_step = _step(PlanStepKind.ACADEMY_AREA, ["ICAR-ACAD-PREP"], target_on=TODAY - timedelta(days=1))
    assert progress(area_step, records(), TODAY).status is StepStatus.TODO
    started = progress(area_step, records(modules={"PREP": 3}), TODAY)
    assert (started.status, started.modules_completed, started.modules_total, started.overdue) == (
        StepStatus.IN_PROGRESS,
        3,
        len(prep.modules),
        True,
    )
    done = progress(area_step, records([held("ICAR-ACAD-PREP", 5)]), TODAY)
    assert done.status is StepStatus.DONE and done.done_on == TODAY - timedelta(days=5) and not done.overdue
    fit = _step(PlanStepKind.SAFETY_TRAINING, ["RESPIRATOR_FIT"])
    assert progress(fit, records(safety=[held("RESPIRATOR_FIT", 400, 365)]), TODAY).status is StepStatus.TODO
    session = _step(PlanStepKind.MENTOR_SESSION, [], completed_on=TODAY)
    assert progress(session, records(), TODAY).status is StepStatus.DONE
    assert progress(_step(PlanStepKind.CREDENTIAL, ["ASE-B2"], skipped=True), records(), TODAY).status is (
        StepStatus.SKIPPED
    )


def test_safety_items_are_most_urgent_first_and_a_task_needs_its_training_through_its_due_date():
    safety = [
        held("RESPIRATOR_FIT", 400, 365),
        held("HAZCOM", 100),
        held("RESPIRATOR_MEDICAL", 100),
        held("HIGH_VOLTAGE", 10, 1000),  # not the role's, but held: listed after what the role needs
    ]
    items = safety_items(REFINISH, records(safety=safety), TODAY)
    assert [i.training.value for i in items[-3:]] == ["HIGH_VOLTAGE", "RESPIRATOR_MEDICAL", "HAZCOM"]
    assert not items[-3].required
    assert [(i.training.value, i.state) for i in items[:3]] == [
        ("RESPIRATOR_FIT", SafetyState.EXPIRED),
        ("SP2_SAFETY", SafetyState.MISSING),
        ("SP2_POLLUTION", SafetyState.MISSING),
    ]
    lapsing = records(safety=[held("RESPIRATOR_FIT", 355, 365), held("HAZCOM", 100), held("RESPIRATOR_MEDICAL", 100)])
    assert lapses_for_task(TaskKind.REFINISH_SPRAYING, lapsing, TODAY, TODAY) == []
    [lapse] = lapses_for_task(TaskKind.REFINISH_SPRAYING, lapsing, TODAY, TODAY + timedelta(days=20))
    assert lapse.training.value == "RESPIRATOR_FIT"
    assert lapses_for_task(TaskKind.ESTIMATE, records(), TODAY, TODAY) == []


def test_gold_class_counts_prolevel_two_in_each_core_role_whatever_role_each_person_holds():
    def tech(pk: int, role: TechnicianRole):
        return SimpleNamespace(id=pk, role=role.value, started_on=TODAY - timedelta(days=pk))

    team = [tech(1, TechnicianRole.ESTIMATOR), tech(2, TechnicianRole.REFINISH), tech(3, TechnicianRole.NON_STRUCTURAL)]
    held_by = {
        1: records([held("ICAR-EST-PL2", 10, 365), held("ICAR-SST-PL3", 10, 365)]),
        2: records([held("ICAR-REF-PL1", 10, 365)]),
        3: records([held("ICAR-NST-PL2", 400, 365)]),  # lapsed: no annual training
    }
    result = readiness(team, held_by, TODAY, per_role=1)
    by_role = {c.role.role: c for c in result.roles}
    assert not result.ready
    assert [t.id for t in by_role[TechnicianRole.ESTIMATOR].covered_by] == [1]
    assert [t.id for t in by_role[TechnicianRole.STEEL_STRUCTURAL].covered_by] == [1]
    refinish = by_role[TechnicianRole.REFINISH]
    assert refinish.needed == 1 and refinish.candidates[0].technician.id == 2
    assert [r.codes[0] for r in refinish.candidates[0].missing] == ["ICAR-REF-PL2"]
    assert by_role[TechnicianRole.NON_STRUCTURAL].needed == 1  # the lapsed ProLevel does not count
    held_by[2] = records([held("ICAR-REF-PL2", 1, 365)])
    held_by[3] = records([held("ICAR-NST-PL2", 1, 365)])
    assert readiness(team, held_by, TODAY, per_role=1).ready
    assert not readiness(team, held_by, TODAY, per_role=2).ready


@pytest.mark.parametrize(
    ("day", "labels"),
    [
        (date(2026, 12, 1), ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]),
        (date(2027, 2, 10), ["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"]),
    ],
)
def test_the_last_four_quarters_end_with_the_current_one(day, labels):
    spans = quarters_to(day)
    assert [label for label, _, _ in spans] == labels
    assert all(end + timedelta(days=1) == nxt for (_, _, end), (_, nxt, _) in itertools.pairwise(spans))
    assert spans[-1][1] <= day <= spans[-1][2]
