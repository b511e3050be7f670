"""Safety certifications: recorded by a technician's supervisor or the shop's admins; who is due."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from core.clock import today
from db import models
from db.enums.workforce import SafetyTraining as DomainTraining
from db.reference.workforce_safety import SAFETY_BY_CODE
from resolvers.workforce import safety
from resolvers.workforce.records import Holding
from resolvers.workforce.safety_status import state_of
from schema.accounts.users import User
from schema.context import Info
from schema.errors import INPUT, Payload, returns_payload
from schema.relay import Node, decode_id, node_type
from schema.workforce.enums import SafetyState, SafetyTraining
from schema.workforce.technicians import Technician


@node_type
@strawberry.type(description="A completed safety training of a technician; seen by whoever sees the technician.")
class SafetyCertification(Node):
    training: SafetyTraining = strawberry.field(description="The training.")
    name: str = strawberry.field(description="Its name.")
    completed_on: date = strawberry.field(description="When it was completed.")
    expires_on: date | None = strawberry.field(description="When it lapses; null when the rule sets no period.")
    note: str = strawberry.field(description="The recorder's note (provider, certificate number); may be empty.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    _row: strawberry.Private[models.SafetyCertification]

    @classmethod
    def from_model(cls, row: models.SafetyCertification) -> SafetyCertification:
        return cls(
            pk=row.id,
            training=DomainTraining(row.training),
            name=SAFETY_BY_CODE[DomainTraining(row.training)].name,
            completed_on=row.completed_on,
            expires_on=row.expires_on,
            note=row.note,
            created_at=row.created_at,
            _row=row,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> SafetyCertification | None:
        row = await info.context.loaders.by_id(models.SafetyCertification).load(pk)
        if row is None or await Technician.load(info, row.technician_id) is None:
            return None
        return cls.from_model(row)

    @strawberry.field(description="This certification's state today (a newer one of the same training may replace it).")
    def state(self) -> SafetyState:
        return state_of(Holding(self._row.training, self._row.completed_on, self._row.expires_on), today())

    @strawberry.field(description="Who recorded it; null when unknown (an app, or a deleted account).")
    async def recorded_by(self, info: Info) -> User | None:
        return await User.load(info, self._row.recorded_by_id) if self._row.recorded_by_id else None

    @strawberry.field(description="The technician.")
    async def technician(self, info: Info) -> Technician | None:
        return await Technician.load(info, self._row.technician_id)


@strawberry.type(description="A technician's safety training that is due: missing, lapsed or lapsing soon.")
class SafetyDue:
    technician: Technician = strawberry.field(description="The technician.")
    training: SafetyTraining = strawberry.field(description="The training.")
    name: str = strawberry.field(description="Its name.")
    state: SafetyState = strawberry.field(
        description="MISSING, EXPIRED, EXPIRING, or VALID when lapsing within the window."
    )
    expires_on: date | None = strawberry.field(description="When it lapses or lapsed; null when never recorded.")

    @classmethod
    def of(cls, due: safety.Due) -> SafetyDue:
        item = due.item
        return cls(
            technician=Technician.from_model(due.technician),
            training=item.training,
            name=SAFETY_BY_CODE[item.training].name,
            state=item.state,
            expires_on=item.holding.expires_on if item.holding else None,
        )


@strawberry.input(description="A safety training a technician completed.")
class SafetyCertificationRecordInput:
    technician_id: strawberry.ID = strawberry.field(
        description="The Technician; you must be their supervisor or an owner or admin of their shop."
    )
    training: SafetyTraining = strawberry.field(description="The training completed.")
    completed_on: date = strawberry.field(description="When; not in the future.")
    expires_on: date | None = strawberry.field(
        default=None,
        description="When it lapses, after `completedOn`; from the training's renewal period when omitted (no end "
        "when the rule sets none).",
    )
    note: str | None = strawberry.field(
        default=None, description="Provider or certificate number; up to 2,000 characters."
    )


@strawberry.type(description="The result of `safetyCertificationRecord`.")
class SafetyCertificationRecordPayload(Payload):
    certification: SafetyCertification | None = strawberry.field(
        default=None, description="The certification recorded; null on error."
    )
    technician: Technician | None = strawberry.field(
        default=None, description="The technician, with their safety status as it now stands; null on error."
    )


@strawberry.type
class SafetyMutations:
    @strawberry.mutation(
        description="Record a completed safety training (the technician's supervisor, the shop's owners and admins, "
        "or its apps with talent:write). The technician cannot attest their own; others get NOT_FOUND."
    )
    @returns_payload
    async def safety_certification_record(
        self, info: Info, input: Annotated[SafetyCertificationRecordInput, strawberry.argument(description=INPUT)]
    ) -> SafetyCertificationRecordPayload:
        row = await safety.record(
            info.context.db,
            info.context.viewer,
            safety.CertificationInput(
                technician_id=decode_id(input.technician_id, "Technician", "technicianId"),
                training=DomainTraining(input.training),
                completed_on=input.completed_on,
                expires_on=input.expires_on,
                note=input.note,
            ),
        )
        return SafetyCertificationRecordPayload(
            certification=SafetyCertification.from_model(row),
            technician=await Technician.load(info, row.technician_id),
        )
