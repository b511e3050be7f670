"""Pay beside the plan: what the technician's level and the plan's target pay near the shop (the pay tool)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import strawberry

from db.engine import Database
from db.enums.talent import PayUnit as DomainPayUnit
from db.enums.talent import RoleType  # described for the API by schema.talent.enums
from db.reference.workforce_roles import ROLE_BY_CODE
from resolvers.talent.pay import Estimate
from resolvers.workforce.pay_progression import LevelPay, pay_at
from schema.context import Info
from schema.talent.pay import PayEstimate, PayRefinement, PaySources
from schema.talent.pay_amounts import usd
from schema.workforce.enums import TechnicianRole


def estimate_of(result: Estimate) -> PayEstimate:
    return PayEstimate(
        p25=usd(result.p25_cents),
        median=usd(result.median_cents),
        p75=usd(result.p75_cents),
        sample_size=result.sample_size,
        unit=result.unit,
        sources=PaySources(reports=result.reports, postings=result.postings),
        radius_km=result.radius_km,
        state=result.state,
        refinements=[PayRefinement[name] for name in result.refinements],
    )


@strawberry.type(description="What one level of a role pays near the shop, from the pay tool.")
class LevelPayEstimate:
    level: int = strawberry.field(description="The role level (0: before level 1).")
    credentials: list[str] = strawberry.field(
        description="The credentials the estimate was asked to refine by (the level's ProLevel and ASE tests); "
        "`estimate.refinements` says whether enough data matched them."
    )
    estimate: PayEstimate | None = strawberry.field(
        description="The pay tool's estimate; null when fewer than five data points match, even state-wide."
    )
    shortage: str | None = strawberry.field(description="Why there is no estimate; null when there is one.")

    @classmethod
    def of(cls, level_pay: LevelPay) -> LevelPayEstimate:
        return cls(
            level=level_pay.level,
            credentials=list(level_pay.credentials),
            estimate=estimate_of(level_pay.estimate) if level_pay.estimate else None,
            shortage=level_pay.shortage,
        )


@strawberry.type(description="The path up as a path to better pay: the current level's pay and the target's.")
class PayProgression:
    role: TechnicianRole = strawberry.field(description="The plan's role.")
    pay_role_type: RoleType = strawberry.field(description="The pay tool's role type used.")
    current: LevelPayEstimate = strawberry.field(description="At the level reached today.")
    target: LevelPayEstimate = strawberry.field(description="At the plan's target level.")


async def _pay_batch(db: Database, keys: Sequence[tuple[Any, ...]]) -> list[LevelPay]:
    return [await pay_at(db, ROLE_BY_CODE[role], level, postal, unit) for role, level, postal, unit in keys]


async def pay_for(info: Info, role, level: int, postal_code: str, unit: DomainPayUnit) -> LevelPayEstimate:
    """One estimate per distinct (role, level, place, unit) in the request, however many plans ask."""
    loader = info.context.loaders.custom("workforce_level_pay", _pay_batch)
    return LevelPayEstimate.of(await loader.load((role, level, postal_code, unit)))
