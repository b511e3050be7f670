"""When a match index must read the database again: told by the transactions that change its rows.

A transaction that wrote a table the indexes read from (through the ORM: objects flushed, or an
INSERT / UPDATE / DELETE statement) moves the process's `generation` when it commits, and on
PostgreSQL sends a NOTIFY on `CHANNEL` inside that transaction, so it is delivered only if it
commits; every other process LISTENs on its own connection and moves its generation on each
notification. An index whose generation has not moved reads nothing, so a quiet database costs no
query per request. What no notification reports (a lost LISTEN connection, rows changed behind the
application's back) is caught by the periodic safety read (`SAFETY_SECONDS`) and, for every page,
by the re-check against the database (`resolvers.matches.paging`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from itertools import chain
from typing import Any

import asyncpg
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import ORMExecuteState, Session

from db.engine import Database

logger = logging.getLogger("shopready.matches")

CHANNEL = "shopready_matches"
SAFETY_SECONDS = 5.0  # the longest a missed notification can keep an index behind
WATCHED = frozenset(
    {
        "student_profile",
        "student_credential",
        "job_posting",
        "job_required_credential",
        "mentor_profile",
        "need",
        "listing",
        "organization",
        "donation_receipt",
    }
)
_TOUCHED = "match_tables_touched"
_NOTIFY = text(f"SELECT pg_notify('{CHANNEL}', '')")


class _Generation:
    value = 0

    @classmethod
    def move(cls) -> None:
        cls.value += 1


def generation() -> int:
    return _Generation.value


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: Any) -> None:
    if not session.info.get(_TOUCHED) and any(
        getattr(type(row), "__tablename__", None) in WATCHED
        for row in chain(session.new, session.dirty, session.deleted)
    ):
        session.info[_TOUCHED] = True


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if getattr(table, "name", None) in WATCHED:
            state.session.info[_TOUCHED] = True


@event.listens_for(Session, "before_commit")
def _notify(session: Session) -> None:
    session.flush()  # what is still pending shows its tables now, while a NOTIFY can join the transaction
    if session.info.get(_TOUCHED) and session.get_bind().dialect.name == "postgresql":
        session.execute(_NOTIFY)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    if session.info.pop(_TOUCHED, False):
        _Generation.move()


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_TOUCHED, None)


@dataclass
class _Listener:
    loop: asyncio.AbstractEventLoop
    connection: Any


_LISTENERS: dict[str, _Listener] = {}


async def listening(db: Database) -> bool:
    """Whether notifications from other processes reach this one (always, on SQLite: one process serves).

    On PostgreSQL the first call (and the first after the connection dropped) LISTENs on a connection
    of its own, outside the pool, and moves the generation: what committed before it listened is read."""
    if db.dialect != "postgresql":
        return True
    loop = asyncio.get_running_loop()
    found = _LISTENERS.get(db.url)
    if found is not None and found.loop is loop and not found.connection.is_closed():
        return True
    dsn = make_url(db.url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        connection = await asyncpg.connect(dsn)
        await connection.add_listener(CHANNEL, lambda *_: _Generation.move())
    except (OSError, asyncpg.PostgresError):
        logger.warning("LISTEN %s failed; match indexes read the database on every use", CHANNEL, exc_info=True)
        return False
    _LISTENERS[db.url] = _Listener(loop, connection)
    _Generation.move()
    return True


async def stop_listening(db: Database) -> None:
    found = _LISTENERS.pop(db.url, None)
    if found is not None and found.loop is asyncio.get_running_loop():
        with contextlib.suppress(Exception):
            await found.connection.close()
