"""A shop's Gold Class readiness: each of I-CAR's four core roles covered by people at ProLevel 2. Pure.

I-CAR recognizes a shop whose core roles are held at ProLevel 2 with annual training kept up (the
ProLevel's 12-month validity). How many people each role needs is a setting (one by default, assumed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from db.models import Technician
from db.reference.workforce_roles import GOLD_CLASS, GOLD_CLASS_PRO_LEVEL, Requirement, RoleSeed, pro_level
from resolvers.workforce.records import TechnicianRecords
from resolvers.workforce.standing import pro_level as pro_level_held

CANDIDATES_PER_ROLE = 3


@dataclass(frozen=True)
class Candidate:
    technician: Technician
    pro_level: int
    missing: tuple[Requirement, ...]  # the ProLevels still to reach ProLevel 2


@dataclass(frozen=True)
class RoleCoverage:
    role: RoleSeed
    covered_by: tuple[Technician, ...]
    needed: int  # people still missing for the role
    candidates: tuple[Candidate, ...]  # closest first: in the role already, then by ProLevel


@dataclass(frozen=True)
class Readiness:
    per_role: int
    roles: tuple[RoleCoverage, ...]

    @property
    def ready(self) -> bool:
        return all(coverage.needed == 0 for coverage in self.roles)


def readiness(team: Sequence[Technician], records: dict[int, TechnicianRecords], on: date, per_role: int) -> Readiness:
    """Coverage of each core role by the team's active technicians, whatever role each one is assigned."""
    roles = []
    for role in GOLD_CLASS:
        levels = {t.id: pro_level_held(role, records[t.id], on) or 0 for t in team}
        covered = tuple(t for t in team if levels[t.id] >= GOLD_CLASS_PRO_LEVEL)
        others = sorted(
            (t for t in team if levels[t.id] < GOLD_CLASS_PRO_LEVEL),
            key=lambda t: (t.role != role.role.value, -levels[t.id], t.started_on, t.id),
        )
        candidates = tuple(
            Candidate(t, levels[t.id], _missing(role, levels[t.id])) for t in others[:CANDIDATES_PER_ROLE]
        )
        roles.append(RoleCoverage(role, covered, max(0, per_role - len(covered)), candidates))
    return Readiness(per_role, tuple(roles))


def _missing(role: RoleSeed, held: int) -> tuple[Requirement, ...]:
    code = role.icar_code or ""  # every Gold Class role is an I-CAR role
    return tuple(pro_level(code, role.name, n) for n in range(held + 1, GOLD_CLASS_PRO_LEVEL + 1))
