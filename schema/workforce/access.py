"""The workforce policy's ties and a technician's records, read once per request for every field that asks."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from core.viewer import Role
from db import models
from db.engine import Database
from db.enums.workforce import TechnicianStatus
from resolvers.workforce.records import TechnicianRecords, records_of
from schema.context import Info


@dataclass(frozen=True)
class RequestTies:
    """`resolvers.workforce.policy.TeamTies` from the request's cached roles and loaders."""

    info: Info

    async def roles(self) -> Mapping[int, Role]:
        return await self.info.context.roles()

    async def technician_organizations(self) -> Collection[int]:
        user_id = self.info.context.viewer.user_id
        if user_id is None:
            return set()
        rows = await self.info.context.loaders.by_column(models.Technician, "user_id").load(user_id)
        return {row.organization_id for row in rows if row.status == TechnicianStatus.ACTIVE.value}


async def _records_batch(db: Database, technician_ids: Sequence[int]) -> list[TechnicianRecords]:
    async with db.read() as session:
        technicians = (
            await session.scalars(select(models.Technician).where(models.Technician.id.in_(technician_ids)))
        ).all()
        found = await records_of(session, technicians)
    return [found.get(i, TechnicianRecords()) for i in technician_ids]


async def records(info: Info, technician_id: int) -> TechnicianRecords:
    """What the shop counts of the technician's records; one batch for every technician of the response."""
    return await info.context.loaders.custom("technician_records", _records_batch).load(technician_id)
