"""`Idempotency-Key` on mutations: a retry gets the first answer instead of doing the work twice.

In front of the GraphQL view: a signed-in caller's POST of a mutation with the header claims
(caller, key) in the database (see core.idempotency), runs, and keeps the response when the mutation
changed something (the payload wrapper says so on the request state); the response is sent only
once it is kept, so a retry never arrives before it. Queries, anonymous callers (signing up and in,
whose answers carry secrets) and requests without the header pass straight through.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.http_guards import send_json_error
from core.idempotency import IdempotencyStore, Outcome, valid_key
from schema.http.operations import operation_type, read_body, read_operation, replaying

HEADER = b"idempotency-key"
REPLAYED_HEADER = (b"idempotent-replayed", b"true")
APPLIED = "mutation_applied"  # set on the request state by the mutation payload wrapper


def caller_of(scope: Scope) -> str | None:
    user = scope.get("user")
    viewer = getattr(user, "viewer", None)
    if viewer is None or not viewer.is_authenticated:
        return None
    return f"app:{viewer.app_token_id}" if viewer.is_app else f"user:{viewer.user_id}"


class _Recorder:
    """Keeps a response instead of sending it, so it can be stored before the client sees it."""

    def __init__(self) -> None:
        self.status = 500
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: list[bytes] = []

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status, self.headers = message["status"], list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            self.chunks.append(message.get("body", b""))

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)

    @property
    def content_type(self) -> str:
        return next((v.decode("latin-1") for k, v in self.headers if k.lower() == b"content-type"), "")

    async def send_to(self, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
        await send({"type": "http.response.body", "body": self.body})


async def _send_stored(send: Send, status: int, content_type: str, body: bytes) -> None:
    headers = [
        (b"content-type", content_type.encode("latin-1")),
        (b"content-length", str(len(body)).encode()),
        REPLAYED_HEADER,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class IdempotentMutations:
    def __init__(self, app: ASGIApp, store: IdempotencyStore) -> None:
        self.app, self.store = app, store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key_header = dict(scope.get("headers", [])).get(HEADER)
        if scope["type"] != "http" or scope["method"] != "POST" or key_header is None:
            await self.app(scope, receive, send)
            return
        request_id = str(scope.get("state", {}).get("request_id", "-"))
        key = key_header.decode("latin-1").strip()
        if not valid_key(key):
            await send_json_error(
                send, 400, "BAD_REQUEST", "Idempotency-Key must be 1 to 255 visible ASCII characters.", request_id
            )
            return
        body = await read_body(receive)
        caller = caller_of(scope)
        operation = await read_operation(scope, body, receive) if caller else None
        document = operation.query if operation else None
        if caller is None or operation is None or document is None:
            await self.app(scope, replaying(body, receive), send)
            return
        kind = operation_type(document, operation.operation_name)
        if kind is None or kind.value != "mutation":
            await self.app(scope, replaying(body, receive), send)
            return
        fingerprint = operation.fingerprint(document)
        claim = await self.store.claim(caller, key, fingerprint)
        if claim.outcome is Outcome.REPLAY:
            await _send_stored(send, claim.status_code, claim.content_type, claim.body)
            return
        if claim.outcome is Outcome.MISMATCH:
            message = "This Idempotency-Key was used for a different request; use a new key for a new request."
            await send_json_error(send, 422, "IDEMPOTENCY_KEY_MISMATCH", message, request_id)
            return
        if claim.outcome is Outcome.IN_PROGRESS:
            message = "A request with this Idempotency-Key is still running; retry when it has finished."
            await send_json_error(send, 409, "IDEMPOTENCY_IN_PROGRESS", message, request_id, {"retry-after": "1"})
            return
        await self._run_and_keep(scope, replaying(body, receive), send, (caller, key, fingerprint))

    async def _run_and_keep(self, scope: Scope, receive: Receive, send: Send, claim: tuple[str, str, str]) -> None:
        recorder = _Recorder()
        state = scope.setdefault("state", {})
        state[APPLIED] = False
        try:
            await self.app(scope, receive, recorder)
        except BaseException:
            await self.store.release(*claim)
            raise
        if state.get(APPLIED) and recorder.status < 500:
            await self.store.complete(*claim, recorder.status, recorder.content_type, recorder.body)
        else:
            await self.store.release(*claim)
        await recorder.send_to(send)
