"""Changes to a technician's record: role, supervisor and start date (admins), departure (admins), and the
technician's own choice of what earlier records the shop counts."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from resolvers.workforce import team
from schema.context import Info
from schema.errors import INPUT, Caller, Payload, returns_payload
from schema.relay import decode_id
from schema.scalars import given
from schema.workforce.enums import TechnicianRole
from schema.workforce.technicians import Technician


@strawberry.input(description="Changes to a technician's record; fields left out stay as they are.")
class TechnicianUpdateInput:
    id: strawberry.ID = strawberry.field(description="The ACTIVE Technician.")
    role: TechnicianRole | None = strawberry.field(default=strawberry.UNSET, description="A new role; null keeps it.")
    started_on: date | None = strawberry.field(
        default=strawberry.UNSET, description="A corrected first day, at most a year ahead; null keeps it."
    )
    supervisor_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="A User in the shop; null removes the supervisor."
    )


@strawberry.input(description="Record that a technician left the shop.")
class TechnicianEndInput:
    id: strawberry.ID = strawberry.field(description="The ACTIVE Technician.")
    ended_on: date | None = strawberry.field(
        default=None, description="Their last day, from their first day to today; today when omitted."
    )


@strawberry.input(description="Your choice of what the shop counts of your earlier records.")
class TechnicianSharingUpdateInput:
    id: strawberry.ID = strawberry.field(description="Your Technician record.")
    share_earlier_records: bool = strawberry.field(
        description="true: the shop counts the credentials and training you earned before joining; false: only "
        "what you earn while working there."
    )


@strawberry.type(description="The result of `technicianUpdate`.")
class TechnicianUpdatePayload(Payload):
    technician: Technician | None = strawberry.field(default=None, description="The technician as now recorded.")


@strawberry.type(description="The result of `technicianEnd`.")
class TechnicianEndPayload(Payload):
    technician: Technician | None = strawberry.field(default=None, description="The technician, now LEFT.")


@strawberry.type(description="The result of `technicianSharingUpdate`.")
class TechnicianSharingUpdatePayload(Payload):
    technician: Technician | None = strawberry.field(default=None, description="Your technician record.")


@strawberry.type
class TeamChangeMutations:
    @strawberry.mutation(
        description="Change a technician's role, first day or supervisor (the shop's owners and admins, or its "
        "apps with talent:write); the technician and their supervisor get PERMISSION_DENIED, others NOT_FOUND."
    )
    @returns_payload
    async def technician_update(
        self, info: Info, input: Annotated[TechnicianUpdateInput, strawberry.argument(description=INPUT)]
    ) -> TechnicianUpdatePayload:
        changes = given(input)
        technician_id = decode_id(changes.pop("id"), "Technician")
        if "supervisor_id" in changes:
            supervisor = changes.pop("supervisor_id")
            changes["supervisor_user_id"] = decode_id(supervisor, "User", "supervisorId") if supervisor else None
        row = await team.update(info.context.db, info.context.viewer, technician_id, changes)
        return TechnicianUpdatePayload(technician=Technician.from_model(row))

    @strawberry.mutation(
        description="Record that a technician left (the shop's owners and admins); their records stay."
    )
    @returns_payload
    async def technician_end(
        self, info: Info, input: Annotated[TechnicianEndInput, strawberry.argument(description=INPUT)]
    ) -> TechnicianEndPayload:
        row = await team.end(info.context.db, info.context.viewer, decode_id(input.id, "Technician"), input.ended_on)
        return TechnicianEndPayload(technician=Technician.from_model(row))

    @strawberry.mutation(
        description="Decide whether the shop counts what you earned before joining (the technician alone; people only)."
    )
    @returns_payload(caller=Caller.PERSON)
    async def technician_sharing_update(
        self, info: Info, input: Annotated[TechnicianSharingUpdateInput, strawberry.argument(description=INPUT)]
    ) -> TechnicianSharingUpdatePayload:
        row = await team.share(
            info.context.db, info.context.viewer, decode_id(input.id, "Technician"), input.share_earlier_records
        )
        return TechnicianSharingUpdatePayload(technician=Technician.from_model(row))
