"""Who may see or act on a student's records: the one place each rule is written.

The schema asks through the request's cached roles and loaders (`schema.talent.access.RequestTies`),
use cases through their own session (`SessionTies`); both reach the same functions.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode, not_found
from core.viewer import Scope, Viewer
from db.models import Membership, Organization, OutboxEvent, StudentProfile
from resolvers.pathways.scholarship_applicants import applied_for_awards_of
from resolvers.talent.students import released


class ViewerTies(Protocol):
    """What the rule needs to know about the viewer's organizations, however the caller reads it."""

    async def organization_ids(self) -> Collection[int]:
        """The organizations the viewer is a member of (an app: its own organization)."""

    async def employers_among(self, organization_ids: Collection[int]) -> list[int]:
        """Which of these organizations are employers."""

    async def released(self, student_id: int, employer_ids: list[int]) -> bool:
        """Whether the student applied to, or accepted an invitation of, one of these employers."""

    async def applied_for_awards(self, student_id: int, organization_ids: Collection[int]) -> bool:
        """Whether the student applied for a scholarship or tool grant one of these organizations sponsors."""


def is_student_or_staff(viewer: Viewer, student: StudentProfile) -> bool:
    """The student themself, or platform staff: who sees what is meant for the student alone."""
    return viewer.is_staff or (viewer.user_id is not None and viewer.user_id == student.user_id)


async def in_students_circle(viewer: Viewer, student: StudentProfile, ties: ViewerTies) -> bool:
    """The student, staff, and their school's members (or its apps): who sees every record of theirs."""
    if is_student_or_staff(viewer, student):
        return True
    return student.school_id is not None and student.school_id in await ties.organization_ids()


async def may_see_student(viewer: Viewer, student: StudentProfile, ties: ViewerTies) -> bool:
    """The student's circle always; employers (apps with talent:read) when the profile is visible, or
    when the student applied to them or accepted their invitation; sponsors (apps with talent:read) of an
    award the student applied for."""
    if await in_students_circle(viewer, student, ties):
        return True
    organization_ids = await ties.organization_ids()
    if viewer.is_app and Scope.TALENT_READ.value not in viewer.scopes:
        return False
    if organization_ids and await ties.applied_for_awards(student.id, organization_ids):
        return True
    employer_ids = await ties.employers_among(organization_ids)
    if not employer_ids:
        return False
    return student.visible_to_employers or await ties.released(student.id, employer_ids)


async def may_see_contact(viewer: Viewer, student: StudentProfile, ties: ViewerTies) -> bool:
    """A student's name and contact: their circle, and the employers and award sponsors the student
    released them to by applying or accepting an invitation (a visible profile alone does not)."""
    if await in_students_circle(viewer, student, ties):
        return True
    if viewer.is_app and Scope.TALENT_READ.value not in viewer.scopes:
        return False
    organization_ids = await ties.organization_ids()
    if organization_ids and await ties.applied_for_awards(student.id, organization_ids):
        return True
    employer_ids = await ties.employers_among(organization_ids)
    return bool(employer_ids) and await ties.released(student.id, employer_ids)


@dataclass(frozen=True)
class SessionTies:
    """The viewer's organizations read in the use case's own session."""

    session: AsyncSession
    viewer: Viewer

    async def organization_ids(self) -> Collection[int]:
        if self.viewer.is_app:
            return set() if self.viewer.app_organization_id is None else {self.viewer.app_organization_id}
        if self.viewer.user_id is None:
            return set()
        rows = await self.session.scalars(
            select(Membership.organization_id).where(Membership.user_id == self.viewer.user_id)
        )
        return set(rows.all())

    async def employers_among(self, organization_ids: Collection[int]) -> list[int]:
        if not organization_ids:
            return []
        rows = await self.session.scalars(
            select(Organization.id).where(Organization.id.in_(list(organization_ids)), Organization.is_employer)
        )
        return list(rows.all())

    async def released(self, student_id: int, employer_ids: list[int]) -> bool:
        found = await self.session.scalar(
            select(StudentProfile.id).where(StudentProfile.id == student_id, released(StudentProfile.id, employer_ids))
        )
        return found is not None

    async def applied_for_awards(self, student_id: int, organization_ids: Collection[int]) -> bool:
        found = await self.session.scalar(
            select(StudentProfile.id).where(
                StudentProfile.id == student_id, applied_for_awards_of(StudentProfile.id, organization_ids)
            )
        )
        return found is not None


async def can_see_student(session: AsyncSession, viewer: Viewer, student: StudentProfile) -> bool:
    return await may_see_student(viewer, student, SessionTies(session, viewer))


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


async def may_hear(viewer: Viewer, ties: ViewerTies, event: OutboxEvent, student: StudentProfile | None) -> bool:
    """Events follow the read rules: postings are public; events about a student reach the student, and
    the organizations the event concerns only while those may see that student; mentorships concern
    their two people only."""
    if event.is_public or viewer.is_staff:
        return True
    if viewer.user_id is not None and viewer.user_id in event.user_ids:
        return True
    if event.student_id is None or student is None:
        return False
    mine = await ties.organization_ids()
    if not any(org in mine for org in event.organization_ids):
        return False
    return await may_see_student(viewer, student, ties)


def may_search_school_students(viewer: Viewer, school_id: int, organization_ids: Collection[int]) -> bool:
    """Finding a school's students by name: its own members, people only (as in `studentProfiles`). Platform
    staff, employers and partner apps browse profiles through the rules above, never by name."""
    return not viewer.is_app and viewer.user_id is not None and school_id in organization_ids
