"""What the account use cases work with, gathered once per request by the schema layer."""

from __future__ import annotations

from dataclasses import dataclass

from core.mailer import Mailer
from core.passwords import Passwords
from core.settings import Settings
from db.engine import Database
from resolvers.accounts.throttles import AccountLimits


@dataclass(frozen=True)
class Accounts:
    db: Database
    settings: Settings
    passwords: Passwords
    mailer: Mailer
    limits: AccountLimits
    client: str  # who is asking, for per-client limits: the client's address
