"""Streaming exports: `GET /exports/organizations/{organizationId}/{dataset}.{csv|jsonl}` and
`GET /exports/audit.{csv|jsonl}?organizationId=&objectId=&actorId=&action=&since=&until=`, with the
same bearer tokens as /graphql.

Rows are written batch by batch as they are read, so memory stays flat however large the export.
Who may export what is the domain policies' decision (resolvers/partners/exports.py); a caller who
may not is answered 404, as for an object they may not see. CSV cells a spreadsheet would run as a
formula are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from core.errors import DomainError
from core.viewer import ANONYMOUS, Viewer
from db.engine import Database
from db.models import Organization
from resolvers.partners import audit
from resolvers.partners.audit_sources import AuditEntry
from resolvers.partners.exports import DATASETS, member_of, roles_of
from schema.partners.audit import filters_from, record_values
from schema.relay import decode_id, encode_id

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def viewer_of(request: Request) -> Viewer:
    return getattr(request.scope.get("user"), "viewer", ANONYMOUS)


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status, headers)


def unauthenticated() -> JSONResponse:
    return error(401, "UNAUTHENTICATED", "Send 'Authorization: Bearer <token>'.", {"WWW-Authenticate": "Bearer"})


def not_found(what: str) -> JSONResponse:
    return error(404, "NOT_FOUND", f"{what} not found.")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(_plain(value))
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _with_global_ids(row: dict[str, Any], global_ids: dict[str, str]) -> dict[str, Any]:
    for column, type_name in global_ids.items():
        if row.get(column) is not None:
            row[column] = str(encode_id(type_name, row[column]))
    return row


async def encoded(
    batches: AsyncIterator[list[dict[str, Any]]], columns: Iterable[str], global_ids: dict[str, str], fmt: str
) -> AsyncIterator[bytes]:
    """Each batch of rows as one chunk of CSV (after a header line) or JSON Lines."""
    columns = tuple(columns)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        yield buffer.getvalue().encode()
    async for batch in batches:
        rows = [_with_global_ids(row, global_ids) for row in batch]
        if fmt == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerows([_cell(row.get(column)) for column in columns] for row in rows)
            chunk = buffer.getvalue()
        else:
            chunk = "".join(
                json.dumps({c: _plain(row.get(c)) for c in columns}, ensure_ascii=False) + "\n" for row in rows
            )
        if chunk:
            yield chunk.encode()


def streamed(body: AsyncIterator[bytes], name: str, fmt: str) -> StreamingResponse:
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{name}.{fmt}"', "cache-control": "no-store"},
    )


def organization_export(db: Database) -> Any:
    async def endpoint(request: Request) -> Response:
        viewer = viewer_of(request)
        if not viewer.is_authenticated:
            return unauthenticated()
        dataset = DATASETS.get(request.path_params["dataset"])
        fmt = request.path_params["format"]
        if dataset is None or fmt not in MEDIA_TYPES:
            return not_found("Export")
        try:
            organization_id = decode_id(request.path_params["organization_id"], "Organization")
        except DomainError:
            return not_found("Organization")
        member = await member_of(db, viewer)
        async with db.read() as session:
            exists = await session.scalar(select(Organization.id).where(Organization.id == organization_id))
        if exists is None or not dataset.may_export(viewer, organization_id, member):
            return not_found("Organization")
        batches = dataset.rows(db, viewer, organization_id, member)
        return streamed(encoded(batches, dataset.columns, dataset.global_ids, fmt), dataset.name, fmt)

    return endpoint


AUDIT_COLUMNS = (
    "occurredAt",
    "action",
    "objectType",
    "objectId",
    "organizationIds",
    "actorId",
    "actorName",
    "fromStatus",
    "toStatus",
    "note",
)


def _instant(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def audit_export(db: Database) -> Any:
    """The audit trail with `auditEntries`' filters as query parameters (`action` may repeat)."""

    async def endpoint(request: Request) -> Response:
        viewer = viewer_of(request)
        if not viewer.is_authenticated:
            return unauthenticated()
        fmt = request.path_params["format"]
        if fmt not in MEDIA_TYPES:
            return not_found("Export")
        params = request.query_params
        try:
            filters = filters_from(
                params.get("organizationId"),
                params.get("objectId"),
                params.get("actorId"),
                params.getlist("action") or None,
                _instant(params.get("since")),
                _instant(params.get("until")),
            )
        except (DomainError, ValueError) as problem:
            return error(400, "BAD_REQUEST", getattr(problem, "message", None) or str(problem))
        criteria = audit.criteria_for(viewer, await roles_of(db, viewer), **filters)

        async def rows() -> AsyncIterator[list[dict[str, Any]]]:
            async for batch in audit.stream(db, criteria):
                yield [_audit_row(entry) for entry in batch]

        return streamed(encoded(rows(), AUDIT_COLUMNS, {}, fmt), "audit", fmt)

    return endpoint


def _audit_row(entry: AuditEntry) -> dict[str, Any]:
    values = record_values(entry)
    values["organization_ids"] = " ".join(values["organization_ids"])
    return {_camel(name): value for name, value in values.items()}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def export_routes(db: Database) -> list[Route]:
    return [
        Route("/exports/audit.{format}", audit_export(db), methods=["GET"]),
        Route(
            "/exports/organizations/{organization_id}/{dataset}.{format}",
            organization_export(db),
            methods=["GET"],
        ),
    ]
