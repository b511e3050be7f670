"""userErrors for mutation payloads: who a mutation serves, and DomainError turned into `userErrors`."""

from __future__ import annotations

import functools
import logging
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

import strawberry

from core.database_errors import TIMEOUT_MESSAGE, is_timeout
from core.errors import DomainError, DomainErrors
from core.errors import ErrorCode as DomainErrorCode
from core.text_input import NUL_MESSAGE, nul_path
from core.viewer import Viewer
from schema.error_codes import ErrorCode

logger = logging.getLogger("shopready.errors")


@strawberry.type(description="A problem with the input or the action, for the user to act on.")
class UserError:
    field: list[str] | None = strawberry.field(
        description='Path to the input field concerned, in the input\'s own names (e.g. ["quantity"]); null when '
        "the refusal concerns the whole action."
    )
    code: ErrorCode = strawberry.field(
        description="Stable, machine-readable reason; switch on this, not on the message."
    )
    message: str = strawberry.field(description="A sentence for a person, in English; may change wording over time.")
    retry_after_seconds: int | None = strawberry.field(
        default=None,
        description="With RATE_LIMITED: seconds to wait before the same attempt can succeed; null otherwise.",
    )

    @classmethod
    def of(cls, error: DomainError) -> UserError:
        return cls(
            field=camel_path(error.field),
            code=error.code,
            message=error.message,
            retry_after_seconds=error.retry_after_seconds,
        )


def camel_path(path: list[str] | None) -> list[str] | None:
    if path is None:
        return None
    return [part.split("_")[0] + "".join(w.title() for w in part.split("_")[1:]) for part in path]


@strawberry.type(description="Fields every mutation payload carries.")
class Payload:
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why the mutation changed nothing; empty on success."
    )


INPUT = "Everything the mutation takes; each field is described on the input type."


class Caller(Enum):
    """Who may call a mutation at all; ownership of the objects is checked by the domain's policy."""

    ANYONE = "anyone"  # signing up and signing in
    SIGNED_IN = "signed in"  # a person or a partner app
    PERSON = "person"  # a signed-in person; app tokens are refused
    STAFF = "staff"  # platform staff


def _caller_error(caller: Caller, viewer: Viewer) -> DomainError | None:
    """The one answer every mutation gives a caller it does not serve, before reading any input."""
    if caller is Caller.ANYONE:
        return None
    if not viewer.is_authenticated:
        return DomainError(DomainErrorCode.UNAUTHENTICATED, "Sign in to do this.")
    if caller is Caller.PERSON and viewer.user_id is None:
        return DomainError(DomainErrorCode.PERMISSION_DENIED, "App tokens cannot do this; sign in as a person.")
    if caller is Caller.STAFF and not viewer.is_staff:
        return DomainError(DomainErrorCode.PERMISSION_DENIED, "Only platform staff may do this.")
    return None


def _unstorable_text(arguments: dict) -> DomainError | None:
    """A NUL anywhere in the mutation's input: refused before the resolver sees any of it."""
    path = nul_path({name: value for name, value in arguments.items() if name != "info"})
    return DomainError(DomainErrorCode.INVALID_CHARACTERS, NUL_MESSAGE, path[1:] or path) if path else None


def _timed_out(error: Exception) -> DomainError:
    logger.warning("database timeout in a mutation: %s", type(error).__name__, extra={"code": "TIMEOUT"})
    return DomainError(DomainErrorCode.TIMEOUT, TIMEOUT_MESSAGE)


def returns_payload(
    resolver: Callable[..., Any] | None = None, /, *, caller: Caller = Caller.SIGNED_IN
) -> Callable[..., Any]:
    """Answer callers the mutation does not serve, refuse text that cannot be stored, and turn the DomainError a
    resolver raises into the payload's `userErrors` (the one place for all three): every mutation has the same
    shape for every refusal."""
    if resolver is None:
        return functools.partial(returns_payload, caller=caller)

    @functools.wraps(resolver)
    async def wrapper(*args, **kwargs):
        context = _info(args, kwargs).context
        refusal = _caller_error(caller, context.viewer) or _unstorable_text(kwargs)
        if refusal is not None:
            return _payload_type(resolver)(user_errors=[UserError.of(refusal)])
        try:
            payload = await resolver(*args, **kwargs)
        except DomainError as error:
            return _payload_type(resolver)(user_errors=[UserError.of(error)])
        except DomainErrors as errors:
            return _payload_type(resolver)(user_errors=[UserError.of(e) for e in errors.errors])
        except Exception as error:
            # a statement or lock timeout: the transaction was rolled back, so the caller may simply retry
            if not is_timeout(error):
                raise
            return _payload_type(resolver)(user_errors=[UserError.of(_timed_out(error))])
        # A refusal rolled its transaction back; reaching here means the mutation changed something,
        # so an Idempotency-Key keeps this answer (see schema/http/idempotency.py).
        context.note_mutation_applied()
        return payload

    return wrapper


def _info(args: tuple, kwargs: dict) -> Any:
    if "info" in kwargs:
        return kwargs["info"]
    return next(arg for arg in args if hasattr(arg, "context") and hasattr(arg, "field_name"))


@functools.cache
def _payload_type(resolver) -> type:
    return typing.get_type_hints(resolver)["return"]
