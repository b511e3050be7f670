"""The credential catalogue and the credentials students hold: add, verify (their school), remove."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import today, utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.validation import Checks, contains_pattern
from core.viewer import ANY_MEMBER, Viewer, require_role
from db.engine import Database
from db.enums.events import EventType
from db.enums.talent import CredentialStatus
from db.models import Credential, StudentCredential, StudentProfile
from resolvers.talent.events import credential_event
from resolvers.talent.students import own_profile

EXPIRING_WITHIN = timedelta(days=90)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (Feb 29 + 12 months -> Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def status(expires_on: date | None, on: date | None = None) -> CredentialStatus:
    on = on or today()
    if expires_on is None or expires_on - on > EXPIRING_WITHIN:
        return CredentialStatus.VALID
    return CredentialStatus.EXPIRING if expires_on >= on else CredentialStatus.EXPIRED


async def catalogue(db: Database, issuer: str | None = None, search: str | None = None) -> list[Credential]:
    stmt = select(Credential).order_by(Credential.id)
    if issuer:
        stmt = stmt.where(Credential.issuer == issuer)
    if search and search.strip():
        pattern = contains_pattern(search)
        stmt = stmt.where(
            or_(
                func.lower(Credential.code).like(pattern, escape="\\"),
                func.lower(Credential.name).like(pattern, escape="\\"),
                func.lower(Credential.area).like(pattern, escape="\\"),
            )
        )
    async with db.read() as session:
        return list((await session.scalars(stmt)).all())


async def ids_for_codes(session: AsyncSession, codes: list[str] | None, field: str) -> list[int]:
    """Catalogue ids for credential codes (case-insensitive), in the order given, without repeats."""
    wanted = list(dict.fromkeys(code.strip().upper() for code in codes or () if code and code.strip()))
    if not wanted:
        return []
    rows = (await session.execute(select(Credential.code, Credential.id).where(Credential.code.in_(wanted)))).all()
    found = dict(rows)
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise DomainError(ErrorCode.UNKNOWN_CREDENTIAL, f"Unknown credential code {unknown[0]!r}.", field)
    return [found[code] for code in wanted]


@dataclass(frozen=True)
class CredentialInput:
    code: str
    earned_on: date
    expires_on: date | None = None
    credential_number: str | None = None


async def add(db: Database, viewer: Viewer, given: CredentialInput) -> StudentCredential:
    user_id = viewer.require_person()
    checks = Checks()
    number = checks.text(given.credential_number, "credentialNumber", max_length=60, required=False) or None
    if given.earned_on > today():
        checks.add(ErrorCode.EARNED_IN_FUTURE, "earnedOn cannot be in the future.", "earnedOn")
    if given.expires_on is not None and given.expires_on <= given.earned_on:
        checks.add(ErrorCode.EXPIRES_BEFORE_EARNED, "expiresOn must be after earnedOn.", "expiresOn")
    checks.raise_any()
    async with db.write() as session:
        profile = await own_profile(session, user_id)
        found = await ids_for_codes(session, [given.code], "code")
        if not found:
            raise DomainError(ErrorCode.REQUIRED, "code is required.", "code")
        credential_id = found[0]
        credential = await session.get_one(Credential, credential_id)
        expires_on = given.expires_on
        if expires_on is None and credential.validity_months:
            expires_on = add_months(given.earned_on, credential.validity_months)
        row = StudentCredential(
            student_id=profile.id,
            credential_id=credential_id,
            earned_on=given.earned_on,
            expires_on=expires_on,
            credential_number=number,
        )
        session.add(row)
        profile.updated_at = utcnow()  # the profile's credentials changed: matching indexes refresh on it
        try:
            await session.flush()
        except IntegrityError:
            raise DomainError(ErrorCode.DUPLICATE, "You already added this credential for that date.", "code") from None
        outbox.append(session, credential_event(EventType.CREDENTIAL_ADDED, row, profile))
    return row


async def _student_credential(session: AsyncSession, credential_id: int) -> tuple[StudentCredential, StudentProfile]:
    row = await session.get(StudentCredential, credential_id)
    if row is None:
        raise not_found("Student credential")
    return row, await session.get_one(StudentProfile, row.student_id)


async def verify(db: Database, viewer: Viewer, credential_id: int) -> StudentCredential:
    """A member of the student's school confirms the credential (people only: it is an attestation)."""
    user_id = viewer.require_person()
    async with db.write() as session:
        row, profile = await _student_credential(session, credential_id)
        if profile.school_id is None:
            raise not_found("Student credential")
        await require_role(session, viewer, profile.school_id, roles=ANY_MEMBER, hide="Student credential")
        if row.verified_at is not None:
            raise DomainError(ErrorCode.INVALID_TRANSITION, "This credential is already verified.", "id")
        row.verified_at, row.verified_by_id = utcnow(), user_id
        profile.updated_at = utcnow()  # matching indexes refresh on the profile's stamp
        outbox.append(session, credential_event(EventType.CREDENTIAL_VERIFIED, row, profile))
    return row


async def remove(db: Database, viewer: Viewer, credential_id: int) -> StudentProfile:
    """Delete one of the caller's own credentials; the profile it was removed from is returned."""
    user_id = viewer.require_person()
    async with db.write() as session:
        row, profile = await _student_credential(session, credential_id)
        if profile.user_id != user_id:
            raise not_found("Student credential")
        await session.delete(row)
        profile.updated_at = utcnow()  # a deleted row leaves no stamp: the profile carries the change
    return profile
