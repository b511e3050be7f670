"""What the path up pays: the pay tool's estimate near the shop at the technician's level and at the plan's
target, refined by the credentials each level rests on. The pay tool's rules hold: no figure from fewer than
five data points, and a refinement is kept only while enough data matches it (its `refinements` say which).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import DomainError, ErrorCode
from db.engine import Database
from db.enums.talent import PayUnit
from db.enums.workforce import RequirementKind
from db.reference.workforce_roles import RoleSeed
from resolvers.talent import pay


@dataclass(frozen=True)
class LevelPay:
    level: int
    credentials: tuple[str, ...]  # the refinement asked for
    estimate: pay.Estimate | None  # None: fewer than five data points, even state-wide
    shortage: str | None = None


def level_credentials(role: RoleSeed, level: int) -> tuple[str, ...]:
    """The credentials a level is known by: its ProLevel and ASE tests (the exact ones, not higher ones)."""
    if level < 1:
        return ()
    seed = role.levels[level - 1]
    return tuple(r.codes[0] for r in seed.requirements if r.kind is RequirementKind.CREDENTIAL)


async def pay_at(db: Database, role: RoleSeed, level: int, postal_code: str, unit: PayUnit) -> LevelPay:
    credentials = level_credentials(role, level)
    asked = pay.EstimateInput(
        role_type=role.pay_role_type, postal_code=postal_code, credentials=list(credentials), unit=unit
    )
    try:
        return LevelPay(level, credentials, await pay.estimate(db, asked))
    except DomainError as error:
        if error.code is not ErrorCode.INSUFFICIENT_DATA:
            raise
        return LevelPay(level, credentials, None, error.message)
