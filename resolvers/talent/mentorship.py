"""Mentorship: mentors offer a capacity; mentees request; accepting never exceeds the capacity.

`mentor_profile.active_mentees` moves only by conditional UPDATEs (and a CHECK keeps it within
capacity), so twenty concurrent accepts on a mentor with three free places accept exactly three.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.geo_search import ids_within
from core.json_lists import contains_number
from core.locations import Circle, locate, location_columns
from core.paging import Page, Slice
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database, rows_matched
from db.enums.events import EventType
from db.enums.talent import MentorshipStatus as M
from db.models import MentorProfile, Mentorship
from resolvers.talent import skills
from resolvers.talent.credentials import ids_for_codes
from resolvers.talent.events import mentorship_event

MAX_CAPACITY = 50


def _validated(changes: dict) -> tuple[dict, skills.NormalizedSkills | None]:
    checks = Checks()
    values: dict = {}
    if "headline" in changes:
        values["headline"] = checks.text(changes["headline"], "headline", max_length=200, required=False) or ""
    if "years_experience" in changes:
        checks.in_range(changes["years_experience"], "yearsExperience", low=0, high=70)
        values["years_experience"] = changes["years_experience"] or 0
    if "capacity" in changes:
        checks.in_range(changes["capacity"], "capacity", low=0, high=MAX_CAPACITY)
        values["capacity"] = changes["capacity"] or 0
    if "remote_ok" in changes:
        values["remote_ok"] = bool(changes["remote_ok"])
    checks.raise_any()
    normalized = None
    if "specialties" in changes:
        normalized = skills.normalize(changes["specialties"], "specialties")
        values["specialty_skill_ids"], values["other_specialties"] = normalized.skill_ids, normalized.other_skills
    if "postal_code" in changes:
        point = locate(changes["postal_code"], None, None)
        values.update(location_columns(point))
    return values, normalized


async def upsert(db: Database, user_id: int, changes: dict) -> tuple[MentorProfile, skills.NormalizedSkills | None]:
    values, normalized = _validated(changes)
    capacity = values.pop("capacity", None)
    async with db.write() as session:
        if "credentials" in changes:
            values["credential_ids"] = await ids_for_codes(session, changes["credentials"], "credentials")
        profile = await session.scalar(select(MentorProfile).where(MentorProfile.user_id == user_id))
        if profile is None:
            profile = MentorProfile(user_id=user_id, capacity=1 if capacity is None else capacity, active_mentees=0)
            session.add(profile)
        for key, value in values.items():
            setattr(profile, key, value)
        try:
            await session.flush()
        except IntegrityError:
            raise DomainError(ErrorCode.DUPLICATE, "Your mentor profile was just created; try again.") from None
        if capacity is not None and capacity != profile.capacity:
            # Conditional, so a concurrent accept cannot slip in above the new capacity.
            lowered = await session.execute(
                update(MentorProfile)
                .where(MentorProfile.id == profile.id, MentorProfile.active_mentees <= capacity)
                .values(capacity=capacity, updated_at=utcnow())
            )
            if rows_matched(lowered) == 0:
                raise DomainError(
                    ErrorCode.CAPACITY_BELOW_ACTIVE,
                    "Capacity cannot go below your number of active mentees; end one first.",
                    "capacity",
                )
            await session.refresh(profile)
    return profile, normalized


async def request(db: Database, viewer: Viewer, mentor_id: int, message: str | None) -> Mentorship:
    user_id = viewer.require_person()
    checks = Checks()
    message = checks.text(message, "message", max_length=2000, required=False) or ""
    checks.raise_any()
    async with db.write() as session:
        mentor = await session.get(MentorProfile, mentor_id)
        if mentor is None:
            raise not_found("Mentor", "mentorId")
        if mentor.user_id == user_id:
            raise DomainError(ErrorCode.INVALID, "You cannot request yourself as a mentor.", "mentorId")
        if mentor.active_mentees >= mentor.capacity:
            raise DomainError(ErrorCode.CAPACITY_REACHED, "This mentor has no free places right now.", "mentorId")
        mentorship = Mentorship(mentor_id=mentor_id, mentee_id=user_id, message=message, status=M.REQUESTED.value)
        session.add(mentorship)
        try:
            await session.flush()
        except IntegrityError:
            raise DomainError(
                ErrorCode.DUPLICATE, "You already have an open request with this mentor.", "mentorId"
            ) from None
        outbox.append(session, mentorship_event(EventType.MENTORSHIP_REQUESTED, mentorship, mentor))
    return mentorship


async def _set_status(session, mentorship_id: int, frm: M, to: M, **values) -> bool:
    now = utcnow()
    result = await session.execute(
        update(Mentorship)
        .where(Mentorship.id == mentorship_id, Mentorship.status == frm.value)
        .values(status=to.value, updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    return rows_matched(result) == 1


async def _load(session: AsyncSession, viewer: Viewer, mentorship_id: int) -> tuple[Mentorship, MentorProfile]:
    user_id = viewer.require_person()
    mentorship = await session.get(Mentorship, mentorship_id)
    mentor = await session.get_one(MentorProfile, mentorship.mentor_id) if mentorship else None
    if mentorship is None or mentor is None or user_id not in (mentor.user_id, mentorship.mentee_id):
        raise not_found("Mentorship")
    return mentorship, mentor


def _refuse(mentorship: Mentorship, action: str) -> DomainError:
    return DomainError(ErrorCode.INVALID_TRANSITION, f"A {mentorship.status} mentorship cannot be {action}.", "id")


async def respond(db: Database, viewer: Viewer, mentorship_id: int, accept: bool) -> Mentorship:
    async with db.write() as session:
        mentorship, mentor = await _load(session, viewer, mentorship_id)
        if viewer.user_id != mentor.user_id:
            raise DomainError(ErrorCode.PERMISSION_DENIED, "Only the mentor answers a request.", "id")
        now = utcnow()
        if not accept:
            if not await _set_status(session, mentorship_id, M.REQUESTED, M.DECLINED, ended_at=now):
                raise _refuse(mentorship, "declined")
        else:
            if not await _set_status(session, mentorship_id, M.REQUESTED, M.ACTIVE, accepted_at=now):
                raise _refuse(mentorship, "accepted")
            taken = await session.execute(
                update(MentorProfile)
                .where(MentorProfile.id == mentor.id, MentorProfile.active_mentees < MentorProfile.capacity)
                .values(active_mentees=MentorProfile.active_mentees + 1)
                .execution_options(synchronize_session=False)
            )
            if rows_matched(taken) == 0:  # raising rolls the status change back too
                raise DomainError(
                    ErrorCode.CAPACITY_REACHED,
                    "You have no free places; end a mentorship or raise your capacity first.",
                    "id",
                )
        await session.refresh(mentorship)
        if accept:
            outbox.append(session, mentorship_event(EventType.MENTORSHIP_ACCEPTED, mentorship, mentor))
    return mentorship


async def end(db: Database, viewer: Viewer, mentorship_id: int) -> Mentorship:
    """Either party ends an active mentorship (freeing a place); the mentee may cancel a request."""
    async with db.write() as session:
        mentorship, mentor = await _load(session, viewer, mentorship_id)
        now = utcnow()
        if await _set_status(session, mentorship_id, M.ACTIVE, M.ENDED, ended_at=now):
            await session.execute(
                update(MentorProfile)
                .where(MentorProfile.id == mentor.id, MentorProfile.active_mentees > 0)
                .values(active_mentees=MentorProfile.active_mentees - 1)
                .execution_options(synchronize_session=False)
            )
        elif not (
            viewer.user_id == mentorship.mentee_id
            and await _set_status(session, mentorship_id, M.REQUESTED, M.CANCELLED, ended_at=now)
        ):
            raise _refuse(mentorship, "ended")
        await session.refresh(mentorship)
        outbox.append(session, mentorship_event(EventType.MENTORSHIP_ENDED, mentorship, mentor))
    return mentorship


@dataclass(frozen=True)
class MentorFilter:
    near: Circle | None = None
    specialty: str | None = None
    remote_ok: bool | None = None
    has_capacity: bool = False


async def browse(db: Database, filter: MentorFilter, page: Page) -> Slice[MentorProfile]:
    stmt = select(MentorProfile)
    if filter.specialty:
        skill_id = skills.match(filter.specialty)
        if skill_id is None:
            return page.slice([])
        stmt = stmt.where(contains_number(MentorProfile.specialty_skill_ids, skill_id))
    if filter.remote_ok is not None:
        stmt = stmt.where(MentorProfile.remote_ok.is_(filter.remote_ok))
    if filter.has_capacity:
        stmt = stmt.where(MentorProfile.active_mentees < MentorProfile.capacity)
    async with db.read() as session:
        if filter.near is None:
            order = (MentorProfile.years_experience.desc(), MentorProfile.id)
            return page.slice((await session.scalars(page.apply(stmt.order_by(*order)))).all())
        distances = await ids_within(session, MentorProfile, filter.near, stmt)
        return await page.slice_of_ids(session, MentorProfile, distances)
