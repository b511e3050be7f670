"""A technician's standing per role and their safety status, as GraphQL value objects."""

from __future__ import annotations

from datetime import date

import strawberry

from db.reference.workforce_safety import SAFETY_BY_CODE
from resolvers.workforce import standing as domain
from resolvers.workforce.safety_status import SafetyItem
from schema.workforce.enums import SafetyState, SafetyTraining, TechnicianRole
from schema.workforce.reference import RoleRequirement


@strawberry.type(description="A requirement not met: never held, or held and lapsed.")
class RequirementGap:
    requirement: RoleRequirement = strawberry.field(description="What is missing.")
    lapsed_on: date | None = strawberry.field(
        description="When it lapsed, if the technician held it once; null when never held."
    )


@strawberry.type(description="A requirement met today by something that lapses within 90 days.")
class ExpiringRequirement:
    requirement: RoleRequirement = strawberry.field(description="The requirement it meets.")
    code: str = strawberry.field(description="What is held: a credential code or a SafetyTraining value.")
    expires_on: date = strawberry.field(description="The day it lapses.")
    days_left: int = strawberry.field(description="Days from today to `expiresOn`.")


@strawberry.type(description="Where a technician stands in one role, as of today, from the records the shop counts.")
class RoleStanding:
    role: TechnicianRole = strawberry.field(description="The role.")
    role_name: str = strawberry.field(description="The role's name.")
    level: int = strawberry.field(
        description="The level reached (0-3): every requirement of it and of the levels below is met today."
    )
    pro_level: int | None = strawberry.field(
        description="The I-CAR ProLevel held in the role (0 when none); null for roles outside I-CAR."
    )
    next_level: int | None = strawberry.field(description="The level above; null at level 3.")
    missing_for_next: list[RequirementGap] = strawberry.field(
        description="What the next level still needs, the lower levels' lapsed requirements included; empty at 3."
    )
    expiring_within_90_days: list[ExpiringRequirement] = strawberry.field(
        description="Requirements met today that lapse within 90 days (ProLevels without their annual training, "
        "a fit test, an ASE certification due for recertification)."
    )

    @classmethod
    def of(cls, standing: domain.RoleStanding, on: date) -> RoleStanding:
        return cls(
            role=standing.role.role,
            role_name=standing.role.name,
            level=standing.level,
            pro_level=standing.pro_level,
            next_level=standing.next_level,
            missing_for_next=[
                RequirementGap(requirement=RoleRequirement.of(g.requirement, g.level), lapsed_on=g.lapsed_on)
                for g in standing.missing_for_next
            ],
            expiring_within_90_days=[
                ExpiringRequirement(
                    requirement=RoleRequirement.of(e.requirement, e.level),
                    code=e.holding.code,
                    expires_on=e.holding.expires_on or on,
                    days_left=((e.holding.expires_on or on) - on).days,
                )
                for e in standing.expiring
            ],
        )


@strawberry.type(description="Where a technician stands on one safety training, as of today.")
class SafetyStatus:
    training: SafetyTraining = strawberry.field(description="The training.")
    name: str = strawberry.field(description="Its name.")
    state: SafetyState = strawberry.field(description="VALID, EXPIRING (within 90 days), EXPIRED or MISSING.")
    completed_on: date | None = strawberry.field(description="When the latest one was completed; null if never.")
    expires_on: date | None = strawberry.field(description="When it lapses; null if never recorded or no end.")
    required_by_role: bool = strawberry.field(description="Whether the technician's role needs it at any level.")

    @classmethod
    def of(cls, item: SafetyItem) -> SafetyStatus:
        return cls(
            training=item.training,
            name=SAFETY_BY_CODE[item.training].name,
            state=item.state,
            completed_on=item.holding.since if item.holding else None,
            expires_on=item.holding.expires_on if item.holding else None,
            required_by_role=item.required,
        )
