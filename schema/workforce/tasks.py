"""Shop tasks: assigned by a supervisor or admin, never while a safety training the work needs has lapsed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from db import models
from db.enums.workforce import TaskKind as DomainKind
from resolvers.workforce import tasks
from schema.accounts.users import User
from schema.context import Info
from schema.errors import INPUT, Payload, returns_payload
from schema.relay import Node, decode_id, node_type
from schema.workforce.enums import TaskKind, TaskStatus
from schema.workforce.technicians import Technician


@node_type
@strawberry.type(description="Work assigned to a technician; seen by whoever sees the technician.")
class ShopTask(Node):
    kind: TaskKind = strawberry.field(description="The kind of work, which decides the safety training it needs.")
    title: str = strawberry.field(description="What to do, e.g. 'Refinish left front door, RO 4411'.")
    due_on: date = strawberry.field(description="When it is due.")
    status: TaskStatus = strawberry.field(description="ASSIGNED or DONE.")
    completed_at: datetime | None = strawberry.field(description="When it was marked done; null until then.")
    created_at: datetime = strawberry.field(description="When it was assigned.")
    _row: strawberry.Private[models.ShopTask]

    @classmethod
    def from_model(cls, row: models.ShopTask) -> ShopTask:
        return cls(
            pk=row.id,
            kind=DomainKind(row.kind),
            title=row.title,
            due_on=row.due_on,
            status=TaskStatus(row.status),
            completed_at=row.completed_at,
            created_at=row.created_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> ShopTask | None:
        row = await info.context.loaders.by_id(models.ShopTask).load(pk)
        if row is None or await Technician.load(info, row.technician_id) is None:
            return None
        return cls.from_model(row)

    @strawberry.field(description="The technician it is assigned to.")
    async def technician(self, info: Info) -> Technician | None:
        return await Technician.load(info, self._row.technician_id)

    @strawberry.field(description="Who assigned it; null when unknown (an app, or a deleted account).")
    async def assigned_by(self, info: Info) -> User | None:
        return await User.load(info, self._row.assigned_by_id) if self._row.assigned_by_id else None


@strawberry.input(description="Work to assign to a technician.")
class ShopTaskAssignInput:
    technician_id: strawberry.ID = strawberry.field(
        description="An ACTIVE Technician; you must be their supervisor or an owner or admin of their shop."
    )
    kind: TaskKind = strawberry.field(description="The kind of work; see `taskKinds` for the safety it needs.")
    title: str = strawberry.field(description="What to do; up to 200 characters.")
    due_on: date | None = strawberry.field(
        default=None, description="When it is due, from today to a year ahead; today when omitted."
    )


@strawberry.input(description="The task to mark done.")
class ShopTaskCompleteInput:
    id: strawberry.ID = strawberry.field(description="The ShopTask.")


@strawberry.type(description="The result of `shopTaskAssign`.")
class ShopTaskAssignPayload(Payload):
    task: ShopTask | None = strawberry.field(default=None, description="The task assigned; null when refused.")


@strawberry.type(description="The result of `shopTaskComplete`.")
class ShopTaskCompletePayload(Payload):
    task: ShopTask | None = strawberry.field(default=None, description="The task, now DONE; null on error.")


@strawberry.type
class TaskMutations:
    @strawberry.mutation(
        description="Assign work (the technician's supervisor, the shop's owners and admins, or its apps with "
        "talent:write). Refused with SAFETY_TRAINING_LAPSED while a safety training the kind of work needs is "
        "missing, lapsed, or lapses before `dueOn`; the message names each one."
    )
    @returns_payload
    async def shop_task_assign(
        self, info: Info, input: Annotated[ShopTaskAssignInput, strawberry.argument(description=INPUT)]
    ) -> ShopTaskAssignPayload:
        row = await tasks.assign(
            info.context.db,
            info.context.viewer,
            tasks.TaskInput(
                technician_id=decode_id(input.technician_id, "Technician", "technicianId"),
                kind=DomainKind(input.kind),
                title=input.title,
                due_on=input.due_on,
            ),
        )
        return ShopTaskAssignPayload(task=ShopTask.from_model(row))

    @strawberry.mutation(description="Mark a task done (the technician, their supervisor, or the shop's admins).")
    @returns_payload
    async def shop_task_complete(
        self, info: Info, input: Annotated[ShopTaskCompleteInput, strawberry.argument(description=INPUT)]
    ) -> ShopTaskCompletePayload:
        row = await tasks.complete(info.context.db, info.context.viewer, decode_id(input.id, "ShopTask"))
        return ShopTaskCompletePayload(task=ShopTask.from_model(row))
