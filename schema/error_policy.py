"""What clients see of errors in queries, and what the log keeps of them.

Business errors keep their code; a database that cannot be reached is UNAVAILABLE (the HTTP layer
answers 503 with Retry-After) and one that ran out of time TIMEOUT; anything else unexpected is
masked as "Unexpected error." Client errors (syntax, validation, limits, business refusals) are
logged at INFO in one line, database conditions at WARNING, unexpected ones at ERROR with the
traceback. Every line carries the request id the response echoes in `X-Request-ID`.

The policy is applied to the finished result (`LoggedSchema.execute`), so it also covers errors
raised by extensions before execution (the cost check reading the budget, for one), which never
reach an extension's own result hook.
"""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext, ExecutionResult

from core.database_errors import TIMEOUT_MESSAGE, UNAVAILABLE_MESSAGE, is_timeout, is_unavailable
from core.errors import DomainError
from schema.errors import camel_path

logger = logging.getLogger("shopready.errors")
MASKED = "Unexpected error."


def _is_unexpected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError | DomainError)


def _database_condition(error: GraphQLError) -> str | None:
    """TIMEOUT or UNAVAILABLE when the error is the database's condition, else None."""
    original = error.original_error
    if not _is_unexpected(error) or original is None:
        return None
    if is_timeout(original):
        return "TIMEOUT"
    return "UNAVAILABLE" if is_unavailable(original) else None


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
            condition = _database_condition(error)
            if condition is not None:
                logger.warning(
                    "database %s at %s (request %s): %s",
                    condition.lower(),
                    path,
                    request_id,
                    type(error.original_error).__name__,
                    extra={**fields, "code": condition},
                )
            elif _is_unexpected(error):
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

    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        result = await super().execute(*args, **kwargs)
        if result.errors:
            result.errors = [client_error(error) for error in result.errors]
        return result


def client_error(error: GraphQLError) -> GraphQLError:
    """The error as a client may see it: business errors with their code, database conditions named,
    anything else unexpected masked (it was logged already)."""
    original = error.original_error
    if isinstance(original, DomainError):
        extensions: dict[str, object] = {"code": original.code.value}
        if original.field:
            extensions["field"] = camel_path(original.field)
        return GraphQLError(original.message, nodes=error.nodes, path=error.path, extensions=extensions)
    condition = _database_condition(error)
    if condition is not None:
        message = TIMEOUT_MESSAGE if condition == "TIMEOUT" else UNAVAILABLE_MESSAGE
        return GraphQLError(message, nodes=error.nodes, path=error.path, extensions={"code": condition})
    if _is_unexpected(error):
        return GraphQLError(MASKED, nodes=error.nodes, path=error.path, extensions={"code": "INTERNAL"})
    return error  # syntax, validation, limits, permission classes: written for clients
