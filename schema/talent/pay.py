"""The technician pay tool."""

from __future__ import annotations

from enum import Enum

import strawberry

from db.enums import talent as e
from resolvers.talent import pay
from schema.context import Info
from schema.errors import Caller, Payload, returns_payload
from schema.permissions import IsPerson
from schema.scalars import Program
from schema.talent.enums import PayBasis, PayUnit, RoleType


@strawberry.input(description="An amount in integer cents.")
class PayInput:
    amount: int
    unit: PayUnit
    basis: PayBasis


@strawberry.input
class PayReportSubmitInput:
    role_type: RoleType
    postal_code: str
    pay: PayInput
    program: Program | None = None
    years_experience: int | None = None
    credentials: list[str] | None = strawberry.field(default=None, description="Credential codes you hold.")


@strawberry.input
class PayEstimateInput:
    role_type: RoleType
    postal_code: str
    program: Program | None = None
    radius_km: float | None = strawberry.field(
        default=None, description="Where to start; widened until there is enough data."
    )
    years_experience: int | None = None
    credentials: list[str] | None = None
    unit: PayUnit = strawberry.field(default=e.PayUnit.YEAR, description="The unit to answer in.")


@strawberry.type(description="How many data points came from each source.")
class PaySources:
    reports: int
    postings: int


@strawberry.enum(description="A refinement the estimate kept because enough data matched it.")
class PayRefinement(Enum):
    PROGRAM = "PROGRAM"
    YEARS_EXPERIENCE = "YEARS_EXPERIENCE"
    CREDENTIALS = "CREDENTIALS"


@strawberry.type(
    description="What a role pays nearby, in integer cents per `unit`; never from fewer than 5 data points."
)
class PayEstimate:
    p25: int
    median: int
    p75: int
    sample_size: int
    unit: PayUnit
    sources: PaySources
    radius_km: float | None = strawberry.field(description="The radius used; null when the whole state was.")
    state: str | None = strawberry.field(description="The state used, when the estimate is state-wide.")
    refinements: list[PayRefinement]


@strawberry.type
class PayEstimatePayload(Payload):
    estimate: PayEstimate | None = None


@strawberry.type
class PayReportSubmitPayload(Payload):
    submitted: bool = False


def _codes(codes: list[str] | None) -> list[str]:
    return list(codes or ())


@strawberry.type
class PayQueries:
    @strawberry.field(description="Pay percentiles for a role near a ZIP code; INSUFFICIENT_DATA below 5 data points.")
    @returns_payload(caller=Caller.ANYONE)
    async def pay_estimate(self, info: Info, input: PayEstimateInput) -> PayEstimatePayload:
        result = await pay.estimate(
            info.context.db,
            pay.EstimateInput(
                role_type=e.RoleType(input.role_type).value,
                postal_code=input.postal_code,
                program=input.program.value if input.program else None,
                radius_km=input.radius_km,
                years_experience=input.years_experience,
                credentials=_codes(input.credentials),
                unit=e.PayUnit(input.unit),
            ),
        )
        return PayEstimatePayload(
            estimate=PayEstimate(
                p25=result.p25_cents,
                median=result.median_cents,
                p75=result.p75_cents,
                sample_size=result.sample_size,
                unit=result.unit,
                sources=PaySources(reports=result.reports, postings=result.postings),
                radius_km=result.radius_km,
                state=result.state,
                refinements=[PayRefinement[name] for name in result.refinements],
            )
        )


@strawberry.type
class PayMutations:
    @strawberry.mutation(
        permission_classes=[IsPerson], description="Share your pay anonymously: your account is not stored with it."
    )
    @returns_payload
    async def pay_report_submit(self, info: Info, input: PayReportSubmitInput) -> PayReportSubmitPayload:
        await pay.submit(
            info.context.db,
            info.context.viewer,
            pay.ReportInput(
                role_type=e.RoleType(input.role_type).value,
                program=input.program.value if input.program else None,
                postal_code=input.postal_code,
                years_experience=input.years_experience,
                amount_cents=input.pay.amount,
                unit=e.PayUnit(input.pay.unit),
                basis=e.PayBasis(input.pay.basis),
                credentials=_codes(input.credentials),
            ),
        )
        return PayReportSubmitPayload(submitted=True)
