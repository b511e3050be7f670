"""Talent rows -> matching records: students (with their credentials), job postings (with their
required credentials) and mentors.

Each loader reads the rows changed since a timestamp (None: every row) in as few statements as
possible, selecting only the columns the engine uses, so a national pool loads in seconds and a
refresh with nothing new costs one indexed query.

The engine numbers programs and availability slots itself (closed sets below 64); the numbering
here is the position in the enum, fixed for the life of a process.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db import enums
from db.enums import talent as te
from db.models import JobPosting, JobRequiredCredential, MentorProfile, StudentCredential, StudentProfile
from db.reference.credentials import CREDENTIALS
from db.reference.skills import SKILLS
from db.reference.trades import related_programs, trades_of
from matching import HeldCredential, Job, Mentor, Student

PROGRAM_SLOT = {p.value: i for i, p in enumerate(enums.Program)}
# Reference ids are positions from 1, as the migrations insert them.
CREDENTIAL_CODES = {i: c.code for i, c in enumerate(CREDENTIALS, start=1)}
SKILL_SLUGS = {i: s.slug for i, s in enumerate(SKILLS, start=1)}
AVAILABILITY_SLOT = {a.value: i for i, a in enumerate(te.Availability)}
# What kind of availability a role asks of a student (no schedule: any availability fits).
ROLE_SCHEDULE = {
    te.RoleType.INTERN.value: (te.Availability.INTERNSHIP.value,),
    te.RoleType.APPRENTICE.value: (te.Availability.APPRENTICESHIP.value,),
    te.RoleType.OTHER.value: (),
}
DEFAULT_SCHEDULE = (te.Availability.FULL_TIME.value, te.Availability.PART_TIME.value)
# Postings carry no radius: a commuting area. The student's own travel radius caps it further.
JOB_RADIUS_KM = 100.0
# Mentors state no radius either; remote-ok mentors are never excluded by distance.
MENTOR_RADIUS_KM = 80.0


def _slots(values, numbering: dict[str, int]) -> tuple[int, ...]:
    return tuple(sorted({numbering[v] for v in values or () if v in numbering}))


def _related(programs) -> tuple[int, ...]:
    """Slots of the trades related to these programs (db/reference/trades.py)."""
    return _slots(related_programs(programs or ()), PROGRAM_SLOT)


def mentor_trades(credential_ids, skill_ids) -> list[str]:
    """A mentor states no program: their trade is read from what they hold and teach."""
    codes = [CREDENTIAL_CODES[i] for i in credential_ids or () if i in CREDENTIAL_CODES]
    slugs = [SKILL_SLUGS[i] for i in skill_ids or () if i in SKILL_SLUGS]
    return sorted(trades_of(codes, slugs))


def _changed(column, since: datetime | None):
    return column >= since if since is not None else True


def _place(lat, lon) -> tuple[float, float, bool]:
    """A row with no location cannot be judged on distance: it is kept, hidden."""
    return (float(lat), float(lon), True) if lat is not None and lon is not None else (0.0, 0.0, False)


async def students(session: AsyncSession, since: datetime | None) -> list[Student]:
    p = StudentProfile
    rows = (
        await session.execute(
            select(
                p.id,
                p.latitude,
                p.longitude,
                p.travel_radius_km,
                p.skill_ids,
                p.programs,
                p.availability,
                p.visible_to_employers,
                p.updated_at,
            ).where(_changed(p.updated_at, since))
        )
    ).all()
    if not rows:
        return []
    held = await _credentials_of_changed(session, since)
    return [student_record(row, held.get(row.id, ())) for row in rows]


async def _credentials_of_changed(session: AsyncSession, since: datetime | None) -> dict[int, list[HeldCredential]]:
    # A join rather than `IN (ids)`: one statement however many profiles changed.
    c = StudentCredential
    stmt = select(c.student_id, c.credential_id, c.expires_on)
    if since is not None:
        stmt = stmt.join(StudentProfile, StudentProfile.id == c.student_id).where(StudentProfile.updated_at >= since)
    held: dict[int, list[HeldCredential]] = defaultdict(list)
    for student_id, credential_id, expires_on in (await session.execute(stmt)).all():
        held[student_id].append(HeldCredential(int(credential_id), expires_on))
    return held


def student_record(row, credentials) -> Student:
    lat, lon, located = _place(row.latitude, row.longitude)
    updated: datetime = row.updated_at
    return Student(
        id=row.id,
        lat=lat,
        lon=lon,
        travel_radius_km=float(row.travel_radius_km),
        skills=tuple(int(s) for s in row.skill_ids or ()),
        credentials=tuple(credentials),
        programs=_slots(row.programs, PROGRAM_SLOT),
        related_programs=_related(row.programs),
        availability=_slots(row.availability, AVAILABILITY_SLOT),
        last_active=updated.date() if updated else None,
        visible=bool(row.visible_to_employers) and located,
        updated_at=updated,
    )


async def student_query(session: AsyncSession, profile: StudentProfile) -> Student:
    """The student as a query (their own recommendations): every credential, visible or not."""
    rows = (
        await session.execute(
            select(StudentCredential.credential_id, StudentCredential.expires_on).where(
                StudentCredential.student_id == profile.id
            )
        )
    ).all()
    return student_record(profile, [HeldCredential(int(cid), exp) for cid, exp in rows])


def posting_is_open(status: str, closes_on: date | None, today: date) -> bool:
    return status == te.PostingStatus.OPEN.value and (closes_on is None or closes_on >= today)


async def jobs(session: AsyncSession, since: datetime | None, today: date) -> list[Job]:
    j = JobPosting
    rows = (
        await session.execute(
            select(
                j.id,
                j.latitude,
                j.longitude,
                j.role_type,
                j.programs,
                j.preferred_skill_ids,
                j.pay_max_hourly_cents,
                j.status,
                j.closes_on,
                j.created_at,
                j.updated_at,
            ).where(_changed(j.updated_at, since))
        )
    ).all()
    if not rows:
        return []
    links = select(JobRequiredCredential.job_posting_id, JobRequiredCredential.credential_id)
    if since is not None:
        links = links.join(j, j.id == JobRequiredCredential.job_posting_id).where(j.updated_at >= since)
    required: dict[int, list[int]] = defaultdict(list)
    for posting_id, credential_id in (await session.execute(links)).all():
        required[posting_id].append(int(credential_id))
    return [job_record(row, required.get(row.id, ()), today) for row in rows]


def job_record(row, required_credentials, today: date) -> Job:
    return Job(
        id=row.id,
        lat=float(row.latitude),
        lon=float(row.longitude),
        radius_km=JOB_RADIUS_KM,
        preferred_skills=tuple(int(s) for s in row.preferred_skill_ids or ()),
        required_credentials=tuple(required_credentials),
        programs=_slots(row.programs, PROGRAM_SLOT),
        related_programs=_related(row.programs),
        schedule=_slots(ROLE_SCHEDULE.get(row.role_type, DEFAULT_SCHEDULE), AVAILABILITY_SLOT),
        pay_cents=int(row.pay_max_hourly_cents),
        posted_on=row.created_at.date() if row.created_at else None,
        visible=posting_is_open(row.status, row.closes_on, today),
        updated_at=row.updated_at,
    )


async def mentors(session: AsyncSession, since: datetime | None) -> list[Mentor]:
    m = MentorProfile
    rows = (
        await session.execute(
            select(
                m.id,
                m.latitude,
                m.longitude,
                m.remote_ok,
                m.specialty_skill_ids,
                m.credential_ids,
                m.years_experience,
                m.capacity,
                m.active_mentees,
                m.updated_at,
            ).where(_changed(m.updated_at, since))
        )
    ).all()
    return [mentor_record(row) for row in rows]


def mentor_record(row) -> Mentor:
    lat, lon, located = _place(row.latitude, row.longitude)
    return Mentor(
        id=row.id,
        lat=lat,
        lon=lon,
        radius_km=MENTOR_RADIUS_KM,
        remote_ok=bool(row.remote_ok),
        specialties=tuple(int(s) for s in row.specialty_skill_ids or ()),
        programs=_slots(mentor_trades(row.credential_ids, row.specialty_skill_ids), PROGRAM_SLOT),
        capacity_left=max(0, row.capacity - row.active_mentees),
        years_experience=float(row.years_experience),
        last_active=row.updated_at.date() if row.updated_at else None,
        visible=located or bool(row.remote_ok),
        updated_at=row.updated_at,
    )


def visible_students():
    """SQL twin of a visible student record, for the re-check of a final top-k."""
    return and_(StudentProfile.visible_to_employers.is_(True), StudentProfile.latitude.is_not(None))


def open_postings(today: date):
    return and_(
        JobPosting.status == te.PostingStatus.OPEN.value,
        or_(JobPosting.closes_on.is_(None), JobPosting.closes_on >= today),
    )
