"""Photos of a listing: add (up to 8), remove, reorder; and the photos of a thank-you note.

An upload is checked and re-encoded (resolvers/media/images.py) before any row is written; its files
are stored first and the row second, so a photo never names a file that is not there. Files nobody
names any more are deleted: at once when a photo is removed, by `sweep` when rows went with their
listing (or an upload failed after storing).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.media_storage import MediaStorage, content_key
from core.settings import Settings
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database
from db.enums.events import EventType
from db.models import Listing, Photo
from resolvers.donations.events import listing_event
from resolvers.media import policy
from resolvers.media.images import ProcessedImage, process

MAX_PHOTOS = 8
MAX_CAPTION = 300
SWEEP_GRACE = timedelta(hours=1)  # an upload stores its files a moment before its row commits


@dataclass(frozen=True)
class StoredImage:
    image: ProcessedImage
    key: str
    thumbnail_key: str

    def columns(self) -> dict[str, int | str]:
        full, small = self.image.full, self.image.thumbnail
        return {
            "key": self.key,
            "thumbnail_key": self.thumbnail_key,
            "width": full.width,
            "height": full.height,
            "thumbnail_width": small.width,
            "thumbnail_height": small.height,
            "byte_size": len(full.data),
        }


def caption_of(caption: str | None, field: str | list[str] = "caption") -> str:
    checks = Checks()
    name = field if isinstance(field, str) else field[-1]
    value = checks.text(caption, name, max_length=MAX_CAPTION, required=False) or ""
    if checks.errors:
        raise DomainError(checks.errors[0].code, checks.errors[0].message, field)
    return value


async def store(settings: Settings, storage: MediaStorage, data: bytes, field: str | list[str] = "file") -> StoredImage:
    """Check, re-encode and store one upload (full size and thumbnail); DomainError if it is no image."""
    image = await asyncio.to_thread(
        process, data, max_bytes=settings.media_max_bytes, max_pixels=settings.media_max_pixels, field=field
    )
    key = content_key(image.full.data, image.full.extension)
    thumbnail_key = content_key(image.thumbnail.data, image.thumbnail.extension)
    await storage.put(key, image.full.data)
    await storage.put(thumbnail_key, image.thumbnail.data)
    return StoredImage(image, key, thumbnail_key)


async def _count(session: AsyncSession, listing_id: int) -> int:
    return int(await session.scalar(select(func.count()).where(Photo.listing_id == listing_id)) or 0)


async def _locked_listing(session: AsyncSession, viewer: Viewer, listing_id: int) -> Listing:
    listing = await session.scalar(select(Listing).where(Listing.id == listing_id).with_for_update())
    if listing is None:
        raise not_found("Listing", "listingId")
    await policy.require_listing_editor(session, viewer, listing)
    return listing


async def add_to_listing(
    db: Database, settings: Settings, storage: MediaStorage, viewer: Viewer, listing_id: int, data: bytes, caption: str
) -> Photo:
    async with db.read() as session:  # refuse cheaply before decoding anything
        listing = await session.get(Listing, listing_id)
        if listing is None:
            raise not_found("Listing", "listingId")
        await policy.require_listing_editor(session, viewer, listing)
        if await _count(session, listing_id) >= MAX_PHOTOS:
            raise _limit_reached()
    stored = await store(settings, storage, data)
    try:
        async with db.write() as session:
            listing = await _locked_listing(session, viewer, listing_id)  # concurrent adds queue here
            if await _count(session, listing_id) >= MAX_PHOTOS:
                raise _limit_reached()
            last = await session.scalar(select(func.max(Photo.position)).where(Photo.listing_id == listing_id))
            photo = Photo(
                listing_id=listing_id,
                uploaded_by_id=viewer.user_id,
                position=0 if last is None else last + 1,
                caption=caption,
                **stored.columns(),
            )
            session.add(photo)
            listing.updated_at = utcnow()
            outbox.append(session, _listing_changed(listing))
    except DomainError:
        await discard_unreferenced(db, storage, (stored.key, stored.thumbnail_key))
        raise
    return photo


def _limit_reached() -> DomainError:
    return DomainError(
        ErrorCode.PHOTO_LIMIT_REACHED, f"A listing carries at most {MAX_PHOTOS} photos; remove one first.", "listingId"
    )


def _listing_changed(listing: Listing) -> outbox.Event:
    return listing_event(EventType.LISTING_UPDATED, listing, listing.status_at(utcnow()).value)


async def remove(db: Database, storage: MediaStorage, viewer: Viewer, photo_id: int) -> Photo:
    async with db.write() as session:
        photo = await session.get(Photo, photo_id)
        if photo is None or photo.listing_id is None:
            raise not_found("Photo")
        listing = await _locked_listing(session, viewer, photo.listing_id)
        await session.execute(delete(Photo).where(Photo.id == photo_id))
        listing.updated_at = utcnow()
        outbox.append(session, _listing_changed(listing))
    await discard_unreferenced(db, storage, (photo.key, photo.thumbnail_key))
    return photo


async def reorder(db: Database, viewer: Viewer, listing_id: int, photo_ids: Sequence[int]) -> list[Photo]:
    """Put the listing's photos in the order given; every photo of the listing must be named once."""
    async with db.write() as session:
        listing = await _locked_listing(session, viewer, listing_id)
        photos = {p.id: p for p in (await session.scalars(select(Photo).where(Photo.listing_id == listing_id))).all()}
        if len(set(photo_ids)) != len(photo_ids) or set(photo_ids) != set(photos):
            raise DomainError(
                ErrorCode.INVALID, "Name every photo of the listing exactly once, in the new order.", "photoIds"
            )
        for position, photo_id in enumerate(photo_ids):
            photos[photo_id].position = position
        listing.updated_at = utcnow()
        outbox.append(session, _listing_changed(listing))
    return [photos[i] for i in photo_ids]


async def discard_unreferenced(db: Database, storage: MediaStorage, keys: Iterable[str]) -> None:
    """Delete the files among `keys` that no photo names (two photos of one image share its files)."""
    wanted = set(keys)
    async with db.read() as session:
        named = await session.execute(
            select(Photo.key, Photo.thumbnail_key).where(or_(Photo.key.in_(wanted), Photo.thumbnail_key.in_(wanted)))
        )
        still_used = {key for pair in named for key in pair}
    for key in wanted - still_used:
        await storage.delete(key)


async def sweep(db: Database, storage: MediaStorage, *, grace: timedelta = SWEEP_GRACE) -> int:
    """Delete stored files that no photo names and that are older than `grace`; how many went."""
    cutoff = utcnow() - grace
    candidates = [item.key for item in await storage.listing() if item.modified_at < cutoff]
    deleted = 0
    for start in range(0, len(candidates), 500):
        batch = set(candidates[start : start + 500])
        async with db.read() as session:
            named = await session.execute(
                select(Photo.key, Photo.thumbnail_key).where(or_(Photo.key.in_(batch), Photo.thumbnail_key.in_(batch)))
            )
            used = {key for pair in named for key in pair}
        for key in batch - used:
            await storage.delete(key)
            deleted += 1
    return deleted
