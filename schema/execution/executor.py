"""An execution context that completes plain data without a resolver call or a `ResolveInfo` per field.

Most of a response is plain data once its root object is loaded: explanations, components, money,
page info, reference objects. Strawberry resolves each such field with its default resolver (an
attribute read) and graphql-core builds a `ResolveInfo`, parses (no) arguments and dispatches on the
return type for every one of them. Here the fields graphql-core collected for one object type are
planned once per selection (the plan is cached by the identity of the field nodes, so a document
parsed once and run again reuses it) and each plain field becomes an attribute read plus a completer
compiled for its return type (completers.py). Fields that are not plain (a resolver, arguments,
permission classes or other field extensions, meta fields other than `__typename`) go through
graphql-core's `execute_field` unchanged, so mixed trees work: the plain parts of a subtree are
compiled, the rest delegated.

graphql-core still collects the fields (fragments, type conditions on abstract types, `@skip` and
`@include` with the request's variables), so what runs is exactly what it would run; a plan only
replaces how each collected field is executed, with the same results, the same errors at the same
paths and locations, null propagation through non-null fields and the same field order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLObjectType, GraphQLSchema
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import Path, Undefined, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.execution.completers import DEFINITION, FieldSite, compile_completer, needs_path

Step = Callable[[Any, Any, Any, Path, str], Any]
MAX_PLANS = 4096


def _typename(name: str) -> Step:
    def typename(executor: Any, source: Any, details: Any, path: Path, key: str) -> Any:
        return name

    return typename


def _delegated(parent_type: GraphQLObjectType) -> Step:
    def delegated(executor: Any, source: Any, details: Any, path: Path, key: str) -> Any:
        return executor.execute_field(parent_type, source, details, Path(path, key, parent_type.name), None)

    return delegated


def _plain_field(parent_type: GraphQLObjectType, name: str, schema: GraphQLSchema) -> Step | None:
    """The compiled step of a field Strawberry resolves by reading an attribute, else None."""
    definition = schema.get_field(parent_type, name)
    if definition is None or name.startswith("__") or definition.args:
        return None
    resolve = definition.resolve
    field = (definition.extensions or {}).get(DEFINITION)
    # Strawberry gives exactly the fields without resolver, extensions (permission classes are one)
    # or exception handlers this resolver; anything else keeps its own.
    if resolve is None or getattr(resolve, "__name__", "") != "_get_basic_result" or field is None:
        return None
    if not field.is_basic_field:
        return None
    read, attribute = field.default_resolver, field.python_name
    return_type = definition.type
    site = FieldSite(parent_type, name, definition)
    complete = compile_completer(return_type, site)
    typename = parent_type.name

    if needs_path(return_type):

        def plain_object(executor: Any, source: Any, details: Any, path: Path, key: str) -> Any:
            field_path = Path(path, key, typename)
            try:
                value = read(source, attribute)
                if executor.is_awaitable(value):
                    info = site.info(executor, field_path, details)
                    return executor.complete_awaitable_value(return_type, details, info, field_path, value, None)
                completed = complete(executor, value, details, field_path)
                if executor.is_awaitable(completed):
                    return _guarded(executor, completed, return_type, details, field_path)
                return completed
            except Exception as raw_error:
                executor.handle_field_error(raw_error, return_type, details, field_path)
                return None

        return plain_object

    def plain_leaf(executor: Any, source: Any, details: Any, path: Path, key: str) -> Any:
        try:
            value = read(source, attribute)
            if executor.is_awaitable(value):
                field_path = Path(path, key, typename)
                info = site.info(executor, field_path, details)
                return executor.complete_awaitable_value(return_type, details, info, field_path, value, None)
            return complete(executor, value, details, None)
        except Exception as raw_error:
            executor.handle_field_error(raw_error, return_type, details, Path(path, key, typename))
            return None

    return plain_leaf


async def _guarded(executor: Any, completed: Any, return_type: Any, details: Any, path: Path) -> Any:
    try:
        return await completed
    except Exception as raw_error:
        executor.handle_field_error(raw_error, return_type, details, path)
        return None


def plan_fields(schema: GraphQLSchema, parent_type: GraphQLObjectType, fields: GroupedFieldSet) -> list[Step]:
    steps: list[Step] = []
    for details in fields.values():
        name = details[0].node.name.value
        if name == "__typename":
            steps.append(_typename(parent_type.name))
        else:
            steps.append(_plain_field(parent_type, name, schema) or _delegated(parent_type))
    return steps


def _plannable(fields: GroupedFieldSet) -> bool:
    """Fragment arguments and deferred fields are left to graphql-core."""
    return all(
        item.defer_usage is None and item.fragment_variable_values is None
        for details in fields.values()
        for item in details
    )


class _Plans:
    """Plans shared by every request: keyed by the object type and the identity of the field nodes.
    A plan keeps its field lists, hence the nodes, alive, so an id in a key is never reused while the
    key is cached."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[int, ...], tuple[Any, list[Step]]] = {}

    def get(self, schema: GraphQLSchema, parent_type: GraphQLObjectType, fields: GroupedFieldSet) -> list[Step]:
        key = (id(parent_type), *(id(item.node) for details in fields.values() for item in details))
        cached = self.by_key.get(key)
        if cached is not None:
            return cached[1]
        steps = plan_fields(schema, parent_type, fields)
        if len(self.by_key) >= MAX_PLANS:
            del self.by_key[next(iter(self.by_key))]
        self.by_key[key] = ((parent_type, fields), steps)
        return steps


PLANS = _Plans()


class CompiledExecutor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, executing the fields of each object through a cached plan."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._planned: dict[int, tuple[GroupedFieldSet, list[Step] | None]] = {}
        schema = self.schema
        middleware = self.middleware_manager
        # A schema extension with a `resolve` hook must see every field: then nothing is compiled.
        self._compiles = (
            (middleware is None or getattr(middleware, "_middleware_resolvers", None) is None)
            and schema.get_directive("defer") is None
            and schema.get_directive("stream") is None
        )

    def _steps(self, parent_type: GraphQLObjectType, fields: GroupedFieldSet) -> list[Step] | None:
        planned = self._planned.get(id(fields))
        if planned is not None:
            return planned[1]
        steps = PLANS.get(self.schema, parent_type, fields) if _plannable(fields) else None
        self._planned[id(fields)] = (fields, steps)
        return steps

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        # Root fields all have resolvers, and run serially for mutations: graphql-core's own path.
        if path is None or position_context is not None or not self._compiles:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        steps = self._steps(parent_type, grouped_field_set)
        if steps is None:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for (response_name, details), step in zip(grouped_field_set.items(), steps, strict=True):
                result = step(self, source_value, details, path, response_name)
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[name] for name in awaitable_fields])
            raise
        if not awaitable_fields:
            return results
        return _awaited(results, awaitable_fields)


async def _awaited(results: dict[str, Any], awaitable_fields: list[str]) -> dict[str, Any]:
    if len(awaitable_fields) == 1:
        name = awaitable_fields[0]
        results[name] = await results[name]
        return results
    awaited = await gather_with_cancel(*(results[name] for name in awaitable_fields))
    results.update(zip(awaitable_fields, awaited, strict=True))
    return results
