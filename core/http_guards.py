"""ASGI guards in front of every route: a request id, a bounded body, and errors that are always JSON.

They run before authentication and GraphQL, so a huge or hostile body never reaches a parser and a
database outage during authentication is a JSON 503 the client can retry, not a text/plain 500.
"""

from __future__ import annotations

import json
import logging
import re
import uuid

import numpy as np
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.database_errors import RETRY_AFTER_SECONDS, TIMEOUT_MESSAGE, UNAVAILABLE_MESSAGE, is_timeout, is_unavailable

logger = logging.getLogger("shopready.http")

MAX_JSON_DEPTH = 64
_STRINGS = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.S)  # a JSON string literal, escapes included
_BRACKETS = np.zeros(256, dtype=np.int8)
_BRACKETS[[ord("["), ord("{")]] = 1
_BRACKETS[[ord("]"), ord("}")]] = -1


class RequestId:
    """Give every request an id (or keep the caller's), echo it back, and keep it for logs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if 0 < len(given) <= 64 and given.isprintable() else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode()))
            await send(message)

        await self.app(scope, receive, send_with_id)


async def send_json_error(
    send: Send, status: int, code: str, message: str, request_id: str, headers: dict[str, str] | None = None
) -> None:
    body = json.dumps({"errors": [{"message": message, "extensions": {"code": code, "requestId": request_id}}]})
    raw_headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw_headers += [(name.encode(), value.encode()) for name, value in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body.encode()})


def _request_id(scope: Scope) -> str:
    return str(scope.get("state", {}).get("request_id", "-"))


def json_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text; brackets inside strings do not count."""
    skeleton = _STRINGS.sub(b"", body)
    if not skeleton:
        return 0
    steps = _BRACKETS[np.frombuffer(skeleton, dtype=np.uint8)]
    return int(np.cumsum(steps, dtype=np.int64).max(initial=0))


class BodyGuard:
    """Refuse bodies over `max_bytes` (HTTP 413, before reading past the limit) and over-nested JSON (400).

    Multipart bodies carry files (photos, CSV imports) and have their own limit, `max_upload_bytes`."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, max_depth: int = MAX_JSON_DEPTH, max_upload_bytes: int | None = None
    ) -> None:
        self.app, self.max_depth = app, max_depth
        self.json_limit, self.upload_limit = max_bytes, max_upload_bytes or max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        is_multipart = dict(scope["headers"]).get(b"content-type", b"").lower().startswith(b"multipart/")
        limit = self.upload_limit if is_multipart else self.json_limit
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await self._too_large(scope, send, limit)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._too_large(scope, send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        # A multipart upload's files are not JSON (a CSV may hold any brackets); its JSON part is checked
        # where it is read (schema/http/media_types.py).
        if not is_multipart and json_depth(body) > self.max_depth:
            await send_json_error(
                send,
                400,
                "BAD_REQUEST",
                f"The JSON body is nested deeper than {self.max_depth} levels.",
                _request_id(scope),
            )
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, send: Send, limit: int) -> None:
        await send_json_error(
            send,
            413,
            "PAYLOAD_TOO_LARGE",
            f"The request body is larger than {limit} bytes.",
            _request_id(scope),
        )


class ErrorsAsJson:
    """Whatever escapes a route becomes a JSON error with the request id: 503 with Retry-After when the
    database is unreachable or timed out, else 500; the cause goes to the log only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as error:
            request_id = _request_id(scope)
            if started:
                raise
            condition = "TIMEOUT" if is_timeout(error) else "UNAVAILABLE" if is_unavailable(error) else None
            if condition is not None:
                logger.warning(
                    "database %s (request %s): %s",
                    condition.lower(),
                    request_id,
                    type(error).__name__,
                    extra={"request_id": request_id, "code": condition},
                )
                message = TIMEOUT_MESSAGE if condition == "TIMEOUT" else UNAVAILABLE_MESSAGE
                retry = {"retry-after": str(RETRY_AFTER_SECONDS)}
                await send_json_error(send, 503, condition, message, request_id, retry)
                return
            logger.error(
                "unexpected error (request %s)",
                request_id,
                exc_info=error,
                extra={"request_id": request_id, "code": "INTERNAL"},
            )
            await send_json_error(send, 500, "INTERNAL", "Unexpected error.", request_id)
