"""Scholarships and tool grants, applications, and the sponsor's review."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from core.clock import utcnow
from db import enums, models
from resolvers.pathways import scholarship_fulfillment, scholarships
from resolvers.pathways.scholarship_eligibility import eligible_scholarships as eligible_batch
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.relay import Connection, Node, decode_id, node_type, page_args
from schema.scalars import Program, SchoolTier
from schema.talent.students import StudentProfile

ScholarshipKind = strawberry.enum(enums.ScholarshipKind, description="Money for school, or a starter tool kit.")
ScholarshipApplicationStatus = strawberry.enum(enums.ScholarshipApplicationStatus, name="ScholarshipApplicationStatus")


@strawberry.type
class Region:
    postal_code: str
    radius_km: float


@strawberry.type
class DateRange:
    from_: date | None = strawberry.field(name="from")
    to: date | None


@strawberry.type(description="Who may apply; an empty list means no restriction.")
class Eligibility:
    programs: list[Program]
    region: Region | None
    graduation_between: DateRange | None
    required_credentials: list[str] = strawberry.field(description="Credential codes the student must hold, verified.")
    school_tiers: list[SchoolTier]


@node_type
@strawberry.type(description="A scholarship or tool grant offered by a donor organization.")
class Scholarship(Node):
    name: str
    description: str
    kind: ScholarshipKind
    amount: int = strawberry.field(description="Per award, in cents.")
    currency: str
    awards: int
    awards_made: int
    opens_on: date
    closes_on: date
    eligibility: Eligibility
    created_at: datetime
    _row: strawberry.Private[models.Scholarship]

    @classmethod
    def from_model(cls, row: models.Scholarship) -> Scholarship:
        low, high = row.graduation_from, row.graduation_to
        return cls(
            pk=row.id,
            name=row.name,
            description=row.description,
            kind=enums.ScholarshipKind(row.kind),
            amount=row.amount_cents,
            currency=row.currency,
            awards=row.awards,
            awards_made=row.awards_made,
            opens_on=row.opens_on,
            closes_on=row.closes_on,
            created_at=row.created_at,
            _row=row,
            eligibility=Eligibility(
                programs=[Program(p) for p in row.programs or ()],
                region=Region(postal_code=row.region_postal_code, radius_km=row.region_radius_km)
                if row.region_radius_km is not None
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

    @strawberry.field
    def awards_remaining(self) -> int:
        return self.awards - self.awards_made

    @strawberry.field(description="Accepting applications today (UTC) with awards left.")
    def is_open(self) -> bool:
        today = utcnow().date()
        return self.opens_on <= today <= self.closes_on and self.awards_made < self.awards

    @strawberry.field
    async def sponsor(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.sponsor_id)

    @strawberry.field(description="Applications, oldest first; visible to the sponsor's members and staff.")
    async def applications(self, info: Info) -> list[ScholarshipApplication]:
        if not await info.context.is_member(self._row.sponsor_id):
            return []
        rows = await info.context.loaders.by_column(models.ScholarshipApplication, "scholarship_id").load(self.pk)
        return [ScholarshipApplication.from_model(row) for row in rows]


async def can_view_application(info: Info, row: models.ScholarshipApplication) -> bool:
    """The student, the sponsor's members, the student's school, and staff."""
    ctx = info.context
    scholarship = await ctx.loaders.by_id(models.Scholarship).load(row.scholarship_id)
    if await ctx.is_member(scholarship.sponsor_id):
        return True
    student = await ctx.loaders.by_id(models.StudentProfile).load(row.student_id)
    return ctx.viewer.user_id == student.user_id or (
        student.school_id is not None and await ctx.is_member(student.school_id)
    )


@node_type
@strawberry.type(description="A student's application for a scholarship or tool grant.")
class ScholarshipApplication(Node):
    essay: str
    status: ScholarshipApplicationStatus
    decided_at: datetime | None
    fulfillment_note: str | None = strawberry.field(description="How the award reached the student.")
    fulfilled_at: datetime | None
    created_at: datetime
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

    @strawberry.field
    async def scholarship(self, info: Info) -> Scholarship:
        return await Scholarship.load(info, self._row.scholarship_id)

    @strawberry.field(description="The applicant, when you may see their profile.")
    async def student(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)


async def _eligible_batch(db, student_ids):
    async with db.read() as session:
        found = await eligible_batch(session, student_ids)
    return [found[i] for i in student_ids]


async def eligible_scholarships(info: Info, student: models.StudentProfile) -> list[Scholarship]:
    """For the student, their school and staff: open or upcoming awards the student qualifies for."""
    ctx = info.context
    if not (
        ctx.viewer.is_staff
        or ctx.viewer.user_id == student.user_id
        or (student.school_id is not None and await ctx.is_member(student.school_id))
    ):
        return []
    rows = await ctx.loaders.custom("eligible_scholarships", _eligible_batch).load(student.id)
    return [Scholarship.from_model(row) for row in rows]


@strawberry.input
class RegionInput:
    postal_code: str
    radius_km: float


@strawberry.input
class DateRangeInput:
    from_: date | None = strawberry.field(default=None, name="from")
    to: date | None = None


@strawberry.input(description="Leave a rule out to apply no restriction.")
class EligibilityInput:
    programs: list[Program] = strawberry.field(default_factory=list)
    region: RegionInput | None = None
    graduation_between: DateRangeInput | None = None
    required_credentials: list[str] = strawberry.field(default_factory=list, description="Credential codes.")
    school_tiers: list[SchoolTier] = strawberry.field(default_factory=list)


@strawberry.input
class ScholarshipCreateInput:
    sponsor_id: strawberry.ID
    name: str
    kind: ScholarshipKind
    amount: int = strawberry.field(description="Per award, in cents (USD).")
    awards: int = strawberry.field(description="How many awards will be made.")
    opens_on: date
    closes_on: date
    description: str | None = None
    eligibility: EligibilityInput | None = None


@strawberry.input
class ScholarshipApplyInput:
    scholarship_id: strawberry.ID
    essay: str


@strawberry.type
class ScholarshipPayload(Payload):
    scholarship: Scholarship | None = None


@strawberry.type
class ScholarshipApplicationPayload(Payload):
    application: ScholarshipApplication | None = None


def _create_input(input: ScholarshipCreateInput) -> scholarships.ScholarshipInput:
    rules = input.eligibility or EligibilityInput()
    return scholarships.ScholarshipInput(
        sponsor_id=decode_id(input.sponsor_id, "Organization", "sponsorId"),
        name=input.name,
        kind=input.kind,
        amount_cents=input.amount,
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


@strawberry.type
class ScholarshipQueries:
    @strawberry.field(description="Scholarships and tool grants, soonest deadline first.")
    async def scholarships(
        self,
        info: Info,
        sponsor_id: strawberry.ID | None = None,
        open_only: bool = False,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Scholarship]:
        sponsor_pk = decode_id(sponsor_id, "Organization", "sponsorId") if sponsor_id else None
        result = await scholarships.browse(
            info.context.db, sponsor_pk, utcnow().date() if open_only else None, page_args(first, after)
        )
        return Connection.of(result, Scholarship.from_model)


def _application_id(value: strawberry.ID) -> int:
    return decode_id(value, "ScholarshipApplication")


@strawberry.type
class ScholarshipMutations:
    @strawberry.mutation(description="Offer a scholarship or tool grant (a donor organization's owners and admins).")
    @returns_payload
    async def scholarship_create(self, info: Info, input: ScholarshipCreateInput) -> ScholarshipPayload:
        row = await scholarships.create(info.context.db, info.context.viewer, _create_input(input))
        return ScholarshipPayload(scholarship=Scholarship.from_model(row))

    @strawberry.mutation(description="Apply once, with an essay, while it is open and you are eligible.")
    @returns_payload
    async def scholarship_apply(self, info: Info, input: ScholarshipApplyInput) -> ScholarshipApplicationPayload:
        row = await scholarships.apply(
            info.context.db,
            info.context.viewer,
            decode_id(input.scholarship_id, "Scholarship", "scholarshipId"),
            input.essay,
        )
        return ScholarshipApplicationPayload(application=ScholarshipApplication.from_model(row))

    @strawberry.mutation(description="Award an application (the sponsor's owners and admins), within the count.")
    @returns_payload
    async def scholarship_application_award(self, info: Info, id: strawberry.ID) -> ScholarshipApplicationPayload:
        row = await scholarships.award(info.context.db, info.context.viewer, _application_id(id))
        return ScholarshipApplicationPayload(application=ScholarshipApplication.from_model(row))

    @strawberry.mutation(description="Decline an application (the sponsor's owners and admins).")
    @returns_payload
    async def scholarship_application_decline(self, info: Info, id: strawberry.ID) -> ScholarshipApplicationPayload:
        row = await scholarships.decline(info.context.db, info.context.viewer, _application_id(id))
        return ScholarshipApplicationPayload(application=ScholarshipApplication.from_model(row))

    @strawberry.mutation(description="Record how an award was delivered, e.g. the tool kit handed over.")
    @returns_payload
    async def scholarship_award_fulfill(
        self, info: Info, id: strawberry.ID, note: str
    ) -> ScholarshipApplicationPayload:
        row = await scholarship_fulfillment.fulfill(info.context.db, info.context.viewer, _application_id(id), note)
        return ScholarshipApplicationPayload(application=ScholarshipApplication.from_model(row))
