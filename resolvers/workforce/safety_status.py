"""Where a technician stands on each safety training their role needs, and what a task needs. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from db.enums.workforce import RequirementKind, SafetyTraining, TaskKind
from db.reference.workforce_roles import RoleSeed
from db.reference.workforce_safety import TASK_BY_KIND
from resolvers.workforce.records import Holding, TechnicianRecords
from resolvers.workforce.standing import EXPIRING_WITHIN


class SafetyState(str, Enum):
    VALID = "VALID"
    EXPIRING = "EXPIRING"  # within 90 days
    EXPIRED = "EXPIRED"
    MISSING = "MISSING"  # the role needs it and none was ever recorded


URGENCY = {SafetyState.EXPIRED: 0, SafetyState.MISSING: 1, SafetyState.EXPIRING: 2, SafetyState.VALID: 3}


@dataclass(frozen=True)
class SafetyItem:
    training: SafetyTraining
    state: SafetyState
    holding: Holding | None
    required: bool  # by the technician's role, at any level


def required_by(role: RoleSeed) -> list[SafetyTraining]:
    """The safety training a role's work needs, at any of its levels, in the reference's order."""
    codes = {
        code
        for level in role.levels
        for requirement in level.requirements
        if requirement.kind is RequirementKind.SAFETY_TRAINING
        for code in requirement.codes
    }
    return [training for training in SafetyTraining if training.value in codes]


def state_of(holding: Holding | None, on: date) -> SafetyState:
    if holding is None:
        return SafetyState.MISSING
    if holding.expires_on is None or holding.expires_on - on > EXPIRING_WITHIN:
        return SafetyState.VALID
    return SafetyState.EXPIRING if holding.expires_on >= on else SafetyState.EXPIRED


def safety_items(role: RoleSeed, records: TechnicianRecords, on: date) -> list[SafetyItem]:
    """Every training the role needs or the technician holds, most urgent first."""
    held = {SafetyTraining(h.code): h for h in records.safety}
    required = required_by(role)
    trainings = required + [t for t in held if t not in required]
    items = [SafetyItem(t, state_of(held.get(t), on), held.get(t), t in required) for t in trainings]
    return sorted(items, key=lambda item: (URGENCY[item.state], ends_on(item.holding, on)))


def ends_on(holding: Holding | None, on: date) -> date:
    """When a holding stops counting, for ordering: never recorded counts as today, no end as never."""
    if holding is None:
        return on
    return holding.expires_on or date.max


@dataclass(frozen=True)
class Lapse:
    training: SafetyTraining
    holding: Holding | None  # None: never recorded


def lapses_for_task(kind: TaskKind, records: TechnicianRecords, on: date, due_on: date) -> list[Lapse]:
    """The safety training the task needs that is missing, or not valid from today through its due date."""
    held = {SafetyTraining(h.code): h for h in records.safety}
    lapses = []
    for training in TASK_BY_KIND[kind].required_safety:
        holding = held.get(training)
        if holding is None or not (holding.valid_on(on) and holding.valid_on(max(on, due_on))):
            lapses.append(Lapse(training, holding))
    return lapses
