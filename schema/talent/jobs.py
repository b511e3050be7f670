"""The job board: postings with pay ranges, browsed by everyone."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models
from db.enums import talent as e
from resolvers.talent import applications, jobs
from resolvers.talent.pay_units import PayRange as DomainPayRange
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.relay import Connection, Node, decode_id, node_type, page_args
from schema.scalars import NearInput, Program, given
from schema.talent.access import acts_for
from schema.talent.credentials import Credential, credentials_by_ids
from schema.talent.enums import ApplicationStatus, Benefit, PayBasis, PayUnit, PostingStatus, RoleType
from schema.talent.skills import Skill, SkillSuggestion, skill_list, suggestions_of

if TYPE_CHECKING:
    from schema.talent.applications import Application
    from schema.talent.invitations import JobInvitation


@strawberry.type(description="A pay range in integer cents (USD).")
class PayRange:
    min: int
    max: int
    unit: PayUnit
    basis: PayBasis
    currency: str = "USD"
    hourly_min: int = strawberry.field(description="The minimum in cents per hour (2,080 hours a year).")
    hourly_max: int = strawberry.field(description="The maximum in cents per hour.")


@node_type
@strawberry.type(description="A job, internship or apprenticeship with its pay.")
class JobPosting(Node):
    title: str
    role_type: RoleType
    programs: list[Program]
    description: str
    postal_code: str
    distance_km: float | None = strawberry.field(description="Distance from the `near` point, when one was given.")
    pay: PayRange
    benefits: list[Benefit]
    other_preferred_skills: list[str]
    openings: int
    hires: int = strawberry.field(description="Applications hired so far; never more than `openings`.")
    closes_on: date | None
    status: PostingStatus
    created_at: datetime
    updated_at: datetime
    _row: strawberry.Private[models.JobPosting]

    @classmethod
    def from_model(cls, row: models.JobPosting, distance_km: float | None = None) -> JobPosting:
        return cls(
            pk=row.id,
            title=row.title,
            role_type=e.RoleType(row.role_type),
            programs=[Program(p) for p in row.programs or ()],
            description=row.description,
            postal_code=row.postal_code,
            distance_km=distance_km,
            pay=PayRange(
                min=row.pay_min_cents,
                max=row.pay_max_cents,
                unit=e.PayUnit(row.pay_unit),
                basis=e.PayBasis(row.pay_basis),
                hourly_min=row.pay_min_hourly_cents,
                hourly_max=row.pay_max_hourly_cents,
            ),
            benefits=[e.Benefit(b) for b in row.benefits or ()],
            other_preferred_skills=list(row.other_preferred_skills or ()),
            openings=row.openings,
            hires=row.hires,
            closes_on=row.closes_on,
            status=jobs.status_of(row),
            created_at=row.created_at,
            updated_at=row.updated_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> JobPosting | None:
        row = await info.context.loaders.by_id(models.JobPosting).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field
    async def employer(self, info: Info) -> Organization:
        return await Organization.load(info, self._row.employer_id)

    @strawberry.field
    async def required_credentials(self, info: Info) -> list[Credential]:
        links = await info.context.loaders.by_column(models.JobRequiredCredential, "job_posting_id").load(self.pk)
        return await credentials_by_ids(info, [link.credential_id for link in links])

    @strawberry.field
    def preferred_skills(self) -> list[Skill]:
        return skill_list(self._row.preferred_skill_ids)

    @strawberry.field(
        description="Applications to this posting; the employer's members (and apps with talent:read) only."
    )
    async def applications(
        self, info: Info, status: ApplicationStatus | None = None, first: int | None = 20, after: str | None = None
    ) -> Connection[Annotated[Application, strawberry.lazy("schema.talent.applications")]] | None:
        from schema.talent.applications import Application

        if not await acts_for(info, self._row.employer_id):
            return None
        criteria = applications.ApplicationFilter(job_posting_id=self.pk, status=status.value if status else None)
        result = await applications.browse(info.context.db, criteria, page_args(first, after))
        return Connection.of(result, Application.from_model)

    @strawberry.field(
        description="Visible students ranked for this posting, best first, each score explained; "
        "the employer's members (and apps with talent:read) and staff only."
    )
    async def candidates(
        self,
        info: Info,
        first: int | None = 20,
        after: str | None = None,
        weights: Annotated[CandidateWeightsInput, strawberry.lazy("schema.matches.fields")] | None = None,
    ) -> Annotated[StudentProfileMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import candidates

        return await candidates(info, self._row, first, after, weights)

    @strawberry.field(
        description="Invitations sent for this posting; the employer's members (and apps with talent:read) only."
    )
    async def invitations(
        self, info: Info
    ) -> list[Annotated[JobInvitation, strawberry.lazy("schema.talent.invitations")]] | None:
        from schema.talent.invitations import JobInvitation

        if not await acts_for(info, self._row.employer_id):
            return None
        rows = await info.context.loaders.by_column(models.JobInvitation, "job_posting_id").load(self.pk)
        return [JobInvitation.from_model(row) for row in rows]


@strawberry.input(description="A pay range in integer cents (USD); required on every posting.")
class PayRangeInput:
    min: int
    max: int
    unit: PayUnit
    basis: PayBasis

    def domain(self) -> DomainPayRange:
        return DomainPayRange(self.min, self.max, e.PayUnit(self.unit), e.PayBasis(self.basis))


@strawberry.input(description="An amount in integer cents per unit.")
class PayAmountInput:
    amount: int
    unit: PayUnit


@strawberry.input
class JobPostingCreateInput:
    employer_id: strawberry.ID
    title: str
    role_type: RoleType
    pay: PayRangeInput | None = strawberry.field(default=None, description="Required: pay transparency.")
    programs: list[Program] | None = None
    description: str | None = None
    postal_code: str | None = strawberry.field(default=None, description="Defaults to the employer's address.")
    required_credentials: list[str] | None = strawberry.field(default=None, description="Credential codes.")
    preferred_skills: list[str] | None = None
    benefits: list[Benefit] | None = None
    openings: int = 1
    closes_on: date | None = None


@strawberry.input(description="Only the fields given are changed.")
class JobPostingUpdateInput:
    title: str | None = strawberry.UNSET
    role_type: RoleType | None = strawberry.UNSET
    pay: PayRangeInput | None = strawberry.UNSET
    programs: list[Program] | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    postal_code: str | None = strawberry.UNSET
    required_credentials: list[str] | None = strawberry.UNSET
    preferred_skills: list[str] | None = strawberry.UNSET
    benefits: list[Benefit] | None = strawberry.UNSET
    openings: int | None = strawberry.UNSET
    closes_on: date | None = strawberry.UNSET


@strawberry.enum(description="How to order job postings.")
class JobPostingOrder(Enum):
    DISTANCE = "DISTANCE"
    PAY = "PAY"
    NEWEST = "NEWEST"


@strawberry.input
class JobPostingFilter:
    near: NearInput | None = None
    role_type: list[RoleType] | None = None
    program: Program | None = None
    pay_at_least: PayAmountInput | None = strawberry.field(
        default=None, description="Postings whose range reaches at least this amount (compared per hour)."
    )
    credential: str | None = strawberry.field(default=None, description="Postings requiring this credential code.")
    benefits: list[Benefit] | None = strawberry.field(default=None, description="Postings offering all of these.")
    search: str | None = None
    employer_id: strawberry.ID | None = None


@strawberry.type
class JobPostingPayload(Payload):
    job_posting: JobPosting | None = None
    skill_suggestions: list[SkillSuggestion] = strawberry.field(default_factory=list)


def _changes(input) -> dict:
    changes = given(input)
    if changes.get("pay") is not None:
        changes["pay"] = changes["pay"].domain()
    return changes


@strawberry.type
class JobQueries:
    @strawberry.field
    async def job_posting(self, info: Info, id: strawberry.ID) -> JobPosting | None:
        return await JobPosting.load(info, decode_id(id, "JobPosting"))

    @strawberry.field(description="Open postings, public; nearest first when `near` is given, else newest.")
    async def job_postings(
        self,
        info: Info,
        filter: JobPostingFilter | None = None,
        order_by: JobPostingOrder | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[JobPosting]:
        filter = filter or JobPostingFilter()
        criteria = jobs.JobFilter(
            near=filter.near.circle() if filter.near else None,
            role_types=tuple(r.value for r in filter.role_type or ()),
            program=filter.program.value if filter.program else None,
            pay_at_least=jobs.PayFloor(filter.pay_at_least.amount, e.PayUnit(filter.pay_at_least.unit))
            if filter.pay_at_least
            else None,
            credential=filter.credential,
            benefits=tuple(b.value for b in filter.benefits or ()),
            search=filter.search,
            employer_id=decode_id(filter.employer_id, "Organization", "employerId") if filter.employer_id else None,
        )
        result = await jobs.browse(
            info.context.db, criteria, order_by.value if order_by else None, page_args(first, after)
        )
        distances = result.distances or {}
        return Connection.of(result, lambda row: JobPosting.from_model(row, distances.get(row.id)))


def _posting_id(value: strawberry.ID) -> int:
    return decode_id(value, "JobPosting")


@strawberry.type
class JobMutations:
    @strawberry.mutation(description="Post a job (employer members, or an app with talent:write); pay is required.")
    @returns_payload
    async def job_posting_create(self, info: Info, input: JobPostingCreateInput) -> JobPostingPayload:
        changes = _changes(input)
        changes["employer_id"] = decode_id(input.employer_id, "Organization", "employerId")
        row, normalized = await jobs.create(info.context.db, info.context.viewer, changes)
        return JobPostingPayload(job_posting=JobPosting.from_model(row), skill_suggestions=suggestions_of(normalized))

    @strawberry.mutation(description="Change an open or filled posting; openings never go below the hires made.")
    @returns_payload
    async def job_posting_update(
        self, info: Info, id: strawberry.ID, input: JobPostingUpdateInput
    ) -> JobPostingPayload:
        row, normalized = await jobs.update(info.context.db, info.context.viewer, _posting_id(id), _changes(input))
        return JobPostingPayload(job_posting=JobPosting.from_model(row), skill_suggestions=suggestions_of(normalized))

    @strawberry.mutation(description="Stop taking applications.")
    @returns_payload
    async def job_posting_close(self, info: Info, id: strawberry.ID) -> JobPostingPayload:
        row = await jobs.close(info.context.db, info.context.viewer, _posting_id(id))
        return JobPostingPayload(job_posting=JobPosting.from_model(row))
