"""A student's pathway: one chronological timeline merged from the sources every domain provides.

Each source is an async batch function: given a read session and student ids, it returns each
student's entries. `SOURCES` names them all, so a reader sees every step a pathway can hold here.
"""

from __future__ import annotations

import base64
import bisect
import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from core.errors import DomainError, ErrorCode
from db.engine import Database
from resolvers.pathways import talent_steps, training_steps
from resolvers.pathways.timeline_entries import (
    Position,
    TimelineEntry,
    TimelineSource,
    position,
)

SOURCES: tuple[TimelineSource, ...] = (
    training_steps.enrollments,
    training_steps.module_completions,
    training_steps.credentials,
    training_steps.scholarships,
    talent_steps.job_applications,
    talent_steps.accepted_invitations,
    talent_steps.mentorships,
)

_CURSOR_PREFIX = "pathway:"


def cursor_of(entry: TimelineEntry) -> str:
    day, rank, recorded_at, subject_id, record_id = position(entry)
    text = json.dumps([day.isoformat(), rank, recorded_at.isoformat(), subject_id, record_id])
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{text}".encode()).decode()


def _decode(cursor: str) -> Position:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if text.startswith(_CURSOR_PREFIX):
            day, rank, recorded_at, subject_id, record_id = json.loads(text[len(_CURSOR_PREFIX) :])
            recorded = datetime.fromisoformat(recorded_at)
            # positions compare with aware datetimes: a naive one could not be placed among them
            if all(type(n) is int for n in (rank, subject_id, record_id)) and recorded.tzinfo is not None:
                return date.fromisoformat(day), rank, recorded, subject_id, record_id
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
        for source in SOURCES:
            for student_id, entries in (await source(session, student_ids)).items():
                merged[student_id].extend(entries)
    return [sorted(merged[student_id], key=position) for student_id in student_ids]
