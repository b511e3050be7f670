"""Ranked matches on both exchanges: the connections the match fields return, the fields' bodies
(who may ask, then one call into resolvers/), and `matchExplain`.

The fields themselves live on their types (JobPosting.candidates, StudentProfile.recommendedJobs
and mentorMatches, Need.matchingListings, Listing.matchingNeeds) and call in here lazily, so this
module can import those types.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated

import strawberry

from core.errors import not_found
from core.paging import Page
from core.viewer import Scope
from db import models
from matching import JobStudentWeights
from resolvers.matches import donations as donation_matches
from resolvers.matches import talent as talent_matches
from resolvers.matches.talent import ReasonCode as DomainReasonCode
from resolvers.talent import policy
from schema.context import Info
from schema.donations.listings import Listing
from schema.donations.needs import Need
from schema.enum_type import enum_type
from schema.matches.types import MatchEdge, MatchExplanation, edges_of, page_info_of
from schema.relay import PageInfo, decode_id, page_args
from schema.talent.access import acts_for
from schema.talent.credentials import Credential, credentials_by_ids
from schema.talent.jobs import JobPosting
from schema.talent.mentorship import MentorProfile
from schema.talent.students import StudentProfile

MatchReasonCode = enum_type(
    DomainReasonCode,
    name="MatchReasonCode",
    description="Why a candidate is left out of a list.",
    values={
        "OUTSIDE_RADIUS": "Farther than the pair's reach: the posting's radius, capped by the student's travel "
        "radius unless the student is open to remote work or relocating; remote postings reach everywhere.",
        "MISSING_CREDENTIAL": "The student lacks credentials the posting requires; `credentials` lists them.",
        "EXPIRED_CREDENTIAL": "Required credentials the student holds are not valid on the posting's start date; "
        "`credentials` lists them.",
        "NOT_VISIBLE": "The profile is in the candidate pool but no longer open to employers (hidden or removed).",
        "NOT_FOUND": "The profile is not in the candidate pool: removed, or never indexed.",
        "NO_LOCATION": "The profile gives no postal code, so distance cannot be judged.",
    },
)
_WEIGHT = "Weight of {what}, in [0, 1]; {default:g} by default."
_DEFAULTS = JobStudentWeights()


def _weight(what: str, name: str):
    return strawberry.field(default=None, description=_WEIGHT.format(what=what, default=getattr(_DEFAULTS, name)))


@strawberry.input(
    description="Per-feature weights in [0, 1] replacing the defaults for one query (at least one "
    "positive); only ratios matter. Omitted features keep their default."
)
class CandidateWeightsInput:
    distance: float | None = _weight("closeness, within the pair's reach", "distance")
    skills: float | None = _weight("the share of the posting's preferred skills the student has", "skills")
    credentials: float | None = _weight("the share of preferred credentials valid on the start date", "credentials")
    program: float | None = _weight(
        "being in one of the posting's programs (a related trade counts 0.3, another trade 0)", "program"
    )
    availability: float | None = _weight("the kinds of work the student and the posting share", "availability")
    experience: float | None = _weight("the student's years of experience against the minimum asked", "experience")
    pay: float | None = _weight("the posting's pay against the pay the student wants", "pay")
    start: float | None = _weight("being available by the posting's start date", "start")
    activity: float | None = _weight("how recently the student was active", "activity")

    def overrides(self) -> dict[str, float]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}


_EDGES = "This page of matches, best first."
_PAGE_INFO = "Whether more matches follow, and the cursor to ask for them."


@strawberry.type(description="Students ranked for a job posting, best first.")
class StudentProfileMatchConnection:
    edges: list[MatchEdge[StudentProfile]] = strawberry.field(description=_EDGES)
    page_info: PageInfo = strawberry.field(description=_PAGE_INFO)


@strawberry.type(description="Job postings ranked for a student, best first.")
class JobPostingMatchConnection:
    edges: list[MatchEdge[JobPosting]] = strawberry.field(description=_EDGES)
    page_info: PageInfo = strawberry.field(description=_PAGE_INFO)


@strawberry.type(description="Mentors ranked for a mentee, best first.")
class MentorProfileMatchConnection:
    edges: list[MatchEdge[MentorProfile]] = strawberry.field(description=_EDGES)
    page_info: PageInfo = strawberry.field(description=_PAGE_INFO)


@strawberry.type(description="Listings ranked for a need, best first.")
class ListingMatchConnection:
    edges: list[MatchEdge[Listing]] = strawberry.field(description=_EDGES)
    page_info: PageInfo = strawberry.field(description=_PAGE_INFO)


@strawberry.type(description="Needs ranked for a listing, best first.")
class NeedMatchConnection:
    edges: list[MatchEdge[Need]] = strawberry.field(description=_EDGES)
    page_info: PageInfo = strawberry.field(description=_PAGE_INFO)


def _connection(cls, page, to_node):
    edges = edges_of(page, to_node)
    return cls(edges=edges, page_info=page_info_of(page, edges))


async def candidates(
    info: Info, posting: models.JobPosting, first: int | None, after: str | None, weights: CandidateWeightsInput | None
) -> StudentProfileMatchConnection | None:
    """The employer's members (apps with talent:read) and staff only; visible students only."""
    if not await acts_for(info, posting.employer_id):
        return None
    page = await talent_matches.candidates(
        info.context.db, posting, page_args(first, after), weights.overrides() if weights else None
    )
    return _connection(StudentProfileMatchConnection, page, StudentProfile.from_model)


