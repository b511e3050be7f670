"""Offering scholarships and tool grants, applying, and the sponsor's review and delivery."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from core.clock import utcnow
from core.locations import MAX_RADIUS_KM
from resolvers.pathways import scholarship_fulfillment, scholarships
from resolvers.pathways.scholarships import MAX_AWARDS
from schema.context import Info
from schema.errors import INPUT, Caller, Payload, returns_payload
from schema.money import MoneyInput
from schema.pathways.scholarship_types import Scholarship, ScholarshipApplication, ScholarshipKind
from schema.relay import After, Connection, First, decode_id, page_args
from schema.scalars import Program, SchoolTier

# `Scholarship` and `ScholarshipApplication` are also named from here by other modules.
__all__ = ["Scholarship", "ScholarshipApplication", "ScholarshipMutations", "ScholarshipQueries"]


@strawberry.input(description="A circle around a US ZIP code.")
class RegionInput:
    postal_code: str = strawberry.field(description="US ZIP code at the centre; it must be a known ZIP code.")
    radius_km: float = strawberry.field(description=f"Radius in kilometres, from 1 to {MAX_RADIUS_KM:g}.")


@strawberry.input(description="A range of days; leave an end out to leave it open.")
class DateRangeInput:
    from_: date | None = strawberry.field(default=None, name="from", description="First day, inclusive.")
    to: date | None = strawberry.field(default=None, description="Last day, inclusive; not before `from`.")


@strawberry.input(description="Who may apply; leave a rule out (or its list empty) to apply no restriction.")
class EligibilityInput:
    programs: list[Program] = strawberry.field(default_factory=list, description="The student's program, any of.")
    region: RegionInput | None = strawberry.field(
        default=None, description="The student (or, without a postal code of their own, their school) within it."
    )
    graduation_between: DateRangeInput | None = strawberry.field(
        default=None, description="The student's graduation date within it."
    )
    required_credentials: list[str] = strawberry.field(
        default_factory=list, description="Credential codes (e.g. ICAR-ACAD-CRF) the student must hold, verified."
    )
    school_tiers: list[SchoolTier] = strawberry.field(
        default_factory=list, description="The CREF tier of the student's school, any of."
    )


@strawberry.input(description="A new scholarship or tool grant.")
class ScholarshipCreateInput:
    sponsor_id: strawberry.ID = strawberry.field(
        description="The donor Organization offering it; you must be one of its owners or admins."
    )
    name: str = strawberry.field(description="Up to 200 characters.")
    kind: ScholarshipKind = strawberry.field(description="Money for school, or a starter tool kit.")
    amount: MoneyInput = strawberry.field(
        description="The value of each award, at most 1,000,000.00: at least 1 cent for a SCHOLARSHIP, 0 or more "
        "for a TOOL_GRANT."
    )
    awards: int = strawberry.field(description=f"How many awards will be made, from 1 to {MAX_AWARDS}.")
    opens_on: date = strawberry.field(description="First day applications are accepted (UTC).")
    closes_on: date = strawberry.field(description="Last day applications are accepted: not before opensOn or today.")
    description: str | None = strawberry.field(default=None, description="Up to 5,000 characters; empty if omitted.")
    eligibility: EligibilityInput | None = strawberry.field(
        default=None, description="Who may apply; omit to accept any student with a profile."
    )


@strawberry.input(description="Your application for a scholarship or tool grant.")
class ScholarshipApplyInput:
    scholarship_id: strawberry.ID = strawberry.field(
        description="The Scholarship; it must be open, and you eligible and not yet applied."
    )
    essay: str = strawberry.field(description="Why you should receive it; up to 10,000 characters.")


@strawberry.input(description="The application to award.")
class ScholarshipApplicationAwardInput:
    id: strawberry.ID = strawberry.field(description="The ScholarshipApplication; it must be SUBMITTED.")


@strawberry.input(description="The application to decline.")
class ScholarshipApplicationDeclineInput:
    id: strawberry.ID = strawberry.field(description="The ScholarshipApplication; it must be SUBMITTED.")


@strawberry.input(description="How an award was delivered.")
class ScholarshipAwardFulfillInput:
    id: strawberry.ID = strawberry.field(
        description="The AWARDED ScholarshipApplication, not yet fulfilled, with no donation delivering it under way."
    )
    note: str = strawberry.field(
        description="How the award reached the student, up to 2,000 characters; shown on the student's pathway."
    )


@strawberry.type(description="The result of `scholarshipCreate`.")
class ScholarshipCreatePayload(Payload):
    scholarship: Scholarship | None = strawberry.field(default=None, description="The new award; null on error.")


@strawberry.type
class ScholarshipApplicationResult(Payload):
    application: ScholarshipApplication | None = strawberry.field(
        default=None, description="The application as it now stands; null on error."
    )


@strawberry.type(description="The result of `scholarshipApply`.")
class ScholarshipApplyPayload(ScholarshipApplicationResult):
    pass


@strawberry.type(description="The result of `scholarshipApplicationAward`.")
class ScholarshipApplicationAwardPayload(ScholarshipApplicationResult):
    pass


@strawberry.type(description="The result of `scholarshipApplicationDecline`.")
class ScholarshipApplicationDeclinePayload(ScholarshipApplicationResult):
    pass


@strawberry.type(description="The result of `scholarshipAwardFulfill`.")
class ScholarshipAwardFulfillPayload(ScholarshipApplicationResult):
    pass


def _create_input(
    input: Annotated[ScholarshipCreateInput, strawberry.argument(description=INPUT)],
) -> scholarships.ScholarshipInput:
    rules = input.eligibility or EligibilityInput()
    return scholarships.ScholarshipInput(
        sponsor_id=decode_id(input.sponsor_id, "Organization", "sponsorId"),
        name=input.name,
        kind=input.kind,
        amount_cents=input.amount.amount,
        currency=input.amount.currency,
        awards=input.awards,
        opens_on=input.opens_on,
        closes_on=input.closes_on,
        description=input.description,
        eligibility=scholarships.Eligibility(
            programs=[p.value for p in rules.programs],
            postal_code=rules.region.postal_code if rules.region else None,
            radius_km=rules.region.radius_km if rules.region else None,
            graduation_from=rules.graduation_between.from_ if rules.graduation_between else None,
            graduation_to=rules.graduation_between.to if rules.graduation_between else None,
            required_credentials=list(rules.required_credentials),
            school_tiers=[t.value for t in rules.school_tiers],
        ),
    )


@strawberry.input(
    description="Narrows scholarships as `scholarships` does with its arguments; fields left out do not filter."
)
class ScholarshipFilter:
    sponsor_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this donor Organization's awards."
    )
    open_only: bool = strawberry.field(
        default=False, description="Only those accepting applications on the day asked (UTC), with awards left."
    )

    def criteria(self) -> scholarships.ScholarshipFilter:
        """The filter in the use case's terms (also what a saved search keeps)."""
        sponsor_id = decode_id(self.sponsor_id, "Organization", "sponsorId") if self.sponsor_id else None
        return scholarships.ScholarshipFilter(sponsor_id=sponsor_id, open_only=self.open_only)


