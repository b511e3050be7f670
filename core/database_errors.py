"""What a database error means for the caller: the database cannot be reached (retry later), or a
statement ran out of time (a statement or lock timeout on PostgreSQL, the busy timeout on SQLite).

Both are the server's condition, not a bug and not the caller's input, so neither is "Unexpected
error.": an outage is HTTP 503 with Retry-After, a timeout the TIMEOUT code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

RETRY_AFTER_SECONDS = 5
UNAVAILABLE_MESSAGE = "The service is briefly unavailable; try again shortly."
TIMEOUT_MESSAGE = "The database took too long (it is busy, or another change holds what this needs); try again."
# PostgreSQL SQLSTATEs: query_canceled (statement_timeout) and lock_not_available (lock_timeout).
_TIMEOUT_STATES = frozenset({"57014", "55P03"})


class DatabaseUnavailable(ConnectionError):
    """Raised to end a request whose GraphQL result says the database could not be reached."""


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(seen) < 10:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__ or current.__context__


def is_timeout(error: BaseException) -> bool:
    for cause in _causes(error):
        if getattr(cause, "sqlstate", None) in _TIMEOUT_STATES:
            return True
        if isinstance(cause, sqlite3.OperationalError) and "locked" in str(cause):
            return True  # SQLite's busy timeout ran out
    return False


def is_unavailable(error: BaseException) -> bool:
    """Whether the database cannot be reached (so retrying later may succeed)."""
    if is_timeout(error):
        return False
    if isinstance(error, OperationalError | InterfaceError | PoolTimeoutError | DatabaseUnavailable):
        return True
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, ConnectionError | TimeoutError | OSError) or type(error).__module__.startswith("asyncpg")
