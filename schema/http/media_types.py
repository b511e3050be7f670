"""The GraphQL over HTTP spec's media types and status codes, on top of Strawberry's view.

A client that prefers `application/graphql-response+json` gets it, with HTTP 400 when the request
could not run at all (it does not parse, validate or coerce its variables: no `data` entry, as the
spec asks); a client that asks for `application/json`, `*/*` or nothing keeps the JSON it always had,
HTTP 200 with `data: null`. Transport errors Strawberry raises come back as JSON errors, not text.
"""

from __future__ import annotations

import json
from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from core.http_guards import MAX_JSON_DEPTH, json_depth

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
_REQUEST_ERROR = "graphql_request_error"  # the request state flag: no data, the request could not run


def _quality(entry: str) -> tuple[str, float]:
    media, *params = (part.strip() for part in entry.split(";"))
    quality = 1.0
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                quality = 0.0
    return media.lower(), quality


def prefers_graphql_response(accept: str | None) -> bool:
    """Whether the Accept header ranks graphql-response+json above plain JSON (ties go to it, as listed)."""
    if not accept:
        return False
    ranked = dict(_quality(entry) for entry in accept.split(",") if entry.strip())
    wanted = ranked.get(GRAPHQL_RESPONSE, 0.0)
    return wanted > 0 and wanted >= max(ranked.get(JSON, 0.0), ranked.get("application/*", 0.0))


def json_error(status: int, code: str, message: str) -> Response:
    body = json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]})
    return Response(body, status_code=status, media_type=JSON)


class GraphQLOverHttp:
    """Mixed into the Strawberry view: negotiate the media type and set the spec's status codes."""

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        processed: GraphQLHTTPResponse = await super().process_result(request, result)  # type: ignore[misc]
        if result.data is None and result.errors and all(error.path is None for error in result.errors):
            setattr(request.state, _REQUEST_ERROR, True)
        return processed

    async def run(self, request: Request | WebSocket, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        if isinstance(request, Request) and _is_upload(request):
            if "authorization" not in request.headers:
                # A cross-site form can post multipart without a preflight, but never with a bearer token.
                return json_error(400, "BAD_REQUEST", "File uploads need an Authorization header.")
            operations = (await request.form()).get("operations")  # parsed once: Starlette keeps the form
            if isinstance(operations, str) and json_depth(operations.encode()) > MAX_JSON_DEPTH:
                return json_error(400, "BAD_REQUEST", f"operations is nested deeper than {MAX_JSON_DEPTH} levels.")
        try:
            response = await super().run(request, context, root_value)  # type: ignore[misc]
        except HTTPException as error:
            code = "METHOD_NOT_ALLOWED" if error.status_code == 405 else "BAD_REQUEST"
            return json_error(error.status_code, code, error.reason)
        if isinstance(request, WebSocket) or not isinstance(response, Response):
            return response
        content_type = response.headers.get("content-type", "")
        if content_type.startswith(JSON) and prefers_graphql_response(request.headers.get("accept")):
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
            if getattr(request.state, _REQUEST_ERROR, False):
                response.status_code = 400
                response.body = _without_data(response.body)
                response.headers["content-length"] = str(len(response.body))
        return response


def _is_upload(request: Request) -> bool:
    return request.method == "POST" and request.headers.get("content-type", "").lower().startswith("multipart/")


def _without_data(body: bytes | memoryview) -> bytes:
    """The spec's request error has no `data` entry at all (Strawberry writes `data: null`)."""
    payload = json.loads(bytes(body))
    payload.pop("data", None)
    return json.dumps(payload).encode()
