"""Scholarships and tool grants, who may apply, and students' applications, as partners read them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from core.clock import utcnow
from core.paging import Slice
from db import enums, models
from resolvers.pathways import policy as pathways_policy
from resolvers.pathways.scholarship_eligibility import eligible_scholarships as eligible_batch
from resolvers.pathways.scholarship_fit import ApplicationOrder
from resolvers.talent import policy
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.enum_type import enum_type
from schema.money import Cents, Money
from schema.pathways.scholarship_fit import ApplicantFit, applications_by_fit, fit_of
from schema.relay import After, Connection, First, Node, node_type, page_args
from schema.scalars import Program, SchoolTier
from schema.talent.access import RequestTies
from schema.talent.students import StudentProfile

ScholarshipKind = enum_type(
    enums.ScholarshipKind,
    description="What an award gives the student.",
    values={
        "SCHOLARSHIP": "Money towards school costs; `amount` is at least 1 cent.",
        "TOOL_GRANT": "A starter tool kit, handed over or delivered as a donation through the exchange; `amount` "
        "is the kit's value and may be 0.",
    },
)
ScholarshipApplicationStatus = enum_type(
    enums.ScholarshipApplicationStatus,
    name="ScholarshipApplicationStatus",
    description="Where a scholarship application stands.",
    values={
        "SUBMITTED": "Waiting for the sponsor's decision.",
        "AWARDED": "Awarded (it counts in `awardsMade`); `fulfilledAt` is set once the award is delivered.",
        "DECLINED": "Not awarded; final.",
    },
)


@strawberry.type(description="A circle students must live (or study) within.")
class Region:
    postal_code: str = strawberry.field(description="US ZIP code at the centre of the region.")
    radius_km: float = strawberry.field(description="Radius in kilometres.")


@strawberry.type(description="A range of days; either end may be open.")
class DateRange:
    from_: date | None = strawberry.field(name="from", description="First day, inclusive; null for no lower bound.")
    to: date | None = strawberry.field(description="Last day, inclusive; null for no upper bound.")


@strawberry.type(description="Who may apply: a student must pass every rule given; an empty list is no restriction.")
class Eligibility:
    programs: list[Program] = strawberry.field(description="The student must be in one of these programs.")
    region: Region | None = strawberry.field(
        description="The student (or, without a postal code of their own, their school) must be within it; "
        "null for anywhere."
    )
    graduation_between: DateRange | None = strawberry.field(
        description="The student's graduation date must fall in it; null for any date."
    )
    required_credentials: list[str] = strawberry.field(
        description="Credential codes the student must hold, verified and not expired."
    )
    school_tiers: list[SchoolTier] = strawberry.field(
        description="The student's school must be in one of these CREF tiers."
    )


@node_type
@strawberry.type(description="A scholarship or tool grant offered by a donor organization. Public.")
class Scholarship(Node):
    name: str = strawberry.field(description="The award's name, e.g. Refinish Futures.")
    description: str = strawberry.field(description="What the award is for; empty when none was given.")
    kind: ScholarshipKind = strawberry.field(description="Money for school, or a starter tool kit.")
    amount: Money = strawberry.field(
        description="The value of each award: what a SCHOLARSHIP pays, or what a TOOL_GRANT's kit is worth (may be 0)."
    )
    awards: int = strawberry.field(description="How many students can receive the award, from 1 to 1,000.")
    awards_made: int = strawberry.field(description="Awards made so far; never more than `awards`.")
    opens_on: date = strawberry.field(description="First day applications are accepted (UTC).")
    closes_on: date = strawberry.field(description="Last day applications are accepted (UTC), inclusive.")
    eligibility: Eligibility = strawberry.field(description="Who may apply.")
    created_at: datetime = strawberry.field(description="When the award was offered (UTC).")
    _row: strawberry.Private[models.Scholarship]

    @classmethod
    def from_model(cls, row: models.Scholarship) -> Scholarship:
        low, high = row.graduation_from, row.graduation_to
        return cls(
            pk=row.id,
            name=row.name,
            description=row.description,
            kind=enums.ScholarshipKind(row.kind),
            amount=Money(amount=Cents(row.amount_cents), currency=row.currency),
            awards=row.awards,
            awards_made=row.awards_made,
            opens_on=row.opens_on,
            closes_on=row.closes_on,
            created_at=row.created_at,
            _row=row,
            eligibility=Eligibility(
                programs=[Program(p) for p in row.programs or ()],
                region=Region(postal_code=row.region_postal_code, radius_km=row.region_radius_km)
                if row.region_postal_code is not None and row.region_radius_km is not None  # set together
                else None,
                graduation_between=DateRange(from_=low, to=high) if low or high else None,
                required_credentials=list(row.required_credentials or ()),
                school_tiers=[SchoolTier(t) for t in row.school_tiers or ()],
            ),
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Scholarship | None:
        row = await info.context.loaders.by_id(models.Scholarship).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field(description="Awards not yet made: `awards` minus `awardsMade`.")
    def awards_remaining(self) -> int:
        return self.awards - self.awards_made

    @strawberry.field(description="Accepting applications today (UTC): between opensOn and closesOn, awards left.")
    def is_open(self) -> bool:
        today = utcnow().date()
        return self.opens_on <= today <= self.closes_on and self.awards_made < self.awards

    @strawberry.field(description="The donor organization offering the award.")
    async def sponsor(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.sponsor_id)

    @strawberry.field(
        description="Applications, oldest first or best fit first; null unless you are a member of the sponsor (or "
        "its app, or staff)."
    )
    async def applications(
        self,
        info: Info,
        first: First = 20,
        after: After = None,
        order_by: Annotated[
            ApplicationOrder,  # exposed as ScholarshipApplicationOrder (schema.pathways.scholarship_fit)
            strawberry.argument(description="OLDEST (the default) or FIT: best fit to the eligibility rules first."),
        ] = ApplicationOrder.OLDEST,
    ) -> Connection[ScholarshipApplication] | None:
        if not await info.context.is_member(self._row.sponsor_id):
            return None
        page = page_args(first, after)
        if order_by is ApplicationOrder.FIT:
            ranked = await applications_by_fit(info, self.pk)
            items, has_next = page.window(ranked)
            return Connection.of(Slice(items, page.offset, has_next), ScholarshipApplication.from_model)
        loader = info.context.loaders.page_by_column(models.ScholarshipApplication, "scholarship_id", page)
        found = await loader.load(self.pk)
        return Connection.of(found, ScholarshipApplication.from_model)


async def can_view_application(info: Info, row: models.ScholarshipApplication) -> bool:
    """The rule of `resolvers.pathways.policy.may_see_scholarship_application`."""
    ctx = info.context
    scholarship = await ctx.loaders.by_id(models.Scholarship).load(row.scholarship_id)
    student = await ctx.loaders.by_id(models.StudentProfile).load(row.student_id)
    return await pathways_policy.may_see_scholarship_application(ctx.viewer, scholarship, student, RequestTies(info))


@node_type
@strawberry.type(
    description="A student's application for a scholarship or tool grant. Visible to the student, their school, "
    "the sponsor's members and staff."
)
class ScholarshipApplication(Node):
    essay: str = strawberry.field(description="Why the student should receive the award, as they wrote it.")
    status: ScholarshipApplicationStatus = strawberry.field(description="Where the application stands.")
    decided_at: datetime | None = strawberry.field(
        description="When the sponsor awarded or declined it (UTC); null while SUBMITTED."
    )
    fulfillment_note: str | None = strawberry.field(
        description="How the award reached the student (e.g. a cheque, or a kit received as a donation, naming "
        "its receipt); null until fulfilled."
    )
    fulfilled_at: datetime | None = strawberry.field(
        description="When the award was recorded as delivered (UTC); null until then."
    )
    created_at: datetime = strawberry.field(description="When the student applied (UTC).")
    _row: strawberry.Private[models.ScholarshipApplication]

    @classmethod
    def from_model(cls, row: models.ScholarshipApplication) -> ScholarshipApplication:
        return cls(
            pk=row.id,
            essay=row.essay,
            status=enums.ScholarshipApplicationStatus(row.status),
            decided_at=row.decided_at,
            fulfillment_note=row.fulfillment_note,
            fulfilled_at=row.fulfilled_at,
            created_at=row.created_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> ScholarshipApplication | None:
        row = await info.context.loaders.by_id(models.ScholarshipApplication).load(pk)
        return cls.from_model(row) if row is not None and await can_view_application(info, row) else None

    @strawberry.field(description="The scholarship or tool grant applied for.")
    async def scholarship(self, info: Info) -> Scholarship:
        return await Scholarship.load_referenced(info, self._row.scholarship_id)

    @strawberry.field(
        description="The applicant; null when you may not see their profile. Applying releases the profile (name, "
        "school, programs, credentials, and the pathway's credential and badge steps) to the sponsor's members, "
        "as applying for a job does to the employer."
    )
    async def student(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)

    @strawberry.field(
        description="How well the applicant fits the award's eligibility rules, explained; null unless you are a "
        "member of the sponsor (or staff)."
    )
    async def fit(self, info: Info) -> ApplicantFit | None:
        scholarship = await info.context.loaders.by_id(models.Scholarship).load(self._row.scholarship_id)
        if scholarship is None or not await info.context.is_member(scholarship.sponsor_id):
            return None
        return await fit_of(info, self.pk)


async def _eligible_batch(db, student_ids):
    async with db.read() as session:
        found = await eligible_batch(session, student_ids)
    return [found[i] for i in student_ids]


async def eligible_scholarships(
    info: Info, student: models.StudentProfile, first: int | None, after: str | None
) -> Connection[Scholarship] | None:
    """For the student, their school and staff: open or upcoming awards the student qualifies for."""
    ctx = info.context
    page = page_args(first, after)
    if not await policy.in_students_circle(ctx.viewer, student, RequestTies(info)):
        return None
    # Eligibility is decided in Python over every available award, so the page is cut from the whole list.
    rows = await ctx.loaders.custom("eligible_scholarships", _eligible_batch).load(student.id)
    items, has_next = page.window(rows)
    return Connection.of(Slice(items, page.offset, has_next), Scholarship.from_model)
