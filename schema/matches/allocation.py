"""`allocationPlan`: platform staff share scarce listings across a region's open needs."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.matches import donations as donation_matches
from schema.context import Info
from schema.donations.listings import Listing
from schema.donations.needs import Need
from schema.permissions import IsStaff
from schema.relay import decode_id
from schema.scalars import NearInput


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
    need: Need = strawberry.field(description="The need served.")
    listing: Listing = strawberry.field(description="The listing that serves it; never one of the school's own.")
    quantity: int = strawberry.field(
        description="Units given, at least 1; within the need's open quantity and the listing's available one."
    )
    score: float = strawberry.field(description="The pair's match score (equity boost included), per unit.")


@strawberry.type(description="The allocation with the highest total score, compared with a greedy one.")
class AllocationPlan:
    assignments: list[AllocationAssignment] = strawberry.field(
        description="Every pair given units, in no particular order; empty when nothing in the region can be served."
    )
    total: float = strawberry.field(description="Sum of score x quantity over the assignments (the optimum).")
    greedy_total: float = strawberry.field(description="The same sum when the best pair is always served first.")
    gain: float = strawberry.field(description="total / greedyTotal - 1 (0 when greedy allocates nothing).")


@strawberry.type
class AllocationQueries:
    @strawberry.field(
        permission_classes=[IsStaff],
        description="Assign available listings to a region's open needs to maximize the total match "
        "score, exactly (a transportation LP), with the greedy total for comparison. Platform staff only; a "
        "plan to read, nothing is reserved.",
    )
    async def allocation_plan(
        self, info: Info, input: Annotated[AllocationPlanInput, strawberry.argument(description="What to plan for.")]
    ) -> AllocationPlan:
        category_id = decode_id(input.category_id, "Category", "categoryId")
        found = await donation_matches.allocation_plan(info.context.db, category_id, input.near.circle())
        plan = found.plan
        return AllocationPlan(
            assignments=[
                AllocationAssignment(
                    need=Need.from_model(found.needs[a.need_id]),
                    listing=Listing.from_model(found.listings[a.listing_id]),
                    quantity=a.quantity,
                    score=round(a.score, 6),
                )
                for a in plan.assignments
            ],
            total=round(plan.total, 6),
            greedy_total=round(plan.greedy_total, 6),
            gain=round(plan.gain_over_greedy, 6),
        )
