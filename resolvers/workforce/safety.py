"""Recording the safety training a technician completed, and who in a shop is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from core.clock import today
from core.errors import DomainError, ErrorCode
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database
from db.enums.workforce import SafetyTraining, TechnicianRole
from db.models import SafetyCertification, Technician
from db.reference.workforce_roles import ROLE_BY_CODE
from db.reference.workforce_safety import SAFETY_BY_CODE
from resolvers.talent.credentials import add_months
from resolvers.workforce.access import technician_for
from resolvers.workforce.policy import may_supervise
from resolvers.workforce.safety_status import SafetyItem, SafetyState, ends_on, safety_items
from resolvers.workforce.shop import ActiveTeam

DATE_SLACK = timedelta(days=1)  # a supervisor west of Greenwich may still be on "today"


@dataclass(frozen=True)
class CertificationInput:
    technician_id: int
    training: SafetyTraining
    completed_on: date
    expires_on: date | None = None
    note: str | None = None


async def record(db: Database, viewer: Viewer, given: CertificationInput) -> SafetyCertification:
    """The supervisor or an admin records a completed training (event: safety certification recorded). Without
    `expires_on`, it lapses after the training's renewal period, or never when the rule sets none."""
    checks = Checks()
    note = checks.text(given.note, "note", max_length=2000, required=False) or ""
    if given.completed_on > today() + DATE_SLACK:
        checks.add(ErrorCode.OUT_OF_RANGE, "completedOn cannot be in the future.", "completedOn")
    if given.expires_on is not None and given.expires_on <= given.completed_on:
        checks.add(ErrorCode.OUT_OF_RANGE, "expiresOn must be after completedOn.", "expiresOn")
    checks.raise_any()
    months = SAFETY_BY_CODE[given.training].renewal_months
    expires_on = given.expires_on or (add_months(given.completed_on, months) if months else None)
    async with db.write() as session:
        technician = await technician_for(session, viewer, given.technician_id, "technicianId", may_supervise)
        certification = SafetyCertification(
            technician_id=technician.id,
            training=given.training.value,
            completed_on=given.completed_on,
            expires_on=expires_on,
            recorded_by_id=viewer.user_id,
            note=note,
        )
        session.add(certification)
    return certification


@dataclass(frozen=True)
class Due:
    technician: Technician
    item: SafetyItem


def due_in(team: ActiveTeam, within_days: int) -> list[Due]:
    """Every active technician's safety training that is missing (their role needs it), expired, or lapsing
    within `within_days`; most urgent first."""
    if not 0 <= within_days <= 365:
        raise DomainError(ErrorCode.OUT_OF_RANGE, "withinDays must be between 0 and 365.", "withinDays")
    on = today()
    horizon = on + timedelta(days=within_days)
    due = []
    for technician in team.technicians:
        role = ROLE_BY_CODE[TechnicianRole(technician.role)]
        for item in safety_items(role, team.records[technician.id], on):
            expires = item.holding.expires_on if item.holding else None
            lapsing = expires is not None and expires <= horizon
            if item.state in (SafetyState.EXPIRED, SafetyState.MISSING) or lapsing:
                due.append(Due(technician, item))
    return sorted(due, key=lambda d: (ends_on(d.item.holding, on), d.technician.id))
