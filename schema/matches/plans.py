"""Plans kept for review and put into action: `allocationPlanCreate`, `allocationApply`, `allocationPlans`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from core.errors import ErrorCode as DomainErrorCode
from db import models
from resolvers.matches import allocation_apply, allocation_plans
from resolvers.matches.allocation import Spread
from resolvers.matches.allocation_apply import OutcomeStatus
from resolvers.matches.allocation_plans import Pair
from schema.accounts.users import User
from schema.context import Info
from schema.donations.categories import Category
from schema.donations.donations import Donation, donations_of
from schema.donations.listings import Listing
from schema.donations.needs import Need
from schema.enum_type import enum_type
from schema.errors import INPUT, Caller, Payload, returns_payload
from schema.matches.allocation import AllocationPlan, AllocationPlanInput, AllocationSpread
from schema.permissions import IsStaff
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args

AllocationOutcomeStatus = enum_type(
    OutcomeStatus,
    name="AllocationOutcomeStatus",
    description="What `allocationApply` did with one pair.",
    values={
        "OFFERED": "A REQUESTED donation was made for the school; the donor confirms it with donationApprove. Its "
        "units count against the listing from now on, so no later plan offers them again.",
        "APPROVED": "The coordinator may approve for the donor (a member of the donor organization): the donation "
        "was approved at once and the units reserved.",
        "SKIPPED": "Nothing was made; `code` and `message` say why (the pair no longer holds, or too little is left).",
    },
)


@strawberry.type(description="The region a plan was computed for.")
class AllocationRegion:
    postal_code: str | None = strawberry.field(description="The ZIP code at its centre, when one was given.")
    latitude: float = strawberry.field(description="Centre latitude in degrees.")
    longitude: float = strawberry.field(description="Centre longitude in degrees.")
    radius_km: float = strawberry.field(description="Radius in kilometres.")


@strawberry.type(description="What a plan was computed from, kept beside it (its inputs in full are in the database).")
class AllocationInputs:
    needs: int = strawberry.field(description="Open needs in scope, with their open quantities at the time.")
    listings: int = strawberry.field(description="Listings offered to them, with their available quantities.")
    pairs: int = strawberry.field(description="Candidate pairs with their match scores (each need's best 30).")
    computed_on: str | None = strawberry.field(description="The day (UTC, ISO 8601) scores were computed for.")
    fairness_tolerance: float | None = strawberry.field(
        description="The largest share of the best total the fairness term could give up; null for chosen pairs."
    )


@node_type
@strawberry.type(
    description="An allocation plan kept with its inputs, for review and to apply: computed for a category and a "
    "region (`allocationPlanCreate`), or a coordinator's chosen pairs (`allocationApply` with `pairs`). Platform "
    "staff only."
)
class SavedAllocationPlan(Node):
    created_at: datetime = strawberry.field(description="When it was made.")
    applied_at: datetime | None = strawberry.field(
        description="When `allocationApply` carried it out; null until then."
    )
    plan: AllocationPlan = strawberry.field(description="The assignments and how they compare with greedy.")
    inputs: AllocationInputs = strawberry.field(description="What it was computed from.")
    region: AllocationRegion | None = strawberry.field(description="The region; null for chosen pairs.")
    _row: strawberry.Private[models.SavedAllocationPlan]

    @classmethod
    def from_model(cls, row: models.SavedAllocationPlan) -> SavedAllocationPlan:
        spreads = (row.inputs or {}).get("spread") or {}
        inputs = row.inputs or {}
        return cls(
            pk=row.id,
            created_at=row.created_at,
            applied_at=row.applied_at,
            plan=AllocationPlan.from_rows(
                row.assignments,
                total=row.total,
                unconstrained_total=row.unconstrained_total,
                greedy_total=row.greedy_total,
                fairness_bonus=row.fairness_bonus,
                spread=AllocationSpread.of(Spread(**spreads["plan"])) if "plan" in spreads else None,
                greedy_spread=AllocationSpread.of(Spread(**spreads["greedy"])) if "greedy" in spreads else None,
            ),
            inputs=AllocationInputs(
                needs=len(inputs.get("needs", ())),
                listings=len(inputs.get("listings", ())),
                pairs=len(inputs.get("edges", inputs.get("pairs", ()))),
                computed_on=inputs.get("computedOn"),
                fairness_tolerance=(inputs.get("fairness") or {}).get("tolerance"),
            ),
            region=AllocationRegion(
                postal_code=row.postal_code, latitude=row.latitude, longitude=row.longitude, radius_km=row.radius_km
            )
            if row.latitude is not None and row.longitude is not None and row.radius_km is not None
            else None,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> SavedAllocationPlan | None:
        if not info.context.viewer.is_staff:
            return None
        row = await info.context.loaders.by_id(models.SavedAllocationPlan).load(pk)
        return cls.from_model(row) if row is not None else None

    @strawberry.field(description="The category planned for; null for chosen pairs.")
    async def category(self, info: Info) -> Category | None:
        return await Category.load(info, self._row.category_id) if self._row.category_id else None

    @strawberry.field(description="Who made it; null once their account is gone.")
    async def created_by(self, info: Info) -> User | None:
        return await User.load(info, self._row.created_by_id) if self._row.created_by_id else None

    @strawberry.field(description="The donations `allocationApply` made from it, oldest first.")
    async def donations(self, info: Info, first: First = 20, after: After = None) -> Connection[Donation]:
        return await donations_of(info, "allocation_plan_id", self.pk, first, after)


@strawberry.input(description="Where to plan: a category's open needs within a circle.")
class AllocationPlanCreateInput(AllocationPlanInput):
    pass


@strawberry.input(description="Units of one listing a coordinator chose for one need.")
class AllocationPairInput:
    need_id: strawberry.ID = strawberry.field(description="The open Need to serve.")
    listing_id: strawberry.ID = strawberry.field(description="The available Listing to serve it from.")
    quantity: int = strawberry.field(description="Units, at least 1.")


@strawberry.input(description="What to carry out: a stored plan, or pairs chosen by hand (exactly one of the two).")
class AllocationApplyInput:
    plan_id: strawberry.ID | None = strawberry.field(
        default=None, description="A SavedAllocationPlan not yet applied (PLAN_ALREADY_APPLIED otherwise)."
    )
    pairs: list[AllocationPairInput] | None = strawberry.field(
        default=None, description="1 to 500 pairs, each need and listing pair once; kept as a plan of its own."
    )


@strawberry.type(description="What `allocationApply` did with one pair.")
class AllocationOutcome:
    quantity: int = strawberry.field(description="Units asked for the pair.")
    # annotated with the domain enums; the schema exposes them as AllocationOutcomeStatus and ErrorCode
    status: OutcomeStatus = strawberry.field(description="Offered, approved, or skipped.")
    code: DomainErrorCode | None = strawberry.field(description="Why it was skipped; null otherwise.")
    message: str | None = strawberry.field(description="The particulars, for people; null unless skipped.")
    donation: Donation | None = strawberry.field(description="The donation made; null when skipped.")
    _need_id: strawberry.Private[int]
    _listing_id: strawberry.Private[int]

    @strawberry.field(description="The need; null when it no longer exists.")
    async def need(self, info: Info) -> Need | None:
        row = await info.context.loaders.by_id(models.Need).load(self._need_id)
        return Need.from_model(row) if row is not None else None

    @strawberry.field(description="The listing; null when it no longer exists.")
    async def listing(self, info: Info) -> Listing | None:
        row = await info.context.loaders.by_id(models.Listing).load(self._listing_id)
        return Listing.from_model(row) if row is not None else None


@strawberry.type(description="The result of `allocationPlanCreate`.")
class AllocationPlanCreatePayload(Payload):
    allocation_plan: SavedAllocationPlan | None = strawberry.field(
        default=None, description="The plan, stored with its inputs; null on error."
    )


@strawberry.type(description="The result of `allocationApply`.")
class AllocationApplyPayload(Payload):
    allocation_plan: SavedAllocationPlan | None = strawberry.field(
        default=None, description="The plan carried out (for pairs, the plan they were kept as); null on error."
    )
    outcomes: list[AllocationOutcome] = strawberry.field(
        default_factory=list, description="One per pair, in the plan's order; empty on error."
    )


def _pairs(given: list[AllocationPairInput]) -> list[Pair]:
    return [
        Pair(decode_id(p.need_id, "Need", "needId"), decode_id(p.listing_id, "Listing", "listingId"), p.quantity)
        for p in given
    ]


@strawberry.type
class AllocationPlanQueries:
    @strawberry.field(permission_classes=[IsStaff], description="Stored allocation plans, newest first. Staff only.")
    async def allocation_plans(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[SavedAllocationPlan]:
        found = await allocation_plans.browse(info.context.db, page_args(first, after))
        return Connection.of(found, SavedAllocationPlan.from_model)


@strawberry.type
class AllocationMutations:
    @strawberry.mutation(
        description="Compute an allocation for a category and region, as `allocationPlan` previews it, and store it "
        "with its inputs to review and apply. Platform staff."
    )
    @returns_payload(caller=Caller.STAFF)
    async def allocation_plan_create(
        self, info: Info, input: Annotated[AllocationPlanCreateInput, strawberry.argument(description=INPUT)]
    ) -> AllocationPlanCreatePayload:
        category_id = decode_id(input.category_id, "Category", "categoryId")
        saved, _ = await allocation_plans.create(info.context.db, info.context.viewer, category_id, input.near.circle())
        return AllocationPlanCreatePayload(allocation_plan=SavedAllocationPlan.from_model(saved))

    @strawberry.mutation(
        description="Carry out a stored plan, or chosen pairs: each pair becomes a donation offered to the donor "
        "(REQUESTED, confirmed with donationApprove), or approved at once where the coordinator is a member of the "
        "donor organization. Never offers more than a listing has left (reserved, donated and already offered "
        "units count) nor more than a need has open, even when applied concurrently. Platform staff."
    )
    @returns_payload(caller=Caller.STAFF)
    async def allocation_apply(
        self, info: Info, input: Annotated[AllocationApplyInput, strawberry.argument(description=INPUT)]
    ) -> AllocationApplyPayload:
        plan_id = decode_id(input.plan_id, "SavedAllocationPlan", "planId") if input.plan_id else None
        pairs = _pairs(input.pairs) if input.pairs is not None else None
        saved, outcomes = await allocation_apply.apply(
            info.context.db, info.context.viewer, plan_id=plan_id, pairs=pairs
        )
        return AllocationApplyPayload(
            allocation_plan=SavedAllocationPlan.from_model(saved),
            outcomes=[
                AllocationOutcome(
                    quantity=o.pair.quantity,
                    status=o.status,
                    code=o.code,
                    message=o.message,
                    donation=Donation.from_model(o.donation) if o.donation is not None else None,
                    _need_id=o.pair.need_id,
                    _listing_id=o.pair.listing_id,
                )
                for o in outcomes
            ],
        )
