"""Ranked matches on the talent exchange: a posting's candidates, a student's recommended jobs
and mentors, and "why is this student (not) in my list?".

Who may ask is decided by the schema layer (the same rules as the fields next to these); here
the query side is read fresh from the database, the candidates come from the per-process
index, and every page is re-checked against the database before it is returned.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import select

from core.clock import today
from core.errors import DomainError, ErrorCode, not_found
from core.paging import Page, Slice
from db.engine import Database
from db.models import JobPosting, JobRequiredCredential, MentorProfile, StudentProfile
from matching import (
    JobStudentWeights,
    PairExplanation,
    rank_jobs_for_student,
    rank_mentors_for_mentee,
    rank_students_for_job,
    why,
)
from matching.weights import Weights
from resolvers.matches import index as match_index
from resolvers.matches.paging import Ranked, ranked_page, recheck
from resolvers.matches.talent_sources import job_record, open_postings, student_query, visible_students

EXPLAIN_DEPTH = 20  # matchExplain reports the cutoff of a first page of this size


class ReasonCode(str, Enum):
    """Why a student is left out: the engine's exclusion codes, and what the API adds."""

    OUTSIDE_RADIUS = "OUTSIDE_RADIUS"
    MISSING_CREDENTIAL = "MISSING_CREDENTIAL"
    EXPIRED_CREDENTIAL = "EXPIRED_CREDENTIAL"
    NOT_VISIBLE = "NOT_VISIBLE"
    NOT_FOUND = "NOT_FOUND"
    NO_LOCATION = "NO_LOCATION"


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    message: str
    credential_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Verdict:
    student: StudentProfile
    answer: PairExplanation
    reasons: tuple[Reason, ...]


def checked_weights(kind: type[Weights], given: Mapping[str, float] | None) -> Weights | None:
    """The kind's defaults with the given overrides, or INVALID_WEIGHTS naming the first bad one."""
    if not given:
        return None
    try:
        return kind.resolve(given)
    except ValueError as error:
        bad = next((name for name in given if f"'{name}'" in str(error)), None)
        raise DomainError(
            ErrorCode.INVALID_WEIGHTS,
            f"{str(error)[0].upper()}{str(error)[1:]}.",
            ["weights", bad] if bad else "weights",
        ) from None


async def _job_query(db: Database, posting: JobPosting):
    async with db.read() as session:
        required = (
            await session.scalars(
                select(JobRequiredCredential.credential_id).where(JobRequiredCredential.job_posting_id == posting.id)
            )
        ).all()
    return job_record(posting, [int(c) for c in required], today())


async def candidates(
    db: Database, posting: JobPosting, page: Page, weights: Mapping[str, float] | None = None
) -> Slice[Ranked]:
    chosen = checked_weights(JobStudentWeights, weights)
    # two independent reads on two pooled connections: the posting's requirements, the index refresh
    job, (holder, index) = await asyncio.gather(_job_query(db, posting), match_index.fresh(db, "students"))
    on = today()
    return await ranked_page(
        lambda k: rank_students_for_job(job, index, k=k, weights=chosen, today=on),
        lambda ids: recheck(db, StudentProfile, ids, visible_students()),
        page,
        holder,
    )


async def _student(db: Database, profile: StudentProfile):
    async with db.read() as session:
        return await student_query(session, profile)


async def recommended_jobs(db: Database, profile: StudentProfile, page: Page) -> Slice[Ranked]:
    if profile.latitude is None:  # without a place, distance cannot be judged
        return page.slice([])
    student = await _student(db, profile)
    holder, index = await match_index.fresh(db, "jobs")
    on = today()
    return await ranked_page(
        lambda k: rank_jobs_for_student(student, index, k=k, today=on),
        lambda ids: recheck(db, JobPosting, ids, open_postings(on)),
        page,
        holder,
    )


async def mentor_matches(db: Database, profile: StudentProfile, page: Page) -> Slice[Ranked]:
    if profile.latitude is None:
        return page.slice([])
    mentee = await _student(db, profile)
    holder, index = await match_index.fresh(db, "mentors")
    on = today()
    return await ranked_page(
        lambda k: rank_mentors_for_mentee(mentee, index, k=k, today=on),
        lambda ids: recheck(
            db,
            MentorProfile,
            ids,
            MentorProfile.active_mentees < MentorProfile.capacity,
            MentorProfile.user_id != profile.user_id,
        ),
        page,
        holder,
    )


async def explain(
    db: Database, posting: JobPosting, student_id: int, weights: Mapping[str, float] | None = None
) -> Verdict:
    """Why a student is or is not among a posting's candidates. A hidden profile reads NOT_FOUND:
    an employer must not learn that it exists."""
    chosen = checked_weights(JobStudentWeights, weights)
    async with db.read() as session:
        student = await session.get(StudentProfile, student_id)
    if student is None or not student.visible_to_employers:
        raise not_found("Student profile", "studentId")
    if student.latitude is None:
        reason = Reason(ReasonCode.NO_LOCATION, "The profile gives no postal code, so distance cannot be judged.")
        return Verdict(student, PairExplanation(student.id, eligible=False), (reason,))
    job = await _job_query(db, posting)
    _, index = await match_index.fresh(db, "students")
    answer = why("job_students", job, index, student.id, k=EXPLAIN_DEPTH, weights=chosen, today=today())
    reasons = tuple(Reason(ReasonCode(r.code.value), r.message, tuple(r.ids)) for r in answer.reasons)
    return Verdict(student, answer, reasons)
