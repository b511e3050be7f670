"""Everything one's account holds, as JSON, for the person themselves (GET /exports/me).

Rows are written column by column, so a column added later is exported without anyone remembering to;
secrets (password and token hashes) never are. Pay reports are anonymous, tied to nobody, so they cannot
be part of anyone's export.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from db.base import Base
from db.engine import Database
from db.models import (
    Application,
    ApplicationEvent,
    AppToken,
    AreaBadgeAward,
    Enrollment,
    Invitation,
    JobInvitation,
    Membership,
    MentorProfile,
    Mentorship,
    ModuleCompletion,
    Organization,
    ScholarshipApplication,
    Story,
    StudentCredential,
    StudentProfile,
    User,
    UserSession,
)

SECRET_COLUMNS = frozenset({"password_hash", "token_digest"})


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def row(record: Base, **extra: Any) -> dict[str, Any]:
    columns = record.__table__.columns
    values = {c.key: _value(getattr(record, c.key)) for c in columns if c.key not in SECRET_COLUMNS}
    return values | extra


async def _all(session: AsyncSession, stmt: Any) -> list[Any]:
    return list((await session.scalars(stmt)).all())


async def export_person(db: Database, user_id: int) -> dict[str, Any]:
    async with db.read() as session:
        user = await session.get_one(User, user_id)
        names = {
            o.id: o.name
            for o in await _all(session, select(Organization).join(Membership).where(Membership.user_id == user_id))
        }
        export: dict[str, Any] = {
            "exported_at": utcnow().isoformat(),
            "account": row(user),
            "memberships": [
                row(m, organization_name=names.get(m.organization_id))
                for m in await _all(session, select(Membership).where(Membership.user_id == user_id))
            ],
            "invitations": [
                row(i) for i in await _all(session, select(Invitation).where(Invitation.email == user.email))
            ],
            "sessions": [
                row(s) for s in await _all(session, select(UserSession).where(UserSession.user_id == user_id))
            ],
            "app_tokens_created": [
                row(t) for t in await _all(session, select(AppToken).where(AppToken.created_by_id == user_id))
            ],
            "stories_written": [
                row(s) for s in await _all(session, select(Story).where(Story.author_user_id == user_id))
            ],
            "student_profile": await _student_records(session, user_id),
            "mentor_profile": await _mentor_records(session, user_id),
            "mentorships_as_mentee": [
                row(m) for m in await _all(session, select(Mentorship).where(Mentorship.mentee_id == user_id))
            ],
        }
    return export


async def _student_records(session: AsyncSession, user_id: int) -> dict[str, Any] | None:
    profile = await session.scalar(select(StudentProfile).where(StudentProfile.user_id == user_id))
    if profile is None:
        return None
    sid = profile.id
    applications = await _all(session, select(Application).where(Application.student_id == sid))
    events = await _all(
        session,
        select(ApplicationEvent).where(ApplicationEvent.application_id.in_([a.id for a in applications])),
    )
    enrollments = await _all(session, select(Enrollment).where(Enrollment.student_id == sid))
    completions = await _all(
        session, select(ModuleCompletion).where(ModuleCompletion.enrollment_id.in_([e.id for e in enrollments]))
    )
    return row(profile) | {
        "credentials": [
            row(c) for c in await _all(session, select(StudentCredential).where(StudentCredential.student_id == sid))
        ],
        "applications": [row(a, events=[row(e) for e in events if e.application_id == a.id]) for a in applications],
        "job_invitations": [
            row(i) for i in await _all(session, select(JobInvitation).where(JobInvitation.student_id == sid))
        ],
        "enrollments": [
            row(e, completions=[row(c) for c in completions if c.enrollment_id == e.id]) for e in enrollments
        ],
        "badges": [row(b) for b in await _all(session, select(AreaBadgeAward).where(AreaBadgeAward.student_id == sid))],
        "scholarship_applications": [
            row(a)
            for a in await _all(session, select(ScholarshipApplication).where(ScholarshipApplication.student_id == sid))
        ],
    }


async def _mentor_records(session: AsyncSession, user_id: int) -> dict[str, Any] | None:
    profile = await session.scalar(select(MentorProfile).where(MentorProfile.user_id == user_id))
    if profile is None:
        return None
    mentorships = await _all(session, select(Mentorship).where(Mentorship.mentor_id == profile.id))
    return row(profile, mentorships=[row(m) for m in mentorships])
