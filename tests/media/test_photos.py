"""Listing photos over HTTP: uploaded through the multipart spec, checked, stripped, served and deleted."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PIL import Image
from sqlalchemy import delete

from core.media_storage import storage_for
from db.models import Listing
from resolvers.media.photos import sweep
from tests.donations.support import make_listing, parties
from tests.media.support import (
    GPS_IFD,
    LISTING_PHOTOS,
    MAKE,
    PHOTO_REMOVE,
    PHOTOS_REORDER,
    add_photo,
    decode,
    image_bytes,
)
from tests.support import gid


def media_files(api) -> set[str]:
    directory = Path(api.settings.media_dir)
    return {p.name for p in directory.iterdir() if not p.name.startswith(".")} if directory.is_dir() else set()


def pixel(image: Image.Image, x: int, y: int) -> tuple[int, int, int]:
    return cast("tuple[int, int, int]", image.convert("RGB").getpixel((x, y)))


def key_of(url: str) -> str:
    return url.rsplit("/", 1)[1]


async def test_a_photo_round_trips_upright_without_exif_with_a_thumbnail(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    # given a 400×200 JPEG the camera stored sideways (EXIF orientation 6: rotate 90° to show)
    original = image_bytes(400, 200, orientation=6)
    assert decode(original).getexif()[MAKE] == "TestCam"

    result = await add_photo(api, p.donor_member.token, listing, original, caption="  Booth, front  ")

    assert result["userErrors"] == []
    photo = result["photo"]
    assert (photo["width"], photo["height"], photo["caption"], photo["position"]) == (200, 400, "Booth, front", 0)
    assert (photo["thumbnailWidth"], photo["thumbnailHeight"]) == (160, 320)
    full = await api.client.get(photo["url"])
    assert full.status_code == 200 and full.headers["content-type"] == "image/jpeg"
    image = decode(full.content)
    assert image.format == "JPEG" and image.size == (200, 400)
    exif = image.getexif()
    assert MAKE not in exif and not exif.get_ifd(GPS_IFD) and b"TestCam" not in full.content
    # upright: the red half of the sideways original is now the top half
    top, bottom = pixel(image, 100, 50), pixel(image, 100, 350)
    assert top[0] > 150 and top[1] < 100 and min(bottom) > 240
    thumbnail = await api.client.get(photo["thumbnailUrl"])
    assert decode(thumbnail.content).size == (160, 320)
    assert photo["byteSize"] == len(full.content)
    listed = await api.gql(LISTING_PHOTOS, {"id": listing})
    assert [x["id"] for x in listed["listing"]["photos"]] == [photo["id"]]


async def test_media_is_served_immutable_with_an_etag_and_revalidates_to_304(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    photo = (await add_photo(api, p.donor_member.token, listing, image_bytes(format="PNG")))["photo"]
    assert photo["url"].endswith(".png")
    first = await api.client.get(photo["url"])
    assert first.headers["content-type"] == "image/png"
    assert "immutable" in first.headers["cache-control"] and "max-age=31536000" in first.headers["cache-control"]
    etag = first.headers["etag"]
    assert etag == f'"{key_of(photo["url"]).split(".")[0]}"'
    again = await api.client.get(photo["url"], headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert (await api.client.get("/media/" + "0" * 64 + ".png")).status_code == 404
    assert (await api.client.get("/media/..%2Fsecret.png")).status_code == 404


async def test_webp_is_accepted_and_stays_webp(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    photo = (await add_photo(api, p.donor_member.token, listing, image_bytes(format="WEBP")))["photo"]
    served = await api.client.get(photo["url"])
    assert served.headers["content-type"] == "image/webp" and decode(served.content).format == "WEBP"


async def test_files_that_are_not_images_are_refused_and_nothing_is_stored(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    before = media_files(api)
    not_an_image = await add_photo(api, p.donor_member.token, listing, b"%PDF-1.7 not an image at all")
    truncated = await add_photo(api, p.donor_member.token, listing, image_bytes()[:600])
    gif = decode(image_bytes())
    import io

    out = io.BytesIO()
    gif.save(out, "GIF")
    a_gif = await add_photo(api, p.donor_member.token, listing, out.getvalue(), filename="photo.jpg")
    for result in (not_an_image, truncated, a_gif):
        assert [e["code"] for e in result["userErrors"]] == ["INVALID_IMAGE"], result
        assert result["userErrors"][0]["field"] == ["file"] and result["photo"] is None
    assert media_files(api) == before
    assert (await api.gql(LISTING_PHOTOS, {"id": listing}))["listing"]["photos"] == []


async def test_oversized_files_and_decompression_bombs_are_refused(api, db, app):
    import httpx

    from app import create_app
    from tests.conftest import test_settings
    from tests.support import Api

    small = create_app(test_settings(media_max_bytes=20_000, media_max_pixels=1_000_000), db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=small), base_url="http://test") as client:
        limited = Api(client, db, small.state.settings)
        p = await parties(limited)
        listing = await make_listing(limited, p)
        noisy = _noisy_png(300, 300)
        assert len(noisy) > 20_000
        too_big = await add_photo(limited, p.donor_member.token, listing, noisy)
        bomb = await add_photo(limited, p.donor_member.token, listing, _flat_png(2000, 1000))
    assert [e["code"] for e in too_big["userErrors"]] == ["IMAGE_TOO_LARGE"]
    assert [e["code"] for e in bomb["userErrors"]] == ["IMAGE_TOO_LARGE"]
    assert "1,000,000 pixels" in bomb["userErrors"][0]["message"]


def _noisy_png(width: int, height: int) -> bytes:
    import io
    import os

    from PIL import Image

    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, "PNG")
    return out.getvalue()


def _flat_png(width: int, height: int) -> bytes:
    """Two megapixels of one colour: a few kilobytes that decode to 6 MB (a bomb, at the test's limit)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(out, "PNG")
    return out.getvalue()


async def test_a_ninth_photo_is_refused(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    for i in range(8):
        result = await add_photo(api, p.donor_member.token, listing, image_bytes(40, 30, color=(i * 30, 0, 0)))
        assert result["userErrors"] == [] and result["photo"]["position"] == i
    ninth = await add_photo(api, p.donor_member.token, listing, image_bytes(40, 30, color=(0, 0, 250)))
    assert [e["code"] for e in ninth["userErrors"]] == ["PHOTO_LIMIT_REACHED"]
    assert len((await api.gql(LISTING_PHOTOS, {"id": listing}))["listing"]["photos"]) == 8


async def test_outsiders_may_not_add_remove_or_reorder(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    photo = (await add_photo(api, p.donor_member.token, listing, image_bytes()))["photo"]
    # the school is signed in but not a member of the donor; an anonymous caller is not signed in
    denied = await add_photo(api, p.school_member.token, listing, image_bytes())
    assert [e["code"] for e in denied["userErrors"]] == ["PERMISSION_DENIED"]
    from tests.media.support import PHOTO_ADD, multipart

    anonymous = await multipart(
        api,
        None,
        PHOTO_ADD,
        {"input": {"listingId": listing, "file": None}},
        {"variables.input.file": ("a.jpg", image_bytes(), "image/jpeg")},
    )
    assert anonymous.status_code == 400  # uploads need an Authorization header (no cross-site form posts)
    removed = await api.gql(PHOTO_REMOVE, {"input": {"id": photo["id"]}}, token=p.school_member.token)
    assert [e["code"] for e in removed["listingPhotoRemove"]["userErrors"]] == ["PERMISSION_DENIED"]
    reordered = await api.gql(
        PHOTOS_REORDER, {"input": {"listingId": listing, "photoIds": [photo["id"]]}}, token=p.school_member.token
    )
    assert [e["code"] for e in reordered["listingPhotosReorder"]["userErrors"]] == ["PERMISSION_DENIED"]
    assert len((await api.gql(LISTING_PHOTOS, {"id": listing}))["listing"]["photos"]) == 1


async def test_reorder_puts_the_photos_in_the_order_given(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    ids = [
        (await add_photo(api, p.donor_member.token, listing, image_bytes(30, 30, color=(c, 0, 0))))["photo"]["id"]
        for c in (10, 120, 240)
    ]
    token = p.donor_member.token
    partial = await api.gql(PHOTOS_REORDER, {"input": {"listingId": listing, "photoIds": ids[:2]}}, token=token)
    assert [e["code"] for e in partial["listingPhotosReorder"]["userErrors"]] == ["INVALID"]
    done = await api.gql(PHOTOS_REORDER, {"input": {"listingId": listing, "photoIds": ids[::-1]}}, token=token)
    assert [x["id"] for x in done["listingPhotosReorder"]["photos"]] == ids[::-1]
    listed = (await api.gql(LISTING_PHOTOS, {"id": listing}))["listing"]["photos"]
    assert [x["id"] for x in listed] == ids[::-1] and [x["position"] for x in listed] == [0, 1, 2]


async def test_removing_a_photo_deletes_its_files_unless_another_photo_uses_them(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    other = await make_listing(api, p, title="Second welder")
    data = image_bytes()
    first = (await add_photo(api, p.donor_member.token, listing, data))["photo"]
    same = (await add_photo(api, p.donor_member.token, other, data))["photo"]
    assert first["url"] == same["url"]  # named by content: one file for both
    keys = {key_of(first["url"]), key_of(first["thumbnailUrl"])}
    assert keys <= media_files(api)

    removed = await api.gql(PHOTO_REMOVE, {"input": {"id": first["id"]}}, token=p.donor_member.token)
    assert removed["listingPhotoRemove"] == {"removedId": first["id"], "userErrors": []}
    assert keys <= media_files(api)  # still shown on the other listing
    await api.gql(PHOTO_REMOVE, {"input": {"id": same["id"]}}, token=p.donor_member.token)
    assert not keys & media_files(api)
    assert (await api.client.get(first["url"])).status_code == 404


async def test_photos_go_with_their_listing(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    photo = (await add_photo(api, p.donor_member.token, listing, image_bytes()))["photo"]
    keys = {key_of(photo["url"]), key_of(photo["thumbnailUrl"])}
    async with api.db.write() as session:
        await session.execute(delete(Listing).where(Listing.id == int(_pk(listing))))
    storage = storage_for(api.settings)
    assert await sweep(api.db, storage) == 0  # within the grace period an upload may still be committing
    from datetime import timedelta

    assert await sweep(api.db, storage, grace=timedelta(0)) >= 2
    assert not keys & media_files(api)


def _pk(global_id: str) -> str:
    import base64

    return base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode().split(":")[1]


async def test_a_json_request_cannot_send_a_file(api):
    p = await parties(api)
    listing = await make_listing(api, p)
    from tests.media.support import PHOTO_ADD

    data = await api.gql(PHOTO_ADD, {"input": {"listingId": listing, "file": "x"}}, token=p.donor_member.token)
    assert [e["code"] for e in data["listingPhotoAdd"]["userErrors"]] == ["INVALID"]
    assert gid("Listing", int(_pk(listing))) == listing
