"""The public recognition wall: organizations that opted in and hold a level, highest points first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select

from core.errors import DomainError, ErrorCode, not_found
from core.geo_search import within_box
from core.insert_once import insert_once
from core.locations import Circle
from core.paging import Page, Slice
from core.viewer import Viewer
from db.engine import Database
from db.models import Organization, RecognitionWallEntry
from matching.geo import distance_km
from resolvers.recognition import policy
from resolvers.recognition.levels import Recognition, recognitions


@dataclass(frozen=True)
class WallFilter:
    state: str | None = None
    near: Circle | None = None


@dataclass(frozen=True)
class WallEntry:
    organization: Organization
    recognition: Recognition
    distance_km: float | None


async def set_on_wall(db: Database, viewer: Viewer, organization_id: int, on_wall: bool) -> Organization:
    async with db.write() as session:
        organization = await session.get(Organization, organization_id)
        if organization is None:
            raise not_found("Organization", "organizationId")
        await policy.require_wall_manager(session, viewer, organization_id)
        if on_wall:
            await insert_once(session, RecognitionWallEntry, {"organization_id": organization_id}, ["organization_id"])
        else:
            await session.execute(
                delete(RecognitionWallEntry).where(RecognitionWallEntry.organization_id == organization_id)
            )
    return organization


async def on_wall(db: Database, organization_ids: Sequence[int]) -> list[bool]:
    async with db.read() as session:
        rows = await session.scalars(
            select(RecognitionWallEntry.organization_id).where(
                RecognitionWallEntry.organization_id.in_(organization_ids)
            )
        )
        joined = set(rows.all())
    return [org_id in joined for org_id in organization_ids]


async def wall(db: Database, filter: WallFilter, page: Page) -> Slice[WallEntry]:
    """Opted-in organizations with a level, by points (then name); with `near`, only those within the circle."""
    stmt = select(Organization).join(RecognitionWallEntry, RecognitionWallEntry.organization_id == Organization.id)
    if filter.state is not None:
        state = filter.state.strip().upper()
        if len(state) != 2 or not state.isalpha():
            raise DomainError(ErrorCode.INVALID, "state is a two-letter US state code, e.g. MI.", ["filter", "state"])
        stmt = stmt.where(Organization.state == state)
    if filter.near is not None:
        stmt = within_box(stmt, Organization, filter.near)
    async with db.read() as session:
        organizations = (await session.scalars(stmt)).all()
    distances: dict[int, float | None] = {}
    for org in organizations:
        if filter.near is None or org.latitude is None or org.longitude is None:
            distances[org.id] = None
            continue
        center = filter.near.center
        distances[org.id] = round(distance_km(center.latitude, center.longitude, org.latitude, org.longitude), 1)
    if filter.near is not None:
        radius = filter.near.radius_km
        organizations = [o for o in organizations if (d := distances[o.id]) is not None and d <= radius]
    found = await recognitions(db, [o.id for o in organizations])
    entries = [
        WallEntry(org, recognition, distances[org.id])
        for org, recognition in zip(organizations, found, strict=True)
        if recognition.level is not None
    ]
    entries.sort(key=lambda e: (-e.recognition.points, e.organization.name, e.organization.id))
    items, has_next = page.window(entries)
    return Slice(list(items), page.offset, has_next)
