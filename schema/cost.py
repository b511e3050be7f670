"""Query cost: what an operation may cost before it runs, what it cost after, and a budget per client.

An object costs 1, scalars nothing; a connection costs 2 plus `first` times what one edge costs (its
`edges` are the only lists that multiply); a bounded plain list costs what one item costs; a ranked
match connection adds the ranking work, and so does a summary aggregated over a whole table
(`needsSummary`); a mutation adds 10. The requested cost is charged to the
caller's leaky bucket before the operation runs and the difference to the actual cost (counted over
the response) is refunded after, as Shopify's GraphQL API does. Both appear in `extensions.cost`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_operation_ast,
    is_leaf_type,
)
from strawberry.extensions import SchemaExtension

from core.rate_limits import Bucket, RateLimiter

CONNECTION_COST = 2
MATCH_RANKING_COST = 10
AGGREGATE_COST = 10  # a summary grouped over a whole table: charged like ranking
AGGREGATES = frozenset({"NeedsSummary"})
MUTATION_COST = 10
DEFAULT_PAGE = 20


class CostLimitError(GraphQLError):
    """The operation may not run: too costly for one request, or the caller's budget is spent."""

    def __init__(self, message: str, code: str, cost: dict[str, Any]) -> None:
        super().__init__(message, extensions={"code": code, "cost": cost})


@dataclass
class _Walk:
    schema: GraphQLSchema
    fragments: dict[str, FragmentDefinitionNode]
    variables: dict[str, Any]

    def selection_cost(self, selection_set: SelectionSetNode | None, parent: Any, data: Any, page: int = 1) -> int:
        """The cost of a selection on `parent`; `data` is the response at this point, or None before running."""
        if selection_set is None:
            return 0
        total = 0
        for field, owner in self._fields(selection_set, parent):
            definition = owner.fields.get(field.name.value) if hasattr(owner, "fields") else None
            if definition is None:
                continue
            key = field.alias.value if field.alias else field.name.value
            value = data.get(key) if isinstance(data, dict) else None
            if data is not None and value is None:
                continue  # nothing was returned below this point
            total += self.field_cost(field, definition, value, page)
        return total

    def field_cost(self, field: FieldNode, definition: Any, value: Any, page: int) -> int:
        named = get_named_type(definition.type)
        if is_leaf_type(named):
            return 0
        if _is_list(definition.type):
            # Only a connection's `edges` multiply; a bounded plain list (reference data, value objects)
            # costs what its costliest item costs.
            multiplies = field.name.value in ("edges", "nodes")
            if not isinstance(value, list):
                return (page if multiplies else 1) * self._item_cost(field, named, None)
            costs = [self._item_cost(field, named, item) for item in value]
            return sum(costs) if multiplies else max(costs, default=0)
        if named.name.endswith("Connection"):
            first = self._argument(field, definition, "first") or DEFAULT_PAGE
            extra = MATCH_RANKING_COST if named.name.endswith("MatchConnection") else 0
            return CONNECTION_COST + extra + self.selection_cost(field.selection_set, named, value, page=first)
        extra = AGGREGATE_COST if named.name in AGGREGATES else 0
        return 1 + extra + self.selection_cost(field.selection_set, named, value)

    def _item_cost(self, field: FieldNode, named: Any, item: Any) -> int:
        return 1 + self.selection_cost(field.selection_set, named, item)

    def _argument(self, field: FieldNode, definition: Any, name: str) -> int | None:
        """An integer argument as given literally or through a variable, else the field's default."""
        value: Any = None
        for argument in field.arguments or ():
            if argument.name.value == name:
                node = argument.value
                if isinstance(node, IntValueNode):
                    value = int(node.value)
                elif isinstance(node, VariableNode):
                    value = self.variables.get(node.name.value)
                break
        else:
            declared = definition.args.get(name)
            value = declared.default_value if declared is not None else None
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None

    def _fields(self, selection_set: SelectionSetNode, parent: Any) -> Iterator[tuple[FieldNode, Any]]:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if not selection.name.value.startswith("__"):
                    yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                owner = self._condition(selection.type_condition, parent)
                yield from self._fields(selection.selection_set, owner)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    yield from self._fields(fragment.selection_set, self._condition(fragment.type_condition, parent))

    def _condition(self, condition: Any, parent: Any) -> Any:
        if condition is None:
            return parent
        return self.schema.get_type(condition.name.value) or parent


def _is_list(type_: Any) -> bool:
    type_ = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    return isinstance(type_, GraphQLList)


def operation_cost(
    schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: dict, variables: dict, data: Any = None
) -> int:
    """The operation's cost: before it runs when `data` is None, else counted over the response `data`."""
    root = schema.mutation_type if operation.operation.value == "mutation" else schema.query_type
    if root is None or operation.operation.value == "subscription":
        return 0
    walk = _Walk(schema, fragments, variables or {})
    cost = walk.selection_cost(operation.selection_set, root, data if data is not None else None)
    if operation.operation.value == "mutation":
        cost += MUTATION_COST * sum(1 for _ in walk._fields(operation.selection_set, root))
    return cost


class QueryCost(SchemaExtension):
    """Refuse operations over the per-request maximum, charge the caller's budget, report `extensions.cost`."""

    def __init__(self, *, limiter_of: Any, max_cost: int, bucket: Bucket) -> None:
        self.limiter_of, self.max_cost, self.bucket = limiter_of, max_cost, bucket
        self.report: dict[str, Any] | None = None

    async def on_execute(self) -> Any:
        context = self.execution_context
        document = context.graphql_document
        operation = get_operation_ast(document, context.operation_name) if document else None
        if document is None or operation is None or operation.operation.value == "subscription":
            yield
            return
        fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
        schema = context.schema._schema
        requested = operation_cost(schema, operation, fragments, context.variables or {})
        limiter: RateLimiter = self.limiter_of(context.context)
        key = context.context.rate_limit_key
        if requested > self.max_cost:
            self.report = self._report(requested, None, await limiter.peek(key, self.bucket))
            raise CostLimitError(
                f"This query would cost {requested}, over the maximum of {self.max_cost} per request: "
                "ask for fewer items (`first`) or fewer nested connections.",
                "MAX_COST_EXCEEDED",
                self.report,
            )
        charge = await limiter.charge(key, requested, self.bucket)
        if not charge.allowed:
            self.report = self._report(requested, None, charge.level)
            raise CostLimitError(
                f"Query budget spent: this query costs {requested}; retry in {charge.retry_after_seconds:.1f} s.",
                "THROTTLED",
                self.report,
            )
        yield
        result = context.result
        data = getattr(result, "data", None)
        actual = operation_cost(schema, operation, fragments, context.variables or {}, data) if data else 0
        limiter.refund(key, requested - actual)
        self.report = self._report(requested, actual, charge.level - (requested - actual))

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.report} if self.report else {}

    def _report(self, requested: int, actual: int | None, level: float) -> dict[str, Any]:
        return {
            "requestedQueryCost": requested,
            "actualQueryCost": actual,
            "throttleStatus": {
                "maximumAvailable": self.bucket.capacity,
                "currentlyAvailable": max(0, int(self.bucket.capacity - level)),
                "restoreRate": self.bucket.leak_per_second,
            },
        }
