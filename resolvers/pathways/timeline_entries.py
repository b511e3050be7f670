"""The entries of a student's pathway, and the one order every timeline is read in.

Order: chronological (oldest first), because a pathway reads as a story from the classroom to a
first job. Entries of the same day follow the order of the steps (enrolled, module, badge, ...).
That order is total and stable, so a page's cursor is the position of its last entry in it: a step
recorded later for an earlier day (a credential added afterwards) never shifts the pages after it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # a PathwayEntryKind value
    occurred_on: date
    title: str
    recorded_at: datetime  # tie-break within a day
    detail: str | None = None
    organization_id: int | None = None  # the organization the entry is about (program, sponsor), if any
    subject_type: str | None = None  # the GraphQL node type of the record behind the entry
    subject_id: int | None = None
    record_id: int = 0  # the source row behind the entry, unique among entries of its kind


TimelineSource = Callable[[AsyncSession, Sequence[int]], Awaitable[dict[int, list[TimelineEntry]]]]

# Same-day order of the steps (the story's order: an invitation accepted comes before the application
# it opened, an interview before an offer); kinds not listed sort after these.
STEP_ORDER = {
    kind: i
    for i, kind in enumerate(
        (
            "ENROLLED",
            "MODULE_COMPLETED",
            "BADGE_EARNED",
            "CREDENTIAL_EARNED",
            "SCHOLARSHIP_APPLIED",
            "SCHOLARSHIP_AWARDED",
            "AWARD_FULFILLED",
            "MENTORSHIP_REQUESTED",
            "MENTORSHIP_ACCEPTED",
            "JOB_INVITATION_ACCEPTED",
            "JOB_APPLIED",
            "JOB_INTERVIEW",
            "JOB_OFFERED",
            "JOB_HIRED",
            "JOB_REJECTED",
            "JOB_APPLICATION_WITHDRAWN",
            "MENTORSHIP_ENDED",
            "WITHDRAWN",
        )
    )
}


Position = tuple[date, int, datetime, int, int]


def position(entry: TimelineEntry) -> Position:
    """Where the entry sits in its timeline; no two entries of one student share a position."""
    rank = STEP_ORDER.get(entry.kind, len(STEP_ORDER))
    return entry.occurred_on, rank, entry.recorded_at, entry.subject_id or 0, entry.record_id
