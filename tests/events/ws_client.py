"""A real graphql-transport-ws client over a real websocket, against an app served by uvicorn on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import uvicorn
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect

from tests.events.receiver import free_port

PROTOCOL = "graphql-transport-ws"


@contextlib.asynccontextmanager
async def served(app: Starlette) -> AsyncIterator[str]:
    """The app on a free loopback port; yields its websocket URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event to await for this
        await asyncio.sleep(0.01)
    try:
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await task


class Subscriber:
    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self._ids = 0

    async def subscribe(self, query: str, variables: dict | None = None) -> str:
        self._ids += 1
        operation = str(self._ids)
        payload = {"query": query, "variables": variables or {}}
        await self.socket.send(json.dumps({"id": operation, "type": "subscribe", "payload": payload}))
        return operation

    async def next(self, seconds: float = 10.0) -> dict[str, Any]:
        """The next message that is not a ping."""
        async with asyncio.timeout(seconds):
            while True:
                message = json.loads(await self.socket.recv())
                if message["type"] == "ping":
                    await self.socket.send(json.dumps({"type": "pong"}))
                    continue
                return message

    async def heard_within(self, seconds: float) -> list[dict[str, Any]]:
        """Every message that arrives until `seconds` pass without one."""
        heard = []
        with contextlib.suppress(TimeoutError):
            while True:
                heard.append(await self.next(seconds))
        return heard


@contextlib.asynccontextmanager
async def subscriber(url: str, token: str | None) -> AsyncIterator[Subscriber]:
    async with connect(url, subprotocols=[PROTOCOL]) as socket:  # type: ignore[list-item]
        payload = {"Authorization": f"Bearer {token}"} if token else {}
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        ack = json.loads(await asyncio.wait_for(socket.recv(), 10))
        assert ack["type"] == "connection_ack", ack
        yield Subscriber(socket)
