"""A technician of a shop: role, start date, supervisor, and the records the shop counts."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from core.clock import today
from db import models
from db.enums.workforce import TechnicianRole as DomainRole
from db.reference.workforce_roles import ROLE_BY_CODE, ROLES
from resolvers.workforce import policy
from resolvers.workforce.records import TechnicianRecords
from resolvers.workforce.safety_status import safety_items
from resolvers.workforce.standing import standing
from schema.accounts.organizations import Organization
from schema.accounts.users import User
from schema.context import Info
from schema.relay import After, Connection, First, Node, node_type, page_of
from schema.talent.credentials import StudentCredential
from schema.talent.students import StudentProfile
from schema.workforce.access import RequestTies, records
from schema.workforce.enums import TaskStatus, TechnicianRole, TechnicianStatus
from schema.workforce.standing import RoleStanding, SafetyStatus

if TYPE_CHECKING:
    from schema.workforce.plans import DevelopmentPlan
    from schema.workforce.safety import SafetyCertification
    from schema.workforce.tasks import ShopTask


async def can_see(info: Info, row: models.Technician) -> bool:
    return await policy.may_see_records(info.context.viewer, row, RequestTies(info))


@node_type
@strawberry.type(
    description="A technician of a shop, from a hire or an accepted invitation. Seen by the technician, their "
    "supervisor, the shop's owners and admins (and its apps with a talent scope) and staff; null for anyone "
    "else, peers on the team included."
)
class Technician(Node):
    role: TechnicianRole = strawberry.field(description="Their role at the shop.")
    status: TechnicianStatus = strawberry.field(description="Whether they still work there.")
    started_on: date = strawberry.field(description="Their first day at the shop.")
    ended_on: date | None = strawberry.field(description="Their last day, once they left; null while active.")
    shares_earlier_records: bool = strawberry.field(
        description="Whether the shop counts the credentials and training they earned before `startedOn`; the "
        "technician alone decides (`technicianSharingUpdate`). What they earn while at the shop always counts."
    )
    created_at: datetime = strawberry.field(description="When they joined the team here.")
    _row: strawberry.Private[models.Technician]

    @classmethod
    def from_model(cls, row: models.Technician) -> Technician:
        return cls(
            pk=row.id,
            role=DomainRole(row.role),
            status=TechnicianStatus(row.status),
            started_on=row.started_on,
            ended_on=row.ended_on,
            shares_earlier_records=row.shares_earlier_records,
            created_at=row.created_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Technician | None:
        row = await info.context.loaders.by_id(models.Technician).load(pk)
        return cls.from_model(row) if row is not None and await can_see(info, row) else None

    async def records(self, info: Info) -> TechnicianRecords:
        return await records(info, self.pk)

    @strawberry.field(description="The shop.")
    async def organization(self, info: Info) -> Organization:
        return Organization.from_model(
            await info.context.loaders.by_id(models.Organization).load(self._row.organization_id)
        )

    @strawberry.field(description="The person.")
    async def person(self, info: Info) -> User:
        return User.from_model(await info.context.loaders.by_id(models.User).load(self._row.user_id))

    @strawberry.field(description="Their supervisor or mentor in the shop; null when none is named.")
    async def supervisor(self, info: Info) -> User | None:
        return await User.load(info, self._row.supervisor_user_id) if self._row.supervisor_user_id else None

    @strawberry.field(
        description="Their student profile, under its own rules: the shop sees it as any employer the student "
        "applied to would (their pathway trimmed by their choices); null when those rules hide it."
    )
    async def profile(self, info: Info) -> StudentProfile | None:
        return await StudentProfile.load(info, self._row.student_id)

    @strawberry.field(
        description="The credentials the shop counts, in the order earned: those earned while at the shop, and "
        "earlier ones when the technician shares them."
    )
    async def credentials(self, info: Info, first: First = 20, after: After = None) -> Connection[StudentCredential]:
        loader = info.context.loaders.by_column(models.StudentCredential, "student_id", order_by=("earned_on", "id"))
        row = self._row
        rows = [
            c for c in await loader.load(row.student_id) if row.shares_earlier_records or c.earned_on >= row.started_on
        ]
        return Connection.of(page_of(rows, first, after), StudentCredential.from_model)

    @strawberry.field(
        description="Their standing in each role asked for (every role when omitted, their own first): level "
        "reached, what the next level needs, what lapses within 90 days."
    )
    async def standing(
        self,
        info: Info,
        roles: Annotated[
            list[TechnicianRole] | None, strawberry.argument(description="The roles to report; all when omitted.")
        ] = None,
    ) -> list[RoleStanding]:
        held = await self.records(info)
        on = today()
        asked = (
            [ROLE_BY_CODE[DomainRole(r)] for r in roles]
            if roles
            else sorted(ROLES, key=lambda seed: seed.role.value != self._row.role)
        )
        return [RoleStanding.of(standing(seed, held, on), on) for seed in asked]

    @strawberry.field(
        description="Each safety training their role needs or they hold, most urgent first (EXPIRED, MISSING, "
        "EXPIRING, VALID)."
    )
    async def safety(self, info: Info) -> list[SafetyStatus]:
        role = ROLE_BY_CODE[DomainRole(self._row.role)]
        return [SafetyStatus.of(item) for item in safety_items(role, await self.records(info), today())]

    @strawberry.field(description="Every safety certification recorded for them, newest first.")
    async def safety_certifications(
        self, info: Info, first: First = 20, after: After = None
    ) -> Connection[Annotated[SafetyCertification, strawberry.lazy("schema.workforce.safety")]]:
        from schema.workforce.safety import SafetyCertification

        loader = info.context.loaders.by_column(
            models.SafetyCertification, "technician_id", order_by=("completed_on", "id")
        )
        rows = list(reversed(await loader.load(self.pk)))
        return Connection.of(page_of(rows, first, after), SafetyCertification.from_model)

    @strawberry.field(description="Their development plan; null until one is generated.")
    async def plan(self, info: Info) -> Annotated[DevelopmentPlan, strawberry.lazy("schema.workforce.plans")] | None:
        from schema.workforce.plans import DevelopmentPlan

        rows = await info.context.loaders.by_column(models.DevelopmentPlan, "technician_id").load(self.pk)
        return DevelopmentPlan.from_model(rows[0]) if rows else None

    @strawberry.field(description="Work assigned to them, soonest due first.")
    async def tasks(
        self,
        info: Info,
        status: Annotated[TaskStatus | None, strawberry.argument(description="Only tasks in this status.")] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[Annotated[ShopTask, strawberry.lazy("schema.workforce.tasks")]]:
        from schema.workforce.tasks import ShopTask

        rows = await info.context.loaders.by_column(models.ShopTask, "technician_id", order_by=("due_on", "id")).load(
            self.pk
        )
        if status is not None:
            rows = [row for row in rows if row.status == status.value]
        return Connection.of(page_of(rows, first, after), ShopTask.from_model)
