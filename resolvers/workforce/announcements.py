"""A shop's news about its people, announced by a scan the worker runs: a level reached in a role, a safety
training about to lapse (90, 30 and 7 days ahead), a development plan step due within a week.

Each announcement has a dedupe key, so scanning twice (or from two workers) announces once. A level held
on the day the technician started at the shop is where they came in, not news: only levels reached since
are announced. The events reach the technician, their supervisor and, for levels and safety, the shop's
owners and admins (`EventType.is_personal`: never an app).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import today
from core.global_ids import global_id
from core.viewer import MANAGERS
from db.engine import Database
from db.enums.events import EventType
from db.enums.workforce import SafetyTraining, TechnicianRole, TechnicianStatus
from db.models import DevelopmentPlan, Membership, PlanStep, Technician, User
from db.reference.workforce_roles import ROLE_BY_CODE
from db.reference.workforce_safety import SAFETY_BY_CODE
from resolvers.talent.credential_expiry import threshold_for
from resolvers.workforce.plan_steps import StepStatus, progress
from resolvers.workforce.records import TechnicianRecords, records_of
from resolvers.workforce.standing import standing

STEP_DUE_WITHIN = timedelta(days=7)
BATCH = 500  # technicians read per round trip set, so a large platform scans in bounded memory


async def announce_workforce(db: Database) -> int:
    """Append the announcements due today; returns how many."""
    announced, after = 0, 0
    while True:
        async with db.write() as session:
            technicians = list(
                await session.scalars(
                    select(Technician)
                    .where(Technician.status == TechnicianStatus.ACTIVE.value, Technician.id > after)
                    .order_by(Technician.id)
                    .limit(BATCH)
                )
            )
            if not technicians:
                return announced
            announced += await _announce_batch(session, technicians)
            after = technicians[-1].id


async def _announce_batch(session: AsyncSession, technicians: Sequence[Technician]) -> int:
    on = today()
    records = await records_of(session, technicians)
    names = await _names(session, technicians)
    managers = await _managers(session, {t.organization_id for t in technicians})
    due: dict[str, outbox.Event] = {}
    for technician in technicians:
        mine = records.get(technician.id, TechnicianRecords())
        everyone = _people(technician, managers)
        name = names.get(technician.user_id, "A technician")
        due.update(_levels(technician, mine, on, everyone, name))
        due.update(_safety(technician, mine, on, everyone, name))
    due.update(await _steps_due(session, technicians, records, on, names))
    return await outbox.append_once(session, due)


def _levels(
    technician: Technician, records: TechnicianRecords, on: date, people: tuple[int, ...], name: str
) -> dict[str, outbox.Event]:
    role = ROLE_BY_CODE[TechnicianRole(technician.role)]
    now = standing(role, records, on).level
    came_in_at = standing(role, records, technician.started_on).level
    return {
        f"technician.level_reached:{technician.id}:{role.role.value}:{level}": _event(
            EventType.TECHNICIAN_LEVEL_REACHED,
            technician,
            people,
            role=role.role.value,
            level=level,
            title=f"{name} reached level {level} as {role.name}",
            body=f"{name} now meets every requirement of level {level} in the {role.name} role.",
        )
        for level in range(came_in_at + 1, now + 1)
    }


def _safety(
    technician: Technician, records: TechnicianRecords, on: date, people: tuple[int, ...], name: str
) -> dict[str, outbox.Event]:
    due = {}
    for holding in records.safety:
        if holding.expires_on is None or holding.expires_on <= on:
            continue
        days = threshold_for((holding.expires_on - on).days)
        if days is None:
            continue
        training = SafetyTraining(holding.code)
        title = SAFETY_BY_CODE[training].name
        due[f"technician.safety_expiring:{technician.id}:{training.value}:{holding.expires_on}:{days}"] = _event(
            EventType.TECHNICIAN_SAFETY_EXPIRING,
            technician,
            people,
            certification=training.value,
            expiresOn=holding.expires_on.isoformat(),
            withinDays=days,
            title=f"{name}'s {title} lapses within {days} days",
            body=f"{name}'s {title} expires on {holding.expires_on.isoformat()}; renew it before then.",
        )
    return due


async def _steps_due(
    session: AsyncSession,
    technicians: Sequence[Technician],
    records: dict[int, TechnicianRecords],
    on: date,
    names: dict[int, str],
) -> dict[str, outbox.Event]:
    by_id = {t.id: t for t in technicians}
    rows = await session.execute(
        select(PlanStep, DevelopmentPlan.technician_id)
        .join(DevelopmentPlan, DevelopmentPlan.id == PlanStep.plan_id)
        .where(
            DevelopmentPlan.technician_id.in_(by_id),
            PlanStep.target_on >= on,
            PlanStep.target_on <= on + STEP_DUE_WITHIN,
            PlanStep.skipped.is_(False),
            PlanStep.completed_on.is_(None),
        )
    )
    due = {}
    for step, technician_id in rows:
        technician = by_id[technician_id]
        if progress(step, records.get(technician_id, TechnicianRecords()), on).status is StepStatus.DONE:
            continue
        name = names.get(technician.user_id, "A technician")
        due[f"development_plan.step_due:{step.id}:{step.target_on}"] = _event(
            EventType.DEVELOPMENT_PLAN_STEP_DUE,
            technician,
            _people(technician, {}),
            subject=("DevelopmentPlan", step.plan_id),
            developmentPlan=global_id("DevelopmentPlan", step.plan_id),
            step=step.title,
            dueOn=step.target_on.isoformat(),
            title=f"Plan step due {step.target_on.isoformat()}: {step.title}",
            body=f"{name}'s development plan step \u201c{step.title}\u201d is due on {step.target_on.isoformat()}.",
        )
    return due


def _event(
    type: EventType,
    technician: Technician,
    people: tuple[int, ...],
    subject: tuple[str, int] | None = None,
    **data: object,
) -> outbox.Event:
    subject_type, subject_id = subject or ("Technician", technician.id)
    return outbox.Event(
        type,
        subject_type,
        subject_id,
        organization_ids=(technician.organization_id,),
        user_ids=people,
        data={"technician": global_id("Technician", technician.id), **data},
    )


def _people(technician: Technician, managers: dict[int, set[int]]) -> tuple[int, ...]:
    """The technician, their supervisor, and (when given) the shop's owners and admins."""
    people = {technician.user_id, *managers.get(technician.organization_id, ())}
    if technician.supervisor_user_id is not None:
        people.add(technician.supervisor_user_id)
    return tuple(sorted(people))


async def _names(session: AsyncSession, technicians: Sequence[Technician]) -> dict[int, str]:
    ids = {t.user_id for t in technicians}
    return dict((await session.execute(select(User.id, User.name).where(User.id.in_(ids)))).all())


async def _managers(session: AsyncSession, organization_ids: set[int]) -> dict[int, set[int]]:
    rows = await session.execute(
        select(Membership.organization_id, Membership.user_id).where(
            Membership.organization_id.in_(organization_ids), Membership.role.in_([r.value for r in MANAGERS])
        )
    )
    managers: dict[int, set[int]] = defaultdict(set)
    for organization_id, user_id in rows:
        managers[organization_id].add(user_id)
    return managers
