"""`GET /exports/needs-summary.geojson?postalCode=&radiusKm=&state=&categoryId=&since=`: the regions of
`needsSummary` as a GeoJSON FeatureCollection (RFC 7946) for map clients: one Point per region with
needs, at the median of its ZIP centroids, [longitude, latitude], its figures as properties. Public, and
charged to the caller's query budget like the GraphQL field.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core.errors import DomainError, ErrorCode
from core.locations import search_circle
from core.rate_limits import Bucket, RateLimiter
from core.settings import Settings
from db.engine import Database
from resolvers.donations import needs_summary
from schema.cost import AGGREGATE_COST
from schema.http.exports import error, viewer_of
from schema.relay import decode_id

MEDIA_TYPE = "application/geo+json"
COST = 1 + AGGREGATE_COST


def _rate_limit_key(request: Request) -> str:
    viewer = viewer_of(request)
    if viewer.is_app:
        return f"app:{viewer.app_token_id}"
    if viewer.user_id is not None:
        return f"user:{viewer.user_id}"
    return f"ip:{request.client.host if request.client else 'unknown'}"


def _criteria(params: Any) -> needs_summary.SummaryFilter:
    near = None
    if params.get("postalCode") or params.get("latitude"):
        try:
            radius = float(params.get("radiusKm", "50"))
            latitude = float(params["latitude"]) if params.get("latitude") else None
            longitude = float(params["longitude"]) if params.get("longitude") else None
        except ValueError:
            raise DomainError(ErrorCode.INVALID, "radiusKm, latitude and longitude are numbers.") from None
        near = search_circle(params.get("postalCode"), latitude, longitude, radius)
    category = params.get("categoryId")
    since = params.get("since")
    try:
        since_at = datetime.fromisoformat(since) if since else None
    except ValueError:
        raise DomainError(ErrorCode.INVALID, "since must be an ISO 8601 date and time.") from None
    return needs_summary.SummaryFilter(
        near=near,
        state=params.get("state"),
        category_id=decode_id(category, "Category", "categoryId") if category else None,
        since=since_at,
    )


def feature_collection(summary: needs_summary.NeedsSummary) -> dict[str, Any]:
    features = []
    for region in summary.by_region:
        if region.latitude is None or region.longitude is None:
            continue
        figures = region.figures
        features.append(
            {
                "type": "Feature",
                "id": region.zip_prefix,
                "geometry": {"type": "Point", "coordinates": [region.longitude, region.latitude]},
                "properties": {
                    "zipPrefix": region.zip_prefix,
                    "state": region.state,
                    "name": f"{region.city} area ({region.zip_prefix})",
                    "schools": region.schools,
                    "needs": figures.needs,
                    "openNeeds": figures.open_needs,
                    "openNeedsPerSchool": region.open_needs_per_school,
                    "quantityRequested": figures.quantity_requested,
                    "quantityReceived": figures.quantity_received,
                    "quantityUnmet": figures.quantity_unmet,
                    "unmetRatio": figures.unmet_ratio,
                    "schoolsWithOpenNeeds": figures.schools_with_open_needs,
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "properties": {"since": summary.since.isoformat(), "schools": summary.schools},
    }


def needs_map(db: Database, limiter: RateLimiter, settings: Settings) -> Any:
    bucket = Bucket(settings.query_budget, settings.query_budget_restore_rate)

    async def endpoint(request: Request) -> Response:
        charge = await limiter.charge(_rate_limit_key(request), COST, bucket)
        if not charge.allowed:
            retry = str(math.ceil(charge.retry_after_seconds))
            return error(429, "THROTTLED", f"Query budget spent; retry in {retry} s.", {"Retry-After": retry})
        try:
            summary = await needs_summary.summarize(db, _criteria(request.query_params))
        except DomainError as exc:
            return error(400, exc.code.value, exc.message)
        return JSONResponse(feature_collection(summary), media_type=MEDIA_TYPE, headers={"cache-control": "no-store"})

    return endpoint


def needs_map_routes(db: Database, limiter: RateLimiter, settings: Settings) -> list[Route]:
    return [Route("/exports/needs-summary.geojson", needs_map(db, limiter, settings), methods=["GET"])]
