"""`allocationPlan`: platform staff share scarce listings across a region's open needs."""

from __future__ import annotations

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
    category_id: strawberry.ID
    near: NearInput


@strawberry.type(description="Units of one listing given to one need.")
class AllocationAssignment:
    need: Need
    listing: Listing
    quantity: int
    score: float = strawberry.field(description="The pair's match score (equity boost included), per unit.")


@strawberry.type(description="The allocation with the highest total score, compared with a greedy one.")
class AllocationPlan:
    assignments: list[AllocationAssignment]
    total: float = strawberry.field(description="Sum of score x quantity over the assignments (the optimum).")
    greedy_total: float = strawberry.field(description="The same sum when the best pair is always served first.")
    gain: float = strawberry.field(description="total / greedyTotal - 1 (0 when greedy allocates nothing).")


@strawberry.type
class AllocationQueries:
    @strawberry.field(
        permission_classes=[IsStaff],
        description="Assign available listings to a region's open needs to maximize the total match "
        "score, exactly (a transportation LP), with the greedy total for comparison.",
    )
    async def allocation_plan(self, info: Info, input: AllocationPlanInput) -> AllocationPlan:
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
