"""Turning a US ZIP code or coordinates into a point, and `near` filters into a search circle."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import DomainError, ErrorCode
from matching.geo import normalize_postal_code, zip_centroid

MAX_RADIUS_KM = 5000.0


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    postal_code: str | None = None


def location_columns(point: Point | None) -> dict[str, object]:
    """The postal code and coordinate columns of a row located at `point` (all cleared when None)."""
    return {
        "postal_code": point.postal_code if point else None,
        "latitude": point.latitude if point else None,
        "longitude": point.longitude if point else None,
    }


@dataclass(frozen=True)
class Circle:
    center: Point
    radius_km: float


def locate(
    postal_code: str | None, latitude: float | None, longitude: float | None, *, field: str = "postalCode"
) -> Point | None:
    """Coordinates when given, else the ZIP code's centroid; None when neither is given."""
    if latitude is not None or longitude is not None:
        if latitude is None or longitude is None or not (-90 <= latitude <= 90) or not (-180 <= longitude <= 180):
            raise DomainError(
                ErrorCode.INVALID_COORDINATES,
                "Give both latitude (-90..90) and longitude (-180..180).",
                "latitude",
            )
        code = normalize_postal_code(postal_code) if postal_code else None
        return Point(latitude, longitude, code)
    if postal_code is None or not postal_code.strip():
        return None
    centroid = zip_centroid(postal_code)
    if centroid is None:
        shown = postal_code.strip()[:20]  # echo a few characters, never a megabyte
        raise DomainError(ErrorCode.UNKNOWN_POSTAL_CODE, f"Unknown US ZIP code {shown!r}.", field)
    return Point(centroid[0], centroid[1], normalize_postal_code(postal_code))


def search_circle(postal_code: str | None, latitude: float | None, longitude: float | None, radius_km: float) -> Circle:
    if not (0 < radius_km <= MAX_RADIUS_KM):
        raise DomainError(
            ErrorCode.OUT_OF_RANGE, f"radiusKm must be above 0 and at most {MAX_RADIUS_KM:g}.", "radiusKm"
        )
    center = locate(postal_code, latitude, longitude)
    if center is None:
        raise DomainError(ErrorCode.REQUIRED, "Give a postalCode or latitude and longitude.", "postalCode")
    return Circle(center, radius_km)
