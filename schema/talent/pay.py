"""The technician pay tool: anonymous pay reports in, percentiles out (USD)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from db.enums import talent as e
from resolvers.talent import pay
from schema.context import Info
from schema.enum_type import enum_type
from schema.errors import Caller, Payload, returns_payload
from schema.money import Money, MoneyInput
from schema.scalars import Program
from schema.talent.enums import PayBasis, PayUnit, RoleType
from schema.talent.pay_amounts import usd


@strawberry.input(description="What you are paid, in USD: between $1 and $500 an hour, or the same per year.")
class PayInput:
    amount: MoneyInput = strawberry.field(description="Your pay per `unit`, in USD (INVALID_CURRENCY otherwise).")
    unit: PayUnit = strawberry.field(description="What `amount` is per; must suit `basis`.")
    basis: PayBasis = strawberry.field(
        description="How you are paid: HOURLY and FLAT_RATE per HOUR, SALARY per YEAR (PAY_BASIS_MISMATCH)."
    )


@strawberry.input(description="An anonymous pay report: no account and no exact address is stored with it.")
class PayReportSubmitInput:
    role_type: RoleType = strawberry.field(description="The role you are paid for.")
    postal_code: str = strawberry.field(description="The US ZIP code you work in; only its centroid is kept.")
    pay: PayInput = strawberry.field(description="What you are paid.")
    program: Program | None = strawberry.field(default=None, description="Your trade, if you want it counted.")
    years_experience: int | None = strawberry.field(default=None, description="Years in the trade, 0-70.")
    credentials: list[str] | None = strawberry.field(default=None, description="Credential codes you hold.")


@strawberry.input(description="The role and place to estimate pay for; the refinements are kept only with enough data.")
class PayEstimateInput:
    role_type: RoleType = strawberry.field(description="The role to estimate.")
    postal_code: str = strawberry.field(description="The US ZIP code to estimate around.")
    program: Program | None = strawberry.field(default=None, description="Refine to reports and postings of a trade.")
    radius_km: float | None = strawberry.field(
        default=None, description="Where to start, 1-200 km (25 by default); widened until there is enough data."
    )
    years_experience: int | None = strawberry.field(
        default=None, description="Refine to reports within 3 years of this experience (0-70)."
    )
    credentials: list[str] | None = strawberry.field(
        default=None, description="Refine to data points sharing one of these credential codes."
    )
    unit: PayUnit = strawberry.field(default=e.PayUnit.YEAR, description="The unit to answer in.")


@strawberry.type(description="How many contributors each source gave; each counts once however many data points.")
class PaySources:
    reports: int = strawberry.field(
        description="People who reported their pay, each at the median of their reports (anonymous)."
    )
    postings: int = strawberry.field(
        description="Employers with open postings, each at the median of its postings' range midpoints."
    )


class _Refinement(Enum):
    PROGRAM = "PROGRAM"
    YEARS_EXPERIENCE = "YEARS_EXPERIENCE"
    CREDENTIALS = "CREDENTIALS"


PayRefinement = enum_type(
    _Refinement,
    name="PayRefinement",
    description="A refinement the estimate kept because enough data matched it.",
    values={
        "PROGRAM": "Only data points of the program asked for.",
        "YEARS_EXPERIENCE": "Only reports within 3 years of the experience asked for.",
        "CREDENTIALS": "Only data points sharing one of the credentials asked for.",
    },
)


@strawberry.type(
    description="What a role pays nearby, in USD per `unit`; never from fewer than 5 contributors (people who "
    "reported, employers with postings), each counted once."
)
class PayEstimate:
    p25: Money = strawberry.field(description="A quarter of the contributors pay this or less.")
    median: Money = strawberry.field(description="Half of the contributors pay this or less.")
    p75: Money = strawberry.field(description="Three quarters of the contributors pay this or less.")
    sample_size: int = strawberry.field(
        description="How many distinct contributors the estimate rests on; at least 5. One account's many "
        "reports count once."
    )
    unit: PayUnit = strawberry.field(description="What the amounts are per, as asked.")
    sources: PaySources = strawberry.field(description="Where the data points came from.")
    radius_km: float | None = strawberry.field(description="The radius used; null when the whole state was.")
    state: str | None = strawberry.field(description="The state used, when the estimate is state-wide.")
    refinements: list[PayRefinement] = strawberry.field(
        description="The refinements asked for that the estimate kept; the others had too little data."
    )


@strawberry.type(description="The answer of `payEstimate`.")
class PayEstimatePayload(Payload):
    estimate: PayEstimate | None = strawberry.field(
        default=None, description="The estimate; null when refused, e.g. INSUFFICIENT_DATA."
    )


@strawberry.type(description="The result of `payReportSubmit`.")
class PayReportSubmitPayload(Payload):
    submitted: bool = strawberry.field(default=False, description="Whether the report was stored.")


def _codes(codes: list[str] | None) -> list[str]:
    return list(codes or ())


@strawberry.type
class PayQueries:
    @strawberry.field(
        description="Pay percentiles for a role near a ZIP code, from pay reports and open postings; public. "
        "INSUFFICIENT_DATA in userErrors below 5 distinct contributors, even state-wide."
    )
    @returns_payload(caller=Caller.ANYONE)
    async def pay_estimate(
        self, info: Info, input: Annotated[PayEstimateInput, strawberry.argument(description="What to estimate.")]
    ) -> PayEstimatePayload:
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
        )


@strawberry.type
class PayMutations:
    @strawberry.mutation(
        description="Share your pay anonymously: your account is not stored with it. Signed-in people only, "
        "against ballot stuffing by scripts."
    )
    @returns_payload(caller=Caller.PERSON)
    async def pay_report_submit(
        self, info: Info, input: Annotated[PayReportSubmitInput, strawberry.argument(description="The report.")]
    ) -> PayReportSubmitPayload:
        await pay.submit(
            info.context.db,
            info.context.viewer,
            pay.ReportInput(
                role_type=e.RoleType(input.role_type).value,
                program=input.program.value if input.program else None,
                postal_code=input.postal_code,
                years_experience=input.years_experience,
                amount_cents=input.pay.amount.amount,
                currency=input.pay.amount.currency,
                unit=e.PayUnit(input.pay.unit),
                basis=e.PayBasis(input.pay.basis),
                credentials=_codes(input.credentials),
            ),
            secret_key=info.context.settings.secret_key,
        )
        return PayReportSubmitPayload(submitted=True)
