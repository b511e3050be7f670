"""`allocationPlan`: platform staff share scarce listings across a region's open needs, fairly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import strawberry

from db import models
from matching import Assignment
from resolvers.matches import allocation as allocation_matches
from resolvers.matches.allocation import Allocation, Spread
from schema.context import Info
from schema.donations.listings import Listing
from schema.donations.needs import Need
from schema.money import Cents, Money
from schema.permissions import IsStaff
from schema.relay import decode_id
from schema.scalars import NearInput

AssignmentRow = tuple[int, int, int, float | None]  # need id, listing id, units, score


@strawberry.input(description="Open needs of a category (sub-categories included) within a circle.")
class AllocationPlanInput:
    category_id: strawberry.ID = strawberry.field(
        description="The category whose open needs to serve; needs in its sub-categories are included."
    )
    near: NearInput = strawberry.field(
        description="The region: needs of schools within this circle. The listings offered to them may lie "
        "outside it, as far as each need's matching reaches."
    )


@strawberry.type(description="Units of one listing given to one need.")
class AllocationAssignment:
    quantity: int = strawberry.field(
        description="Units given, at least 1; within the need's open quantity and the listing's available one."
    )
    score: float | None = strawberry.field(
        description="The pair's match score (equity boost included), per unit; null for a pair a coordinator chose."
    )
    _need_id: strawberry.Private[int]
    _listing_id: strawberry.Private[int]

    @strawberry.field(description="The need served.")
    async def need(self, info: Info) -> Need:
        return Need.from_model(await info.context.loaders.by_id(models.Need).load(self._need_id))

    @strawberry.field(description="The listing that serves it; never one of the school's own.")
    async def listing(self, info: Info) -> Listing:
        return Listing.from_model(await info.context.loaders.by_id(models.Listing).load(self._listing_id))


@strawberry.type(description="How a plan spreads declared value over the schools with open needs in its scope.")
class AllocationSpread:
    gini: float = strawberry.field(
        description="Gini coefficient of declared value (units x the listing's unit value) per school, schools that "
        "receive nothing included: 0 when every school receives alike, towards 1 when one school takes all."
    )
    schools_helped: int = strawberry.field(description="Schools that receive at least one unit.")
    schools: int = strawberry.field(description="Schools with an open need in the plan's scope.")
    declared_value: Money = strawberry.field(
        description="Declared value handed out, summed over the listings as given (they are in USD on this platform)."
    )

    @classmethod
    def of(cls, spread: Spread) -> AllocationSpread:
        return cls(
            gini=spread.gini,
            schools_helped=spread.schools_helped,
            schools=spread.schools,
            declared_value=Money(amount=Cents(spread.value_cents), currency="USD"),
        )


@strawberry.type(
    description="An allocation: the highest total match score with fairness across schools in the objective "
    "(diminishing returns per school, within 2% of the best total without it), compared with greedy."
)
class AllocationPlan:
    assignments: list[AllocationAssignment] = strawberry.field(
        description="Every pair given units, in no particular order; empty when nothing in the region can be served."
    )
    total: float = strawberry.field(description="Sum of score x quantity over the assignments.")
    unconstrained_total: float = strawberry.field(
        description="The highest sum possible without the fairness term; `total` is never more than 2% below it."
    )
    greedy_total: float = strawberry.field(description="The same sum when the best pair is always served first.")
    gain: float = strawberry.field(description="total / greedyTotal - 1 (0 when greedy allocates nothing).")
    fairness_bonus: float = strawberry.field(
        description="What a school's first portion of value (the median unit value among the plan's pairs) added "
        "to the objective; its k-th adds this / k, up to 4. Halved from 0.6 until the total was within 2% of the "
        "unconstrained one; 0 for no fairness term."
    )
    spread: AllocationSpread | None = strawberry.field(
        description="How this plan spreads value over schools; null for a coordinator's chosen pairs."
    )
    greedy_spread: AllocationSpread | None = strawberry.field(
        description="How greedy would have spread it, for comparison; null for a coordinator's chosen pairs."
    )

    @classmethod
    def of(cls, found: Allocation) -> AllocationPlan:
        plan = found.plan
        return cls.from_rows(
            [_row(a) for a in plan.assignments],
            total=plan.total,
            unconstrained_total=plan.unconstrained_total,
            greedy_total=plan.greedy_total,
            fairness_bonus=plan.fairness_bonus,
            spread=AllocationSpread.of(found.spread),
            greedy_spread=AllocationSpread.of(found.greedy_spread),
        )

    @classmethod
    def from_rows(
        cls,
        rows: Sequence[Sequence[Any]],
        *,
        total: float,
        unconstrained_total: float,
        greedy_total: float,
        fairness_bonus: float,
        spread: AllocationSpread | None,
        greedy_spread: AllocationSpread | None,
    ) -> AllocationPlan:
        return cls(
            assignments=[
                AllocationAssignment(
                    quantity=int(q), score=None if s is None else round(float(s), 6), _need_id=n, _listing_id=li
                )
                for n, li, q, s in rows
            ],
            total=round(total, 6),
            unconstrained_total=round(unconstrained_total, 6),
            greedy_total=round(greedy_total, 6),
            gain=round(total / greedy_total - 1.0, 6) if greedy_total > 0 else 0.0,
            fairness_bonus=round(fairness_bonus, 6),
            spread=spread,
            greedy_spread=greedy_spread,
        )


def _row(a: Assignment) -> AssignmentRow:
    return (a.need_id, a.listing_id, a.quantity, a.score)


@strawberry.type
class AllocationQueries:
    @strawberry.field(
        permission_classes=[IsStaff],
        description="Preview an allocation of available listings to a region's open needs: the highest total match "
        "score with fairness across schools, solved exactly, with greedy for comparison. Platform staff only; "
        "nothing is stored or reserved (`allocationPlanCreate` keeps a plan to apply).",
    )
    async def allocation_plan(
        self, info: Info, input: Annotated[AllocationPlanInput, strawberry.argument(description="What to plan for.")]
    ) -> AllocationPlan:
        category_id = decode_id(input.category_id, "Category", "categoryId")
        found = await allocation_matches.allocation_plan(info.context.db, category_id, input.near.circle())
        return AllocationPlan.of(found)
