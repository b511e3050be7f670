"""Geographic prefilter: rows sorted by lat/lon cell, so the cells around a query are a few
contiguous slices of every column (no gather, no per-row test before the exact distance).

Cells are `cell_deg` x `cell_deg` degrees, numbered row-major (latitude band, then longitude).
Rows that can match from anywhere (infinite reach) sort after every cell and are always
examined.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .geo import EARTH_RADIUS_KM

# The prefilter must be a superset of the circle, so the box is the exact one of a spherical
# cap (geo.bounding_box approximates the longitude half-width by r/cos(lat), which is short of
# asin(sin r / cos lat) by ~13 km at 1000 km and 60 degrees north), plus a small pad against
# rounding.
_PAD_FACTOR = 1.001
_PAD_KM = 0.5
# Beyond this radius the box covers most of the country anyway; scan everything.
FULL_SCAN_KM = 3000.0


@dataclass(frozen=True, eq=False)
class Grid:
    cell_deg: float
    n_lat: int
    n_lon: int
    keys: np.ndarray  # sorted cell key per row; n_lat * n_lon for "anywhere" rows
    anywhere_start: int  # rows [anywhere_start, n) have infinite reach

    @classmethod
    def build(
        cls, lat: np.ndarray, lon: np.ndarray, reach_km: np.ndarray, cell_deg: float = 0.5
    ) -> tuple[Grid, np.ndarray]:
        """Returns the grid and the row order (a permutation) the pool must be taken in."""
        n_lat, n_lon = math.ceil(180 / cell_deg), math.ceil(360 / cell_deg)
        keys = _cell_keys(np.asarray(lat), np.asarray(lon), cell_deg, n_lat, n_lon)
        keys[~np.isfinite(reach_km)] = n_lat * n_lon
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        start = int(np.searchsorted(keys, n_lat * n_lon))
        return cls(cell_deg, n_lat, n_lon, keys, start), order

    def __len__(self) -> int:
        return len(self.keys)

    def ranges(self, lat: float, lon: float, radius_km: float) -> list[tuple[int, int]]:
        """Row ranges [lo, hi) that hold every finite-reach row within radius_km of (lat, lon),
        plus the infinite-reach rows. Ascending and non-overlapping."""
        n = len(self.keys)
        if not math.isfinite(radius_km) or radius_km >= FULL_SCAN_KM:
            return [(0, n)] if n else []
        lon = (lon + 180.0) % 360.0 - 180.0
        min_lat, max_lat, min_lon, max_lon = cap_box(lat, lon, radius_km * _PAD_FACTOR + _PAD_KM)
        bands = range(self._band(min_lat), self._band(max_lat) + 1)
        if min_lat <= -90 or max_lat >= 90 or max_lon - min_lon >= 360:
            spans = [(0, self.n_lon - 1)]  # the circle reaches a pole or wraps the globe
        else:
            spans = self._lon_spans(min_lon, max_lon)
        found = []
        for band in bands:
            for c0, c1 in spans:
                lo = int(np.searchsorted(self.keys, band * self.n_lon + c0, "left"))
                hi = int(np.searchsorted(self.keys, band * self.n_lon + c1, "right"))
                if hi > lo:
                    found.append((lo, hi))
        if self.anywhere_start < n:
            found.append((self.anywhere_start, n))
        return _merge(sorted(found))

    def _band(self, lat: float) -> int:
        return min(max(math.floor((lat + 90) / self.cell_deg), 0), self.n_lat - 1)

    def _lon_spans(self, min_lon: float, max_lon: float) -> list[tuple[int, int]]:
        c0 = math.floor((min_lon + 180) / self.cell_deg)
        c1 = math.floor((max_lon + 180) / self.cell_deg)
        if c0 < 0:  # the box crosses the antimeridian on the west
            return [(0, c1), (c0 + self.n_lon, self.n_lon - 1)]
        if c1 >= self.n_lon:  # ... or on the east
            return [(c0, self.n_lon - 1), (0, c1 - self.n_lon)]
        return [(c0, c1)]


def cap_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a spherical cap; a half-width of 180 degrees
    when the cap reaches a pole. Longitudes may run past +-180 (the caller wraps them)."""
    delta = radius_km / EARTH_RADIUS_KM
    dlat = math.degrees(delta)
    ratio = math.sin(min(delta, math.pi / 2)) / max(math.cos(math.radians(lat)), 1e-12)
    reaches_pole = abs(lat) + dlat >= 90 or ratio >= 1
    dlon = 180.0 if reaches_pole else math.degrees(math.asin(ratio))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def _cell_keys(lat: np.ndarray, lon: np.ndarray, cell_deg: float, n_lat: int, n_lon: int) -> np.ndarray:
    wrapped = (lon + 180.0) % 360.0 - 180.0
    band = np.clip(np.floor((lat + 90.0) / cell_deg), 0, n_lat - 1).astype(np.int64)
    col = np.clip(np.floor((wrapped + 180.0) / cell_deg), 0, n_lon - 1).astype(np.int64)
    keys: np.ndarray = band * n_lon + col
    return keys


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in ranges:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
