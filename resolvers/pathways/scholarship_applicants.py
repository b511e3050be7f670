"""Applying for an award releases the student's profile to its sponsor, as applying for a job
releases it to the employer: the SQL rule, used by the student-access policy and the pathway."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import exists, select

from db.engine import Database
from db.models import Scholarship, ScholarshipApplication, StudentProfile


def applied_for_awards_of(student_id_column, organization_ids: Collection[int]):
    """SQL: the student applied (whatever the decision) for an award one of these organizations sponsors."""
    return exists().where(
        ScholarshipApplication.student_id == student_id_column,
        ScholarshipApplication.scholarship_id == Scholarship.id,
        Scholarship.sponsor_id.in_(list(organization_ids)),
    )


async def applicants_of(db: Database, student_ids: Sequence[int], organization_ids: Collection[int]) -> set[int]:
    """Which of these students applied for an award of one of these organizations (one query)."""
    if not student_ids or not organization_ids:
        return set()
    stmt = select(StudentProfile.id).where(
        StudentProfile.id.in_(student_ids), applied_for_awards_of(StudentProfile.id, organization_ids)
    )
    async with db.read() as session:
        return set((await session.scalars(stmt)).all())
