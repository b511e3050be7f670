"""A student's pathway: one chronological timeline merged from a registry of timeline sources.

Each source is an async batch function: given a read session and student ids, it returns each
student's entries. Other domains (job applications, mentorship) register their own source with
`@timeline_source`; nothing here needs to change when they do.

Order: chronological (oldest first), because a pathway reads as a story from the classroom to a
first job. Entries of the same day follow the order of the steps (enrolled, module, badge, ...).
That order is total and stable, so a page's cursor is the position of its last entry in it: a step
recorded later for an earlier day (a credential added afterwards) never shifts the pages after it.
"""

from __future__ import annotations

import base64
import bisect
import json
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode
from db.engine import Database
from db.models import (
    AcademyModule,
    AreaBadgeAward,
    Credential,
    Enrollment,
    ModuleCompletion,
    Scholarship,
    ScholarshipApplication,
    StudentCredential,
    TrainingProgram,
)


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
TIMELINE_SOURCES: list[TimelineSource] = []

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


def timeline_source(source: TimelineSource) -> TimelineSource:
    TIMELINE_SOURCES.append(source)
    return source


Position = tuple[date, int, datetime, int, int]
_CURSOR_PREFIX = "pathway:"


def position(entry: TimelineEntry) -> Position:
    """Where the entry sits in its timeline; no two entries of one student share a position."""
    rank = STEP_ORDER.get(entry.kind, len(STEP_ORDER))
    return entry.occurred_on, rank, entry.recorded_at, entry.subject_id or 0, entry.record_id


def cursor_of(entry: TimelineEntry) -> str:
    day, rank, recorded_at, subject_id, record_id = position(entry)
    text = json.dumps([day.isoformat(), rank, recorded_at.isoformat(), subject_id, record_id])
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{text}".encode()).decode()


def _decode(cursor: str) -> Position:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if text.startswith(_CURSOR_PREFIX):
            day, rank, recorded_at, subject_id, record_id = json.loads(text[len(_CURSOR_PREFIX) :])
            if all(type(n) is int for n in (rank, subject_id, record_id)):
                return date.fromisoformat(day), rank, datetime.fromisoformat(recorded_at), subject_id, record_id
    except (ValueError, TypeError, UnicodeDecodeError):
        pass
    raise DomainError(ErrorCode.INVALID, "after is not a cursor of this pathway.", "after")


def start_after(entries: Sequence[TimelineEntry], cursor: str | None) -> int:
    """The index of the first entry after the cursor's position (0 without a cursor)."""
    if cursor is None:
        return 0
    return bisect.bisect_right([position(entry) for entry in entries], _decode(cursor))


async def timelines(db: Database, student_ids: Sequence[int]) -> list[list[TimelineEntry]]:
    """Each student's timeline; one query per source, whatever the number of students or entries."""
    merged: dict[int, list[TimelineEntry]] = defaultdict(list)
    async with db.read() as session:
        for source in TIMELINE_SOURCES:
            for student_id, entries in (await source(session, student_ids)).items():
                merged[student_id].extend(entries)
    return [sorted(merged[student_id], key=position) for student_id in student_ids]


