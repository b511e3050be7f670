"""Trusted documents over HTTP (the GraphQL over HTTP persisted-documents proposal).

A request may send `{"documentId": "sha256:<hex>"}` (or `?documentId=` on GET) instead of the text;
the text registered for that id takes its place before the view. With SHOPREADY_TRUSTED_DOCUMENTS_ONLY,
partner apps may only run documents their organization registered (by id, or by sending the very
text); registering is the one operation they may always send as text.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send

from core.http_guards import send_json_error
from core.settings import Settings
from core.viewer import ANONYMOUS, Viewer
from resolvers.partners.documents import DocumentRegistry, document_id_of
from schema.http.operations import Operation, content_type, read_body, read_operation, replaying, root_fields

REGISTRATION = frozenset({"persistedDocumentRegister"})
DOCUMENT_ID = "document_id"  # the request state entry naming the registered document being run


def _viewer(scope: Scope) -> Viewer:
    return getattr(scope.get("user"), "viewer", ANONYMOUS)


class RegisteredDocuments:
    def __init__(self, app: ASGIApp, registry: DocumentRegistry, settings: Settings) -> None:
        self.app, self.registry, self.settings = app, registry, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        viewer = _viewer(scope)
        enforce = self.settings.trusted_documents_only and viewer.is_app
        if scope["method"] == "GET":
            params = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            operation: Operation | None = Operation(
                params.get("query"), params.get("documentId"), params.get("operationName"), None
            )
            body = b""
        else:
            body = await read_body(receive)
            operation = await read_operation(scope, body, receive) if (enforce or b"documentId" in body) else None
        if operation is not None and operation.document_id is not None and operation.query is None:
            text = await self.registry.text_for(operation.document_id, viewer)
            if text is None:
                await self._refuse(
                    scope,
                    send,
                    400,
                    "PERSISTED_DOCUMENT_NOT_FOUND",
                    "No document with this id is registered for you; register it with persistedDocumentRegister first.",
                )
                return
            scope, body = _with_text(scope, body, text)
            scope.setdefault("state", {})[DOCUMENT_ID] = operation.document_id
        elif enforce:
            text = operation.query if operation is not None else None
            organization = viewer.app_organization_id
            if text is not None and organization is not None and await self.registry.is_registered(text, organization):
                scope.setdefault("state", {})[DOCUMENT_ID] = document_id_of(text)
            elif text is None or root_fields(text, operation.operation_name if operation else None) != REGISTRATION:
                await self._refuse(
                    scope,
                    send,
                    403,
                    "PERSISTED_DOCUMENT_REQUIRED",
                    "This server runs only "
                    "documents your organization registered: register it, then send its documentId.",
                )
                return
        await self.app(scope, replaying(body, receive) if scope["method"] == "POST" else receive, send)

    async def _refuse(self, scope: Scope, send: Send, status: int, code: str, message: str) -> None:
        await send_json_error(send, status, code, message, str(scope.get("state", {}).get("request_id", "-")))


def _with_text(scope: Scope, body: bytes, text: str) -> tuple[Scope, bytes]:
    """The request with the registered text as its `query`, as if the client had sent it."""
    if scope["method"] == "GET":
        params = [*parse_qsl(scope.get("query_string", b"").decode("latin-1")), ("query", text)]
        return {**scope, "query_string": urlencode(params).encode("latin-1")}, body
    if content_type(scope) != "application/json":
        return scope, body  # a multipart upload sends its text; Strawberry answers a missing one
    data = json.loads(body)
    body = json.dumps({**data, "query": text}).encode()
    headers = [(k, v) for k, v in scope["headers"] if k != b"content-length"]
    headers.append((b"content-length", str(len(body)).encode()))
    return {**scope, "headers": headers}, body
