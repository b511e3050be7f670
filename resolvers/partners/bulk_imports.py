"""CSV bulk imports of needs or listings: validated row by row, applied all or nothing.

The import is recorded first (RUNNING, with the number of records), so its progress can be read
from another request while the rows are checked; every error is kept with its line and column. Only
a file without errors is applied, in one transaction with the import's SUCCEEDED status.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from sqlalchemy import select, update

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.paging import Page, Slice
from core.viewer import Scope, Viewer, require_role
from db.engine import Database
from db.enums.partners import BulkImportKind, BulkImportStatus
from db.models import BulkImport, Listing, Need, Organization
from resolvers.donations import categories
from resolvers.donations.policy import may_export
from resolvers.partners.csv_rows import RowError, category_lookup, header_problem, parse_row, records

MAX_FILE_BYTES = 5_000_000  # the request body limit is usually the smaller one
MAX_ROWS = 10_000
KEPT_ERRORS = 1_000
PROGRESS_EVERY = 250

Progress = Callable[[BulkImport], Awaitable[None]]


def _decoded(content: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and each record with the line it starts on."""
    if not content.strip():
        raise DomainError(ErrorCode.INVALID_FILE, "The file is empty.", "file")
    if len(content) > MAX_FILE_BYTES:
        raise DomainError(ErrorCode.INVALID_FILE, f"The file is larger than {MAX_FILE_BYTES} bytes.", "file")
    try:
        text = content.decode("utf-8-sig")  # spreadsheets often start UTF-8 with a byte order mark
    except UnicodeDecodeError as exc:
        raise DomainError(ErrorCode.INVALID_FILE, "The file is not UTF-8 text.", "file") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        return header, list(records(reader))
    except csv.Error as exc:
        raise DomainError(ErrorCode.INVALID_FILE, f"The file is not valid CSV: {exc}.", "file") from exc


async def start(
    db: Database,
    viewer: Viewer,
    organization_id: int,
    kind: BulkImportKind,
    filename: str,
    content: bytes,
    progress: Progress | None = None,
) -> BulkImport:
    """Check every row of the file and, when all are valid, create them all; answers the import."""
    async with db.read() as session:
        organization = await session.get(Organization, organization_id)
        if organization is None:
            raise not_found("Organization", "organizationId")
        await require_role(session, viewer, organization_id, scope=Scope.DONATIONS_WRITE)
    if (kind is BulkImportKind.NEEDS and not organization.is_school) or (
        kind is BulkImportKind.LISTINGS and not organization.is_donor
    ):
        what = "Only schools import needs." if kind is BulkImportKind.NEEDS else "Only donors import listings."
        raise DomainError(ErrorCode.WRONG_ORGANIZATION_KIND, what, "kind")
    header, rows = _decoded(content)
    problem = header_problem(kind, header)
    if problem is not None:
        raise DomainError(ErrorCode.INVALID_FILE, problem, "file")
    if len(rows) > MAX_ROWS:
        raise DomainError(ErrorCode.INVALID_FILE, f"At most {MAX_ROWS} records a file; split it.", "file")
    async with db.write() as session:
        job = BulkImport(
            organization_id=organization_id,
            kind=kind.value,
            status=BulkImportStatus.RUNNING.value,
            filename=filename[:200] or "upload.csv",
            total_rows=len(rows),
            errors=[],
            created_by_user_id=viewer.user_id,
            created_by_app_token_id=viewer.app_token_id,
        )
        session.add(job)
    tree = await categories.tree(db)
    lookup = category_lookup(tree)
    valid: list[dict[str, Any]] = []
    errors: list[RowError] = []
    for done, (line, cells) in enumerate(rows, start=1):
        values, row_errors = parse_row(kind, header, line, cells, tree, lookup)
        errors.extend(row_errors)
        if not row_errors:
            valid.append(values)
        if done % PROGRESS_EVERY == 0 and done < len(rows):
            await _advance(db, job, done)
            if progress is not None:
                await progress(job)
    if errors:
        return await _finish(db, job, BulkImportStatus.FAILED, errors=errors)
    return await _apply(db, viewer, organization, job, kind, valid)


async def _advance(db: Database, job: BulkImport, processed: int) -> None:
    async with db.write() as session:
        await session.execute(update(BulkImport).where(BulkImport.id == job.id).values(processed_rows=processed))
    job.processed_rows = processed


async def _finish(
    db: Database,
    job: BulkImport,
    status: BulkImportStatus,
    *,
    errors: Sequence[RowError] = (),
    created: int = 0,
    session=None,
) -> BulkImport:
    values = {
        "status": status.value,
        "processed_rows": job.total_rows,
        "created_count": created,
        "error_count": len(errors),
        "errors": [e.as_json() for e in errors[:KEPT_ERRORS]],
        "finished_at": utcnow(),
    }
    if session is None:
        async with db.write() as own:
            await own.execute(update(BulkImport).where(BulkImport.id == job.id).values(**values))
    else:
        await session.execute(update(BulkImport).where(BulkImport.id == job.id).values(**values))
    for name, value in values.items():
        setattr(job, name, value)
    return job


async def _apply(
    db: Database,
    viewer: Viewer,
    organization: Organization,
    job: BulkImport,
    kind: BulkImportKind,
    valid: list[dict[str, Any]],
) -> BulkImport:
    """Every row and the import's success in one transaction: all of them, or (on any failure) none."""
    async with db.write() as session:
        if kind is BulkImportKind.NEEDS:
            session.add_all(
                Need(
                    school_id=organization.id,
                    created_by_id=viewer.user_id,
                    latitude=organization.latitude,
                    longitude=organization.longitude,
                    **values,
                )
                for values in valid
            )
        else:
            place = {
                "postal_code": organization.postal_code,
                "latitude": organization.latitude,
                "longitude": organization.longitude,
            }
            session.add_all(
                Listing(donor_id=organization.id, created_by_id=viewer.user_id, **{**place, **values})
                for values in valid
            )
        await session.flush()
        return await _finish(db, job, BulkImportStatus.SUCCEEDED, created=len(valid), session=session)


async def visible_import(db: Database, viewer: Viewer, import_id: int, member_of: set[int]) -> BulkImport | None:
    async with db.read() as session:
        job = await session.get(BulkImport, import_id)
    if job is None or not may_export(viewer, job.organization_id, member_of):
        return None
    return job


async def organization_imports(
    db: Database, viewer: Viewer, organization_id: int, member: set[int], page: Page
) -> Slice[BulkImport] | None:
    """The organization's imports, newest first (a running one with its progress); None for outsiders."""
    if not may_export(viewer, organization_id, member):
        return None
    query = select(BulkImport).where(BulkImport.organization_id == organization_id)
    async with db.read() as session:
        rows = (await session.scalars(page.apply(query.order_by(BulkImport.id.desc())))).all()
    return page.slice(rows)
