"""Development plan steps: drafted from a technician's gaps with target dates, and their progress read from
records. Pure: the use cases in `plans` store the drafts and the schema reads progress through here.

The pace is an assumption, kept in one place: safety training first (two weeks: a technician cannot work
without it), academy areas at four contact hours a week, an I-CAR ProLevel in three months, an ASE test in
four, and a mentor session with the supervisor every month until the last target date.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from db.enums.workforce import PlanStepKind, RequirementKind
from db.models import PlanStep
from db.reference.curriculum import ACADEMY_AREAS
from db.reference.workforce_roles import RoleSeed
from resolvers.workforce.records import TechnicianRecords
from resolvers.workforce.standing import Gap, meeting, standing

SAFETY_FIRST = timedelta(days=14)
ACADEMY_HOURS_PER_WEEK = 4
PRO_LEVEL_TIME = timedelta(days=90)
ASE_TEST_TIME = timedelta(days=120)
MENTOR_EVERY = timedelta(days=30)
MAX_MENTOR_SESSIONS = 6
AREA_BY_BADGE = {area.badge_code: area for area in ACADEMY_AREAS}
STEP_KIND = {
    RequirementKind.SAFETY_TRAINING: PlanStepKind.SAFETY_TRAINING,
    RequirementKind.ACADEMY_BADGE: PlanStepKind.ACADEMY_AREA,
    RequirementKind.CREDENTIAL: PlanStepKind.CREDENTIAL,
}


@dataclass(frozen=True)
class StepDraft:
    kind: PlanStepKind
    codes: tuple[str, ...]
    title: str
    target_on: date


def _time_for(gap: Gap) -> timedelta:
    requirement = gap.requirement
    if requirement.kind is RequirementKind.ACADEMY_BADGE:
        hours = AREA_BY_BADGE[requirement.codes[0]].total_hours
        return timedelta(weeks=math.ceil(hours / ACADEMY_HOURS_PER_WEEK))
    return PRO_LEVEL_TIME if requirement.codes[0].startswith("ICAR-") else ASE_TEST_TIME


def gaps_up_to(role: RoleSeed, target_level: int, records: TechnicianRecords, on: date) -> list[Gap]:
    """Every requirement of the levels up to the target that is not met on the day, less those another gap
    meets on the way (sitting ASE G1 also meets "Entry-Level or G1"). ProLevels all stay: each builds on the
    one below."""
    gaps = [
        Gap(requirement, seed.level)
        for seed in role.levels
        if seed.level <= target_level
        for requirement in seed.requirements
        if meeting(requirement, records, on) is None
    ]

    def met_on_the_way(gap: Gap) -> bool:
        codes = set(gap.requirement.codes)
        return not gap.requirement.codes[0].startswith("ICAR-") and any(
            set(other.requirement.codes) < codes for other in gaps
        )

    return [gap for gap in gaps if not met_on_the_way(gap)]


def draft(role: RoleSeed, target_level: int, records: TechnicianRecords, on: date) -> list[StepDraft]:
    """The steps from the technician's gaps to the target level, soonest first, with mentor sessions between."""
    gaps = gaps_up_to(role, target_level, records, on)
    safety = [g for g in gaps if g.requirement.kind is RequirementKind.SAFETY_TRAINING]
    drafts = [
        StepDraft(PlanStepKind.SAFETY_TRAINING, g.requirement.codes, g.requirement.title, on + SAFETY_FIRST)
        for g in safety
    ]
    # Learning steps follow one another, in level order: the academy area before the ProLevel it prepares.
    cursor = on + SAFETY_FIRST if safety else on
    for gap in (g for g in gaps if g not in safety):
        cursor += _time_for(gap)
        kind = STEP_KIND[gap.requirement.kind]
        drafts.append(StepDraft(kind, gap.requirement.codes, gap.requirement.title, cursor))
    last = max((d.target_on for d in drafts), default=on + MENTOR_EVERY)
    sessions = min(MAX_MENTOR_SESSIONS, max(1, (last - on) // MENTOR_EVERY))
    drafts += [
        StepDraft(PlanStepKind.MENTOR_SESSION, (), f"Mentor session {n} with your supervisor", on + MENTOR_EVERY * n)
        for n in range(1, sessions + 1)
    ]
    return sorted(drafts, key=lambda d: (d.target_on, d.kind is PlanStepKind.MENTOR_SESSION))


def level_reached(role: RoleSeed, records: TechnicianRecords, on: date) -> int:
    return standing(role, records, on).level


class StepStatus(str, Enum):
    TODO = "TODO"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"
    SKIPPED = "SKIPPED"


@dataclass(frozen=True)
class StepProgress:
    status: StepStatus
    done_on: date | None = None
    modules_completed: int | None = None  # academy areas only
    modules_total: int | None = None
    overdue: bool = False


def progress(step: PlanStep, records: TechnicianRecords, on: date) -> StepProgress:
    """Where the step stands today, from the records: a credential held, a badge or its modules, a safety
    training in force; a mentor session by the date it was marked held."""
    kind = PlanStepKind(step.kind)
    modules: tuple[int | None, int | None] = (None, None)
    done_on: date | None = None
    if step.skipped:
        return StepProgress(StepStatus.SKIPPED)
    if kind is PlanStepKind.MENTOR_SESSION:
        done_on = step.completed_on
    else:
        pool = records.safety if kind is PlanStepKind.SAFETY_TRAINING else records.credentials
        held = [h for h in pool if h.code in step.codes and h.valid_on(on)]
        done_on = min((h.since for h in held), default=None)
    if kind is PlanStepKind.ACADEMY_AREA and (area := AREA_BY_BADGE.get(step.codes[0])) is not None:
        total = len(area.modules)
        modules = (total if done_on else min(records.modules_done.get(area.code, 0), total), total)
    if done_on is not None:
        return StepProgress(StepStatus.DONE, done_on, *modules)
    started = bool(modules[0])
    status = StepStatus.IN_PROGRESS if started else StepStatus.TODO
    return StepProgress(status, None, *modules, overdue=step.target_on < on)