@strawberry.type
class ScholarshipQueries:
    @strawberry.field(description="Scholarships and tool grants (public), soonest deadline first.")
    async def scholarships(
        self,
        info: Info,
        sponsor_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this donor Organization's awards.")
        ] = None,
        open_only: Annotated[
            bool,
            strawberry.argument(
                description="Only those accepting applications today (UTC): the window includes today and awards "
                "remain (closed or exhausted awards are left out)."
            ),
        ] = False,
        first: First = 20,
        after: After = None,
    ) -> Connection[Scholarship]:
        criteria = ScholarshipFilter(sponsor_id=sponsor_id, open_only=open_only).criteria()
        result = await scholarships.browse(info.context.db, criteria, utcnow().date(), page_args(first, after))
        return Connection.of(result, Scholarship.from_model)


def _application_id(value: strawberry.ID) -> int:
    return decode_id(value, "ScholarshipApplication")


@strawberry.type
class ScholarshipMutations:
    @strawberry.mutation(description="Offer a scholarship or tool grant (a donor organization's owners and admins).")
    @returns_payload(caller=Caller.PERSON)
    async def scholarship_create(
        self, info: Info, input: Annotated[ScholarshipCreateInput, strawberry.argument(description=INPUT)]
    ) -> ScholarshipCreatePayload:
        row = await scholarships.create(info.context.db, info.context.viewer, _create_input(input))
        return ScholarshipCreatePayload(scholarship=Scholarship.from_model(row))

    @strawberry.mutation(description="Apply once, with an essay, while it is open and you are eligible (students).")
    @returns_payload(caller=Caller.PERSON)
    async def scholarship_apply(
        self, info: Info, input: Annotated[ScholarshipApplyInput, strawberry.argument(description=INPUT)]
    ) -> ScholarshipApplyPayload:
        row = await scholarships.apply(
            info.context.db,
            info.context.viewer,
            decode_id(input.scholarship_id, "Scholarship", "scholarshipId"),
            input.essay,
        )
        return ScholarshipApplyPayload(application=ScholarshipApplication.from_model(row))

    @strawberry.mutation(
        description="Award an application (the sponsor's owners and admins) while awards remain; concurrent "
        "awards never exceed the count."
    )
    @returns_payload(caller=Caller.PERSON)
    async def scholarship_application_award(
        self, info: Info, input: Annotated[ScholarshipApplicationAwardInput, strawberry.argument(description=INPUT)]
    ) -> ScholarshipApplicationAwardPayload:
        row = await scholarships.award(info.context.db, info.context.viewer, _application_id(input.id))
        return ScholarshipApplicationAwardPayload(application=ScholarshipApplication.from_model(row))

    @strawberry.mutation(description="Decline an application (the sponsor's owners and admins).")
    @returns_payload(caller=Caller.PERSON)
    async def scholarship_application_decline(
        self, info: Info, input: Annotated[ScholarshipApplicationDeclineInput, strawberry.argument(description=INPUT)]
    ) -> ScholarshipApplicationDeclinePayload:
        row = await scholarships.decline(info.context.db, info.context.viewer, _application_id(input.id))
        return ScholarshipApplicationDeclinePayload(application=ScholarshipApplication.from_model(row))

    @strawberry.mutation(
        description="Record how an award was delivered, e.g. the tool kit handed over (the sponsor's owners and "
        "admins); once per award."
    )
    @returns_payload(caller=Caller.PERSON)
    async def scholarship_award_fulfill(
        self, info: Info, input: Annotated[ScholarshipAwardFulfillInput, strawberry.argument(description=INPUT)]
    ) -> ScholarshipAwardFulfillPayload:
        row = await scholarship_fulfillment.fulfill(
            info.context.db, info.context.viewer, _application_id(input.id), input.note
        )
        return ScholarshipAwardFulfillPayload(application=ScholarshipApplication.from_model(row))
