"""`persistedDocumentRegister`: an organization's apps register the documents they will send."""

from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError, GraphQLSchema, parse, validate

from resolvers.partners import documents
from schema.context import Info
from schema.errors import INPUT, Payload, returns_payload
from schema.relay import decode_id


@strawberry.input(description="A GraphQL document an organization's apps will send by its id.")
class PersistedDocumentRegisterInput:
    document: str = strawberry.field(
        description="The document's exact text (up to 100,000 characters); it must parse and validate against "
        "this schema (INVALID_DOCUMENT otherwise). Its id is `sha256:` and the SHA-256 of these UTF-8 bytes."
    )
    organization_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="For a person: the organization (you must be its owner or admin) whose apps will send it. "
        "An app registers for its own organization and may leave this out.",
    )


@strawberry.type(description="The result of `persistedDocumentRegister`.")
class PersistedDocumentRegisterPayload(Payload):
    document_id: str | None = strawberry.field(
        default=None,
        description='What to send as `{"documentId": ...}` instead of the text; null when refused. Registering '
        "the same text again answers the same id.",
    )


def _problem(schema: GraphQLSchema, text: str) -> str | None:
    try:
        errors = validate(schema, parse(text))
    except GraphQLError as error:
        return error.message
    return errors[0].message if errors else None


@strawberry.type
class DocumentMutations:
    @strawberry.mutation(
        description="Register a document (a partner app, or an owner or admin for their organization's apps), "
        "so requests may send its `documentId` instead of its text. With trusted documents on (production), "
        "apps may only run registered documents; this mutation is the one they may always send as text."
    )
    @returns_payload
    async def persisted_document_register(
        self, info: Info, input: Annotated[PersistedDocumentRegisterInput, strawberry.argument(description=INPUT)]
    ) -> PersistedDocumentRegisterPayload:
        organization_id = (
            decode_id(input.organization_id, "Organization", "organizationId") if input.organization_id else None
        )
        schema = info.schema._schema
        row = await documents.register(
            info.context.db,
            info.context.viewer,
            input.document,
            organization_id,
            lambda text: _problem(schema, text),
        )
        return PersistedDocumentRegisterPayload(document_id=row.document_id)
