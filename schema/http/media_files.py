"""`GET /media/{key}`: the stored photo files, named by the SHA-256 of their bytes.

A name always means the same bytes, so responses are cacheable for a year and immutable, and the ETag
is the hash itself: a revalidation with If-None-Match is answered 304 without reading the file. A
thank-you note's photos are served to whoever holds their address, which only the donation's parties
are shown (an address names 256 bits of content and cannot be guessed).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core.media_storage import CONTENT_TYPES, MediaStorage, is_key

CACHE_FOREVER = "public, max-age=31536000, immutable"


def _not_found() -> JSONResponse:
    body = {"errors": [{"message": "No such file.", "extensions": {"code": "NOT_FOUND"}}]}
    return JSONResponse(body, 404)


def _matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in candidates or etag in candidates


def media_routes(storage_of: MediaStorage) -> list[Route]:
    async def media_file(request: Request) -> Response:
        key = request.path_params["key"]
        if not is_key(key):
            return _not_found()
        etag = f'"{key.split(".", 1)[0]}"'
        headers = {"ETag": etag, "Cache-Control": CACHE_FOREVER, "X-Content-Type-Options": "nosniff"}
        if _matches(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        data = await storage_of.get(key)
        if data is None:
            return _not_found()
        media_type = CONTENT_TYPES[key.rsplit(".", 1)[1]]
        return Response(data if request.method == "GET" else b"", media_type=media_type, headers=headers)

    return [Route("/media/{key}", media_file, methods=["GET", "HEAD"])]
