"""Synthetic donation exchange: a small equipment taxonomy (from the domain reference), school
needs and donor listings at real ZIP centroids. For the allocation benchmark and tests."""
from __future__ import annotations

from datetime import date

import numpy as np

from .columns import titles
from .pools import ListingPool, NeedPool
from .records import Fulfillment
from .synthetic import REFERENCE_DAY, zip_points
from .taxonomy import Taxonomy

FAMILIES = {
    "Structural": ["frame straightening machine", "electronic measuring system", "anchoring clamp set"],
    "Welding and joining": ["MIG welder", "squeeze-type resistance spot welder", "plasma cutter", "rivet gun"],
    "Refinish": ["paint booth", "paint mixing system", "spray gun", "infrared curing lamp", "primer", "abrasive discs"],
    "Body tools": ["dent repair kit", "paintless dent repair tools", "DA sander", "body hammer and dolly set"],
    "Diagnostics": ["scan tool", "ADAS calibration targets", "multimeter", "high-voltage safety kit"],
    "Mechanical": ["vehicle lift", "wheel alignment system", "tire changer", "wheel balancer", "A/C recovery machine"],
    "Vehicles and parts": ["training vehicle", "engine", "transmission", "bumper cover", "fender", "door"],
    "Safety": ["respirator", "fire-resistant welding jacket", "eyewash station"],
    "Classroom": ["estimating software licence", "repair information subscription", "starter tool kit"],
}
_ADJECTIVES = ["used", "refurbished", "spare", "older model", "shop", "2019", "pro", "compact", "heavy duty"]


def equipment_taxonomy() -> tuple[Taxonomy, list[str]]:
    """Families are roots (ids 0..8), items their children."""
    names = list(FAMILIES)
    parent = [-1] * len(names)
    for family_id, items in enumerate(FAMILIES.values()):
        for item in items:
            names.append(item)
            parent.append(family_id)
    return Taxonomy(parent), names


def _leaf_choice(rng, n, taxonomy: Taxonomy) -> np.ndarray:
    leaves = np.flatnonzero(taxonomy.parent >= 0)
    return leaves[rng.integers(0, len(leaves), n)]


def donation_instance(n_needs: int, n_listings: int, *, seed: int = 0, today: date = REFERENCE_DAY):
    """(NeedPool, ListingPool, Taxonomy, category names). Needs ask for 1-5 units; listings
    offer 1-3; 60% pickup, 25% delivery, 15% shipping; schools in tiers 1-3."""
    rng = np.random.default_rng(seed)
    taxonomy, names = equipment_taxonomy()
    t = today.toordinal()
    lat, lon = zip_points(n_needs, rng, jitter_km=2.0)
    need_cat = _leaf_choice(rng, n_needs, taxonomy)
    needs = NeedPool(
        ids=np.arange(1, n_needs + 1, dtype=np.int64), lat=lat, lon=lon, visible=rng.random(n_needs) < 0.95,
        school_ids=rng.integers(1, max(2, n_needs // 2), n_needs),
        radius_km=rng.choice([50.0, 80.0, 120.0], n_needs),
        category_ids=need_cat, titles=titles([names[c] for c in need_cat]),
        min_condition=rng.integers(0, 3, n_needs).astype(np.int8),
        quantity=rng.integers(1, 6, n_needs),
        priority=rng.integers(0, 4, n_needs).astype(np.int8),
        needed_by=np.where(rng.random(n_needs) < 0.5, 0, t + rng.integers(0, 240, n_needs)).astype(np.int32),
        school_tier=rng.choice([1, 2, 3], n_needs, p=[0.3, 0.4, 0.3]).astype(np.int8),
        school_received=rng.poisson(3, n_needs),
    )
    lat, lon = zip_points(n_listings, rng, jitter_km=2.0)
    cat = _leaf_choice(rng, n_listings, taxonomy)
    fulfillment = rng.choice(
        [int(Fulfillment.PICKUP), int(Fulfillment.PICKUP | Fulfillment.DELIVERY), int(Fulfillment.SHIP)],
        n_listings, p=[0.6, 0.25, 0.15],
    )
    adjective = rng.integers(0, len(_ADJECTIVES), n_listings)
    listings = ListingPool(
        ids=np.arange(1, n_listings + 1, dtype=np.int64), lat=lat, lon=lon, visible=rng.random(n_listings) < 0.95,
        donor_ids=rng.integers(1, max(2, n_listings // 3), n_listings),
        radius_km=np.where(fulfillment & int(Fulfillment.DELIVERY), rng.uniform(50, 150, n_listings), 0.0),
        fulfillment=fulfillment.astype(np.int8),
        category_ids=cat, titles=titles([f"{_ADJECTIVES[a]} {names[c]}" for a, c in zip(adjective, cat)]),
        condition=rng.integers(0, 5, n_listings).astype(np.int8),
        quantity=rng.integers(1, 4, n_listings),
    )
    return needs, listings, taxonomy, names
