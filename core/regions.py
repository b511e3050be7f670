"""US regions from bundled ZIP code data: the state of a ZIP code (for state-wide fallbacks), and 3-digit
ZIP prefix areas (for regional summaries; no metro-area mapping ships with the data)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from statistics import median
from typing import Any

from matching.geo import normalize_postal_code


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    import zipcodes  # loaded once

    every: list[dict[str, Any]] = zipcodes.list_all()  # type: ignore[no-untyped-call]  # the stub leaves it bare
    return {z["zip_code"]: z["state"] for z in every if z.get("state")}


def state_of(postal_code: str | None) -> str | None:
    code = normalize_postal_code(postal_code) if postal_code else None
    return _states().get(code) if code else None


@dataclass(frozen=True)
class ZipPrefixRegion:
    """A 3-digit ZIP prefix: the area one USPS sectional centre serves, a stand-in for a metro area."""

    prefix: str
    state: str
    city: str  # the city with the most ZIP codes in it, to name the area
    latitude: float  # the median of its ZIP centroids (robust to the odd misplaced code)
    longitude: float


@lru_cache(maxsize=1)
def _prefix_regions() -> dict[str, ZipPrefixRegion]:
    import zipcodes

    every: list[dict[str, Any]] = zipcodes.list_all()  # type: ignore[no-untyped-call]  # the stub leaves it bare
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for z in every:
        if z.get("state") and float(z.get("lat") or 0) and float(z.get("long") or 0):  # a few codes sit at 0, 0
            grouped[z["zip_code"][:3]].append(z)
    regions = {}
    for prefix, codes in grouped.items():
        state = Counter(z["state"] for z in codes).most_common(1)[0][0]
        city = Counter(z["city"].title() for z in codes if z["state"] == state).most_common(1)[0][0]
        latitude = median(float(z["lat"]) for z in codes)
        longitude = median(float(z["long"]) for z in codes)
        regions[prefix] = ZipPrefixRegion(prefix, state, city, round(latitude, 4), round(longitude, 4))
    return regions


def prefix_region(prefix: str) -> ZipPrefixRegion | None:
    return _prefix_regions().get(prefix)


def prefixes_of_state(state: str) -> list[str]:
    """The 3-digit ZIP prefixes whose codes lie mostly in this state."""
    return sorted(p for p, region in _prefix_regions().items() if region.state == state.upper())
