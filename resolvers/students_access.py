"""Who may see or act on a student's records, for use cases outside the schema layer."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Membership, Organization, StudentProfile
from resolvers.errors import DomainError, ErrorCode, not_found
from resolvers.viewer import Viewer


async def can_see_student(session: AsyncSession, viewer: Viewer, student: StudentProfile) -> bool:
    """The same rule as the profile itself: the student, their school, staff; employers if visible."""
    if viewer.is_staff or (viewer.user_id is not None and viewer.user_id == student.user_id):
        return True
    if viewer.is_app:
        organization = await session.get(Organization, viewer.app_organization_id)
        if organization is None:
            return False
        return organization.id == student.school_id or (student.visible_to_employers and organization.is_employer)
    if viewer.user_id is None:
        return False
    rows = await session.execute(
        select(Organization.id, Organization.is_employer)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Membership.user_id == viewer.user_id)
    )
    for organization_id, is_employer in rows:
        if organization_id == student.school_id or (student.visible_to_employers and is_employer):
            return True
    return False


async def visible_student(session: AsyncSession, viewer: Viewer, student_id: int, field: str) -> StudentProfile:
    student = await session.get(StudentProfile, student_id)
    if student is None or not await can_see_student(session, viewer, student):
        raise not_found("Student profile", field)
    return student


async def own_profile(session: AsyncSession, viewer: Viewer) -> StudentProfile:
    user_id = viewer.require_person()
    student = await session.scalar(select(StudentProfile).where(StudentProfile.user_id == user_id))
    if student is None:
        raise DomainError(ErrorCode.NO_STUDENT_PROFILE, "Create your student profile first.")
    return student
