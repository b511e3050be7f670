"""Student profiles: create or change your own, and who an employer may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError, ErrorCode, not_found
from core.geo_search import ids_within
from core.json_lists import contains_value
from core.locations import Circle, locate, location_columns
from core.paging import Page, Slice
from core.validation import Checks
from db.engine import Database
from db.enums.talent import ApplicationStatus, InvitationStatus
from db.models import Application, Credential, JobInvitation, Organization, StudentCredential, StudentProfile
from resolvers.talent import skills

MAX_RADIUS_KM = 1000


async def own_profile(session: AsyncSession, user_id: int) -> StudentProfile:
    profile = await session.scalar(select(StudentProfile).where(StudentProfile.user_id == user_id))
    if profile is None:
        raise DomainError(ErrorCode.PROFILE_REQUIRED, "Create your student profile first.", "studentProfile")
    return profile


def _validated(changes: dict) -> tuple[dict, skills.NormalizedSkills | None]:
    checks = Checks()
    values: dict = {}
    if "headline" in changes:
        values["headline"] = checks.text(changes["headline"], "headline", max_length=200, required=False) or ""
    if "bio" in changes:
        values["bio"] = checks.text(changes["bio"], "bio", max_length=5000, required=False) or ""
    if "programs" in changes:
        values["programs"] = sorted({p.value for p in changes["programs"] or ()})
    if "availability" in changes:
        values["availability"] = sorted({a.value for a in changes["availability"] or ()})
    if "travel_radius_km" in changes:
        radius = changes["travel_radius_km"]
        if radius is None or not 0 < radius <= MAX_RADIUS_KM:
            checks.add(
                ErrorCode.OUT_OF_RANGE, f"travelRadiusKm must be above 0 and at most {MAX_RADIUS_KM}.", "travelRadiusKm"
            )
        values["travel_radius_km"] = radius
    if "graduation_date" in changes:
        graduation = changes["graduation_date"]
        if graduation is not None and not date(1950, 1, 1) <= graduation <= date(date.today().year + 10, 12, 31):
            checks.add(ErrorCode.OUT_OF_RANGE, "graduationDate is not a plausible date.", "graduationDate")
        values["graduation_date"] = graduation
    if "visible_to_employers" in changes:
        values["visible_to_employers"] = bool(changes["visible_to_employers"])
    checks.raise_any()
    normalized = None
    if "skills" in changes:
        normalized = skills.normalize(changes["skills"])
        values["skill_ids"], values["other_skills"] = normalized.skill_ids, normalized.other_skills
    if "postal_code" in changes:
        point = locate(changes["postal_code"], None, None)
        values.update(location_columns(point))
    return values, normalized


async def _check_school(session: AsyncSession, school_id: int | None) -> None:
    if school_id is None:
        return
    school = await session.get(Organization, school_id)
    if school is None:
        raise not_found("School", "schoolId")
    if not school.is_school:
        raise DomainError(ErrorCode.NOT_A_SCHOOL, "schoolId must be a school.", "schoolId")


async def upsert(db: Database, user_id: int, changes: dict) -> tuple[StudentProfile, skills.NormalizedSkills | None]:
    """Create the caller's profile or change the fields given; skills are normalized once, here."""
    values, normalized = _validated(changes)
    async with db.write() as session:
        if "school_id" in changes:
            await _check_school(session, changes["school_id"])
            values["school_id"] = changes["school_id"]
        profile = await session.scalar(select(StudentProfile).where(StudentProfile.user_id == user_id))
        if profile is None:
            profile = StudentProfile(user_id=user_id)
            session.add(profile)
        for key, value in values.items():
            setattr(profile, key, value)
        try:
            await session.flush()
        except IntegrityError:
            raise DomainError(ErrorCode.DUPLICATE, "Your profile was just created; try again.") from None
    return profile, normalized


def released(student_id_column, employer_ids: Sequence[int]):
    """SQL: the student applied to (and has not withdrawn from) or accepted an invitation of one of `employer_ids`."""
    applied = exists().where(
        Application.student_id == student_id_column,
        Application.employer_id.in_(employer_ids),
        Application.status != ApplicationStatus.WITHDRAWN.value,
    )
    accepted = exists().where(
        JobInvitation.student_id == student_id_column,
        JobInvitation.employer_id.in_(employer_ids),
        JobInvitation.status == InvitationStatus.ACCEPTED.value,
    )
    return or_(applied, accepted)


async def released_to(db: Database, student_ids: Sequence[int], employer_ids: Sequence[int]) -> set[int]:
    """Which of these students released their name and contact to any of these employers."""
    if not employer_ids or not student_ids:
        return set()
    stmt = select(StudentProfile.id).where(
        StudentProfile.id.in_(student_ids), released(StudentProfile.id, employer_ids)
    )
    async with db.read() as session:
        return set((await session.scalars(stmt)).all())


@dataclass(frozen=True)
class StudentFilter:
    near: Circle | None = None
    program: str | None = None
    availability: str | None = None
    credential: str | None = None


@dataclass(frozen=True)
class Audience:
    """Whose profiles a viewer may browse: visible ones (employers), their schools' students, or all (staff)."""

    everyone: bool = False
    visible: bool = False
    school_ids: tuple[int, ...] = ()


async def browse(db: Database, audience: Audience, filter: StudentFilter, page: Page) -> Slice[StudentProfile]:
    stmt = select(StudentProfile)
    if not audience.everyone:
        allowed = [StudentProfile.school_id.in_(audience.school_ids)] if audience.school_ids else []
        if audience.visible:
            allowed.append(StudentProfile.visible_to_employers.is_(True))
        if not allowed:
            return page.slice([])
        stmt = stmt.where(or_(*allowed))
    if filter.program:
        stmt = stmt.where(contains_value(StudentProfile.programs, filter.program))
    if filter.availability:
        stmt = stmt.where(contains_value(StudentProfile.availability, filter.availability))
    if filter.credential:
        stmt = stmt.where(
            exists().where(
                StudentCredential.student_id == StudentProfile.id,
                StudentCredential.credential_id == Credential.id,
                Credential.code == filter.credential.strip().upper(),
                or_(StudentCredential.expires_on.is_(None), StudentCredential.expires_on >= date.today()),
            )
        )
    async with db.read() as session:
        if filter.near is None:
            order = (StudentProfile.updated_at.desc(), StudentProfile.id.desc())
            rows = (await session.scalars(page.apply(stmt.order_by(*order)))).all()
            return page.slice(rows)
        distances = await ids_within(session, StudentProfile, filter.near, stmt)
        return await page.slice_of_ids(session, StudentProfile, distances)
