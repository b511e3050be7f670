"""Value completion compiled per output type: what graphql-core's `complete_value` does for one field,
with the type dispatch done once instead of on every value.

A completer takes `(executor, value, field_details_list, path)` and returns the completed value (or an
awaitable of it), raising as `complete_value` raises. `path` is the position of the value; completers
of leaves never read it, so leaf fields pass None and build a path only when something fails.
Anything not compiled here (abstract types, object types with a custom `is_type_of`, async
iterables, awaitable list items) goes to graphql-core's own methods, with a `ResolveInfo` built for
the occasion, so it behaves exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graphql import (
    GraphQLError,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
)
from graphql.execution.executor import Executor, invalid_return_type_error
from graphql.pyutils import Path, Undefined, gather_with_cancel, is_iterable

if TYPE_CHECKING:
    from graphql import GraphQLField, GraphQLResolveInfo

DEFINITION = "strawberry-definition"
Completer = Callable[[Any, Any, Any, Any], Any]


class FieldSite:
    """The field a completer works for: what error messages name and what a `ResolveInfo` needs."""

    __slots__ = ("definition", "name", "parent_type")

    def __init__(self, parent_type: GraphQLObjectType, name: str, definition: GraphQLField) -> None:
        self.parent_type, self.name, self.definition = parent_type, name, definition

    def info(self, executor: Any, path: Path, field_details_list: Any) -> GraphQLResolveInfo:
        """The field's `ResolveInfo` (its path is the field's, also when completing a list item)."""
        while isinstance(path.key, int) and path.prev is not None:
            path = path.prev
        nodes = [details.node for details in field_details_list]
        return executor.build_resolve_info(self.definition, nodes, self.parent_type, path)


def needs_path(return_type: GraphQLOutputType) -> bool:
    named = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
    return not is_leaf_type(named)


def compile_completer(return_type: GraphQLOutputType, site: FieldSite) -> Completer:
    if isinstance(return_type, GraphQLNonNull):
        return _non_null(return_type.of_type, site)
    if isinstance(return_type, GraphQLList):
        return _list(return_type, site)
    if is_leaf_type(return_type):
        return _leaf(return_type)
    if isinstance(return_type, GraphQLObjectType) and _plain_type_check(return_type):
        return _object(return_type)
    return _generic(return_type, site)


def _non_null(inner_type: GraphQLOutputType, site: FieldSite) -> Completer:
    message = f"Cannot return null for non-nullable field {site.parent_type}.{site.name}."
    if is_leaf_type(inner_type):
        coerce = inner_type.coerce_output_value

        def complete_non_null_leaf(executor: Any, value: Any, details: Any, path: Any) -> Any:
            if isinstance(value, Exception):
                raise value
            if value is None or value is Undefined:
                raise TypeError(message)
            coerced = coerce(value)
            if coerced is Undefined or coerced is None:
                Executor.complete_leaf_value(inner_type, value)  # raises its error
            return coerced

        return complete_non_null_leaf
    inner = compile_completer(inner_type, site)

    def complete_non_null(executor: Any, value: Any, details: Any, path: Any) -> Any:
        if isinstance(value, Exception):
            raise value
        completed = inner(executor, value, details, path)
        if completed is None:
            raise TypeError(message)
        return completed

    return complete_non_null


def _leaf(return_type: GraphQLLeafType) -> Completer:
    coerce = return_type.coerce_output_value

    def complete_leaf(executor: Any, value: Any, details: Any, path: Any) -> Any:
        if isinstance(value, Exception):
            raise value
        if value is None or value is Undefined:
            return None
        coerced = coerce(value)
        if coerced is Undefined or coerced is None:
            Executor.complete_leaf_value(return_type, value)  # raises its error
        return coerced

    return complete_leaf


def _plain_type_check(object_type: GraphQLObjectType) -> bool:
    """Whether `is_type_of` can run without a `ResolveInfo`: none at all, or Strawberry's own
    isinstance check (a type's custom `is_type_of` may read the info, so it takes the usual path)."""
    if object_type.is_type_of is None:
        return True
    definition = (object_type.extensions or {}).get(DEFINITION)
    return definition is not None and getattr(definition, "is_type_of", None) is None


def _object(object_type: GraphQLObjectType) -> Completer:
    is_type_of = object_type.is_type_of

    def complete_object(executor: Any, value: Any, details: Any, path: Any) -> Any:
        if isinstance(value, Exception):
            raise value
        if value is None or value is Undefined:
            return None
        if is_type_of is not None and not is_type_of(value, None):  # type: ignore[arg-type]  # Strawberry's reads no info
            raise invalid_return_type_error(object_type, value, details)
        return executor.collect_and_execute_subfields(object_type, details, path, value, None)

    return complete_object


def _generic(return_type: GraphQLOutputType, site: FieldSite) -> Completer:
    def complete_generic(executor: Any, value: Any, details: Any, path: Any) -> Any:
        info = site.info(executor, path, details)
        return executor.complete_value(return_type, details, info, path, value, None)

    return complete_generic


def _list(list_type: GraphQLList, site: FieldSite) -> Completer:
    item_type = list_type.of_type
    complete_item = compile_completer(item_type, site)
    item_needs_path = needs_path(item_type)
    not_iterable = f"Expected Iterable, but did not find one for field '{site.parent_type}.{site.name}'."

    def complete_list(executor: Any, value: Any, details: Any, path: Any) -> Any:
        if isinstance(value, Exception):
            raise value
        if value is None or value is Undefined:
            return None
        if type(value) not in (list, tuple):
            if executor.is_async_iterable(value):
                return _generic(list_type, site)(executor, value, details, path)
            if not is_iterable(value):
                raise GraphQLError(not_iterable)
        is_awaitable = executor.is_awaitable
        completed: list[Any] = []
        append = completed.append
        awaitable_indices: list[int] = []
        iterator = iter(value)
        index = 0
        try:
            for item in iterator:
                item_path = Path(path, index, None) if item_needs_path else None
                if is_awaitable(item):
                    item_path = item_path or Path(path, index, None)
                    info = site.info(executor, item_path, details)
                    append(executor.complete_awaitable_list_item_value(item, item_type, details, info, item_path, None))
                    awaitable_indices.append(index)
                else:
                    try:
                        result = complete_item(executor, item, details, item_path)
                        if is_awaitable(result):
                            result = _guarded(
                                executor, result, item_type, details, item_path or Path(path, index, None)
                            )
                            awaitable_indices.append(index)
                    except Exception as raw_error:
                        executor.handle_field_error(raw_error, item_type, details, item_path or Path(path, index, None))
                        result = None
                    append(result)
                index += 1
        except Exception:
            pending = [completed[i] for i in awaitable_indices]
            pending.extend(item for item in iterator if is_awaitable(item))
            if pending:
                executor.settle_in_background(pending)
            raise
        if not awaitable_indices:
            return completed
        return _gathered(completed, awaitable_indices)

    return complete_list


async def _guarded(executor: Any, awaitable: Any, item_type: Any, details: Any, item_path: Path) -> Any:
    try:
        return await awaitable
    except Exception as raw_error:
        executor.handle_field_error(raw_error, item_type, details, item_path)
        return None


async def _gathered(completed: list[Any], awaitable_indices: list[int]) -> list[Any]:
    if len(awaitable_indices) == 1:
        index = awaitable_indices[0]
        completed[index] = await completed[index]
        return completed
    results = await gather_with_cancel(*(completed[i] for i in awaitable_indices))
    for index, result in zip(awaitable_indices, results, strict=True):
        completed[index] = result
    return completed
