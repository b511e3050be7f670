"""Great-circle geometry and US ZIP code centroids (bundled by the `zipcodes` package)."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike) -> np.ndarray:
    """Great-circle distance in km; accepts scalars or numpy arrays (broadcast). Scalars give a
    numpy scalar, which reads like a 0-d array."""
    phi1, lam1, phi2, lam2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = np.sin((phi2 - phi1) / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin((lam2 - lam1) / 2) ** 2
    km: np.ndarray = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
    return km


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(haversine_km(lat1, lon1, lat2, lon2))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing a circle; a cheap, index-friendly prefilter."""
    angle = radius_km / EARTH_RADIUS_KM
    dlat = math.degrees(angle)
    cos_lat = math.cos(math.radians(lat))
    # Exact half-width of the circle in longitude; r / cos(lat) would be too narrow far north.
    ratio = math.sin(angle) / cos_lat if cos_lat > 1e-9 else 2.0
    dlon = 180.0 if angle >= math.pi / 2 or ratio >= 1.0 else math.degrees(math.asin(ratio))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


@lru_cache(maxsize=1)
def _zip_table() -> dict[str, tuple[float, float]]:
    import zipcodes  # loaded once: ~42,800 ZIP centroids

    every: list[dict[str, Any]] = zipcodes.list_all()  # type: ignore[no-untyped-call]  # the stub leaves it bare
    return {z["zip_code"]: (float(z["lat"]), float(z["long"])) for z in every if z["lat"] and z["long"]}


def normalize_postal_code(code: str) -> str | None:
    """'48226', '48226-1234' or ' 48226 ' -> '48226'; anything else -> None."""
    digits = code.strip().split("-")[0]
    return digits if len(digits) == 5 and digits.isdigit() else None


def zip_centroid(code: str) -> tuple[float, float] | None:
    """Latitude and longitude of a US ZIP code, or None when it is unknown."""
    normalized = normalize_postal_code(code)
    return _zip_table().get(normalized) if normalized else None


def all_zip_centroids() -> tuple[list[str], np.ndarray, np.ndarray]:
    """Every ZIP code with its centroid, as (codes, latitudes, longitudes)."""
    table = _zip_table()
    codes = sorted(table)
    lats = np.array([table[c][0] for c in codes])
    lons = np.array([table[c][1] for c in codes])
    return codes, lats, lons
