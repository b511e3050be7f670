"""Geometry: the bounding box used as a database prefilter never drops a point inside the circle."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from matching.geo import EARTH_RADIUS_KM, bounding_box, distance_km, zip_centroid


def _destination(lat: float, lon: float, bearing_deg: float, km: float) -> tuple[float, float]:
    """The point `km` away from (lat, lon) along a bearing, on the sphere."""
    phi, lam, theta, delta = map(math.radians, (lat, lon, bearing_deg, 0.0))
    delta = km / EARTH_RADIUS_KM
    phi2 = math.asin(math.sin(phi) * math.cos(delta) + math.cos(phi) * math.sin(delta) * math.cos(theta))
    lam2 = lam + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi), math.cos(delta) - math.sin(phi) * math.sin(phi2)
    )
    return math.degrees(phi2), (math.degrees(lam2) + 540) % 360 - 180


@settings(max_examples=300, deadline=None)
@given(
    lat=st.floats(-70, 70),
    lon=st.floats(-170, 170),
    radius=st.floats(1, 1500),
    bearing=st.floats(0, 360),
    fraction=st.floats(0, 0.999),
)
def test_every_point_inside_the_circle_is_inside_the_box(lat, lon, radius, bearing, fraction):
    point = _destination(lat, lon, bearing, radius * fraction)
    assert distance_km(lat, lon, *point) <= radius + 1e-6
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius)
    assert min_lat - 1e-9 <= point[0] <= max_lat + 1e-9
    if max_lon - min_lon < 360 and min_lon >= -180 and max_lon <= 180:
        assert min_lon - 1e-9 <= point[1] <= max_lon + 1e-9


def test_zip_centroids_are_bundled():
    assert zip_centroid("48226") == (42.3333, -83.0484)
    assert zip_centroid("48226-1234") == zip_centroid("48226")
    assert zip_centroid("00000") is None and zip_centroid("abcde") is None
