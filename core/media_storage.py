"""Where photo files live: a directory on local disk by default, or any S3-compatible bucket.

Files are named by the SHA-256 of their bytes (`<hex>.<ext>`), so a name never changes meaning: the
same name is always the same bytes, which lets `/media/...` answer with immutable cache headers and
lets two photos of the same image share one file.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from core.settings import Settings

CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
KEY = re.compile(r"^[0-9a-f]{64}\.(jpg|png|webp)$")


def content_key(data: bytes, extension: str) -> str:
    return f"{hashlib.sha256(data).hexdigest()}.{extension}"


def is_key(name: str) -> bool:
    return KEY.match(name) is not None


@dataclass(frozen=True)
class Stored:
    key: str
    modified_at: datetime


class MediaStorage(Protocol):
    async def put(self, key: str, data: bytes) -> None: ...

    async def get(self, key: str) -> bytes | None: ...

    async def delete(self, key: str) -> None: ...

    async def listing(self) -> list[Stored]: ...


class LocalStorage:
    """Files in one directory; written to a temporary name first, so a reader never sees half a file."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        if not is_key(key):
            raise ValueError(f"not a media key: {key!r}")
        return self.directory / key

    def _put(self, key: str, data: bytes) -> None:
        target = self._path(key)
        if target.exists():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".upload-")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)

    def _get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None

    def _listing(self) -> list[Stored]:
        if not self.directory.is_dir():
            return []
        found = []
        for entry in os.scandir(self.directory):
            if is_key(entry.name):
                modified = datetime.fromtimestamp(entry.stat().st_mtime, UTC)
                found.append(Stored(entry.name, modified))
        return found

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._put, key, data)

    async def get(self, key: str) -> bytes | None:
        return await asyncio.to_thread(self._get, key)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, missing_ok=True)

    async def listing(self) -> list[Stored]:
        return await asyncio.to_thread(self._listing)


class S3Storage:
    """Objects in an S3-compatible bucket (AWS, MinIO, Ceph...), through boto3 in worker threads.

    Credentials come the usual AWS ways (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, a role).
    """

    def __init__(self, bucket: str, *, endpoint_url: str | None = None, region: str | None = None, prefix: str = ""):
        import boto3  # only needed when a bucket is configured: `pip install shopready[s3]`

        self.bucket, self.prefix = bucket, prefix
        self.client: Any = boto3.client("s3", endpoint_url=endpoint_url, region_name=region)

    def _get(self, key: str) -> bytes | None:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)
        except self.client.exceptions.NoSuchKey:
            return None
        return bytes(response["Body"].read())

    def _listing(self) -> list[Stored]:
        pages: Iterable[dict[str, Any]] = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.prefix
        )
        found = []
        for page in pages:
            for item in page.get("Contents", ()):
                name = str(item["Key"])[len(self.prefix) :]
                if is_key(name):
                    found.append(Stored(name, item["LastModified"]))
        return found

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(
            self.client.put_object,
            Bucket=self.bucket,
            Key=self.prefix + key,
            Body=data,
            ContentType=CONTENT_TYPES[key.rsplit(".", 1)[1]],
            CacheControl="public, max-age=31536000, immutable",
        )

    async def get(self, key: str) -> bytes | None:
        return await asyncio.to_thread(self._get, key)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.client.delete_object, Bucket=self.bucket, Key=self.prefix + key)

    async def listing(self) -> list[Stored]:
        return await asyncio.to_thread(self._listing)


@functools.cache
def _storage(media_dir: str, bucket: str | None, endpoint: str | None, region: str | None, prefix: str) -> MediaStorage:
    if bucket:
        return S3Storage(bucket, endpoint_url=endpoint, region=region, prefix=prefix)
    return LocalStorage(media_dir)


def storage_for(settings: Settings) -> MediaStorage:
    """The configured store, one per configuration in a process."""
    return _storage(
        settings.media_dir,
        settings.media_s3_bucket,
        settings.media_s3_endpoint_url,
        settings.media_s3_region,
        settings.media_s3_prefix,
    )
