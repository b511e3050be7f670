"""A shop's standing as a whole, read for its admins: Gold Class readiness over the active team."""

from __future__ import annotations

from sqlalchemy import select

from core.clock import today
from core.errors import DomainError, ErrorCode
from db.engine import Database
from db.enums.workforce import TechnicianStatus
from db.models import Technician
from resolvers.workforce.gold_class import Readiness, readiness
from resolvers.workforce.records import records_of


async def gold_class_readiness(db: Database, organization_id: int, per_role: int) -> Readiness:
    """The caller has checked the viewer may see the shop's standing."""
    if per_role < 1:
        raise DomainError(ErrorCode.OUT_OF_RANGE, "SHOPREADY_GOLD_CLASS_PER_ROLE must be at least 1.")
    async with db.read() as session:
        team = (
            await session.scalars(
                select(Technician)
                .where(
                    Technician.organization_id == organization_id, Technician.status == TechnicianStatus.ACTIVE.value
                )
                .order_by(Technician.started_on, Technician.id)
            )
        ).all()
        records = await records_of(session, team)
    return readiness(team, records, today(), per_role)
