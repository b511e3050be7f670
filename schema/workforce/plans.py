"""Development plans and their steps: progress read from the training records, pay beside it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from core.clock import today
from db import models
from db.enums.talent import PayUnit, RoleType  # described for the API by schema.talent.enums
from db.enums.workforce import PlanStepKind as DomainStepKind
from db.enums.workforce import TechnicianRole as DomainRole
from db.reference.workforce_roles import ROLE_BY_CODE
from resolvers.workforce.plan_steps import StepStatus, progress
from resolvers.workforce.standing import standing
from schema.context import Info
from schema.relay import After, Connection, First, Node, node_type, page_args
from schema.workforce.access import records
from schema.workforce.enums import PlanStepKind, PlanStepStatus, TechnicianRole
from schema.workforce.pay_progression import PayProgression, pay_for
from schema.workforce.technicians import Technician


@node_type
@strawberry.type(
    description="A step of a development plan. Its status is read from the records: a credential held, an "
    "academy area's modules and badge, a safety training in force; a mentor session once marked held."
)
class PlanStep(Node):
    kind: PlanStepKind = strawberry.field(description="What the step asks for.")
    codes: list[str] = strawberry.field(
        description="What meets it, any one: credential codes, an academy badge code or a SafetyTraining value; "
        "empty for a mentor session."
    )
    title: str = strawberry.field(description="For display.")
    target_on: date = strawberry.field(description="The target date; the technician or supervisor may move it.")
    position: int = strawberry.field(description="Its place in the plan, in the order steps were added.")
    note: str = strawberry.field(description="A note from the technician or supervisor; may be empty.")
    updated_at: datetime = strawberry.field(description="When the step was last adjusted.")
    _row: strawberry.Private[models.PlanStep]
    _technician_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.PlanStep, technician_id: int) -> PlanStep:
        return cls(
            pk=row.id,
            kind=DomainStepKind(row.kind),
            codes=list(row.codes or ()),
            title=row.title,
            target_on=row.target_on,
            position=row.ordinal,
            note=row.note,
            updated_at=row.updated_at,
            _row=row,
            _technician_id=technician_id,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> PlanStep | None:
        row = await info.context.loaders.by_id(models.PlanStep).load(pk)
        plan = await info.context.loaders.by_id(models.DevelopmentPlan).load(row.plan_id) if row else None
        if row is None or plan is None or await Technician.load(info, plan.technician_id) is None:
            return None
        return cls.from_model(row, plan.technician_id)

    async def _progress(self, info: Info):
        return progress(self._row, await records(info, self._technician_id), today())

    @strawberry.field(description="TODO, IN_PROGRESS, DONE or SKIPPED, as of today.")
    async def status(self, info: Info) -> PlanStepStatus:
        return (await self._progress(info)).status

    @strawberry.field(description="When the record that meets it was earned (or the session held); null until done.")
    async def done_on(self, info: Info) -> date | None:
        return (await self._progress(info)).done_on

    @strawberry.field(description="Academy areas: modules completed, in any program; null for other steps.")
    async def modules_completed(self, info: Info) -> int | None:
        return (await self._progress(info)).modules_completed

    @strawberry.field(description="Academy areas: modules in the area; null for other steps.")
    async def modules_total(self, info: Info) -> int | None:
        return (await self._progress(info)).modules_total

    @strawberry.field(description="Not done nor skipped, and the target date has passed.")
    async def overdue(self, info: Info) -> bool:
        return (await self._progress(info)).overdue


@strawberry.type(description="How far a plan has come, from the records.")
class PlanProgress:
    steps_total: int = strawberry.field(description="Steps in the plan, skipped ones excluded.")
    steps_done: int = strawberry.field(description="Steps done.")
    steps_overdue: int = strawberry.field(description="Steps past their target date and not done.")
    percent: float = strawberry.field(description="Share of the steps done, to one decimal.")


@node_type
@strawberry.type(
    description="A technician's development plan toward a level of a role: steps generated from their gaps, with "
    "target dates they and their supervisor adjust. Seen by whoever sees the technician."
)
class DevelopmentPlan(Node):
    role: TechnicianRole = strawberry.field(description="The role the plan works toward.")
    target_level: int = strawberry.field(description="The level the plan aims at (1-3).")
    created_at: datetime = strawberry.field(description="When the plan was first generated.")
    updated_at: datetime = strawberry.field(description="When it was last generated again or adjusted.")
    _row: strawberry.Private[models.DevelopmentPlan]

    @classmethod
    def from_model(cls, row: models.DevelopmentPlan) -> DevelopmentPlan:
        return cls(
            pk=row.id,
            role=DomainRole(row.role),
            target_level=row.target_level,
            created_at=row.created_at,
            updated_at=row.updated_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> DevelopmentPlan | None:
        row = await info.context.loaders.by_id(models.DevelopmentPlan).load(pk)
        if row is None or await Technician.load(info, row.technician_id) is None:
            return None
        return cls.from_model(row)

    @strawberry.field(description="The technician.")
    async def technician(self, info: Info) -> Technician | None:
        return await Technician.load(info, self._row.technician_id)

    @strawberry.field(description="The level of the plan's role reached today.")
    async def current_level(self, info: Info) -> int:
        held = await records(info, self._row.technician_id)
        return standing(ROLE_BY_CODE[DomainRole(self._row.role)], held, today()).level

    @strawberry.field(description="The steps in plan order (position).")
    async def steps(self, info: Info, first: First = 20, after: After = None) -> Connection[PlanStep]:
        page = page_args(first, after)
        loader = info.context.loaders.page_by_column(models.PlanStep, "plan_id", page, order_by=("ordinal", "id"))
        technician_id = self._row.technician_id
        return Connection.of(await loader.load(self.pk), lambda row: PlanStep.from_model(row, technician_id))

    @strawberry.field(description="Steps done, overdue and in all, from the records.")
    async def progress(self, info: Info) -> PlanProgress:
        rows = await info.context.loaders.by_column(models.PlanStep, "plan_id").load(self.pk)
        held, on = await records(info, self._row.technician_id), today()
        states = [progress(row, held, on) for row in rows]
        counted = [s for s in states if s.status is not StepStatus.SKIPPED]
        done = sum(1 for s in counted if s.status is StepStatus.DONE)
        return PlanProgress(
            steps_total=len(counted),
            steps_done=done,
            steps_overdue=sum(1 for s in counted if s.overdue),
            percent=round(100.0 * done / len(counted), 1) if counted else 0.0,
        )

    @strawberry.field(
        description="What the level reached today and the target level pay near the shop, from the pay tool "
        "(never from fewer than five data points); null when the shop gave no ZIP code."
    )
    async def pay_progression(
        self,
        info: Info,
        unit: Annotated[PayUnit, strawberry.argument(description="The unit to answer in.")] = PayUnit.YEAR,
    ) -> PayProgression | None:
        technician = await info.context.loaders.by_id(models.Technician).load(self._row.technician_id)
        shop = await info.context.loaders.by_id(models.Organization).load(technician.organization_id)
        if shop is None or not shop.postal_code:
            return None
        role = ROLE_BY_CODE[DomainRole(self._row.role)]
        level = standing(role, await records(info, technician.id), today()).level
        return PayProgression(
            role=role.role,
            pay_role_type=RoleType(role.pay_role_type),
            current=await pay_for(info, role.role, level, shop.postal_code, unit),
            target=await pay_for(info, role.role, max(level, self._row.target_level), shop.postal_code, unit),
        )
