"""A shop's team: a hire becomes a technician; admins change a role or supervisor and record departures;
the technician decides whether the shop counts their earlier records.

Each use case changes state in one transaction, in one place, where its event will be appended once the
events outbox exists (named in each docstring).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import today, utcnow
from core.errors import DomainError, ErrorCode, not_found, permission_denied
from core.viewer import Viewer
from db.engine import Database
from db.enums.talent import ApplicationStatus
from db.enums.workforce import TechnicianRole, TechnicianStatus
from db.models import Application, Organization, StudentProfile, Technician
from resolvers.workforce.access import check_supervisor, checked_start, require_active, technician_for
from resolvers.workforce.policy import SessionTies, TeamTies, is_the_technician, may_manage_team

ALREADY_ON_TEAM = "This person is already an active technician of the shop."


async def join(session: AsyncSession, technician: Technician, field: str) -> Technician:
    """Insert the technician; the active-person index and the one-record-per-hire rule refuse a second one."""
    active = await session.scalar(
        select(Technician.id).where(
            Technician.organization_id == technician.organization_id,
            Technician.user_id == technician.user_id,
            Technician.status == TechnicianStatus.ACTIVE.value,
        )
    )
    if active is not None:
        raise DomainError(ErrorCode.ALREADY_ON_TEAM, ALREADY_ON_TEAM, field)
    session.add(technician)
    try:
        await session.flush()
    except IntegrityError:  # a concurrent hire or acceptance got there first
        raise DomainError(ErrorCode.ALREADY_ON_TEAM, ALREADY_ON_TEAM, field) from None
    return technician


@dataclass(frozen=True)
class HireInput:
    application_id: int
    role: TechnicianRole
    started_on: date | None = None
    supervisor_user_id: int | None = None


async def hire(db: Database, viewer: Viewer, given: HireInput) -> Technician:
    """A HIRED application makes its student a technician of the employer (event: technician hired).

    The student released their profile and credentials to this employer by applying, so their earlier
    records count for the shop; they can withdraw that with `share`."""
    started_on = checked_start(given.started_on)
    async with db.write() as session:
        application = await session.get(Application, given.application_id)
        ties = SessionTies(session, viewer)
        if application is None or application.employer_id not in await ties.roles():
            raise not_found("Application", "applicationId")
        if not await may_manage_team(viewer, application.employer_id, ties):
            raise permission_denied("Only the shop's owners and admins add technicians to its team.")
        if application.status != ApplicationStatus.HIRED.value:
            raise DomainError(
                ErrorCode.NOT_HIRED,
                f"The application is {application.status}; move it to HIRED first.",
                "applicationId",
            )
        student = await session.get_one(StudentProfile, application.student_id)
        await check_supervisor(session, application.employer_id, given.supervisor_user_id, student.user_id)
        technician = Technician(
            organization_id=application.employer_id,
            user_id=student.user_id,
            student_id=student.id,
            role=given.role.value,
            started_on=started_on,
            status=TechnicianStatus.ACTIVE.value,
            supervisor_user_id=given.supervisor_user_id,
            application_id=application.id,
            shares_earlier_records=True,
        )
        return await join(session, technician, "applicationId")


async def require_employer(session: AsyncSession, organization_id: int) -> Organization:
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise not_found("Organization", "organizationId")
    if not organization.is_employer:
        raise DomainError(ErrorCode.NOT_AN_EMPLOYER, "Only employers have a team of technicians.", "organizationId")
    return organization


async def manage(viewer: Viewer, technician: Technician, ties: TeamTies) -> bool:
    return await may_manage_team(viewer, technician.organization_id, ties)


async def update(db: Database, viewer: Viewer, technician_id: int, changes: dict) -> Technician:
    """Change the role, start date or supervisor (the shop's admins; event: technician updated)."""
    async with db.write() as session:
        technician = await technician_for(session, viewer, technician_id, "id", manage)
        require_active(technician, "id")
        if changes.get("role") is not None:
            technician.role = TechnicianRole(changes["role"]).value
        if changes.get("started_on") is not None:
            technician.started_on = checked_start(changes["started_on"])
        if "supervisor_user_id" in changes:
            supervisor = changes["supervisor_user_id"]
            await check_supervisor(session, technician.organization_id, supervisor, technician.user_id)
            technician.supervisor_user_id = supervisor
        technician.updated_at = utcnow()
    return technician


async def end(db: Database, viewer: Viewer, technician_id: int, ended_on: date | None) -> Technician:
    """Record that the technician left (the shop's admins; event: technician left). Their records stay theirs."""
    async with db.write() as session:
        technician = await technician_for(session, viewer, technician_id, "id", manage)
        require_active(technician, "id")
        day = ended_on or today()
        if not technician.started_on <= day <= today():
            raise DomainError(ErrorCode.OUT_OF_RANGE, "endedOn must be between the start date and today.", "endedOn")
        technician.status, technician.ended_on, technician.updated_at = TechnicianStatus.LEFT.value, day, utcnow()
    return technician


async def _is_self(viewer: Viewer, technician: Technician, ties: TeamTies) -> bool:
    return is_the_technician(viewer, technician)


async def share(db: Database, viewer: Viewer, technician_id: int, shares: bool) -> Technician:
    """The technician alone decides whether the shop counts records made before they started there
    (event: technician sharing changed)."""
    async with db.write() as session:
        technician = await technician_for(session, viewer, technician_id, "id", _is_self)
        technician.shares_earlier_records, technician.updated_at = shares, utcnow()
    return technician
