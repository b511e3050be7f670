"""A technician's standing in a role, from their records: the level reached, what the next level still needs,
and what lapses within 90 days. Pure: no database, so every rule is tested with plain data.

A level is reached when every requirement of it and of the levels below is met on the day, so a lapsed
requirement (an expired fit test, a ProLevel without its annual training) brings the level down with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from db.enums.workforce import RequirementKind
from db.reference.workforce_roles import MAX_LEVEL, Requirement, RoleSeed
from resolvers.workforce.records import Holding, TechnicianRecords

EXPIRING_WITHIN = timedelta(days=90)


@dataclass(frozen=True)
class Gap:
    """A requirement not met: never held (`lapsed_on` None), or held and lapsed on that day."""

    requirement: Requirement
    level: int
    lapsed_on: date | None = None


@dataclass(frozen=True)
class Expiring:
    """A requirement met today by a holding that lapses within 90 days."""

    requirement: Requirement
    level: int
    holding: Holding


@dataclass(frozen=True)
class RoleStanding:
    role: RoleSeed
    level: int  # 0..3
    pro_level: int | None  # the I-CAR ProLevel held in the role (0 when none); None outside I-CAR
    missing_for_next: tuple[Gap, ...]  # empty at level 3
    expiring: tuple[Expiring, ...]

    @property
    def next_level(self) -> int | None:
        return self.level + 1 if self.level < MAX_LEVEL else None


def _pool(records: TechnicianRecords, requirement: Requirement) -> tuple[Holding, ...]:
    return records.safety if requirement.kind is RequirementKind.SAFETY_TRAINING else records.credentials


def meeting(requirement: Requirement, records: TechnicianRecords, on: date) -> Holding | None:
    """The holding that meets the requirement on the day, the one lasting longest when several do."""
    valid = [h for h in _pool(records, requirement) if h.code in requirement.codes and h.valid_on(on)]
    return max(valid, key=lambda h: h.expires_on or date.max, default=None)


def lapsed_on(requirement: Requirement, records: TechnicianRecords, on: date) -> date | None:
    """When the requirement was last met, if it was once and is not now."""
    ends = [
        h.expires_on
        for h in _pool(records, requirement)
        if h.code in requirement.codes and h.expires_on is not None and h.expires_on < on
    ]
    return max(ends, default=None)


def pro_level(role: RoleSeed, records: TechnicianRecords, on: date) -> int | None:
    if role.icar_code is None:
        return None
    held = [
        int(h.code.rsplit("PL", 1)[1])
        for h in records.credentials
        if h.code.startswith(f"ICAR-{role.icar_code}-PL") and h.valid_on(on)
    ]
    return max(held, default=0)


def standing(role: RoleSeed, records: TechnicianRecords, on: date) -> RoleStanding:
    met = {
        (seed.level, requirement): meeting(requirement, records, on)
        for seed in role.levels
        for requirement in seed.requirements
    }
    level = 0
    for seed in role.levels:
        if any(met[(seed.level, r)] is None for r in seed.requirements):
            break
        level = seed.level
    within = [seed for seed in role.levels if seed.level <= min(level + 1, MAX_LEVEL)]
    missing = (
        tuple(
            Gap(r, seed.level, lapsed_on(r, records, on))
            for seed in within
            for r in seed.requirements
            if met[(seed.level, r)] is None
        )
        if level < MAX_LEVEL
        else ()
    )
    horizon = on + EXPIRING_WITHIN
    expiring = tuple(
        Expiring(r, seed.level, holding)
        for seed in within
        for r in seed.requirements
        if (holding := met[(seed.level, r)]) is not None
        and holding.expires_on is not None
        and holding.expires_on <= horizon
    )
    return RoleStanding(role, level, pro_level(role, records, on), missing, expiring)
