"""Domain events appended in the transaction of the change they report (the transactional outbox).

A use case calls `append(session, event)` once per state change; the rows are written as the
transaction commits. On PostgreSQL the write takes one transaction-scoped advisory lock first, so
sequence numbers are handed out in commit order: a consumer that has read up to N never later finds a
committed N-1 it skipped. (SQLite has one writer at a time, so its order is commit order already.)
The lock is held only from the write to the commit, the last moments of a transaction. The same
transaction sends a NOTIFY, delivered only if it commits: a wake-up, never the data.

On PostgreSQL the write costs no round trip of its own: the lock, the NOTIFY and the INSERT travel as a
data-modifying WITH in front of the first INSERT, UPDATE or DELETE of the commit's flush (the use case's
own last changes), and only when the flush has none are they sent as a statement of their own.
"""

from __future__ import annotations

import functools
import json
import re
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Engine, Table, event, insert, select
from sqlalchemy.engine import Connection
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


async def append_once(session: AsyncSession, due: Mapping[str, Event]) -> int:
    """Append each event under its dedupe key unless one with that key is in the outbox already (scans run
    twice, or by two workers, announce once); returns how many were appended."""
    if not due:
        return 0
    done = set(await session.scalars(select(OutboxEvent.dedupe_key).where(OutboxEvent.dedupe_key.in_(due))))
    for key, happened in due.items():
        if key not in done:
            append(session, replace(happened, dedupe_key=key))
    return len(due) - len(done)


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


# The outbox's columns, as PostgreSQL arrays: one parameter per column whatever the number of events,
# so the statement's text (and its prepared statement) is the same for every write.
_COLUMNS = (
    ("uid", "varchar"),
    ("type", "varchar"),
    ("occurred_at", "timestamptz"),
    ("subject_type", "varchar"),
    ("subject_id", "bigint"),
    ("organization_ids", "json"),
    ("user_ids", "json"),
    ("student_id", "bigint"),
    ("is_public", "boolean"),
    ("data", "json"),
    ("dedupe_key", "varchar"),
    ("actor_user_id", "bigint"),
    ("actor_app_token_id", "bigint"),
)
_NAMES = ", ".join(name for name, _ in _COLUMNS)
_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
_CARRIED = "outbox_carried"


@functools.cache
def _locked_insert(first: int) -> str:
    """The WITH that writes the events, its parameters numbered from `first`. Every inserted row is
    joined to the lock's row, so no id is drawn before the lock is held."""
    arrays = ", ".join(f"${first + n}::{kind}[]" for n, (_, kind) in enumerate(_COLUMNS))
    lock = f"SELECT pg_advisory_xact_lock({_LOCK_KEY}), pg_notify('{CHANNEL}', '')"
    given = f"unnest({arrays}) WITH ORDINALITY AS given({_NAMES}, ordinal)"
    rows = f"INSERT INTO outbox_event ({_NAMES}, created_at, updated_at) SELECT {_NAMES}, occurred_at, occurred_at"
    source = f"FROM outbox_lock CROSS JOIN {given} ORDER BY ordinal"
    return f"WITH outbox_lock AS MATERIALIZED ({lock}), outbox_rows AS ({rows} {source}) "


def _arrays(pending: Sequence[tuple[Event, Actor]]) -> list[list[Any]]:
    now = utcnow()
    columns: list[list[Any]] = [[] for _ in _COLUMNS]
    for happened, actor in pending:
        values = (
            new_uid(),
            happened.type.value,
            now,
            happened.subject_type,
            happened.subject_id,
            json.dumps(sorted(set(happened.organization_ids))),
            json.dumps(sorted(set(happened.user_ids))),
            happened.student_id,
            happened.is_public,
            json.dumps(dict(happened.data)),
            happened.dedupe_key,
            actor.user_id,
            actor.app_token_id,
        )
        for column, value in zip(columns, values, strict=True):
            column.append(value)
    return columns


@dataclass
class _Carried:
    arrays: list[list[Any]]
    sent: bool = False


@event.listens_for(Engine, "before_cursor_execute", retval=True)
def _carry(
    connection: Connection, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> tuple[str, Any]:
    """Put the events in front of the first single write of the commit's flush (PostgreSQL)."""
    carried: _Carried | None = connection.info.get(_CARRIED)
    if carried is None or executemany or not isinstance(parameters, tuple | list) or not _WRITE.match(statement):
        return statement, parameters
    del connection.info[_CARRIED]
    carried.sent = True
    return _locked_insert(len(parameters) + 1) + statement, (*parameters, *carried.arrays)


def _write_postgresql(session: Session, pending: Sequence[tuple[Event, Actor]]) -> None:
    connection = session.connection()
    carried = _Carried(_arrays(pending))
    connection.info[_CARRIED] = carried
    try:
        session.flush()  # the commit's own flush, done here so that its first write carries the events
    finally:
        connection.info.pop(_CARRIED, None)
    if not carried.sent:  # nothing left to flush: the events go on their own
        connection.exec_driver_sql(_locked_insert(1) + "SELECT 1", tuple(carried.arrays))


@event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    pending: list[tuple[Event, Actor]] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    if session.get_bind().dialect.name == "postgresql":
        _write_postgresql(session, pending)
    else:
        table = OutboxEvent.__table__
        assert isinstance(table, Table)  # noqa: S101 - a mapped class's table, for the type checker
        session.execute(insert(table), [values_of(happened, actor) for happened, actor in pending])
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
