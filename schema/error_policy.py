"""What clients see of errors in queries, and what the log keeps of them.

Business errors keep their code; anything unexpected is masked as "Unexpected error." Client errors
(syntax, validation, limits, business refusals) are logged at INFO in one line; unexpected ones at
ERROR with the traceback. Every line carries the request id the response echoes in `X-Request-ID`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from core.errors import DomainError
from schema.errors import camel_path

logger = logging.getLogger("shopready.errors")
MASKED = "Unexpected error."


def _is_unexpected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError | DomainError)


def _client_code(error: GraphQLError) -> str:
    if isinstance(error.original_error, DomainError):
        return error.original_error.code.value
    code = (error.extensions or {}).get("code")
    if code:
        return str(code)
    return "GRAPHQL_PARSE_FAILED" if error.nodes is None and error.path is None else "GRAPHQL_VALIDATION_FAILED"


class LoggedSchema(strawberry.Schema):
    """strawberry.Schema logging each error once, at the level it deserves (Strawberry logs all at ERROR)."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        context = execution_context.context if execution_context else None
        request_id = getattr(context, "request_id", "-")
        for error in errors:
            path = ".".join(str(part) for part in error.path or ()) or "-"
            fields = {"request_id": request_id, "path": path}
            if _is_unexpected(error):
                logger.error(
                    "unexpected error at %s (request %s)",
                    path,
                    request_id,
                    exc_info=error.original_error,
                    extra={**fields, "code": "INTERNAL"},
                )
            else:
                code = _client_code(error)
                logger.info(
                    "client error %s at %s (request %s): %s",
                    code,
                    path,
                    request_id,
                    error.message,
                    extra={**fields, "code": code},
                )


class ErrorPolicy(SchemaExtension):
    """Business errors in queries keep their code; anything unexpected is masked (it was logged already)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        result.errors = [self._process(error) for error in result.errors]

    @staticmethod
    def _process(error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if isinstance(original, DomainError):
            extensions: dict[str, object] = {"code": original.code.value}
            if original.field:
                extensions["field"] = camel_path(original.field)
            return GraphQLError(original.message, nodes=error.nodes, path=error.path, extensions=extensions)
        if _is_unexpected(error):
            return GraphQLError(MASKED, nodes=error.nodes, path=error.path, extensions={"code": "INTERNAL"})
        return error  # syntax, validation, limits, permission classes: written for clients
