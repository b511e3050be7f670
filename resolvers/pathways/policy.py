"""Who may see a student's training and scholarship records: the one place each rule is written.

Both build on the talent domain's student circle (the student, their school, staff); the
organization that runs the program or sponsors the award sees what it is a party to.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection

from core.viewer import Scope, Viewer
from db.models import OutboxEvent, Scholarship, StudentProfile, TrainingProgram
from resolvers.talent.policy import ViewerTies, in_students_circle


async def may_see_scholarship_application(
    viewer: Viewer, scholarship: Scholarship, student: StudentProfile, ties: ViewerTies
) -> bool:
    """The sponsor's members (and its apps), and the student's circle."""
    if scholarship.sponsor_id in await ties.organization_ids():
        return True
    return await in_students_circle(viewer, student, ties)


async def may_see_enrollment(
    viewer: Viewer,
    program: TrainingProgram,
    student: StudentProfile,
    ties: ViewerTies,
    mentors_it: Callable[[], Awaitable[bool]],
) -> bool:
    """The program's organization and named mentor, the student's circle, and the mentor of the active
    mentorship the enrollment is attached to (`mentors_it`, asked last: it reads the most)."""
    if viewer.user_id is not None and viewer.user_id == program.mentor_user_id:
        return True
    if program.organization_id in await ties.organization_ids():
        return True
    if await in_students_circle(viewer, student, ties):
        return True
    return await mentors_it()


def may_hear(viewer: Viewer, organization_ids: Collection[int], event: OutboxEvent) -> bool:
    """Stories are public; a scholarship application's events reach the student and the sponsor's
    members (its apps with talent:read), the same people who may read it."""
    if event.is_public or viewer.is_staff:
        return True
    if viewer.user_id is not None and viewer.user_id in event.user_ids:
        return True
    if viewer.is_app and Scope.TALENT_READ.value not in viewer.scopes:
        return False
    return any(org in organization_ids for org in event.organization_ids)
