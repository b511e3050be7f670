"""Domain events appended in the transaction of the change they report (the transactional outbox).

A use case calls `append(session, event)` once per state change; the rows are written just before
the transaction commits. On PostgreSQL the write takes one transaction-scoped advisory lock first,
so sequence numbers are handed out in commit order: a consumer that has read up to N never later
finds a committed N-1 it skipped. (SQLite has one writer at a time, so its order is commit order
already.) The lock is held only from the append to the commit, the last moments of a transaction.
The same transaction sends a NOTIFY, delivered only if it commits: a wake-up, never the data.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Executable, Table, event, func, insert, literal, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from core.clock import utcnow
from db.enums.events import EventType
from db.models import OutboxEvent

CHANNEL = "shopready_events"
_LOCK_KEY = 0x5E0_0B0C  # any constant shared by every process of the application
_PENDING = "outbox_pending"
_WRITTEN = "outbox_written"
_commit_listeners: list[Callable[[], None]] = []


@dataclass(frozen=True)
class Actor:
    """Who caused the events appended while it is current: a person, an app token, or neither (the
    platform's own jobs). Set once per GraphQL operation, so use cases need not pass it along."""

    user_id: int | None = None
    app_token_id: int | None = None


_PLATFORM = Actor()
_actor: ContextVar[Actor] = ContextVar("outbox_actor", default=_PLATFORM)


@contextmanager
def acting_as(actor: Actor) -> Iterator[None]:
    """Events appended inside the block record `actor` as who did it (the audit trail reads it)."""
    token = _actor.set(actor)
    try:
        yield
    finally:
        _actor.reset(token)


@dataclass(frozen=True)
class Event:
    """What happened to which object, and whom it concerns (read by `resolvers.events.audience`)."""

    type: EventType
    subject_type: str
    subject_id: int
    organization_ids: tuple[int, ...] = ()
    user_ids: tuple[int, ...] = ()
    student_id: int | None = None
    is_public: bool = False
    data: Mapping[str, Any] = field(default_factory=dict)
    dedupe_key: str | None = None


def append(session: AsyncSession, happened: Event) -> None:
    """Record `happened` as part of the session's transaction: written if and when it commits."""
    session.sync_session.info.setdefault(_PENDING, []).append((happened, _actor.get()))


def on_commit(listener: Callable[[], None]) -> Callable[[], None]:
    """Call `listener` after any transaction of this process commits events; returns an unsubscribe."""
    _commit_listeners.append(listener)
    return lambda: _commit_listeners.remove(listener)


def new_uid() -> str:
    return f"evt_{uuid.uuid4().hex}"


def values_of(happened: Event, actor: Actor = _PLATFORM) -> dict[str, Any]:
    return {
        "uid": new_uid(),
        "type": happened.type.value,
        "occurred_at": utcnow(),
        "subject_type": happened.subject_type,
        "subject_id": happened.subject_id,
        "organization_ids": sorted(set(happened.organization_ids)),
        "user_ids": sorted(set(happened.user_ids)),
        "student_id": happened.student_id,
        "is_public": happened.is_public,
        "data": dict(happened.data),
        "dedupe_key": happened.dedupe_key,
        "actor_user_id": actor.user_id,
        "actor_app_token_id": actor.app_token_id,
    }


def _locked_insert(table: Table, rows: list[dict[str, Any]]) -> Executable:
    """PostgreSQL: lock, NOTIFY and INSERT in ONE statement (a round trip is most of an append's cost).
    Every inserted row is joined to the lock's row, so no id is drawn before the lock is held."""
    lock = select(
        func.pg_advisory_xact_lock(_LOCK_KEY).label("locked"), func.pg_notify(CHANNEL, "").label("notified")
    ).subquery("outbox_lock")
    names = list(rows[0])
    selects = [select(*(literal(row[name], table.c[name].type).label(name) for name in names)) for row in rows]
    given = (union_all(*selects) if len(selects) > 1 else selects[0]).subquery("given")
    source = select(*(given.c[name] for name in names)).select_from(lock.join(given, true()))
    return insert(table).from_select(names, source)


@event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    pending: list[tuple[Event, Actor]] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    table = OutboxEvent.__table__
    assert isinstance(table, Table)  # noqa: S101 - a mapped class's table, for the type checker
    rows = [values_of(happened, actor) for happened, actor in pending]
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_locked_insert(table, rows))
    else:
        session.execute(insert(table), rows)
    session.info[_WRITTEN] = True


@event.listens_for(Session, "after_commit")
def _announce(session: Session) -> None:
    if session.info.pop(_WRITTEN, False):
        for listener in list(_commit_listeners):
            listener()


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_WRITTEN, None)
