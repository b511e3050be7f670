"""A shop's workforce: its team as the viewer may see it, Gold Class readiness, who is due for safety
training, retention signals, and the viewer's own technician records and invitations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import strawberry

from db import models
from db.engine import Database
from db.enums.workforce import TechnicianRole as DomainRole
from db.enums.workforce import TechnicianStatus as DomainStatus
from resolvers.workforce import listing, policy, retention, safety, shop
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.relay import After, Connection, First, decode_id, page_args, page_of
from schema.workforce.access import RequestTies
from schema.workforce.enums import TechnicianRole, TechnicianStatus
from schema.workforce.hiring import TechnicianInvitation
from schema.workforce.safety import SafetyDue
from schema.workforce.shop_standing import GoldClassReadiness, RetentionSignals
from schema.workforce.technicians import Technician


async def _active_teams(db: Database, organization_ids: Sequence[int]) -> list[shop.ActiveTeam]:
    return [await shop.active_team(db, organization_id) for organization_id in organization_ids]


@strawberry.type(
    description="A shop's workforce. Its owners, admins and staff see the whole team and the shop's standing; a "
    "supervisor sees the technicians they supervise; every member and technician sees the retention signals, "
    "aggregated."
)
class Workforce:
    organization_id: strawberry.Private[int]

    @strawberry.field(description="The shop.")
    async def organization(self, info: Info) -> Organization:
        return Organization.from_model(await info.context.loaders.by_id(models.Organization).load(self.organization_id))

    async def _team(self, info: Info) -> shop.ActiveTeam:
        """The active team and its records, read once per request for readiness and who is due."""
        return await info.context.loaders.custom("workforce_active_team", _active_teams).load(self.organization_id)

    async def _admin(self, info: Info) -> bool:
        return await policy.may_see_shop_standing(info.context.viewer, self.organization_id, RequestTies(info))

    @strawberry.field(
        description="Technicians in the order they started: every one for the shop's admins and staff; for anyone "
        "else, their own record and those they supervise."
    )
    async def technicians(
        self,
        info: Info,
        role: Annotated[TechnicianRole | None, strawberry.argument(description="Only this role.")] = None,
        status: Annotated[
            TechnicianStatus | None, strawberry.argument(description="Only this status; null for both.")
        ] = DomainStatus.ACTIVE,
        first: First = 20,
        after: After = None,
    ) -> Connection[Technician]:
        page = page_args(first, after)
        filter = listing.TeamFilter(
            role=DomainRole(role) if role else None, status=DomainStatus(status) if status else None
        )
        everyone = await self._admin(info)
        rows = await listing.team(
            info.context.db, self.organization_id, info.context.viewer.user_id, everyone, filter, page
        )
        return Connection.of(rows, Technician.from_model)

    @strawberry.field(description="I-CAR Gold Class readiness; null unless you are an owner or admin, or staff.")
    async def gold_class(self, info: Info) -> GoldClassReadiness | None:
        if not await self._admin(info):
            return None
        result = shop.gold_class_readiness(await self._team(info), info.context.settings.gold_class_per_role)
        return GoldClassReadiness.of(result)

    @strawberry.field(
        description="Safety training due across the team: missing, lapsed, or lapsing within `withinDays`, "
        "soonest first; null unless you are an owner or admin, or staff."
    )
    async def safety_due(
        self,
        info: Info,
        within_days: Annotated[int, strawberry.argument(description="How far ahead to look, 0-365 days.")] = 90,
        first: First = 20,
        after: After = None,
    ) -> Connection[SafetyDue] | None:
        if not await self._admin(info):
            return None
        due = safety.due_in(await self._team(info), within_days)
        return Connection.of(page_of(due, first, after), SafetyDue.of)

    @strawberry.field(description="Retention signals, aggregated: never a person's own figures.")
    async def retention(self, info: Info) -> RetentionSignals:
        return RetentionSignals.of(await retention.signals(info.context.db, self.organization_id))

    @strawberry.field(description="Pending invitations, newest first; null unless you are an owner or admin, or staff.")
    async def invitations(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[TechnicianInvitation] | None:
        if not await self._admin(info):
            return None
        rows = await listing.pending_invitations(info.context.db, self.organization_id, page_args(first, after))
        return Connection.of(rows, TechnicianInvitation.from_model)


@strawberry.type
class WorkforceQueries:
    @strawberry.field(
        description="An employer's workforce; null unless you are a member of the shop (or its app with a talent "
        "scope), one of its technicians, or staff, and for organizations that are not employers."
    )
    async def workforce(
        self,
        info: Info,
        organization_id: Annotated[strawberry.ID, strawberry.argument(description="The employer Organization.")],
    ) -> Workforce | None:
        pk = decode_id(organization_id, "Organization", "organizationId")
        shop = await info.context.loaders.by_id(models.Organization).load(pk)
        if shop is None or not shop.is_employer:
            return None
        if not await policy.may_see_aggregates(info.context.viewer, pk, RequestTies(info)):
            return None
        return Workforce(organization_id=pk)

    @strawberry.field(
        description="Your technician records at every shop, current ones first; empty unless signed in as a person."
    )
    async def my_technician_records(self, info: Info, first: First = 20, after: After = None) -> Connection[Technician]:
        page = page_args(first, after)
        user_id = info.context.viewer.user_id
        rows = await listing.own_records(info.context.db, user_id, page) if user_id else page.slice([])
        return Connection.of(rows, Technician.from_model)

    @strawberry.field(description="Pending invitations to a shop's team sent to your email, newest first.")
    async def my_technician_invitations(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[TechnicianInvitation]:
        page = page_args(first, after)
        user_id = info.context.viewer.user_id
        rows = await listing.invitations_to(info.context.db, user_id, page) if user_id else page.slice([])
        return Connection.of(rows, TechnicianInvitation.from_model)
