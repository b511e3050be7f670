"""`bulkImportCreate`: needs or listings from a CSV file, through the GraphQL multipart request spec."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, cast

import strawberry
from strawberry.file_uploads import Upload

from core.errors import DomainError
from core.errors import ErrorCode as DomainErrorCode
from db import models
from db.enums.partners import BulkImportKind as DomainKind
from db.enums.partners import BulkImportStatus as DomainStatus
from resolvers.partners import bulk_imports
from resolvers.partners.exports import member_of
from schema.context import Info
from schema.enum_type import enum_type
from schema.error_codes import ErrorCode
from schema.errors import INPUT, Payload, UserError, returns_payload
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args, page_of

BulkImportKind = enum_type(
    DomainKind,
    name="BulkImportKind",
    description="What a CSV file creates for an organization.",
    values={
        "NEEDS": "A school's needs. Columns: title, category (slug or name), quantity; optional priority, neededBy "
        "(YYYY-MM-DD), minimumCondition, description.",
        "LISTINGS": "A donor's listings. Columns: title, category (slug or name), condition, quantity, unitValue "
        "(in currency units, e.g. 1500.00), fulfillment (PICKUP;SHIP;DELIVERY;TOW); optional currency (USD), "
        "availableUntil (YYYY-MM-DD), description, privateNotes.",
    },
)
BulkImportStatus = enum_type(
    DomainStatus,
    name="BulkImportStatus",
    description="Where an import stands.",
    values={
        "RUNNING": "The rows are being checked; `processedRows` of `totalRows` so far.",
        "SUCCEEDED": "Every row was valid and all were created together.",
        "FAILED": "Some rows were invalid (see `errors`); nothing was created.",
    },
)


@strawberry.type(description="One problem in an imported file, where a person fixes it.")
class BulkImportError:
    line: int = strawberry.field(description="The line of the file the record starts on; the header is line 1.")
    column: str | None = strawberry.field(
        description="The column (as named in the header) concerned; null when the whole record is."
    )
    code: ErrorCode = strawberry.field(description="Why, as in `UserError.code`.")
    message: str = strawberry.field(description="A sentence for a person.")


@node_type
@strawberry.type(
    description="A CSV import for an organization, seen by its members (apps with a donations scope) and staff."
)
class BulkImport(Node):
    # enum_type() values are types to Strawberry, variables to mypy
    kind: BulkImportKind = strawberry.field(description="What the file creates.")
    status: BulkImportStatus = strawberry.field(description="Where the import stands.")
    filename: str = strawberry.field(description="The uploaded file's name.")
    total_rows: int = strawberry.field(description="Records in the file, the header and blank lines not counted.")
    processed_rows: int = strawberry.field(description="Records checked so far; equals totalRows when finished.")
    created_count: int = strawberry.field(description="Objects created: every row on success, else 0.")
    error_count: int = strawberry.field(description="Problems found in all; `errors` lists the first 1,000.")
    created_at: datetime = strawberry.field(description="When the import started.")
    finished_at: datetime | None = strawberry.field(description="When it finished; null while it runs.")
    _errors: strawberry.Private[list[dict]]

    @classmethod
    def from_model(cls, row: models.BulkImport) -> BulkImport:
        return cls(
            pk=row.id,
            kind=DomainKind(row.kind),
            status=DomainStatus(row.status),
            filename=row.filename,
            total_rows=row.total_rows,
            processed_rows=row.processed_rows,
            created_count=row.created_count,
            error_count=row.error_count,
            created_at=row.created_at,
            finished_at=row.finished_at,
            _errors=list(row.errors or []),
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> BulkImport | None:
        viewer = info.context.viewer
        row = await bulk_imports.visible_import(info.context.db, viewer, pk, await member_of(info.context.db, viewer))
        return cls.from_model(row) if row is not None else None

    @strawberry.field(description="The problems found, by line, in file order.")
    def errors(self, first: First = None, after: After = None) -> Connection[BulkImportError]:
        page = page_of(self._errors, first, after)
        return Connection.of(page, _error)


def _error(stored: object) -> BulkImportError:
    error = cast("dict[str, Any]", stored)
    return BulkImportError(
        line=error["line"], column=error["column"], code=DomainErrorCode(error["code"]), message=error["message"]
    )


@strawberry.input(description="A CSV file of needs or listings to create for an organization, all or none.")
class BulkImportCreateInput:
    organization_id: strawberry.ID = strawberry.field(
        description="The school (NEEDS) or donor (LISTINGS); you need donations:write as an app, or membership."
    )
    kind: BulkImportKind = strawberry.field(description="What each row creates; names the columns expected.")
    file: Upload = strawberry.field(
        description="The CSV file (UTF-8, header row first), sent as a part of a multipart request (the GraphQL "
        "multipart request spec) with an Authorization header; at most 10,000 records."
    )


@strawberry.type(description="The result of `bulkImportCreate`.")
class BulkImportCreatePayload(Payload):
    bulk_import: BulkImport | None = strawberry.field(
        default=None,
        description="The import: SUCCEEDED with every row created, or FAILED with its errors and nothing created. "
        "Null when the file itself was refused (see userErrors).",
    )


@strawberry.type
class BulkImportMutations:
    @strawberry.mutation(
        description="Create needs or listings from a CSV file: every row is checked, every problem is reported "
        "by line and column, and the rows are created only if all are valid. While it runs, "
        "`bulkImports(organizationId:)` shows its progress to other requests."
    )
    @returns_payload
    async def bulk_import_create(
        self, info: Info, input: Annotated[BulkImportCreateInput, strawberry.argument(description=INPUT)]
    ) -> BulkImportCreatePayload:
        organization_id = decode_id(input.organization_id, "Organization", "organizationId")
        read = getattr(input.file, "read", None)  # a Starlette UploadFile; JSON can only send a string instead
        if read is None:
            raise DomainError(
                DomainErrorCode.INVALID,
                "Send the CSV as a file in a multipart request (GraphQL multipart spec).",
                "file",
            )
        content = await read()
        row = await bulk_imports.start(
            info.context.db,
            info.context.viewer,
            organization_id,
            input.kind,
            getattr(input.file, "filename", None) or "upload.csv",
            content,
        )
        payload = BulkImportCreatePayload(bulk_import=BulkImport.from_model(row))
        if row.status == DomainStatus.FAILED.value:
            payload.user_errors = [
                UserError(
                    field=["file"],
                    code=DomainErrorCode.INVALID_ROWS,
                    message=f"{row.error_count} problems in the file; nothing was imported. See bulkImport.errors.",
                )
            ]
        return payload


@strawberry.type
class BulkImportQueries:
    @strawberry.field(
        description="An organization's imports, newest first, a running one with its progress; null unless you "
        "are a member (an app: with a donations scope) or staff."
    )
    async def bulk_imports(
        self,
        info: Info,
        organization_id: Annotated[strawberry.ID, strawberry.argument(description="The organization.")],
        first: First = None,
        after: After = None,
    ) -> Connection[BulkImport] | None:
        pk = decode_id(organization_id, "Organization", "organizationId")
        viewer = info.context.viewer
        rows = await bulk_imports.organization_imports(
            info.context.db, viewer, pk, await member_of(info.context.db, viewer), page_args(first, after)
        )
        if rows is None:
            return None
        return Connection.of(rows, BulkImport.from_model)
