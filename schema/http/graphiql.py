"""GraphiQL served by ShopReady itself: the page at `GET /graphql` and its assets under `/graphiql/assets/`.

Strawberry's own page loads React and GraphiQL from a public CDN, so offline or behind a firewall a new
user sees only "Loading...". Here the pinned production builds ship inside the package
(`graphiql_assets/`, see its SOURCES.md), the page names only this server's URLs, and its Content
Security Policy keeps the browser from fetching anything from anywhere else.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

ASSETS_DIR = Path(__file__).with_name("graphiql_assets")
PREFIX = "/graphiql/assets"
STYLES = ("graphiql-3.8.3.min.css",)
SCRIPTS = (
    "react-18.2.0.production.min.js",
    "react-dom-18.2.0.production.min.js",
    "graphiql-3.8.3.min.js",
    "shopready-graphiql.js",
)
_MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".md": "text/markdown"}
# Pinned names carry their version, so a browser may keep them for a year; the rest it revalidates.
_FOREVER = "public, max-age=31536000, immutable"
_REVALIDATE = "public, no-cache"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Asset:
    body: bytes
    media_type: str
    gzipped: bool
    etag: str
    cache_control: str


def _load() -> dict[str, Asset]:
    assets = {}
    for path in sorted(ASSETS_DIR.iterdir()):
        body = path.read_bytes()
        gzipped = path.suffix == ".gz"
        name = path.name.removesuffix(".gz")
        pinned = any(char.isdigit() for char in name)
        assets[name] = Asset(
            body=body,
            media_type=_MEDIA_TYPES.get(Path(name).suffix, "text/plain; charset=utf-8"),
            gzipped=gzipped,
            etag=f'"{hashlib.sha256(body).hexdigest()[:32]}"',
            cache_control=_FOREVER if pinned else _REVALIDATE,
        )
    return assets


ASSETS = _load()


def _accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("accept-encoding", "").lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


async def asset(request: Request) -> Response:
    found = ASSETS.get(request.path_params["name"])
    if found is None:
        return PlainTextResponse("Not found.", status_code=404)
    headers = {
        "Cache-Control": found.cache_control,
        "ETag": found.etag,
        "Vary": "Accept-Encoding",
        "X-Content-Type-Options": "nosniff",
    }
    if found.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    body = found.body
    if found.gzipped:
        if _accepts_gzip(request):
            headers["Content-Encoding"] = "gzip"
        else:
            body = gzip.decompress(body)
    return Response(body, media_type=found.media_type, headers=headers)


def routes() -> list[Route]:
    return [Route(PREFIX + "/{name}", asset, methods=["GET", "HEAD"])]


def page() -> HTMLResponse:
    """The GraphiQL page: local styles and scripts only, under a policy that forbids any other origin."""
    styles = "\n".join(f'    <link rel="stylesheet" href="{PREFIX}/{name}" />' for name in STYLES)
    scripts = "\n".join(f'    <script src="{PREFIX}/{name}"></script>' for name in SCRIPTS)
    html = f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>ShopReady GraphiQL</title>
    <link rel="icon" href="data:," />
{styles}
    <style>body {{ margin: 0; }} #graphiql {{ height: 100vh; }}</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL...</div>
{scripts}
  </body>
</html>
"""
    return HTMLResponse(
        html,
        headers={
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "Cache-Control": "no-cache",
            "X-Content-Type-Options": "nosniff",
        },
    )
