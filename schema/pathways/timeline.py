"""`StudentProfile.pathway`: the student's timeline, trimmed to what the viewer may see."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum

import strawberry

from db import models
from resolvers.pathways.talent_steps import JOB_KINDS
from resolvers.pathways.timeline import TimelineEntry, cursor_of, start_after, timelines
from resolvers.talent import policy
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.enum_type import enum_type
from schema.relay import Connection, Edge, Node, PageInfo, encode_id, page_args, resolve_node
from schema.talent.access import RequestTies, employer_ids


class _PathwayEntryKind(Enum):
    ENROLLED = "ENROLLED"
    MODULE_COMPLETED = "MODULE_COMPLETED"
    BADGE_EARNED = "BADGE_EARNED"
    CREDENTIAL_EARNED = "CREDENTIAL_EARNED"
    SCHOLARSHIP_APPLIED = "SCHOLARSHIP_APPLIED"
    SCHOLARSHIP_AWARDED = "SCHOLARSHIP_AWARDED"
    AWARD_FULFILLED = "AWARD_FULFILLED"
    WITHDRAWN = "WITHDRAWN"
    MENTORSHIP_REQUESTED = "MENTORSHIP_REQUESTED"
    MENTORSHIP_ACCEPTED = "MENTORSHIP_ACCEPTED"
    MENTORSHIP_ENDED = "MENTORSHIP_ENDED"
    JOB_INVITATION_ACCEPTED = "JOB_INVITATION_ACCEPTED"
    JOB_APPLIED = "JOB_APPLIED"
    JOB_INTERVIEW = "JOB_INTERVIEW"
    JOB_OFFERED = "JOB_OFFERED"
    JOB_HIRED = "JOB_HIRED"
    JOB_REJECTED = "JOB_REJECTED"
    JOB_APPLICATION_WITHDRAWN = "JOB_APPLICATION_WITHDRAWN"


PathwayEntryKind = enum_type(
    _PathwayEntryKind,
    name="PathwayEntryKind",
    description="What happened on a pathway step. Steps of one day follow the order of this list.",
    values={
        "ENROLLED": "Enrolled in a training program; subject: the Enrollment, organization: the program's.",
        "MODULE_COMPLETED": "Completed an academy module in a program; detail: the score, if one was given.",
        "BADGE_EARNED": "Earned an academy badge; organization: the program's, when earned by completing an area.",
        "CREDENTIAL_EARNED": "Holds another credential (ASE, I-CAR); detail: its code, whether verified, and expiry.",
        "SCHOLARSHIP_APPLIED": "Applied for a scholarship or tool grant; organization: the sponsor.",
        "SCHOLARSHIP_AWARDED": "Was awarded a scholarship or tool grant.",
        "AWARD_FULFILLED": "Received an award; detail: the sponsor's note on how it was delivered.",
        "WITHDRAWN": "Withdrew from a training program.",
        "MENTORSHIP_REQUESTED": "Asked a mentor for mentorship; subject: the Mentorship, no organization.",
        "MENTORSHIP_ACCEPTED": "The mentor accepted: the mentorship began.",
        "MENTORSHIP_ENDED": "The mentorship ended.",
        "JOB_INVITATION_ACCEPTED": "Accepted an employer's invitation to apply; organization: the employer.",
        "JOB_APPLIED": "Applied for a job posting; subject: the Application, organization: the employer.",
        "JOB_INTERVIEW": "Was invited to interview.",
        "JOB_OFFERED": "Was offered the job.",
        "JOB_HIRED": "Was hired.",
        "JOB_REJECTED": "Was not selected.",
        "JOB_APPLICATION_WITHDRAWN": "Withdrew a job application.",
    },
)


@strawberry.type(description="One step of a student's pathway.")
class PathwayEntry:
    kind: PathwayEntryKind = strawberry.field(description="What happened.")
    occurred_on: date = strawberry.field(description="The day it happened (UTC).")
    title: str = strawberry.field(description="A one-line account for display, e.g. 'Enrolled in Collision I'.")
    detail: str | None = strawberry.field(
        description="More about the step (a score, a credential's code and status, how an award was delivered); "
        "null when there is nothing more."
    )
    _entry: strawberry.Private[TimelineEntry]

    @classmethod
    def of(cls, entry: TimelineEntry) -> PathwayEntry:
        return cls(
            kind=PathwayEntryKind(entry.kind),
            occurred_on=entry.occurred_on,
            title=entry.title,
            detail=entry.detail,
            _entry=entry,
        )

    @strawberry.field(
        description="The organization the step is about (the program's, the sponsor, the employer); null for "
        "steps about no organization, such as mentorship."
    )
    async def organization(self, info: Info) -> Organization | None:
        pk = self._entry.organization_id
        return await Organization.load(info, pk) if pk else None

    @strawberry.field(
        description="The record behind the step (an Enrollment, ScholarshipApplication, Application, JobInvitation "
        "or Mentorship); null when there is none or its own rules do not let you see it."
    )
    async def subject(self, info: Info) -> Node | None:
        entry = self._entry
        if entry.subject_type is None or entry.subject_id is None:
            return None
        return await resolve_node(info, encode_id(entry.subject_type, entry.subject_id))


EntryFilter = Callable[[TimelineEntry], bool]

# What the student releases to employers who may see the profile at all (visible_to_employers).
RELEASED_TO_EMPLOYERS = frozenset({"BADGE_EARNED", "CREDENTIAL_EARNED"})


async def sees_whole_pathway(info: Info, student: models.StudentProfile) -> bool:
    return await policy.in_students_circle(info.context.viewer, student, RequestTies(info))


async def released_to(info: Info, student: models.StudentProfile) -> EntryFilter:
    """Which of the student's entries this viewer may see, beyond the student, their school and staff.

    An organization always sees the steps it recorded itself (its own program, its own award);
    employers see credentials when the profile is visible to them. An employer also sees the steps
    of the student's applications to it (and of its invitations the student accepted): applying is
    how the student releases them. Another employer's steps and mentorship stay hidden.
    """
    organizations = set(await info.context.roles())
    employers = set(await employer_ids(info))  # apps need talent:read, as for the applications themselves
    # applying for an award releases credentials and badges to its sponsor, as a visible profile does
    credentials_released = student.visible_to_employers or await _applied_for_viewers_awards(info, student.id)

    def visible(entry: TimelineEntry) -> bool:
        if entry.kind in JOB_KINDS:
            return entry.organization_id in employers
        if entry.organization_id is not None and entry.organization_id in organizations:
            return True
        return credentials_released and entry.kind in RELEASED_TO_EMPLOYERS

    return visible


async def _applied_for_viewers_awards(info: Info, student_id: int) -> bool:
    ties = RequestTies(info)
    return await ties.applied_for_awards(student_id, await ties.organization_ids())


async def _timelines_batch(db, student_ids):
    return await timelines(db, student_ids)


async def pathway(
    info: Info, student: models.StudentProfile, first: int | None, after: str | None
) -> Connection[PathwayEntry]:
    page = page_args(first, None)  # `after` is a position in the timeline, not an offset
    entries = await info.context.loaders.custom("pathway", _timelines_batch).load(student.id)
    if not await sees_whole_pathway(info, student):
        visible = await released_to(info, student)
        entries = [entry for entry in entries if visible(entry)]
    start = start_after(entries, after)
    edges = [Edge(cursor=cursor_of(e), node=PathwayEntry.of(e)) for e in entries[start : start + page.first]]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(entries) > start + page.first,
            has_previous_page=start > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
