"""A person's notifications: newest first, unread counts, marking read, and what arrived since."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update

from core.clock import utcnow
from core.errors import DomainError, ErrorCode
from core.paging import Page, Slice
from core.viewer import Viewer
from db.engine import Database
from db.models import Notification
from resolvers.notifications.policy import may_read

MOST_IDS = 100


async def page(db: Database, viewer: Viewer, page: Page, *, unread_only: bool) -> Slice[Notification]:
    user_id = viewer.require_person()
    stmt = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        stmt = stmt.where(Notification.read_at.is_(None))
    async with db.read() as session:
        rows = (await session.scalars(page.apply(stmt.order_by(Notification.id.desc())))).all()
    return page.slice(rows)


async def unread_counts(db: Database, user_ids: Sequence[int]) -> dict[int, int]:
    async with db.read() as session:
        rows = await session.execute(
            select(Notification.user_id, func.count())
            .where(Notification.user_id.in_(user_ids), Notification.read_at.is_(None))
            .group_by(Notification.user_id)
        )
        return dict(rows.all())


async def mark_read(db: Database, viewer: Viewer, ids: Sequence[int] | None, everything: bool) -> tuple[int, int]:
    """Mark the given notifications (or all) read; returns (how many changed, how many stay unread)."""
    user_id = viewer.require_person()
    if everything == (ids is not None):
        raise DomainError(ErrorCode.INVALID, "Give either ids or all: true.", "ids")
    if ids is not None and not 1 <= len(ids) <= MOST_IDS:
        raise DomainError(ErrorCode.OUT_OF_RANGE, f"Give from 1 to {MOST_IDS} ids.", "ids")
    async with db.write() as session:
        if ids is not None:
            found = (await session.scalars(select(Notification).where(Notification.id.in_(ids)))).all()
            if len(found) != len(set(ids)) or not all(may_read(viewer, row) for row in found):
                raise DomainError(ErrorCode.NOT_FOUND, "No such notification.", "ids")
        stmt = update(Notification).where(Notification.user_id == user_id, Notification.read_at.is_(None))
        if ids is not None:
            stmt = stmt.where(Notification.id.in_(ids))
        changed = (await session.execute(stmt.values(read_at=utcnow()))).rowcount or 0  # type: ignore[attr-defined]
        left = await session.scalar(
            select(func.count()).where(Notification.user_id == user_id, Notification.read_at.is_(None))
        )
    return changed, left or 0


async def newest_id(db: Database, user_id: int) -> int:
    async with db.read() as session:
        return (
            await session.scalar(
                select(func.coalesce(func.max(Notification.id), 0)).where(Notification.user_id == user_id)
            )
            or 0
        )


async def arrived_after(db: Database, user_id: int, after: int) -> list[Notification]:
    async with db.read() as session:
        stmt = (
            select(Notification)
            .where(Notification.user_id == user_id, Notification.id > after)
            .order_by(Notification.id)
            .limit(100)
        )
        return list((await session.scalars(stmt)).all())
