"""Photos: the type, `Listing.photos`, and the mutations that add, remove and reorder a listing's photos."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from core.errors import DomainError, ErrorCode
from core.media_storage import MediaStorage, storage_for
from core.settings import Settings
from db import models
from resolvers.media import photos
from resolvers.recognition.policy import may_read_note
from schema.context import Info
from schema.errors import INPUT, Payload, returns_payload
from schema.relay import Node, decode_id, node_type


def media_url(settings: Settings, key: str) -> str:
    """Where a stored file is served: SHOPREADY_MEDIA_URL (a CDN), else this server's `/media/`."""
    base = settings.media_url or f"{settings.app_url or ''}/media"
    return f"{base}/{key}"


def storage(info: Info) -> MediaStorage:
    return storage_for(info.context.settings)


async def upload_bytes(file: object, field: str | list[str]) -> bytes:
    """An Upload's content; a JSON request can only send a string where the file belongs."""
    read = getattr(file, "read", None)
    if read is None:
        raise DomainError(
            ErrorCode.INVALID, "Send the image as a file in a multipart request (GraphQL multipart spec).", field
        )
    return bytes(await read())


@node_type
@strawberry.type(
    description="A photo, re-encoded without its metadata (EXIF, GPS) and turned upright. A listing's photos are "
    "public; a thank-you note's are seen by the donation's two parties and staff. Its addresses never change "
    "meaning (they are named by content), so they can be cached for good."
)
class Photo(Node):
    url: str = strawberry.field(description="The full-size image (JPEG, PNG or WebP, as uploaded).")
    thumbnail_url: str = strawberry.field(description="A copy at most 320 pixels wide and high, same format.")
    width: int = strawberry.field(description="Width of the full-size image in pixels.")
    height: int = strawberry.field(description="Height of the full-size image in pixels.")
    thumbnail_width: int = strawberry.field(description="Width of the thumbnail in pixels.")
    thumbnail_height: int = strawberry.field(description="Height of the thumbnail in pixels.")
    byte_size: int = strawberry.field(description="Size of the full-size file in bytes.")
    caption: str = strawberry.field(description="What it shows, up to 300 characters; empty when none was given.")
    position: int = strawberry.field(description="Its place among its listing's or note's photos, from 0.")
    created_at: datetime = strawberry.field(description="When it was uploaded.")

    @classmethod
    def from_model(cls, row: models.Photo, settings: Settings) -> Photo:
        return cls(
            pk=row.id,
            url=media_url(settings, row.key),
            thumbnail_url=media_url(settings, row.thumbnail_key),
            width=row.width,
            height=row.height,
            thumbnail_width=row.thumbnail_width,
            thumbnail_height=row.thumbnail_height,
            byte_size=row.byte_size,
            caption=row.caption,
            position=row.position,
            created_at=row.created_at,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Photo | None:
        row = await info.context.loaders.by_id(models.Photo).load(pk)
        if row is None:
            return None
        if row.thank_you_note_id is not None:
            note = await info.context.loaders.by_id(models.ThankYouNote).load(row.thank_you_note_id)
            if note is None or not may_read_note(info.context.viewer, await info.context.roles(), note):
                return None
        return cls.from_model(row, info.context.settings)


async def photos_of(info: Info, column: str, key: int) -> list[Photo]:
    """A listing's or a note's photos in their order (at most 8), one query for every parent on the page."""
    rows = await info.context.loaders.by_column(models.Photo, column, order_by=("position", "id")).load(key)
    return [Photo.from_model(row, info.context.settings) for row in rows]


@strawberry.input(description="A photo to add to a listing.")
class ListingPhotoAddInput:
    listing_id: strawberry.ID = strawberry.field(
        description="The Listing; you must be a member of its donor (an app: donations:write)."
    )
    file: Upload = strawberry.field(
        description="A JPEG, PNG or WebP image of at most 10 MB and 40 megapixels, sent as a part of a multipart "
        "request (the GraphQL multipart request spec) with an Authorization header."
    )
    caption: str | None = strawberry.field(default=None, description="What it shows, up to 300 characters.")


@strawberry.type(description="The result of `listingPhotoAdd`.")
class ListingPhotoAddPayload(Payload):
    photo: Photo | None = strawberry.field(default=None, description="The photo added, last; null on error.")


@strawberry.input(description="A listing's photo to remove.")
class ListingPhotoRemoveInput:
    id: strawberry.ID = strawberry.field(description="The Photo.")


@strawberry.type(description="The result of `listingPhotoRemove`.")
class ListingPhotoRemovePayload(Payload):
    removed_id: strawberry.ID | None = strawberry.field(default=None, description="The removed Photo's ID.")


@strawberry.input(description="A listing's photos in a new order.")
class ListingPhotosReorderInput:
    listing_id: strawberry.ID = strawberry.field(description="The Listing.")
    photo_ids: list[strawberry.ID] = strawberry.field(
        description="Every photo of the listing, each once, first to last."
    )


@strawberry.type(description="The result of `listingPhotosReorder`.")
class ListingPhotosReorderPayload(Payload):
    photos: list[Photo] | None = strawberry.field(default=None, description="The photos in their new order.")


@strawberry.type
class PhotoMutations:
    @strawberry.mutation(
        description="Add a photo to a listing (at most 8): it must decode in full as JPEG, PNG or WebP; it is turned "
        "upright, stripped of EXIF and other metadata, and a thumbnail is made."
    )
    @returns_payload
    async def listing_photo_add(
        self, info: Info, input: Annotated[ListingPhotoAddInput, strawberry.argument(description=INPUT)]
    ) -> ListingPhotoAddPayload:
        listing_id = decode_id(input.listing_id, "Listing", "listingId")
        caption = photos.caption_of(input.caption)
        data = await upload_bytes(input.file, "file")
        row = await photos.add_to_listing(
            info.context.db, info.context.settings, storage(info), info.context.viewer, listing_id, data, caption
        )
        return ListingPhotoAddPayload(photo=Photo.from_model(row, info.context.settings))

    @strawberry.mutation(description="Remove a photo from its listing; its files are deleted unless another uses them.")
    @returns_payload
    async def listing_photo_remove(
        self, info: Info, input: Annotated[ListingPhotoRemoveInput, strawberry.argument(description=INPUT)]
    ) -> ListingPhotoRemovePayload:
        row = await photos.remove(info.context.db, storage(info), info.context.viewer, decode_id(input.id, "Photo"))
        return ListingPhotoRemovePayload(removed_id=Photo.from_model(row, info.context.settings).id())

    @strawberry.mutation(description="Put a listing's photos in a new order; the first is the listing's cover.")
    @returns_payload
    async def listing_photos_reorder(
        self, info: Info, input: Annotated[ListingPhotosReorderInput, strawberry.argument(description=INPUT)]
    ) -> ListingPhotosReorderPayload:
        listing_id = decode_id(input.listing_id, "Listing", "listingId")
        ids = [decode_id(photo_id, "Photo", "photoIds") for photo_id in input.photo_ids]
        rows = await photos.reorder(info.context.db, info.context.viewer, listing_id, ids)
        return ListingPhotosReorderPayload(photos=[Photo.from_model(r, info.context.settings) for r in rows])
