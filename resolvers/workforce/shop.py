"""A shop's standing as a whole, read for its admins: the active team's records, once, for Gold Class
readiness and for who is due for safety training."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from core.clock import today
from core.errors import DomainError, ErrorCode
from db.engine import Database
from db.enums.workforce import TechnicianStatus
from db.models import Technician
from resolvers.workforce.gold_class import Readiness, readiness
from resolvers.workforce.records import TechnicianRecords, records_of


@dataclass(frozen=True)
class ActiveTeam:
    technicians: Sequence[Technician]  # in the order they started
    records: dict[int, TechnicianRecords]


async def active_team(db: Database, organization_id: int) -> ActiveTeam:
    """The caller has checked the viewer may see the shop's standing."""
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
        return ActiveTeam(team, await records_of(session, team))


def gold_class_readiness(team: ActiveTeam, per_role: int) -> Readiness:
    if per_role < 1:
        raise DomainError(ErrorCode.OUT_OF_RANGE, "SHOPREADY_GOLD_CLASS_PER_ROLE must be at least 1.")
    return readiness(team.technicians, team.records, today(), per_role)
