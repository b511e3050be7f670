"""The job board: postings with pay ranges, browsed by everyone."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models
from db.enums import talent as e
from resolvers.talent import applications, jobs
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args, page_of
from schema.scalars import Program, given
from schema.talent.access import acts_for
from schema.talent.credentials import Credential, credentials_by_ids
from schema.talent.enums import ApplicationStatus, Benefit, PostingStatus, RoleType
from schema.talent.job_inputs import (
    JobPostingCloseInput,
    JobPostingCreateInput,
    JobPostingFilter,
    JobPostingOrder,
    JobPostingUpdateInput,
)
from schema.talent.pay_amounts import PayRange
from schema.talent.skills import Skill, SkillSuggestion, skill_list, suggestions_of

if TYPE_CHECKING:
    from schema.matches.fields import CandidateWeightsInput, StudentProfileMatchConnection
    from schema.talent.applications import Application
    from schema.talent.invitations import JobInvitation


@node_type
@strawberry.type(
    description="A job, internship or apprenticeship with its pay, on the public job board. Anyone may read a "
    "posting; its applications and invitations are for the employer only."
)
class JobPosting(Node):
    title: str = strawberry.field(description="The job's title, e.g. 'Collision Technician'.")
    role_type: RoleType = strawberry.field(description="The kind of role, used by filters and pay estimates.")
    programs: list[Program] = strawberry.field(description="The programs or trades the job suits.")
    description: str = strawberry.field(description="The employer's description, plain text; may be empty.")
    postal_code: str = strawberry.field(description="The US ZIP code of the workplace.")
    distance_km: float | None = strawberry.field(
        description="Kilometres from the `near` point of the list's filter; null when none was given."
    )
    pay: PayRange = strawberry.field(description="What the job pays; every posting shows it.")
    benefits: list[Benefit] = strawberry.field(description="The benefits offered.")
    other_preferred_skills: list[str] = strawberry.field(
        description="Preferred skills that match no canonical skill, kept as the employer gave them."
    )
    openings: int = strawberry.field(description="How many people the employer will hire for it (1-1,000).")
    hires: int = strawberry.field(description="Applications hired so far; never more than `openings`.")
    closes_on: date | None = strawberry.field(
        description="The last day it takes applications; null when open until closed or filled."
    )
    status: PostingStatus = strawberry.field(
        description="Whether it takes applications; CLOSED once past `closesOn` even if never closed."
    )
    created_at: datetime = strawberry.field(description="When it was posted.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
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
            pay=PayRange.of(row),
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

    @strawberry.field(description="The employer offering the job.")
    async def employer(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._row.employer_id)

    @strawberry.field(description="Credentials an applicant must hold, valid on the start date, to be a candidate.")
    async def required_credentials(self, info: Info) -> list[Credential]:
        links = await info.context.loaders.by_column(models.JobRequiredCredential, "job_posting_id").load(self.pk)
        return await credentials_by_ids(info, [link.credential_id for link in links])

    @strawberry.field(description="Canonical skills the employer prefers; candidates rank higher for each one held.")
    def preferred_skills(self) -> list[Skill]:
        return skill_list(self._row.preferred_skill_ids)

    @strawberry.field(
        description="Applications to this posting, newest first; the employer's members (and apps with "
        "talent:read) only, null for anyone else."
    )
    async def applications(
        self,
        info: Info,
        status: Annotated[
            ApplicationStatus | None, strawberry.argument(description="Only applications in this status.")
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[Annotated[Application, strawberry.lazy("schema.talent.applications")]] | None:
        from schema.talent.applications import Application

        if not await acts_for(info, self._row.employer_id):
            return None
        page, wanted = page_args(first, after), status.value if status else None

        async def batch(db, posting_ids):
            return await applications.pages_by_posting(db, posting_ids, wanted, page)

        loader = info.context.loaders.custom(f"applications_by_posting:{wanted}:{page.offset}:{page.first}", batch)
        return Connection.of(await loader.load(self.pk), Application.from_model)

    @strawberry.field(
        description="Visible students ranked for this posting, best first, each score explained; "
        "the employer's members (and apps with talent:read) and staff only."
    )
    async def candidates(
        self,
        info: Info,
        first: First = 20,
        after: After = None,
        weights: Annotated[
            Annotated[CandidateWeightsInput, strawberry.lazy("schema.matches.fields")] | None,
            strawberry.argument(description="Feature weights for this query only; the defaults if omitted."),
        ] = None,
    ) -> Annotated[StudentProfileMatchConnection, strawberry.lazy("schema.matches.fields")] | None:
        from schema.matches.fields import candidates

        return await candidates(info, self._row, first, after, weights)

    @strawberry.field(
        description="Invitations sent for this posting, newest first; the employer's members (and apps with "
        "talent:read) only, null for anyone else."
    )
    async def invitations(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[Annotated[JobInvitation, strawberry.lazy("schema.talent.invitations")]] | None:
        from schema.talent.invitations import JobInvitation

        if not await acts_for(info, self._row.employer_id):
            return None
        loader = info.context.loaders.by_column(models.JobInvitation, "job_posting_id", order_by=("created_at", "id"))
        rows = list(reversed(await loader.load(self.pk)))
        return Connection.of(page_of(rows, first, after), JobInvitation.from_model)


@strawberry.type(description="The posting a mutation changed.")
class JobPostingResult(Payload):
    job_posting: JobPosting | None = strawberry.field(
        default=None, description="The posting as saved; null when nothing changed."
    )


@strawberry.type(description="A saved posting, and what became of its free-text skills.")
class JobPostingSaved(JobPostingResult):
    skill_suggestions: list[SkillSuggestion] = strawberry.field(
        default_factory=list, description="Preferred skills kept as given because they matched no canonical skill."
    )


@strawberry.type(description="The result of `jobPostingCreate`.")
class JobPostingCreatePayload(JobPostingSaved):
    pass


@strawberry.type(description="The result of `jobPostingUpdate`.")
class JobPostingUpdatePayload(JobPostingSaved):
    pass


@strawberry.type(description="The result of `jobPostingClose`.")
class JobPostingClosePayload(JobPostingResult):
    pass


def _changes(input) -> dict:
    changes = given(input)
    changes.pop("id", None)
    if changes.get("pay") is not None:
        changes["pay"] = changes["pay"].domain()
    return changes


@strawberry.type
class JobQueries:
    @strawberry.field(description="A job posting by ID, whatever its status; null when there is none. Public.")
    async def job_posting(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The posting's global ID.")]
    ) -> JobPosting | None:
        return await JobPosting.load(info, decode_id(id, "JobPosting"))

    @strawberry.field(
        description="Open postings (not closed, filled or past their closing date), public; nearest first when "
        "`filter.near` is given, else newest first."
    )
    async def job_postings(
        self,
        info: Info,
        filter: Annotated[
            JobPostingFilter | None, strawberry.argument(description="Criteria; every open posting if omitted.")
        ] = None,
        order_by: Annotated[
            JobPostingOrder | None,
            strawberry.argument(description="The order; DISTANCE when `filter.near` is given, else NEWEST."),
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[JobPosting]:
        filter = filter or JobPostingFilter()
        result = await jobs.browse(
            info.context.db, filter.criteria(), order_by.value if order_by else None, page_args(first, after)
        )
        distances = result.distances or {}
        return Connection.of(result, lambda row: JobPosting.from_model(row, distances.get(row.id)))


def _posting_id(value: strawberry.ID) -> int:
    return decode_id(value, "JobPosting")


@strawberry.type
class JobMutations:
    @strawberry.mutation(
        description="Post a job: the employer's members, or its app with talent:write (PERMISSION_DENIED for "
        "others); pay is required."
    )
    @returns_payload
    async def job_posting_create(
        self, info: Info, input: Annotated[JobPostingCreateInput, strawberry.argument(description="The posting.")]
    ) -> JobPostingCreatePayload:
        changes = _changes(input)
        changes["employer_id"] = decode_id(input.employer_id, "Organization", "employerId")
        row, normalized = await jobs.create(info.context.db, info.context.viewer, changes)
        return JobPostingCreatePayload(
            job_posting=JobPosting.from_model(row), skill_suggestions=suggestions_of(normalized)
        )

    @strawberry.mutation(
        description="Change an open or filled posting (a closed one: POSTING_CLOSED); the employer's members or "
        "its app with talent:write, NOT_FOUND for anyone else."
    )
    @returns_payload
    async def job_posting_update(
        self,
        info: Info,
        input: Annotated[JobPostingUpdateInput, strawberry.argument(description="The posting and its changes.")],
    ) -> JobPostingUpdatePayload:
        row, normalized = await jobs.update(
            info.context.db, info.context.viewer, _posting_id(input.id), _changes(input)
        )
        return JobPostingUpdatePayload(
            job_posting=JobPosting.from_model(row), skill_suggestions=suggestions_of(normalized)
        )

    @strawberry.mutation(
        description="Stop taking applications, for good (closing twice: INVALID_TRANSITION); the employer's "
        "members or its app with talent:write, NOT_FOUND for anyone else."
    )
    @returns_payload
    async def job_posting_close(
        self, info: Info, input: Annotated[JobPostingCloseInput, strawberry.argument(description="The posting.")]
    ) -> JobPostingClosePayload:
        row = await jobs.close(info.context.db, info.context.viewer, _posting_id(input.id))
        return JobPostingClosePayload(job_posting=JobPosting.from_model(row))
