"""Reading a technician for a use case: NOT_FOUND to whoever may not see their records, PERMISSION_DENIED to
whoever sees them but may not take this step; and who may be named a technician's supervisor."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import today
from core.errors import DomainError, ErrorCode, not_found, permission_denied
from core.viewer import Viewer
from db.enums.workforce import TechnicianStatus
from db.models import Membership, Technician
from resolvers.workforce.policy import SessionTies, TeamTies, may_see_records

Rule = Callable[[Viewer, Technician, TeamTies], Awaitable[bool]]
FUTURE_START = timedelta(days=366)  # a hire may be agreed up to a year before the first day


async def technician_for(
    session: AsyncSession,
    viewer: Viewer,
    technician_id: int,
    field: str,
    may: Rule,
    *,
    lock: bool = False,
    hide: str = "Technician",
) -> Technician:
    """The technician, once the viewer may see their records (else NOT_FOUND for `hide`) and `may` act."""
    technician = await session.get(Technician, technician_id, with_for_update=lock)
    ties = SessionTies(session, viewer)
    if technician is None or not await may_see_records(viewer, technician, ties):
        raise not_found(hide, field)
    if not await may(viewer, technician, ties):
        raise permission_denied()
    return technician


def require_active(technician: Technician, field: str) -> None:
    if technician.status != TechnicianStatus.ACTIVE.value:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "The technician has left the shop.", field)


async def check_supervisor(
    session: AsyncSession, organization_id: int, supervisor_user_id: int | None, technician_user_id: int | None
) -> None:
    """A supervisor or mentor is someone in the shop: a member of it or one of its active technicians."""
    if supervisor_user_id is None:
        return
    if supervisor_user_id == technician_user_id:
        raise DomainError(ErrorCode.INVALID, "A technician cannot be their own supervisor.", "supervisorId")
    member = await session.scalar(
        select(Membership.id).where(
            Membership.organization_id == organization_id, Membership.user_id == supervisor_user_id
        )
    )
    colleague = await session.scalar(
        select(Technician.id).where(
            Technician.organization_id == organization_id,
            Technician.user_id == supervisor_user_id,
            Technician.status == TechnicianStatus.ACTIVE.value,
        )
    )
    if member is None and colleague is None:
        raise not_found("Supervisor in this shop", "supervisorId")


def checked_start(started_on: date | None, field: str = "startedOn") -> date:
    day = started_on or today()
    if not date(1950, 1, 1) <= day <= today() + FUTURE_START:
        raise DomainError(ErrorCode.OUT_OF_RANGE, f"{field} must be within a year from today.", field)
    return day
