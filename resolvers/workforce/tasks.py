"""Assigning shop work: never to a technician whose safety training for it has lapsed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import update

from core.clock import today, utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database, rows_matched
from db.enums.workforce import TaskKind, TaskStatus
from db.models import ShopTask, Technician
from db.reference.workforce_safety import SAFETY_BY_CODE
from resolvers.workforce.access import require_active, technician_for
from resolvers.workforce.policy import TeamTies, is_the_technician, may_supervise
from resolvers.workforce.records import records_of
from resolvers.workforce.safety_status import Lapse, lapses_for_task

LONGEST_AHEAD = timedelta(days=366)


@dataclass(frozen=True)
class TaskInput:
    technician_id: int
    kind: TaskKind
    title: str
    due_on: date | None = None


def _refusal(lapses: list[Lapse]) -> DomainError:
    reasons = [
        f"{SAFETY_BY_CODE[lapse.training].name}: "
        + (
            "never recorded"
            if lapse.holding is None
            else f"lapses on {lapse.holding.expires_on.isoformat()}"
            if lapse.holding.expires_on and lapse.holding.expires_on >= today()
            else f"lapsed on {lapse.holding.expires_on}"
        )
        for lapse in lapses
    ]
    return DomainError(
        ErrorCode.SAFETY_TRAINING_LAPSED,
        "This work needs safety training the technician does not have in force: " + "; ".join(reasons) + ".",
        "technicianId",
    )


async def assign(db: Database, viewer: Viewer, given: TaskInput) -> ShopTask:
    """The supervisor or an admin assigns work (event: task assigned); refused while a safety training the
    work needs is missing, lapsed, or lapses before the task is due."""
    checks = Checks()
    title = checks.text(given.title, "title", max_length=200)
    due_on = given.due_on or today()
    if not today() <= due_on <= today() + LONGEST_AHEAD:
        checks.add(ErrorCode.OUT_OF_RANGE, "dueOn must be between today and a year from now.", "dueOn")
    checks.raise_any()
    async with db.write() as session:
        # Locked, so a safety record and an assignment cannot cross (PostgreSQL; SQLite serializes writers).
        technician = await technician_for(
            session, viewer, given.technician_id, "technicianId", may_supervise, lock=True
        )
        require_active(technician, "technicianId")
        records = (await records_of(session, [technician]))[technician.id]
        lapses = lapses_for_task(given.kind, records, today(), due_on)
        if lapses:
            raise _refusal(lapses)
        task = ShopTask(
            organization_id=technician.organization_id,
            technician_id=technician.id,
            kind=given.kind.value,
            title=title,
            due_on=due_on,
            status=TaskStatus.ASSIGNED.value,
            assigned_by_id=viewer.user_id,
        )
        session.add(task)
    return task


async def _doer(viewer: Viewer, technician: Technician, ties: TeamTies) -> bool:
    return is_the_technician(viewer, technician) or await may_supervise(viewer, technician, ties)


async def complete(db: Database, viewer: Viewer, task_id: int) -> ShopTask:
    """The technician, their supervisor or an admin marks the work done (event: task completed)."""
    async with db.write() as session:
        task = await session.get(ShopTask, task_id)
        if task is None:
            raise not_found("Task")
        await technician_for(session, viewer, task.technician_id, "id", _doer, hide="Task")
        now = utcnow()
        done = await session.execute(
            update(ShopTask)
            .where(ShopTask.id == task.id, ShopTask.status == TaskStatus.ASSIGNED.value)
            .values(status=TaskStatus.DONE.value, completed_at=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if rows_matched(done) == 0:
            raise DomainError(ErrorCode.INVALID_TRANSITION, "The task is already done.", "id")
        task.status, task.completed_at = TaskStatus.DONE.value, now
    return task
