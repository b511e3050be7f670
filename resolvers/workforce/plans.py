"""Development plans: generated from a technician's gaps, then adjusted by the technician and their
supervisor. Progress is never written here: it is read from the training records (see `plan_steps`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import today, utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database
from db.enums.workforce import PlanStepKind, SafetyTraining, TechnicianRole
from db.models import Credential, DevelopmentPlan, PlanStep
from db.reference.curriculum import ACADEMY_AREAS
from db.reference.workforce_roles import MAX_LEVEL, ROLE_BY_CODE
from db.reference.workforce_safety import SAFETY_BY_CODE
from resolvers.workforce.access import require_active, technician_for
from resolvers.workforce.plan_steps import draft, level_reached
from resolvers.workforce.policy import may_adjust_plan
from resolvers.workforce.records import records_of

LONGEST_PLAN = timedelta(days=3 * 366)


@dataclass(frozen=True)
class GenerateInput:
    technician_id: int
    role: TechnicianRole | None = None
    target_level: int | None = None


async def generate(db: Database, viewer: Viewer, given: GenerateInput) -> DevelopmentPlan:
    """Draft the plan from today's gaps (event: development plan generated). Generating again keeps every
    step and its adjustments, and adds steps for gaps no step covers yet (a new target, a lapsed training)."""
    async with db.write() as session:
        technician = await technician_for(session, viewer, given.technician_id, "technicianId", may_adjust_plan)
        require_active(technician, "technicianId")
        role = ROLE_BY_CODE[given.role or TechnicianRole(technician.role)]
        records = (await records_of(session, [technician]))[technician.id]
        on = today()
        level = level_reached(role, records, on)
        target = given.target_level or min(level + 1, MAX_LEVEL)
        if not 1 <= target <= MAX_LEVEL:
            raise DomainError(ErrorCode.OUT_OF_RANGE, f"targetLevel must be between 1 and {MAX_LEVEL}.", "targetLevel")
        if level >= target:
            raise DomainError(
                ErrorCode.LEVEL_ALREADY_REACHED, f"Already at level {level} as a {role.name}.", "targetLevel"
            )
        plan = await session.scalar(select(DevelopmentPlan).where(DevelopmentPlan.technician_id == technician.id))
        if plan is None:
            plan = DevelopmentPlan(technician_id=technician.id, created_by_id=viewer.user_id)
            session.add(plan)
        plan.role, plan.target_level, plan.updated_at = role.role.value, target, utcnow()
        await session.flush()
        existing = (await session.scalars(select(PlanStep).where(PlanStep.plan_id == plan.id))).all()
        covered = {(s.kind, tuple(s.codes)) for s in existing if s.kind != PlanStepKind.MENTOR_SESSION.value}
        has_sessions = any(s.kind == PlanStepKind.MENTOR_SESSION.value for s in existing)
        ordinal = max((s.ordinal for s in existing), default=0)
        for step in draft(role, target, records, on):
            if (step.kind.value, step.codes) in covered or (step.kind is PlanStepKind.MENTOR_SESSION and has_sessions):
                continue
            ordinal += 1
            session.add(
                PlanStep(
                    plan_id=plan.id,
                    kind=step.kind.value,
                    codes=list(step.codes),
                    title=step.title,
                    target_on=step.target_on,
                    ordinal=ordinal,
                    created_by_id=viewer.user_id,
                )
            )
    return plan


async def _plan_for_step(session: AsyncSession, viewer: Viewer, plan_id: int, field: str) -> DevelopmentPlan:
    plan = await session.get(DevelopmentPlan, plan_id)
    if plan is None:
        raise not_found("Development plan", field)
    await technician_for(session, viewer, plan.technician_id, field, may_adjust_plan, hide="Development plan")
    return plan


def _target(day: date, field: str = "targetOn") -> date:
    if not today() - LONGEST_PLAN <= day <= today() + LONGEST_PLAN:
        raise DomainError(ErrorCode.OUT_OF_RANGE, f"{field} must be within three years of today.", field)
    return day


@dataclass(frozen=True)
class StepInput:
    plan_id: int
    kind: PlanStepKind
    target_on: date
    title: str | None = None
    credential_code: str | None = None
    area_code: str | None = None
    safety_training: SafetyTraining | None = None
    note: str | None = None


async def _what(session: AsyncSession, given: StepInput) -> tuple[list[str], str]:
    """The codes that meet the step and its default title."""
    if given.kind is PlanStepKind.CREDENTIAL:
        code = (given.credential_code or "").strip().upper()
        credential = await session.scalar(select(Credential).where(Credential.code == code))
        if credential is None:
            raise DomainError(
                ErrorCode.UNKNOWN_CREDENTIAL, f"No credential {code!r} in the catalogue.", "credentialCode"
            )
        return [credential.code], credential.name
    if given.kind is PlanStepKind.ACADEMY_AREA:
        code = (given.area_code or "").strip().upper()
        area = next((a for a in ACADEMY_AREAS if a.code == code), None)
        if area is None:
            raise DomainError(ErrorCode.UNKNOWN_AREA, f"No academy area {code!r}.", "areaCode")
        return [area.badge_code], f"I-CAR Academy: {area.name}"
    if given.kind is PlanStepKind.SAFETY_TRAINING:
        if given.safety_training is None:
            raise DomainError(ErrorCode.REQUIRED, "safetyTraining is required for a safety step.", "safetyTraining")
        return [given.safety_training.value], SAFETY_BY_CODE[given.safety_training].name
    return [], "Mentor session with your supervisor"


async def add_step(db: Database, viewer: Viewer, given: StepInput) -> PlanStep:
    """The technician or their supervisor adds a step (event: plan step added)."""
    checks = Checks()
    title = checks.text(given.title, "title", max_length=200, required=False)
    note = checks.text(given.note, "note", max_length=2000, required=False) or ""
    checks.raise_any()
    target_on = _target(given.target_on)
    async with db.write() as session:
        plan = await _plan_for_step(session, viewer, given.plan_id, "planId")
        codes, default_title = await _what(session, given)
        last = await session.scalar(select(func.max(PlanStep.ordinal)).where(PlanStep.plan_id == plan.id))
        step = PlanStep(
            plan_id=plan.id,
            kind=given.kind.value,
            codes=codes,
            title=title or default_title,
            target_on=target_on,
            ordinal=(last or 0) + 1,
            note=note,
            created_by_id=viewer.user_id,
        )
        session.add(step)
        plan.updated_at = utcnow()
    return step


async def update_step(db: Database, viewer: Viewer, step_id: int, changes: dict) -> PlanStep:
    """Move a target date, write a note, skip or restore a step, mark a mentor session held (the technician
    or their supervisor; event: plan step updated). Other steps are done when the records say so."""
    checks = Checks()
    if "note" in changes:
        changes["note"] = checks.text(changes["note"], "note", max_length=2000, required=False) or ""
    checks.raise_any()
    async with db.write() as session:
        step = await session.get(PlanStep, step_id)
        if step is None:
            raise not_found("Plan step")
        plan = await _plan_for_step(session, viewer, step.plan_id, "id")
        if "target_on" in changes:
            if changes["target_on"] is None:
                raise DomainError(ErrorCode.REQUIRED, "targetOn cannot be cleared.", "targetOn")
            step.target_on = _target(changes["target_on"])
        if "note" in changes:
            step.note = changes["note"]
        if "skipped" in changes:
            step.skipped = bool(changes["skipped"])
        if "completed_on" in changes:
            if step.kind != PlanStepKind.MENTOR_SESSION.value:
                raise DomainError(
                    ErrorCode.INVALID,
                    "Only a mentor session is marked held; other steps are done when the training record says so.",
                    "completedOn",
                )
            held = changes["completed_on"]
            if held is not None and held > today() + timedelta(days=1):
                raise DomainError(ErrorCode.OUT_OF_RANGE, "completedOn cannot be in the future.", "completedOn")
            step.completed_on = held
        step.updated_at = plan.updated_at = utcnow()
    return step
