"""Parse and validate each document once: registered documents for the life of the process, any other
text while it stays among the most recent (it replaces Strawberry's ParserCache and ValidationCache)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graphql import DocumentNode, GraphQLError, parse
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from schema.http.documents import DOCUMENT_ID


@dataclass
class PinnedDocuments:
    """Registered documents, parsed and validated the first time this process runs each."""

    parsed: dict[str, DocumentNode] = field(default_factory=dict)
    validated: dict[str, list[GraphQLError]] = field(default_factory=dict)
    parses: int = 0
    validations: int = 0

    def parse(self, document_id: str, text: str, options: Any) -> DocumentNode:
        if document_id not in self.parsed:
            self.parses += 1
            self.parsed[document_id] = parse(text, **options)
        return self.parsed[document_id]

    def validate(self, document_id: str, run: Callable[[], list[GraphQLError]]) -> list[GraphQLError]:
        if document_id not in self.validated:
            self.validations += 1
            self.validated[document_id] = run()
        return self.validated[document_id]


@lru_cache(maxsize=1)
def _lru_caches(maxsize: int) -> tuple[Callable[..., Any], Callable[..., Any]]:
    from strawberry.schema.schema import validate_document  # imported late: Strawberry's own cycle

    return lru_cache(maxsize=maxsize)(parse), lru_cache(maxsize=maxsize)(validate_document)


def _document_id(context: ExecutionContext) -> str | None:
    request = getattr(context.context, "request", None)
    return getattr(request.state, DOCUMENT_ID, None) if request is not None else None


class DocumentCache(SchemaExtension):
    def __init__(self, pinned: PinnedDocuments, maxsize: int = 256) -> None:
        self.pinned = pinned
        self.cached_parse, self.cached_validate = _lru_caches(maxsize)

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        document_id = _document_id(context)
        if document_id is not None and context.query is not None:
            context.graphql_document = self.pinned.parse(document_id, context.query, context.parse_options)
        else:
            context.graphql_document = self.cached_parse(context.query, **context.parse_options)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document_id = _document_id(context)
        arguments = (context.schema._schema, context.graphql_document, context.validation_rules)
        if document_id is not None:
            context.pre_execution_errors = self.pinned.validate(document_id, lambda: self.cached_validate(*arguments))
        else:
            context.pre_execution_errors = self.cached_validate(*arguments)
        yield
