"""`GET /feeds/stories.atom` and `GET /feeds/stories.json`: the career stories for partner sites and
their social tools, newest 50 first.

Query parameters narrow them like `stories(filter:)`: `audience` (STUDENTS, PARENTS, EDUCATORS,
EMPLOYERS) and `tag`, each repeatable or comma-separated; a story matches any audience given and any
tag given. Responses carry an ETag (a hash of the body) and Last-Modified (the newest story's change);
If-None-Match, or else If-Modified-Since, answers 304 when nothing changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core.settings import Settings
from db.engine import Database
from db.enums.pathways import Audience
from resolvers.pathways import feeds
from resolvers.pathways.stories import StoryFilter

MEDIA_TYPES = {"atom": "application/atom+xml; charset=utf-8", "json": "application/feed+json; charset=utf-8"}
_CACHE = "public, max-age=300"


def _values(request: Request, name: str) -> list[str]:
    return [v.strip() for raw in request.query_params.getlist(name) for v in raw.split(",") if v.strip()]


def _bad_request(message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]}, 400)


def _not_modified(request: Request, etag: str, last_modified: datetime) -> bool:
    given = request.headers.get("if-none-match")
    if given is not None:  # RFC 9110: If-None-Match decides when present
        tags = {tag.strip().removeprefix("W/") for tag in given.split(",")}
        return "*" in tags or etag in tags
    since = request.headers.get("if-modified-since")
    if since is None:
        return False
    try:
        moment = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    return moment.tzinfo is not None and last_modified.replace(microsecond=0) <= moment


def feed_routes(db: Database, settings: Settings) -> list[Route]:
    def endpoint(kind: str, render: Callable[..., bytes]) -> Callable:
        async def serve(request: Request) -> Response:
            try:
                audience = [Audience(value.upper()) for value in _values(request, "audience")]
            except ValueError:
                return _bad_request("audience must be STUDENTS, PARENTS, EDUCATORS or EMPLOYERS.")
            tags = _values(request, "tag")
            if len(tags) > 10 or any(len(tag) > 40 for tag in tags):
                return _bad_request("Give at most 10 tags of at most 40 characters.")
            story_feed = await feeds.read(db, StoryFilter(audience=audience, tags=tags))
            home = settings.app_url or str(request.base_url).rstrip("/")
            self_url = f"{home}{request.url.path}" + (f"?{request.url.query}" if request.url.query else "")
            body = render(story_feed, self_url=self_url, home_url=home)
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
            headers = {
                "ETag": etag,
                "Last-Modified": format_datetime(story_feed.updated.replace(microsecond=0), usegmt=True),
                "Cache-Control": _CACHE,
                "Vary": "Accept-Encoding",
            }
            if _not_modified(request, etag, story_feed.updated):
                return Response(status_code=304, headers=headers)
            return Response(body, media_type=MEDIA_TYPES[kind], headers=headers)

        return serve

    return [
        Route("/feeds/stories.atom", endpoint("atom", feeds.atom), methods=["GET", "HEAD"]),
        Route("/feeds/stories.json", endpoint("json", feeds.json_feed), methods=["GET", "HEAD"]),
    ]
