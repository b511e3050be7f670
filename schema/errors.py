"""userErrors for mutation payloads, and the policy that masks unexpected errors."""

from __future__ import annotations

import functools
import logging
import typing
from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from core.errors import DomainError, DomainErrors
from core.errors import ErrorCode as DomainErrorCode

logger = logging.getLogger("shopready.errors")

ErrorCode = strawberry.enum(DomainErrorCode, name="ErrorCode", description="Why an input or action was refused.")


@strawberry.type(description="A problem with the input or the action, for the user to act on.")
class UserError:
    field: list[str] | None = strawberry.field(description="Path to the input field concerned, if any.")
    code: ErrorCode
    message: str

    @classmethod
    def of(cls, error: DomainError) -> UserError:
        return cls(field=_camel(error.field), code=error.code, message=error.message)


def _camel(path: list[str] | None) -> list[str] | None:
    if path is None:
        return None
    return [part.split("_")[0] + "".join(w.title() for w in part.split("_")[1:]) for part in path]


@strawberry.type
class Payload:
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def returns_payload(resolver: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the DomainError a resolver raises into the payload's `userErrors` (the one place that does)."""

    @functools.wraps(resolver)
    async def wrapper(*args, **kwargs):
        try:
            return await resolver(*args, **kwargs)
        except DomainError as error:
            return _payload_type(resolver)(user_errors=[UserError.of(error)])
        except DomainErrors as errors:
            return _payload_type(resolver)(user_errors=[UserError.of(e) for e in errors.errors])

    return wrapper


@functools.cache
def _payload_type(resolver) -> type:
    return typing.get_type_hints(resolver)["return"]


class PublicError(GraphQLError):
    """A top-level error safe to show as is, with a machine-readable code."""

    def __init__(self, message: str, code: str, field: list[str] | None = None) -> None:
        extensions = {"code": code}
        if field:
            extensions["field"] = _camel(field)
        super().__init__(message, extensions=extensions)


def public(error: DomainError) -> PublicError:
    return PublicError(error.message, error.code.value, error.field)


class ErrorPolicy(SchemaExtension):
    """Business errors in queries keep their code; anything unexpected is logged and masked."""

    MASKED = "Unexpected error."

    def on_operation(self):
        yield
        result = self.execution_context.result
        if result is None or not getattr(result, "errors", None):
            return
        result.errors = [self._process(error) for error in result.errors]

    def _process(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or isinstance(original, GraphQLError):
            return error  # syntax, validation, limits, permission classes: written for clients
        if isinstance(original, DomainError):
            return GraphQLError(
                original.message, nodes=error.nodes, path=error.path, extensions=public(original).extensions
            )
        context = self.execution_context.context
        logger.error(
            "unexpected error in %s (request %s)",
            ".".join(str(p) for p in error.path or ()),
            getattr(context, "request_id", "-"),
            exc_info=original,
        )
        return GraphQLError(self.MASKED, nodes=error.nodes, path=error.path, extensions={"code": "INTERNAL"})
