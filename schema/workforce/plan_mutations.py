"""Generating a development plan and adjusting its steps: the technician, their supervisor, the shop's admins."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from db.enums.workforce import PlanStepKind as DomainStepKind
from db.enums.workforce import SafetyTraining as DomainTraining
from db.enums.workforce import TechnicianRole as DomainRole
from resolvers.workforce import plans
from schema.context import Info
from schema.errors import INPUT, Payload, returns_payload
from schema.relay import decode_id
from schema.scalars import given
from schema.workforce.enums import PlanStepKind, SafetyTraining, TechnicianRole
from schema.workforce.plans import DevelopmentPlan, PlanStep


@strawberry.input(description="Whose plan to generate, and toward what.")
class DevelopmentPlanGenerateInput:
    technician_id: strawberry.ID = strawberry.field(
        description="An ACTIVE Technician: yourself, one you supervise, or one of your shop's."
    )
    role: TechnicianRole | None = strawberry.field(
        default=None, description="The role to work toward; the technician's own when omitted."
    )
    target_level: int | None = strawberry.field(
        default=None, description="The level to reach, 1-3; the next level up when omitted."
    )


@strawberry.input(description="A step to add to a plan.")
class PlanStepAddInput:
    plan_id: strawberry.ID = strawberry.field(description="The DevelopmentPlan.")
    kind: PlanStepKind = strawberry.field(description="What the step asks for.")
    target_on: date = strawberry.field(description="Its target date, within three years of today.")
    credential_code: str | None = strawberry.field(
        default=None, description="For CREDENTIAL: the catalogue code, e.g. 'ASE-B2' (UNKNOWN_CREDENTIAL otherwise)."
    )
    area_code: str | None = strawberry.field(
        default=None, description="For ACADEMY_AREA: the academy area code, e.g. 'PREP' (UNKNOWN_AREA otherwise)."
    )
    safety_training: SafetyTraining | None = strawberry.field(default=None, description="For SAFETY_TRAINING.")
    title: str | None = strawberry.field(
        default=None, description="Up to 200 characters; from what the step asks for when omitted."
    )
    note: str | None = strawberry.field(default=None, description="Up to 2,000 characters.")


@strawberry.input(description="Changes to a plan step; fields left out stay as they are.")
class PlanStepUpdateInput:
    id: strawberry.ID = strawberry.field(description="The PlanStep.")
    target_on: date | None = strawberry.field(
        default=strawberry.UNSET, description="A new target date, within three years of today."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="A new note; null or blank clears it.")
    skipped: bool | None = strawberry.field(
        default=strawberry.UNSET, description="true sets the step aside; false brings it back."
    )
    completed_on: date | None = strawberry.field(
        default=strawberry.UNSET,
        description="Mentor sessions only: the day it was held (null: not held). Other steps are done when the "
        "training record says so (INVALID otherwise).",
    )


@strawberry.type(description="The result of `developmentPlanGenerate`.")
class DevelopmentPlanGeneratePayload(Payload):
    plan: DevelopmentPlan | None = strawberry.field(default=None, description="The plan; null on error.")


@strawberry.type(description="The result of `planStepAdd`.")
class PlanStepAddPayload(Payload):
    step: PlanStep | None = strawberry.field(default=None, description="The new step; null on error.")


@strawberry.type(description="The result of `planStepUpdate`.")
class PlanStepUpdatePayload(Payload):
    step: PlanStep | None = strawberry.field(default=None, description="The step as it now stands; null on error.")


async def _step(info: Info, row) -> PlanStep | None:
    plan = await DevelopmentPlan.load(info, row.plan_id)
    return PlanStep.from_model(row, plan._row.technician_id) if plan else None


@strawberry.type
class PlanMutations:
    @strawberry.mutation(
        description="Generate a development plan from the technician's gaps to the target level: safety training "
        "first, academy areas, credentials to sit, and monthly mentor sessions, each with a target date. "
        "Generating again keeps every step and its adjustments and adds steps for new gaps. The technician, their "
        "supervisor and the shop's admins; LEVEL_ALREADY_REACHED when nothing is missing."
    )
    @returns_payload
    async def development_plan_generate(
        self, info: Info, input: Annotated[DevelopmentPlanGenerateInput, strawberry.argument(description=INPUT)]
    ) -> DevelopmentPlanGeneratePayload:
        row = await plans.generate(
            info.context.db,
            info.context.viewer,
            plans.GenerateInput(
                technician_id=decode_id(input.technician_id, "Technician", "technicianId"),
                role=DomainRole(input.role) if input.role else None,
                target_level=input.target_level,
            ),
        )
        return DevelopmentPlanGeneratePayload(plan=DevelopmentPlan.from_model(row))

    @strawberry.mutation(description="Add a step to a plan (the technician, their supervisor, the shop's admins).")
    @returns_payload
    async def plan_step_add(
        self, info: Info, input: Annotated[PlanStepAddInput, strawberry.argument(description=INPUT)]
    ) -> PlanStepAddPayload:
        row = await plans.add_step(
            info.context.db,
            info.context.viewer,
            plans.StepInput(
                plan_id=decode_id(input.plan_id, "DevelopmentPlan", "planId"),
                kind=DomainStepKind(input.kind),
                target_on=input.target_on,
                title=input.title,
                credential_code=input.credential_code,
                area_code=input.area_code,
                safety_training=DomainTraining(input.safety_training) if input.safety_training else None,
                note=input.note,
            ),
        )
        return PlanStepAddPayload(step=await _step(info, row))

    @strawberry.mutation(
        description="Move a step's target date, write a note, skip or restore it, or mark a mentor session held "
        "(the technician, their supervisor, the shop's admins)."
    )
    @returns_payload
    async def plan_step_update(
        self, info: Info, input: Annotated[PlanStepUpdateInput, strawberry.argument(description=INPUT)]
    ) -> PlanStepUpdatePayload:
        changes = given(input)
        step_id = decode_id(changes.pop("id"), "PlanStep")
        row = await plans.update_step(info.context.db, info.context.viewer, step_id, changes)
        return PlanStepUpdatePayload(step=await _step(info, row))