@timeline_source
async def enrollments(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    rows = await session.execute(
        select(Enrollment, TrainingProgram.name, TrainingProgram.organization_id)
        .join(TrainingProgram, TrainingProgram.id == Enrollment.program_id)
        .where(Enrollment.student_id.in_(student_ids))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for enrollment, program_name, organization_id in rows:
        common: dict[str, Any] = {
            "organization_id": organization_id,
            "subject_type": "Enrollment",
            "subject_id": enrollment.id,
            "record_id": enrollment.id,
        }
        found[enrollment.student_id].append(
            TimelineEntry(
                "ENROLLED", enrollment.enrolled_on, f"Enrolled in {program_name}", enrollment.created_at, **common
            )
        )
        if enrollment.withdrawn_on is not None:
            found[enrollment.student_id].append(
                TimelineEntry(
                    "WITHDRAWN",
                    enrollment.withdrawn_on,
                    f"Withdrew from {program_name}",
                    enrollment.updated_at,
                    **common,
                )
            )
    return found


@timeline_source
async def module_completions(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    rows = await session.execute(
        select(
            ModuleCompletion,
            Enrollment.student_id,
            TrainingProgram.organization_id,
            AcademyModule.code,
            AcademyModule.title,
        )
        .join(Enrollment, Enrollment.id == ModuleCompletion.enrollment_id)
        .join(TrainingProgram, TrainingProgram.id == Enrollment.program_id)
        .join(AcademyModule, AcademyModule.id == ModuleCompletion.module_id)
        .where(Enrollment.student_id.in_(student_ids))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for completion, student_id, organization_id, code, title in rows:
        found[student_id].append(
            TimelineEntry(
                "MODULE_COMPLETED",
                completion.completed_on,
                f"Completed {code}: {title}",
                completion.created_at,
                detail=f"Score {completion.score}" if completion.score is not None else None,
                organization_id=organization_id,
                subject_type="Enrollment",
                subject_id=completion.enrollment_id,
                record_id=completion.id,
            )
        )
    return found


@timeline_source
async def credentials(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    """Every credential held; a badge earned in a program names that program's organization."""
    rows = await session.execute(
        select(StudentCredential, Credential, TrainingProgram.organization_id)
        .join(Credential, Credential.id == StudentCredential.credential_id)
        .outerjoin(AreaBadgeAward, AreaBadgeAward.student_credential_id == StudentCredential.id)
        .outerjoin(Enrollment, Enrollment.id == AreaBadgeAward.enrollment_id)
        .outerjoin(TrainingProgram, TrainingProgram.id == Enrollment.program_id)
        .where(StudentCredential.student_id.in_(student_ids))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for held, credential, organization_id in rows:
        badge = credential.kind == "BADGE"
        status = "verified" if held.verified_at is not None else "self-reported"
        found[held.student_id].append(
            TimelineEntry(
                "BADGE_EARNED" if badge else "CREDENTIAL_EARNED",
                held.earned_on,
                f"Earned {credential.name}",
                held.created_at,
                detail=f"{credential.code}, {status}"
                + (f", expires {held.expires_on.isoformat()}" if held.expires_on else ""),
                organization_id=organization_id,
                record_id=held.id,
            )
        )
    return found


@timeline_source
async def scholarships(session: AsyncSession, student_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    rows = await session.execute(
        select(ScholarshipApplication, Scholarship.name, Scholarship.kind, Scholarship.sponsor_id)
        .join(Scholarship, Scholarship.id == ScholarshipApplication.scholarship_id)
        .where(ScholarshipApplication.student_id.in_(student_ids))
    )
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for application, name, kind, sponsor_id in rows:
        what = "tool grant" if kind == "TOOL_GRANT" else "scholarship"
        common: dict[str, Any] = {
            "organization_id": sponsor_id,
            "subject_type": "ScholarshipApplication",
            "subject_id": application.id,
            "record_id": application.id,
        }
        entries = found[application.student_id]
        entries.append(
            TimelineEntry(
                "SCHOLARSHIP_APPLIED",
                application.created_at.date(),
                f"Applied for the {what} {name}",
                application.created_at,
                **common,
            )
        )
        if application.status == "AWARDED" and application.decided_at is not None:
            entries.append(
                TimelineEntry(
                    "SCHOLARSHIP_AWARDED",
                    application.decided_at.date(),
                    f"Awarded the {what} {name}",
                    application.decided_at,
                    **common,
                )
            )
        if application.fulfilled_at is not None:
            entries.append(
                TimelineEntry(
                    "AWARD_FULFILLED",
                    application.fulfilled_at.date(),
                    f"Received the {what} {name}",
                    application.fulfilled_at,
                    detail=application.fulfillment_note,
                    **common,
                )
            )
    return found


# The talent exchange's sources register themselves on import; imported last because they use the
# registry defined above.
from resolvers.pathways import talent_steps as pathway_talent  # noqa: E402,F401
