"""The audit trail: every source's entries merged newest first, as pages or as a stream for export."""

from __future__ import annotations

import heapq
from collections.abc import AsyncIterator, Mapping, Sequence

from core.paging import Page, Slice
from core.viewer import Role, Viewer
from db.engine import Database
from resolvers.partners.audit_sources import SOURCES, AuditCriteria, AuditEntry, AuditSource, Position
from resolvers.partners.policy import audit_organizations

EXPORT_BATCH = 1000


def criteria_for(viewer: Viewer, roles: Mapping[int, Role], **filters: object) -> AuditCriteria:
    """The viewer's filters, narrowed to what the policy lets them read."""
    return AuditCriteria(organizations=audit_organizations(viewer, roles), **filters)  # type: ignore[arg-type]


def _key(entry: AuditEntry) -> tuple[float, int, int]:
    return (-entry.occurred_at.timestamp(), -entry.source_rank, -entry.event_id)


async def _merged(
    db: Database, criteria: AuditCriteria, before: Position | None, limit: int, sources: Sequence[AuditSource]
) -> list[AuditEntry]:
    """The `limit` newest entries after `before` across sources: each gives its own `limit` newest."""
    if criteria.organizations is not None and not criteria.organizations:
        return []
    async with db.read() as session:
        lists = [await source.entries(session, criteria, before, limit) for source in sources]
    return list(heapq.merge(*lists, key=_key))[:limit]


async def page(
    db: Database, criteria: AuditCriteria, page: Page, sources: Sequence[AuditSource] = SOURCES
) -> Slice[AuditEntry]:
    entries = await _merged(db, criteria, None, page.offset + page.first + 1, sources)
    return page.slice(entries[page.offset :])


async def stream(
    db: Database, criteria: AuditCriteria, sources: Sequence[AuditSource] = SOURCES
) -> AsyncIterator[list[AuditEntry]]:
    """Every matching entry, newest first, a batch at a time (constant memory for the CSV export)."""
    before: Position | None = None
    while True:
        batch = await _merged(db, criteria, before, EXPORT_BATCH, sources)
        if batch:
            yield batch
        if len(batch) < EXPORT_BATCH:
            return
        before = batch[-1].position
