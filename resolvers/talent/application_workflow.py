"""The one state machine of an application: which party may move it from which status to which.

APPLIED -> REVIEWING -> INTERVIEW -> OFFERED -> HIRED, moved by the employer; the employer may
REJECT any open application; the student may WITHDRAW any time before HIRED. Every move is a
conditional UPDATE on the status it was read in, so of two concurrent moves only one wins.
"""

from __future__ import annotations

from enum import Enum

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode
from core.viewer import Viewer
from db.engine import rows_matched
from db.enums.events import EventType
from db.enums.talent import ApplicationStatus as S
from db.models import Application, ApplicationEvent, StudentProfile
from resolvers.talent.events import application_event


class Party(str, Enum):
    STUDENT = "STUDENT"
    EMPLOYER = "EMPLOYER"


OPEN = (S.APPLIED, S.REVIEWING, S.INTERVIEW, S.OFFERED)

TRANSITIONS: dict[tuple[S, S], Party] = {
    (S.APPLIED, S.REVIEWING): Party.EMPLOYER,
    (S.REVIEWING, S.INTERVIEW): Party.EMPLOYER,
    (S.INTERVIEW, S.OFFERED): Party.EMPLOYER,
    (S.OFFERED, S.HIRED): Party.EMPLOYER,
    **{(status, S.REJECTED): Party.EMPLOYER for status in OPEN},
    **{(status, S.WITHDRAWN): Party.STUDENT for status in OPEN},
}


def allowed_moves(status: S, party: Party) -> list[S]:
    return [to for (frm, to), who in TRANSITIONS.items() if frm is status and who is party]


def check(current: S, to: S, party: Party) -> None:
    if TRANSITIONS.get((current, to)) is not party:
        allowed = ", ".join(s.value for s in allowed_moves(current, party)) or "none"
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"An application that is {current.value} cannot be moved to {to.value} by the "
            f"{party.value.lower()} (allowed: {allowed}).",
            "status",
        )


def record(
    session: AsyncSession,
    application_id: int,
    viewer: Viewer,
    party: Party,
    from_status: S | None,
    to_status: S,
    note: str = "",
) -> None:
    session.add(
        ApplicationEvent(
            application_id=application_id,
            actor_user_id=viewer.user_id,
            actor_app_token_id=viewer.app_token_id,
            actor_role=party.value,
            from_status=from_status.value if from_status else None,
            to_status=to_status.value,
            note=note,
        )
    )


async def move(
    session: AsyncSession, application: Application, to: S, party: Party, viewer: Viewer, note: str = ""
) -> None:
    current = S(application.status)
    check(current, to, party)
    now = utcnow()
    moved = await session.execute(
        update(Application)
        .where(Application.id == application.id, Application.status == current.value)
        .values(status=to.value, status_changed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if rows_matched(moved) == 0:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "The application changed meanwhile; reload it.", "status")
    record(session, application.id, viewer, party, current, to, note)
    application.status, application.status_changed_at = to.value, now
    student = await session.get_one(StudentProfile, application.student_id)
    announced = EventType.APPLICATION_WITHDRAWN if to is S.WITHDRAWN else EventType.APPLICATION_MOVED
    outbox.append(session, application_event(announced, application, student, current.value))
