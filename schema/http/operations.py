"""What a GraphQL request over HTTP asks for, read from its buffered body (JSON or multipart upload).

Guards in front of the GraphQL view (registered documents, idempotency keys) need the document and
the variables before Strawberry sees the request; files count by their content, not their names.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graphql import FieldNode, GraphQLError, OperationType, get_operation_ast, parse
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.types import Message, Receive, Scope

from core.http_guards import MAX_JSON_DEPTH, json_depth


@dataclass(frozen=True)
class Operation:
    query: str | None
    document_id: str | None
    operation_name: str | None
    variables: Any
    file_digests: dict[str, str] = field(default_factory=dict)  # form field -> sha256 of the file

    def fingerprint(self, document: str) -> str:
        """The same for two requests that ask the same thing, whatever their spacing or boundaries."""
        canonical = json.dumps(
            [document, self.operation_name, self.variables, sorted(self.file_digests.items())],
            sort_keys=True,
            separators=(",", ":"),
            default=str,
        )
        return hashlib.sha256(canonical.encode()).hexdigest()


def content_type(scope: Scope) -> str:
    raw = dict(scope["headers"]).get(b"content-type", b"").decode("latin-1")
    return raw.split(";", 1)[0].strip().lower()


def replaying(body: bytes, receive: Receive) -> Receive:
    """A receive() that gives the buffered body once, then whatever the connection says next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body", False):
            return b"".join(chunks)


def _loads(raw: str | bytes) -> Any:
    if json_depth(raw.encode() if isinstance(raw, str) else raw) > MAX_JSON_DEPTH:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


async def read_operation(scope: Scope, body: bytes, receive: Receive) -> Operation | None:
    """The single operation a POST carries, or None when it is not one we can read (Strawberry answers it)."""
    kind = content_type(scope)
    digests: dict[str, str] = {}
    if kind == "application/json":
        data = _loads(body)
    elif kind == "multipart/form-data":
        form = await Request(scope, replaying(body, receive)).form()
        operations = form.get("operations")
        data = _loads(operations) if isinstance(operations, str) else None
        for part, value in form.multi_items():
            if isinstance(value, UploadFile):
                digests[part] = hashlib.sha256(await value.read()).hexdigest()
        await form.close()
    else:
        return None
    if not isinstance(data, dict):
        return None
    query, document_id, name = data.get("query"), data.get("documentId"), data.get("operationName")
    return Operation(
        query=query if isinstance(query, str) else None,
        document_id=document_id if isinstance(document_id, str) else None,
        operation_name=name if isinstance(name, str) else None,
        variables=data.get("variables"),
        file_digests=digests,
    )


@lru_cache(maxsize=512)
def operation_type(document: str, operation_name: str | None) -> OperationType | None:
    """query, mutation or subscription; None when the text does not parse (the view reports why)."""
    try:
        operation = get_operation_ast(parse(document), operation_name)
    except GraphQLError:
        return None
    return operation.operation if operation is not None else None


@lru_cache(maxsize=512)
def root_fields(document: str, operation_name: str | None) -> frozenset[str]:
    """The names of the fields an operation selects at its root; a fragment there counts as "..."."""
    try:
        operation = get_operation_ast(parse(document), operation_name)
    except GraphQLError:
        return frozenset()
    if operation is None:
        return frozenset()
    selections = operation.selection_set.selections
    return frozenset(s.name.value if isinstance(s, FieldNode) else "..." for s in selections)
