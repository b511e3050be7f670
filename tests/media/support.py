"""Images made with Pillow for the tests, and uploads sent the way a client sends them (multipart spec)."""

from __future__ import annotations

import io
import json
from typing import Any

import httpx
from PIL import Image

from tests.support import Api

ORIENTATION, MAKE, GPS_IFD = 0x0112, 0x010F, 0x8825

PHOTO_ADD = """
mutation ($input: ListingPhotoAddInput!) {
  listingPhotoAdd(input: $input) {
    photo { id url thumbnailUrl width height thumbnailWidth thumbnailHeight byteSize caption position }
    userErrors { field code message }
  }
}"""
PHOTO_REMOVE = """mutation ($input: ListingPhotoRemoveInput!) {
  listingPhotoRemove(input: $input) { removedId userErrors { field code message } } }"""
PHOTOS_REORDER = """mutation ($input: ListingPhotosReorderInput!) {
  listingPhotosReorder(input: $input) { photos { id position } userErrors { field code message } } }"""
LISTING_PHOTOS = """query ($id: ID!) { listing(id: $id) { photos { id url thumbnailUrl caption position } } }"""


def image_bytes(
    width: int = 400,
    height: int = 200,
    format: str = "JPEG",
    *,
    orientation: int | None = None,
    color: tuple[int, int, int] = (200, 30, 30),
) -> bytes:
    """An image whose left half is `color` and right half white, with camera EXIF and a GPS position."""
    image = Image.new("RGB", (width, height), "white")
    image.paste(color, (0, 0, width // 2, height))
    exif = Image.Exif()
    exif[MAKE] = "TestCam"
    if orientation is not None:
        exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (42.0, 19.0, 55.0)
    out = io.BytesIO()
    image.save(out, format, exif=exif.tobytes())
    return out.getvalue()


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


async def multipart(
    api: Api,
    token: str | None,
    query: str,
    variables: dict[str, Any],
    files: dict[str, tuple[str, bytes, str]],
) -> httpx.Response:
    """`files` maps a variable path (e.g. "variables.input.file") to (filename, content, content type)."""
    parts: dict[str, Any] = {
        "operations": (None, json.dumps({"query": query, "variables": variables})),
        "map": (None, json.dumps({str(i): [path] for i, path in enumerate(files)})),
    }
    for i, upload in enumerate(files.values()):
        parts[str(i)] = upload
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await api.client.post("/graphql", files=parts, headers=headers)


async def add_photo(
    api: Api, token: str, listing: str, data: bytes, *, caption: str | None = None, filename: str = "photo.jpg"
) -> dict:
    variables = {"input": {"listingId": listing, "file": None, "caption": caption}}
    response = await multipart(
        api, token, PHOTO_ADD, variables, {"variables.input.file": (filename, data, "image/jpeg")}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert not body.get("errors"), body
    return body["data"]["listingPhotoAdd"]
