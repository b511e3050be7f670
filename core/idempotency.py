"""Idempotency keys, as the IETF httpapi draft and Stripe apply them, kept in the database.

The first request with a (caller, key) claims it; its response is kept and replayed for 24 hours. The
same key with another request is a mismatch; a retry while the first still runs is told so. A request
that changed nothing gives its claim back, so a retry runs again. Claims are one short transaction
each, so every app process on the database sees the same keys. Kept responses are encrypted with a
key derived from the server's secret: a first answer may carry a secret (an app token's value), and a
database backup must not.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import Table, and_, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from core.clock import utcnow
from db.engine import Database
from db.enums.partners import IdempotencyState
from db.models import IdempotencyKey

RETENTION = timedelta(hours=24)
# A RUNNING claim whose process died is given up after this; no request runs anywhere near as long.
LEASE = timedelta(minutes=5)
MAX_KEY_LENGTH = 255

_TABLE: Table = IdempotencyKey.__table__  # type: ignore[assignment]  # a Table, typed as FromClause


class Outcome(Enum):
    PROCEED = "proceed"  # this request owns the key: run it, then complete() or release()
    REPLAY = "replay"  # the first request finished: send its response again
    MISMATCH = "mismatch"  # the key was used for a different request
    IN_PROGRESS = "in progress"  # the first request with this key is still running


@dataclass(frozen=True)
class Claim:
    outcome: Outcome
    status_code: int = 0
    content_type: str = ""
    body: bytes = b""


def valid_key(key: str) -> bool:
    return 0 < len(key) <= MAX_KEY_LENGTH and key.isascii() and key.isprintable()


def _cipher(secret_key: str) -> Fernet:
    derived = hashlib.sha256(b"shopready idempotency responses\0" + secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(derived))


class IdempotencyStore:
    def __init__(self, db: Database, secret_key: str) -> None:
        self.db = db
        self._cipher = _cipher(secret_key)
        self._insert = postgresql.insert if db.dialect == "postgresql" else sqlite.insert

    async def claim(self, caller: str, key: str, fingerprint: str) -> Claim:
        now = utcnow()
        row = IdempotencyKey
        async with self.db.write() as session:
            # Expired keys and abandoned claims go first, so this request may take the key over.
            await session.execute(
                delete(row).where(
                    or_(
                        row.expires_at <= now,
                        and_(row.state == IdempotencyState.RUNNING.value, row.locked_until <= now),
                    )
                )
            )
            claimed = await session.execute(
                self._insert(_TABLE)
                .values(
                    caller=caller,
                    key=key,
                    fingerprint=fingerprint,
                    state=IdempotencyState.RUNNING.value,
                    locked_until=now + LEASE,
                    expires_at=now + RETENTION,
                    created_at=now,
                    updated_at=now,
                )
                .on_conflict_do_nothing(index_elements=[_TABLE.c.caller, _TABLE.c.key])
                .returning(_TABLE.c.key)
            )
            if claimed.first() is not None:
                return Claim(Outcome.PROCEED)
            found = (await session.execute(select(row).where(row.caller == caller, row.key == key))).scalar_one()
        if found.fingerprint != fingerprint:
            return Claim(Outcome.MISMATCH)
        if found.state == IdempotencyState.RUNNING.value:
            return Claim(Outcome.IN_PROGRESS)
        try:
            body = self._cipher.decrypt(found.body or b"")
        except InvalidToken:  # kept under a secret key since rotated: forgotten, as after 24 hours
            await self.release(caller, key, fingerprint, state=IdempotencyState.DONE)
            return await self.claim(caller, key, fingerprint)
        return Claim(Outcome.REPLAY, found.status_code or 200, found.content_type or "", body)

    async def complete(
        self, caller: str, key: str, fingerprint: str, status_code: int, content_type: str, body: bytes
    ) -> None:
        """Keep the response of the request that claimed the key, for replays until the key expires."""
        row = IdempotencyKey
        async with self.db.write() as session:
            await session.execute(
                update(row)
                .where(row.caller == caller, row.key == key, row.fingerprint == fingerprint)
                .values(
                    state=IdempotencyState.DONE.value,
                    status_code=status_code,
                    content_type=content_type,
                    body=self._cipher.encrypt(body),
                    updated_at=utcnow(),
                )
            )

    async def release(
        self, caller: str, key: str, fingerprint: str, state: IdempotencyState = IdempotencyState.RUNNING
    ) -> None:
        """Give the key back: the request changed nothing, so a retry should run again."""
        row = IdempotencyKey
        async with self.db.write() as session:
            await session.execute(
                delete(row).where(
                    row.caller == caller,
                    row.key == key,
                    row.fingerprint == fingerprint,
                    row.state == state.value,
                )
            )
