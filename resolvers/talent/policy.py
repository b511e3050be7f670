"""Who hears of a talent-exchange event: the read rules of the talent exchange, applied to events.

Job postings are public. Events about a student (applications, invitations, credentials) reach the
student, and the organizations the event concerns only while those may see that student
(`student_access.may_see_student`: the school always, an employer, or its app with talent:read, when
the profile is visible or the student applied to it). Mentorships concern their two people only.
"""

from __future__ import annotations

from core.viewer import Viewer
from db.models import OutboxEvent, StudentProfile
from resolvers.talent.student_access import ViewerTies, may_see_student


async def may_hear(viewer: Viewer, ties: ViewerTies, event: OutboxEvent, student: StudentProfile | None) -> bool:
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