async def recommended_jobs(
    info: Info, profile: models.StudentProfile, first: int | None, after: str | None
) -> JobPostingMatchConnection | None:
    if not policy.is_student_or_staff(info.context.viewer, profile):
        return None
    page = await talent_matches.recommended_jobs(info.context.db, profile, page_args(first, after))
    return _connection(JobPostingMatchConnection, page, JobPosting.from_model)


async def mentor_matches(
    info: Info, profile: models.StudentProfile, first: int | None, after: str | None
) -> MentorProfileMatchConnection | None:
    if not policy.is_student_or_staff(info.context.viewer, profile):
        return None
    page = await talent_matches.mentor_matches(info.context.db, profile, Page.of(first, after, default=10))
    return _connection(MentorProfileMatchConnection, page, MentorProfile.from_model)


async def matching_listings(
    info: Info, need: models.Need, first: int | None, after: str | None
) -> ListingMatchConnection | None:
    """The school's members (apps with donations:read) and staff."""
    if not await acts_for(info, need.school_id, Scope.DONATIONS_READ):
        return None
    page = await donation_matches.matching_listings(info.context.db, need, page_args(first, after))
    return _connection(ListingMatchConnection, page, Listing.from_model)


async def matching_needs(
    info: Info, listing: models.Listing, first: int | None, after: str | None
) -> NeedMatchConnection | None:
    """The donor's members (apps with donations:read) and staff."""
    if not await acts_for(info, listing.donor_id, Scope.DONATIONS_READ):
        return None
    page = await donation_matches.matching_needs(info.context.db, listing, page_args(first, after))
    return _connection(NeedMatchConnection, page, Need.from_model)


@strawberry.type(description="One reason a candidate is left out.")
class MatchReason:
    code: MatchReasonCode = strawberry.field(description="Which rule leaves the candidate out.")
    message: str = strawberry.field(
        description="The particulars in English for people, e.g. the distance and the reach; not meant to be parsed."
    )
    _credential_ids: strawberry.Private[tuple[int, ...]]

    @strawberry.field(description="The credentials concerned, for credential reasons; empty for the others.")
    async def credentials(self, info: Info) -> list[Credential]:
        return await credentials_by_ids(info, list(self._credential_ids))


@strawberry.type(description="Whether a student is among a posting's candidates, and why (not).")
class MatchVerdict:
    student: StudentProfile = strawberry.field(description="The student asked about.")
    eligible: bool = strawberry.field(description="Passes every requirement (whatever the rank).")
    reasons: list[MatchReason] = strawberry.field(
        description="Every reason the student is left out; empty if eligible."
    )
    score: float | None = strawberry.field(
        description="The student's match score in [0, 1], as `candidates` would give it; null when not eligible."
    )
    rank: int | None = strawberry.field(
        description="1-based rank among every eligible student; null when not eligible."
    )
    cutoff: float | None = strawberry.field(
        description="The score of the 20th candidate (of the last, when fewer are eligible): the bar for a first "
        "page. Null when the student is not eligible."
    )
    distance_km: float | None = strawberry.field(
        description="Great-circle kilometres between the student and the posting; null when the student has no "
        "location or is not in the candidate pool."
    )
    explanation: MatchExplanation | None = strawberry.field(
        description="Why the student scored what they did; null when not eligible."
    )


@strawberry.type
class MatchQueries:
    @strawberry.field(
        description="Why is this student (not) in my candidate list? For the posting's employer; "
        "a profile hidden from employers is NOT_FOUND."
    )
    async def match_explain(
        self,
        info: Info,
        job_posting_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="The posting; NOT_FOUND unless you act for its employer, or are staff."),
        ],
        student_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="The student profile; NOT_FOUND when unknown or hidden from employers."),
        ],
        weights: Annotated[
            CandidateWeightsInput | None,
            strawberry.argument(description="Weights to rank with, as given to `candidates`; the defaults if omitted."),
        ] = None,
    ) -> MatchVerdict:
        posting_pk = decode_id(job_posting_id, "JobPosting", "jobPostingId")
        student_pk = decode_id(student_id, "StudentProfile", "studentId")
        posting = await info.context.loaders.by_id(models.JobPosting).load(posting_pk)
        if posting is None or not await acts_for(info, posting.employer_id):
            raise not_found("Job posting", "jobPostingId")
        verdict = await talent_matches.explain(
            info.context.db, posting, student_pk, weights.overrides() if weights else None
        )
        answer = verdict.answer
        return MatchVerdict(
            student=StudentProfile.from_model(verdict.student),
            eligible=answer.eligible,
            reasons=[
                MatchReason(code=r.code, message=r.message, _credential_ids=r.credential_ids) for r in verdict.reasons
            ],
            score=round(answer.score, 6) if answer.score is not None else None,
            rank=answer.rank,
            cutoff=round(answer.cutoff_score, 6) if answer.cutoff_score is not None else None,
            distance_km=round(answer.distance_km, 3) if answer.distance_km is not None else None,
            explanation=MatchExplanation.of(answer.explanation) if answer.explanation else None,
        )
