"""Talking to the app from a chosen client address, and counting rows to prove a refusal changed nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from sqlalchemy import func, select

from tests.support import Api


@asynccontextmanager
async def client_at(api: Api, app: Any, address: str) -> AsyncIterator[Api]:
    """The same app, seen from another client address (only a label in the ASGI scope; nothing is sent)."""
    transport = httpx.ASGITransport(app=app, client=(address, 50_000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield Api(client, api.db, api.settings)


async def count(api: Api, model: Any, *where: Any) -> int:
    async with api.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)
