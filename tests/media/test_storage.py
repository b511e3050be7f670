"""The media stores: local disk, and S3 against a real S3 server on loopback (moto's server mode).

The same checks run on both: put, get, list, delete, content addressing; then a whole upload goes
through the app configured for S3 and comes back from `/media/...`.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest

from app import create_app
from core.media_storage import LocalStorage, MediaStorage, S3Storage, content_key
from tests.conftest import test_settings
from tests.donations.support import make_listing, parties
from tests.media.support import add_photo, decode, image_bytes
from tests.support import Api

moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")

BUCKET = "shopready-media"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint(monkeypatch_module) -> Iterator[str]:
    port = _free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    """Throwaway credentials for the local S3 server (boto3 reads them from the environment)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("AWS_ACCESS_KEY_ID", "testing")
    patch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    patch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    yield patch
    patch.undo()


async def _round_trip(storage: MediaStorage) -> None:
    data = image_bytes(20, 20)
    key = content_key(data, "jpg")
    assert await storage.get(key) is None
    await storage.put(key, data)
    await storage.put(key, data)  # the same content again: nothing changes
    assert await storage.get(key) == data
    assert key in {item.key for item in await storage.listing()}
    await storage.delete(key)
    assert await storage.get(key) is None
    assert key not in {item.key for item in await storage.listing()}


async def test_local_storage_round_trip(tmp_path):
    await _round_trip(LocalStorage(tmp_path / "media"))


async def test_local_storage_refuses_names_that_are_not_content_keys(tmp_path):
    storage = LocalStorage(tmp_path)
    with pytest.raises(ValueError, match="not a media key"):
        await storage.put("../escape.jpg", b"x")


async def test_s3_storage_round_trip(s3_endpoint):
    await _round_trip(S3Storage(BUCKET, endpoint_url=s3_endpoint, region="us-east-1", prefix="photos/"))


async def test_an_upload_through_the_app_lands_in_the_bucket_and_is_served_back(s3_endpoint, db):
    settings = test_settings(
        media_s3_bucket=BUCKET, media_s3_endpoint_url=s3_endpoint, media_s3_region="us-east-1", media_s3_prefix="t/"
    )
    app = create_app(settings, db=db, run_worker=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        api = Api(client, db, settings)
        p = await parties(api)
        listing = await make_listing(api, p)
        photo = (await add_photo(api, p.donor_member.token, listing, image_bytes(120, 80)))["photo"]
        key = photo["url"].rsplit("/", 1)[1]
        stored = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1").get_object(
            Bucket=BUCKET, Key=f"t/{key}"
        )
        assert stored["ContentType"] == "image/jpeg" and "immutable" in stored["CacheControl"]
        served = await client.get(photo["url"])
        assert served.status_code == 200 and decode(served.content).size == (120, 80)
