"""A school's students' pathway records for export: one row per enrollment (or per student without one).

Each student passes through the talent domain's circle rule, the same one that guards their records
in the graph: the student, staff, and their school's members and apps.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection
from typing import Any

from sqlalchemy import func, select

from core.viewer import Viewer
from db.engine import Database
from db.models import Enrollment, ModuleCompletion, StudentProfile, TrainingProgram, User
from resolvers.partners.batches import keyset_batches
from resolvers.talent.policy import in_students_circle

COLUMNS = (
    "studentId",
    "name",
    "graduationDate",
    "programId",
    "program",
    "enrollmentStatus",
    "enrolledOn",
    "withdrawnOn",
    "modulesCompleted",
)


class _Ties:
    """The viewer's organizations, known up front (the circle rule asks nothing else)."""

    def __init__(self, organization_ids: Collection[int]) -> None:
        self._organization_ids = organization_ids

    async def organization_ids(self) -> Collection[int]:
        return self._organization_ids

    async def employers_among(self, organization_ids: Collection[int]) -> list[int]:
        return []  # not asked by the circle rule

    async def released(self, student_id: int, employer_ids: list[int]) -> bool:
        return False  # not asked by the circle rule

    async def applied_for_awards(self, student_id: int, organization_ids: Collection[int]) -> bool:
        return False  # not asked by the circle rule


async def rows(
    db: Database, viewer: Viewer, school_id: int, member_of: Collection[int]
) -> AsyncIterator[list[dict[str, Any]]]:
    ties = _Ties(member_of)
    students = (
        select(StudentProfile, User.name)
        .join(User, User.id == StudentProfile.user_id)
        .where(StudentProfile.school_id == school_id)
    )
    async for batch in keyset_batches(db, students, StudentProfile.id, size=500):
        visible = [(s, name) for s, name in batch if await in_students_circle(viewer, s, ties)]
        enrollments = await _enrollments(db, [s.id for s, _ in visible])
        out: list[dict[str, Any]] = []
        for student, name in visible:
            person = {"studentId": student.id, "name": name, "graduationDate": student.graduation_date}
            for enrollment in enrollments.get(student.id, [{}]):
                out.append({**person, **enrollment})
        yield out


async def _enrollments(db: Database, student_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    if not student_ids:
        return {}
    completed = (
        select(func.count(ModuleCompletion.id)).where(ModuleCompletion.enrollment_id == Enrollment.id).scalar_subquery()
    )
    query = (
        select(Enrollment, TrainingProgram.name, completed.label("completed"))
        .join(TrainingProgram, TrainingProgram.id == Enrollment.program_id)
        .where(Enrollment.student_id.in_(student_ids))
        .order_by(Enrollment.student_id, Enrollment.id)
    )
    async with db.read() as session:
        found = (await session.execute(query)).all()
    by_student: dict[int, list[dict[str, Any]]] = {}
    for enrollment, program, count in found:
        by_student.setdefault(enrollment.student_id, []).append(
            {
                "programId": enrollment.program_id,
                "program": program,
                "enrollmentStatus": enrollment.status,
                "enrolledOn": enrollment.enrolled_on,
                "withdrawnOn": enrollment.withdrawn_on,
                "modulesCompleted": count,
            }
        )
    return by_student
