"""Subscription results executed once and sent as the same text to every subscriber they fit.

A subscriber of `events` still decides for itself, through the read policy, which events it may hear
(`resolvers.events.feed.follow`). What it is then sent is executed by graphql-core and serialized
once per event, document, variables and visibility class, and that text goes to every socket of the
class. The class is "whoever may hear the event" when the selection holds only the event's own fields,
which read the same for everyone the policy lets through; once it selects `node` (read with the
recipient's rights) the class is the viewer itself. Aliases, fragments and variables are part of the
document, so each distinct document gets its own shape.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections import OrderedDict
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from inspect import isawaitable
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    SelectionSetNode,
    execute_subscription_event,
)
from starlette.websockets import WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.schema import Schema
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler, Operation

from core.viewer import Viewer
from schema.context import Context, Info

# The fields of `Event` that read the same for every recipient (everything but `node`).
EVENT_OWN_FIELDS = frozenset({"id", "type", "occurredAt", "cursor", "data", "organizationIds", "__typename"})
KEPT_RESULTS = 4096


class TextWebSocket(ASGIWebSocketAdapter):
    async def send_text(self, text: str) -> None:
        try:
            await self.ws.send_text(text)
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


@dataclass(frozen=True)
class Outlet:
    """Where one operation's results go: its id, on its connection's socket."""

    handler: BaseGraphQLTransportWSHandler[Context, None]
    operation: Operation[Context, None]

    async def send(self, payload: str) -> None:
        """A `next` message with an already serialized payload (what `Operation.send_next` sends)."""
        if self.operation.completed:
            return
        websocket = self.handler.websocket
        assert isinstance(websocket, TextWebSocket)  # noqa: S101 - the view's adapter class
        await websocket.send_text(f'{{"id":{json.dumps(self.operation.id)},"type":"next","payload":{payload}}}')


_OUTLET: ContextVar[Outlet | None] = ContextVar("shopready_subscription_outlet", default=None)


class SharingHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """Strawberry's graphql-transport-ws handler, telling each operation's resolvers where it sends."""

    async def run_operation(self, operation: Operation[Context, None]) -> None:
        _OUTLET.set(Outlet(self, operation))  # the operation's own task: seen by its resolvers only
        await super().run_operation(operation)


@dataclass(frozen=True)
class Shape:
    """A subscription document with its variables, ready to execute for any one event."""

    key: tuple[str, str | None, str]
    document: DocumentNode
    variables: dict[str, Any] | None
    operation_name: str | None
    per_viewer: bool


def _reads_only_own_fields(selection_set: SelectionSetNode | None, fragments: dict[str, Any]) -> bool:
    if selection_set is None:
        return True
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value not in EVENT_OWN_FIELDS:
                return False
        elif isinstance(selection, InlineFragmentNode):
            if not _reads_only_own_fields(selection.selection_set, fragments):
                return False
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is None or not _reads_only_own_fields(fragment.selection_set, fragments):
                return False
    return True


class SharedResults:
    """The recent results of this process's subscriptions, by event, shape and visibility class."""

    def __init__(self, kept: int = KEPT_RESULTS) -> None:
        self.kept = kept
        self.executions = 0  # how many times a result was executed (read by tests)
        self._results: OrderedDict[tuple[Any, ...], asyncio.Future[str]] = OrderedDict()

    def sharing(self, info: Info) -> Sharing | None:
        """How this subscription's results are shared, or None when it is not run by the socket handler."""
        outlet = _OUTLET.get()
        if outlet is None:
            return None
        operation = outlet.operation
        raw = info._raw_info
        fragments = dict(raw.fragments)
        per_viewer = not all(_reads_only_own_fields(node.selection_set, fragments) for node in raw.field_nodes)
        variables = operation.variables
        shape = Shape(
            key=(operation.query, operation.operation_name, json.dumps(variables, sort_keys=True, default=str)),
            document=DocumentNode(definitions=(raw.operation, *fragments.values())),
            variables=variables,
            operation_name=raw.operation.name.value if raw.operation.name else None,
            per_viewer=per_viewer,
        )
        viewer = info.context.viewer if per_viewer else None
        return Sharing(self, info.schema, shape, viewer, info.context, outlet)

    async def payload(self, key: tuple[Any, ...], render: Callable[[], Any]) -> str:
        future = self._results.get(key)
        if future is None:
            future = self._results[key] = asyncio.ensure_future(render())
            future.add_done_callback(lambda done: self._forget_failed(key, done))
            while len(self._results) > self.kept:
                self._results.popitem(last=False)
        # shielded: a subscriber that leaves while the result is executed does not cancel it for the others
        return await asyncio.shield(future)

    def _forget_failed(self, key: tuple[Any, ...], done: asyncio.Future[str]) -> None:
        if not done.cancelled() and done.exception() is not None and self._results.get(key) is done:
            del self._results[key]


@dataclass(frozen=True)
class Sharing:
    """One subscriber's part: its shape and visibility class, and its socket."""

    results: SharedResults
    schema: Schema
    shape: Shape
    viewer: Viewer | None  # None: the class of everyone who may hear the event
    context: Context
    outlet: Outlet

    async def send(self, event_id: int, root: Callable[[], Any]) -> None:
        """Send the result for an event this subscriber may hear, executed once for its class."""
        key = (event_id, self.shape.key, self.viewer)
        await self.outlet.send(await self.results.payload(key, lambda: self._execute(root())))

    async def _execute(self, root: Any) -> str:
        self.results.executions += 1
        # a context of its own, so nothing read for one event is served from a cache for the next
        context = dataclasses.replace(self.context)
        executor = self.schema.execution_context_class.build(
            self.schema._schema,
            self.shape.document,
            None,
            context,
            self.shape.variables,
            self.shape.operation_name,
        )
        if isinstance(executor, list):  # variables that coerced at subscribe time coerce again
            result = ExecutionResult(None, executor)
        else:
            outcome = execute_subscription_event(executor.build_per_event_executor(root))
            result = await outcome if isawaitable(outcome) else outcome
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            errors: list[GraphQLError] = list(result.errors)
            self.schema.process_errors(errors)
            payload["errors"] = [error.formatted for error in errors]
        return json.dumps(payload, separators=(",", ":"))
