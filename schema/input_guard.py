"""Arguments refused for the whole operation before anything runs: a page size outside 1..100 and
query text holding a NUL character.

Checking the document once, with its variables, covers every field, however deep and whether or
not its parent resolves: `first: 0` on a nested list is refused even when the parent is null.
Mutation inputs are checked by `returns_payload` instead, so a NUL there is a `userErrors` entry
like every other input problem of a mutation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    ArgumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_operation_ast,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

from core.errors import ErrorCode
from core.paging import MAX_PAGE, MIN_PAGE
from core.text_input import NUL_MESSAGE, nul_path


class InputRefused(GraphQLError):
    """An argument no field could accept; the operation does not run."""

    def __init__(self, message: str, code: ErrorCode, field: list[str], node: ArgumentNode) -> None:
        super().__init__(message, nodes=[node], extensions={"code": code.value, "field": field})


def _fields(
    selection_set: SelectionSetNode | None, fragments: dict[str, FragmentDefinitionNode], depth: int = 0
) -> Iterator[tuple[FieldNode, int]]:
    """Every field of the selection with its depth (0 for root fields), fragments included."""
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection, depth
            yield from _fields(selection.selection_set, fragments, depth + 1)
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, fragments, depth)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value in fragments:
            # validation has already refused cycles
            yield from _fields(fragments[selection.name.value].selection_set, fragments, depth)


def check_arguments(operation: OperationDefinitionNode, fragments: dict, variables: dict[str, Any]) -> None:
    is_mutation = operation.operation.value == "mutation"
    for field, depth in _fields(operation.selection_set, fragments):
        for argument in field.arguments or ():
            value = value_from_ast_untyped(argument.value, variables)
            name = argument.name.value
            if name == "first" and isinstance(value, int) and not MIN_PAGE <= value <= MAX_PAGE:
                raise InputRefused(
                    f"first must be between {MIN_PAGE} and {MAX_PAGE}.", ErrorCode.OUT_OF_RANGE, ["first"], argument
                )
            if is_mutation and depth == 0:
                continue  # the mutation's own input: refused in its payload's userErrors
            path = nul_path(value, (name,))
            if path is not None:
                raise InputRefused(NUL_MESSAGE, ErrorCode.INVALID_CHARACTERS, path, argument)


class InputGuard(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        operation = get_operation_ast(document, context.operation_name) if document else None
        if document is not None and operation is not None:
            fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
            check_arguments(operation, fragments, context.variables or {})
        yield
