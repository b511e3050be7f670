"""When to try a webhook delivery again: exponential backoff with jitter, for about three days.

Delays grow threefold from 15 seconds (15 s, 45 s, 2 min, 7 min, 20 min, 1 h, 3 h, 9 h) up to 16 hours,
each spread by +-20% so that endpoints coming back from an outage are not hit by every retry at once.
A delivery whose next try would fall after `give_up_after` from its first is given up. A 429 answer's
`Retry-After` is honoured instead of the backoff (capped, so a bad header cannot park it forever).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

FIRST_DELAY = timedelta(seconds=15)
GROWTH = 3
LONGEST_DELAY = timedelta(hours=16)
JITTER = 0.2
LONGEST_RETRY_AFTER = timedelta(hours=24)


def backoff(attempts: int, rng: random.Random | None = None) -> timedelta:
    """The wait after the `attempts`-th failed attempt (1-based)."""
    base = min(FIRST_DELAY * GROWTH ** (attempts - 1), LONGEST_DELAY)
    spread = (rng or random).uniform(1 - JITTER, 1 + JITTER)
    return base * spread


def retry_after(header: str | None, now: datetime) -> timedelta | None:
    """The wait a 429 (or 503) asks for, in seconds or as an HTTP date; None when absent or unreadable."""
    if not header:
        return None
    header = header.strip()
    if header.isdigit():
        wait = timedelta(seconds=int(header))
    else:
        try:
            when = parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        wait = when - now
    return max(timedelta(0), min(wait, LONGEST_RETRY_AFTER))


def next_attempt(
    attempts: int, first_at: datetime, now: datetime, give_up_after: timedelta, asked: timedelta | None = None
) -> datetime | None:
    """When to try again, or None to give up."""
    at = now + (asked if asked is not None else backoff(attempts))
    return at if at - first_at <= give_up_after else None
