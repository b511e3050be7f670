"""Who may see and act on a shop's team and a technician's records: the one place each rule is written.

A technician's records (credentials, standing, safety, plan, tasks) are theirs, their supervisor's and the
shop's admins' (owners and admins, or the shop's apps with a talent scope), and staff's; to anyone else the
technician does not exist. Peers on the team see only the shop's aggregates, never a person's records.
The schema asks through the request's cached roles (`schema.workforce.access.RequestTies`), use cases
through their own session (`SessionTies`); both reach the same functions.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.viewer import MANAGERS, Role, Scope, Viewer
from db.enums.workforce import TechnicianStatus
from db.models import Membership, Technician


class TeamTies(Protocol):
    """What the rules need to know about the viewer's ties to shops, however the caller reads them."""

    async def roles(self) -> Mapping[int, Role]:
        """The viewer's role in each organization (an app: ADMIN of its own)."""

    async def technician_organizations(self) -> Collection[int]:
        """The shops the viewer works at as an active technician."""


def _app_holds(viewer: Viewer, scope: Scope) -> bool:
    return not viewer.is_app or scope.value in viewer.scopes


def is_the_technician(viewer: Viewer, technician: Technician) -> bool:
    return viewer.user_id is not None and viewer.user_id == technician.user_id


def is_supervisor(viewer: Viewer, technician: Technician) -> bool:
    return viewer.user_id is not None and viewer.user_id == technician.supervisor_user_id


async def is_shop_admin(viewer: Viewer, organization_id: int, ties: TeamTies, scope: Scope = Scope.TALENT_READ) -> bool:
    """An owner or admin of the shop, or the shop's app holding `scope` (talent:write also reads)."""
    if viewer.is_app and scope is Scope.TALENT_READ and Scope.TALENT_WRITE.value in viewer.scopes:
        scope = Scope.TALENT_WRITE
    return _app_holds(viewer, scope) and (await ties.roles()).get(organization_id) in MANAGERS


async def may_see_records(viewer: Viewer, technician: Technician, ties: TeamTies) -> bool:
    """The technician, their supervisor, the shop's admins and staff."""
    if viewer.is_staff or is_the_technician(viewer, technician) or is_supervisor(viewer, technician):
        return True
    return await is_shop_admin(viewer, technician.organization_id, ties)


async def may_adjust_plan(viewer: Viewer, technician: Technician, ties: TeamTies) -> bool:
    """The technician and their supervisor, and the shop's admins (apps with talent:write)."""
    if is_the_technician(viewer, technician) or is_supervisor(viewer, technician):
        return True
    return await is_shop_admin(viewer, technician.organization_id, ties, Scope.TALENT_WRITE)


async def may_supervise(viewer: Viewer, technician: Technician, ties: TeamTies) -> bool:
    """Record safety training and assign work: the supervisor and the shop's admins, not the technician alone
    (a record of safety training is the shop's attestation)."""
    if is_supervisor(viewer, technician):
        return True
    return await is_shop_admin(viewer, technician.organization_id, ties, Scope.TALENT_WRITE)


async def may_manage_team(viewer: Viewer, organization_id: int, ties: TeamTies) -> bool:
    """Hire, invite, change a technician's role or supervisor, record a departure: the shop's admins."""
    return await is_shop_admin(viewer, organization_id, ties, Scope.TALENT_WRITE)


async def may_see_shop_standing(viewer: Viewer, organization_id: int, ties: TeamTies) -> bool:
    """Gold Class readiness, who is due for safety training, pending invitations: the admins and staff."""
    return viewer.is_staff or await is_shop_admin(viewer, organization_id, ties)


async def may_see_aggregates(viewer: Viewer, organization_id: int, ties: TeamTies) -> bool:
    """The shop's retention signals, aggregated: its members, its technicians (peers included) and staff."""
    if viewer.is_staff:
        return True
    if organization_id in await ties.roles() and _app_holds(viewer, Scope.TALENT_READ):
        return True
    return organization_id in await ties.technician_organizations()


async def sees_whole_team(viewer: Viewer, organization_id: int, ties: TeamTies) -> bool:
    """Who lists every technician of the shop; anyone else lists only the records they may see."""
    return await may_see_shop_standing(viewer, organization_id, ties)


@dataclass
class SessionTies:
    """The viewer's ties read in the use case's own session (once per use case)."""

    session: AsyncSession
    viewer: Viewer
    _roles: dict[int, Role] | None = None

    async def roles(self) -> Mapping[int, Role]:
        if self._roles is None:
            if self.viewer.is_app:
                org = self.viewer.app_organization_id
                self._roles = {} if org is None else {org: Role.ADMIN}
            elif self.viewer.user_id is None:
                self._roles = {}
            else:
                rows = await self.session.execute(
                    select(Membership.organization_id, Membership.role).where(Membership.user_id == self.viewer.user_id)
                )
                self._roles = {org_id: Role(role) for org_id, role in rows}
        return self._roles

    async def technician_organizations(self) -> Collection[int]:
        if self.viewer.user_id is None:
            return set()
        rows = await self.session.scalars(
            select(Technician.organization_id).where(
                Technician.user_id == self.viewer.user_id, Technician.status == TechnicianStatus.ACTIVE.value
            )
        )
        return set(rows.all())
