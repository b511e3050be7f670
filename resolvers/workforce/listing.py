"""Lists of a shop's workforce: its technicians as the viewer may see them, a person's own technician records,
and pending invitations. Callers have already decided, through the policy, whose rows the viewer may list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from core.paging import Page, Slice
from db.engine import Database
from db.enums.workforce import TechnicianInvitationStatus, TechnicianRole, TechnicianStatus
from db.models import Technician, TechnicianInvitation, User


@dataclass(frozen=True)
class TeamFilter:
    role: TechnicianRole | None = None
    status: TechnicianStatus | None = TechnicianStatus.ACTIVE


async def team(
    db: Database, organization_id: int, viewer_user_id: int | None, everyone: bool, filter: TeamFilter, page: Page
) -> Slice[Technician]:
    """The shop's technicians in the order they started; without `everyone`, only the viewer's own record and
    those they supervise."""
    stmt = select(Technician).where(Technician.organization_id == organization_id)
    if not everyone:
        if viewer_user_id is None:
            return page.slice([])
        stmt = stmt.where(or_(Technician.user_id == viewer_user_id, Technician.supervisor_user_id == viewer_user_id))
    if filter.role is not None:
        stmt = stmt.where(Technician.role == filter.role.value)
    if filter.status is not None:
        stmt = stmt.where(Technician.status == filter.status.value)
    stmt = stmt.order_by(Technician.started_on, Technician.id)
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())


async def own_records(db: Database, user_id: int, page: Page) -> Slice[Technician]:
    """A person's technician records at every shop, the current ones first, then newest first."""
    stmt = (
        select(Technician)
        .where(Technician.user_id == user_id)
        .order_by(Technician.status, Technician.started_on.desc(), Technician.id.desc())
    )
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())


async def pending_invitations(db: Database, organization_id: int, page: Page) -> Slice[TechnicianInvitation]:
    stmt = (
        select(TechnicianInvitation)
        .where(
            TechnicianInvitation.organization_id == organization_id,
            TechnicianInvitation.status == TechnicianInvitationStatus.PENDING.value,
        )
        .order_by(TechnicianInvitation.created_at.desc(), TechnicianInvitation.id.desc())
    )
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())


async def invitations_to(db: Database, user_id: int, page: Page) -> Slice[TechnicianInvitation]:
    """Pending invitations addressed to the person's account email, newest first."""
    stmt = (
        select(TechnicianInvitation)
        .join(User, User.email == TechnicianInvitation.email)
        .where(User.id == user_id, TechnicianInvitation.status == TechnicianInvitationStatus.PENDING.value)
        .order_by(TechnicianInvitation.created_at.desc(), TechnicianInvitation.id.desc())
    )
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())
