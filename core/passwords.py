"""Password rules and argon2id hashing (run off the event loop: hashing is deliberately slow)."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.errors import DomainError, ErrorCode

MIN_LENGTH = 10
MAX_LENGTH = 128
_COMMON = frozenset(
    [
        "password",
        "password1",
        "password12",
        "password123",
        "passw0rd",
        "1234567890",
        "12345678910",
        "qwertyuiop",
        "qwerty12345",
        "iloveyou123",
        "letmein123",
        "welcome123",
        "administrator",
        "changeme123",
        "shopready1",
        "mechanic123",
        "autobody123",
        "collision1",
        "11111111111",
        "abcdefghij",
        "abc1234567",
        "football12",
    ]
)


def check_password(password: str, *, email: str = "") -> None:
    if len(password) < MIN_LENGTH:
        raise DomainError(ErrorCode.PASSWORD_TOO_SHORT, f"Use at least {MIN_LENGTH} characters.", "password")
    if len(password) > MAX_LENGTH:
        raise DomainError(ErrorCode.PASSWORD_TOO_LONG, f"Use at most {MAX_LENGTH} characters.", "password")
    lowered = password.lower()
    local_part = email.split("@")[0].lower()
    if lowered in _COMMON or (len(local_part) >= 4 and local_part in lowered):
        raise DomainError(ErrorCode.PASSWORD_TOO_COMMON, "This password is too easy to guess.", "password")
    if len(set(password)) < 5:
        raise DomainError(ErrorCode.PASSWORD_TOO_SIMPLE, "Use at least 5 different characters.", "password")


class Passwords:
    def __init__(self, *, time_cost: int = 3, memory_cost_kib: int = 65536) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib)  # argon2id
        # Verified against when the account does not exist, so timing does not reveal that.
        self._decoy = self._hasher.hash("decoy password for unknown accounts")

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self._hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        def run() -> bool:
            try:
                return self._hasher.verify(password_hash or self._decoy, password) and password_hash is not None
            except (VerificationError, InvalidHashError):
                return False

        return await asyncio.to_thread(run)
