"""Abuse limits on accounts, in the shared leaky buckets (`core.rate_limits`), so every app process counts
the same attempts.

Sign-in attempts are counted per (account, client) and per client, never per account alone: an attacker
elsewhere can fill their own buckets but not the victim's, so nobody can lock someone else out. Keys
hash the email, so unknown and known addresses are counted alike and no address is stored in clear.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import rate_limited
from core.rate_limits import Bucket, RateLimiter
from core.settings import Settings

HOUR = 3600.0


def per_window(count: int, seconds: float) -> Bucket:
    """`count` at once, then one more every `seconds / count`."""
    return Bucket(capacity=count, leak_per_second=count / seconds)


@dataclass(frozen=True)
class AccountLimits:
    limiter: RateLimiter
    settings: Settings

    @property
    def _signin_window(self) -> float:
        return self.settings.signin_window_minutes * 60.0

    async def sign_in(self, account: str, client: str) -> None:
        """Charge one sign-in (or current-password) attempt; RATE_LIMITED when this client tried this account,
        or any accounts, too often. A success gives the attempt back (`sign_in_succeeded`)."""
        pair = await self.limiter.charge(
            f"signin:{account}:{client}",
            1,
            per_window(self.settings.signin_limit_per_account_client, self._signin_window),
        )
        if not pair.allowed:
            raise rate_limited(pair.retry_after_seconds)
        spray = await self.limiter.charge(
            f"signin-client:{client}", 1, per_window(self.settings.signin_limit_per_client, self._signin_window)
        )
        if not spray.allowed:
            self.limiter.refund(f"signin:{account}:{client}", 1)
            raise rate_limited(spray.retry_after_seconds)

    def sign_in_succeeded(self, account: str, client: str) -> None:
        self.limiter.refund(f"signin:{account}:{client}", 1)
        self.limiter.refund(f"signin-client:{client}", 1)

    async def registration(self, client: str) -> None:
        charge = await self.limiter.charge(
            f"register:{client}", 1, per_window(self.settings.registration_limit_per_client, HOUR)
        )
        if not charge.allowed:
            raise rate_limited(charge.retry_after_seconds)

    async def account_mail_request(self, client: str) -> None:
        """Password reset and verification requests from one client."""
        charge = await self.limiter.charge(
            f"account-mail:{client}", 1, per_window(self.settings.account_mail_limit_per_client, HOUR)
        )
        if not charge.allowed:
            raise rate_limited(charge.retry_after_seconds)

    async def may_mail(self, address: str) -> bool:
        """Whether another account mail may go to this address now. Refusals are silent (the answer must not
        depend on the address), and they keep anyone from flooding a mailbox from many clients."""
        charge = await self.limiter.charge(
            f"mail-to:{address}", 1, per_window(self.settings.account_mail_limit_per_address, HOUR)
        )
        return charge.allowed
