"""Wakes this process's `notificationReceived` subscribers when it has just written notifications; other
processes' subscribers find them at their next poll (the table is the source of truth)."""

from __future__ import annotations

import asyncio
import contextlib

_waiting: set[asyncio.Event] = set()


def ring() -> None:
    for waiter in list(_waiting):
        waiter.set()


async def wait(seconds: float) -> None:
    waiter = asyncio.Event()
    _waiting.add(waiter)
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(waiter.wait(), seconds)
    finally:
        _waiting.discard(waiter)
