"""Credentials about to expire are announced (`credential.expiring`) 90, 30 and 7 days ahead.

A scan run by the worker finds them; each announcement has a dedupe key, so scanning twice (or from
two workers) announces once. A threshold is announced within a week of passing it, so a worker that
was down for a few days catches up, and an old announcement pruned from the outbox is not repeated.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core import outbox
from core.clock import today
from db.engine import Database
from db.enums.events import EventType
from db.models import StudentCredential, StudentProfile
from resolvers.talent.events import credential_event

THRESHOLDS = (7, 30, 90)
GRACE_DAYS = 7


def threshold_for(days_left: int) -> int | None:
    for days in THRESHOLDS:
        if days - GRACE_DAYS < days_left <= days:
            return days
    return None


async def announce_expiring(db: Database) -> int:
    """Append the announcements due today; returns how many."""
    now = today()
    async with db.write() as session:
        rows = (
            await session.execute(
                select(StudentCredential, StudentProfile)
                .join(StudentProfile, StudentProfile.id == StudentCredential.student_id)
                .where(StudentCredential.expires_on > now, StudentCredential.expires_on <= now + timedelta(days=90))
            )
        ).all()
        due = {}
        for credential, student in rows:
            assert credential.expires_on is not None  # noqa: S101 - the query asked for it
            days = threshold_for((credential.expires_on - now).days)
            if days is not None:
                due[f"credential.expiring:{credential.id}:{days}"] = credential_event(
                    EventType.CREDENTIAL_EXPIRING, credential, student, within_days=days
                )
        return await outbox.append_once(session, due)
