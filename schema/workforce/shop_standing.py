"""A shop's standing as a whole: Gold Class readiness (admins) and retention signals (the whole team, aggregated)."""

from __future__ import annotations

from datetime import date

import strawberry

from db.enums.talent import RoleType  # described for the API by schema.talent.enums
from resolvers.workforce import gold_class, retention
from schema.money import Money
from schema.relay import After, Connection, First, page_of
from schema.talent.pay import PayEstimate
from schema.talent.pay_amounts import usd
from schema.workforce.enums import TechnicianRole
from schema.workforce.pay_progression import estimate_of
from schema.workforce.reference import RoleRequirement
from schema.workforce.technicians import Technician


@strawberry.type(description="A technician who could cover a Gold Class role, and the ProLevels they still need.")
class GoldClassCandidate:
    technician: Technician = strawberry.field(description="The technician.")
    pro_level: int = strawberry.field(description="The ProLevel they hold in the role today (0 when none).")
    missing: list[RoleRequirement] = strawberry.field(description="The ProLevels still to earn to reach ProLevel 2.")


@strawberry.type(description="One of the four Gold Class roles: who covers it at ProLevel 2 and who could.")
class GoldClassRole:
    role: TechnicianRole = strawberry.field(description="The role.")
    name: str = strawberry.field(description="The role's name.")
    covered: int = strawberry.field(description="Active technicians holding ProLevel 2 or 3 in the role today.")
    needed: int = strawberry.field(description="People still missing for the role; 0 when covered.")
    candidates: list[GoldClassCandidate] = strawberry.field(
        description="Up to three technicians closest to covering it: those in the role first, then by ProLevel."
    )
    _coverage: strawberry.Private[gold_class.RoleCoverage]

    @strawberry.field(description="The technicians covering the role, in the order they started.")
    def covered_by(self, first: First = 20, after: After = None) -> Connection[Technician]:
        return Connection.of(page_of(self._coverage.covered_by, first, after), Technician.from_model)


@strawberry.type(
    description="How near the shop is to I-CAR Gold Class: each core role (Estimator, Non-Structural, Steel "
    "Structural, Refinish) covered by people at ProLevel 2 with their annual training current."
)
class GoldClassReadiness:
    ready: bool = strawberry.field(description="Every core role is covered.")
    required_per_role: int = strawberry.field(
        description="People each role needs (SHOPREADY_GOLD_CLASS_PER_ROLE, 1 by default: assumed)."
    )
    roles: list[GoldClassRole] = strawberry.field(description="The four roles, in I-CAR's order.")

    @classmethod
    def of(cls, result: gold_class.Readiness) -> GoldClassReadiness:
        return cls(
            ready=result.ready,
            required_per_role=result.per_role,
            roles=[
                GoldClassRole(
                    role=c.role.role,
                    name=c.role.name,
                    covered=len(c.covered_by),
                    needed=c.needed,
                    candidates=[
                        GoldClassCandidate(
                            technician=Technician.from_model(candidate.technician),
                            pro_level=candidate.pro_level,
                            missing=[
                                RoleRequirement.of(r, n)
                                for n, r in enumerate(candidate.missing, start=candidate.pro_level + 1)
                            ],
                        )
                        for candidate in c.candidates
                    ],
                    _coverage=c,
                )
                for c in result.roles
            ],
        )


@strawberry.type(description="One calendar quarter of the team, aggregated; figures over fewer than 5 people are null.")
class QuarterSignals:
    quarter: str = strawberry.field(description="e.g. '2026-Q4'; the last one is still running.")
    starts_on: date = strawberry.field(description="Its first day.")
    ends_on: date = strawberry.field(description="Its last day.")
    technicians: int = strawberry.field(description="Technicians on the team at any time in the quarter.")
    training_hours_per_technician: float | None = strawberry.field(
        description="Academy contact hours completed while on the team, per technician; null under 5 technicians."
    )
    credentials_earned: int | None = strawberry.field(
        description="Credentials earned while on the team; null under 5 technicians."
    )


@strawberry.type(description="What the shop posts for a role against what the role pays nearby (the pay tool).")
class ShopPayComparison:
    role_type: RoleType = strawberry.field(description="The role.")
    postings: int = strawberry.field(description="The shop's postings for the role in the last 12 months.")
    shop_hourly_median: Money = strawberry.field(description="The median of their ranges' midpoints, per hour.")
    area: PayEstimate | None = strawberry.field(
        description="The pay tool's estimate per hour near the shop; null under five data points, even state-wide."
    )
    ratio: float | None = strawberry.field(
        description="The shop's median over the area's (1.1: 10% above); null without an area figure."
    )
    shortage: str | None = strawberry.field(description="Why there is no area figure; null when there is one.")


@strawberry.type(
    description="Retention signals, aggregated over the team and never per person: a figure resting on fewer than "
    "5 technicians is withheld (null), the pay tool's k-anonymity rule."
)
class RetentionSignals:
    active_technicians: int = strawberry.field(description="Technicians on the team today.")
    minimum_group: int = strawberry.field(description="The fewest people a figure may rest on (5).")
    median_tenure_months: float | None = strawberry.field(
        description="Median months at the shop of today's team; null under 5 technicians."
    )
    departures_last_12_months: int | None = strawberry.field(
        description="Technicians who left in the last 12 months; null when fewer than 5 were on the team then."
    )
    quarters: list[QuarterSignals] = strawberry.field(description="The last four quarters, oldest first.")
    pay: list[ShopPayComparison] = strawberry.field(description="Per role the shop posted in the last 12 months.")

    @classmethod
    def of(cls, signals: retention.Retention) -> RetentionSignals:
        return cls(
            active_technicians=signals.active,
            minimum_group=retention.MIN_GROUP,
            median_tenure_months=signals.median_tenure_months,
            departures_last_12_months=signals.departures_last_12_months,
            quarters=[
                QuarterSignals(
                    quarter=q.label,
                    starts_on=q.starts_on,
                    ends_on=q.ends_on,
                    technicians=q.technicians,
                    training_hours_per_technician=q.training_hours_per_technician,
                    credentials_earned=q.credentials_earned,
                )
                for q in signals.quarters
            ],
            pay=[
                ShopPayComparison(
                    role_type=RoleType(p.role_type),
                    postings=p.postings,
                    shop_hourly_median=usd(p.shop_hourly_median_cents),
                    area=estimate_of(p.area) if p.area else None,
                    ratio=p.ratio,
                    shortage=p.shortage,
                )
                for p in signals.pay
            ],
        )
