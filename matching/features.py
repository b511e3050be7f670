"""Vectorized feature functions. Each maps arrays (broadcasting a scalar query side against
candidate columns) to values in [0, 1]; a want-set that is empty counts as fully met, so a
query that states nothing about a feature ranks everyone alike on it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from . import bitsets
from .columns import NO_DAY
from .geo import haversine_km
from .records import SchoolTier

# Where the radius is relaxed (remote work, shipping) the pair is never excluded, but that way
# is worth at most RELAXED_MAX (a local pickup at half its radius is as good as a shipment from
# next door: shipping costs, remote work is second best) and nearer still wins a little: the
# value falls to 0 over RELAXED_SCALE_KM (about coast to coast). A pair that can also meet
# locally takes the better of the two, so offering more ways never lowers a score.
RELAXED_SCALE_KM = 5000.0
RELAXED_MAX = 0.5
# A student (or mentor) in a program related to the one asked for (collision and refinish) gets
# this much of the program feature; outside every program and every related one, nothing. It is
# small enough that, with the default weights, being closer alone never lifts a student outside
# every program of a posting above one inside it (0.25 * (1 - 0.3) > 0.15).
RELATED_PROGRAM = 0.3
# Recency: full value while active within this many days, none after ACTIVE_FADE_DAYS.
ACTIVE_FULL_DAYS = 30
ACTIVE_FADE_DAYS = 365
# A late start fades to 0 over this many days.
START_FADE_DAYS = 90
# Urgency from a needed-by date: full within two weeks, none beyond half a year.
URGENT_DAYS, RELAXED_DAYS = 14, 180
# Equity: a school that has received this many donations gets half the "received least" part.
EQUITY_RECEIVED_HALF = 5.0
TIER_EQUITY = {int(SchoolTier.DEVELOPING): 1.0, int(SchoolTier.PROFICIENT): 0.5, int(SchoolTier.ADVANCED): 0.0}
UNKNOWN_TIER_EQUITY = 0.5


def distance(lat: npt.ArrayLike, lon: npt.ArrayLike, cand_lat: npt.ArrayLike, cand_lon: npt.ArrayLike) -> np.ndarray:
    return haversine_km(lat, lon, cand_lat, cand_lon)


def proximity(d_km: npt.ArrayLike, radius_km: npt.ArrayLike) -> np.ndarray:
    """1 at the same place, 0 at the effective radius (linear); an infinite radius means the
    distance is relaxed, not ignored. Callers exclude d > radius before."""
    d_km = np.asarray(d_km, dtype=np.float64)
    radius_km = np.asarray(radius_km, dtype=np.float64)
    finite = np.isfinite(radius_km)
    scale = np.where(finite, radius_km, RELAXED_SCALE_KM)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(scale > 0, 1.0 - d_km / scale, 1.0)
    return np.clip(value, 0.0, 1.0) * np.where(finite, 1.0, RELAXED_MAX)


def relaxed(d_km: npt.ArrayLike) -> np.ndarray:
    """The value of a way that reaches anywhere (shipping, remote work): at most RELAXED_MAX."""
    d_km = np.asarray(d_km, dtype=np.float64)
    value: np.ndarray = RELAXED_MAX * np.clip(1.0 - d_km / RELAXED_SCALE_KM, 0.0, 1.0)
    return value


def within(d_km: npt.ArrayLike, radius_km: npt.ArrayLike) -> np.ndarray:
    """Local closeness where the pair is within a finite radius, else 0 (that way does not reach)."""
    d_km = np.asarray(d_km, dtype=np.float64)
    radius_km = np.asarray(radius_km, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(radius_km > 0, 1.0 - d_km / np.where(radius_km > 0, radius_km, 1.0), 1.0)
    inside: np.ndarray = np.where(d_km <= radius_km, np.clip(value, 0.0, 1.0), 0.0)
    return inside


def local_or_relaxed(d_km: npt.ArrayLike, local_radius_km: npt.ArrayLike, relaxed_ok: npt.ArrayLike) -> np.ndarray:
    """The better of meeting locally (within the local radius) and, where allowed, the relaxed way:
    a remote-ok job or mentor next door is worth as much as an on-site one."""
    best: np.ndarray = np.maximum(within(d_km, local_radius_km), np.where(relaxed_ok, relaxed(d_km), 0.0))
    return best


def program_fit(asked: npt.ArrayLike, held: npt.ArrayLike, related: npt.ArrayLike) -> np.ndarray:
    """Program masks: 1 when `held` shares a program with `asked` (or nothing is asked: a posting
    lists the programs it hires from, and one shared is enough), RELATED_PROGRAM when they share
    only a related trade (`related`: the query side's related programs, its own excluded; the
    relation is symmetric, so either side's mask tells), else 0."""
    asked = np.asarray(asked, dtype=np.uint64)
    held = np.asarray(held, dtype=np.uint64)
    zero = np.uint64(0)
    shares = (asked == zero) | ((asked & held) != zero)
    near = (np.asarray(related, dtype=np.uint64) & (held | asked)) != zero
    value: np.ndarray = np.where(shares, 1.0, np.where(near, RELATED_PROGRAM, 0.0))
    return value


def set_fraction(want_bits: npt.ArrayLike, have_bits: npt.ArrayLike) -> np.ndarray:
    """|want & have| / |want| over bitset rows; 1 where nothing is wanted."""
    want_bits, have_bits = np.broadcast_arrays(want_bits, have_bits)
    wanted = bitsets.count(want_bits)
    got = bitsets.count(want_bits & have_bits)
    return np.where(wanted > 0, got / np.maximum(wanted, 1), 1.0)


def query_fraction(query_mask: np.ndarray, n_wanted: int, have_bits: np.ndarray) -> np.ndarray:
    """Same as set_fraction for one query set against many rows, touching only the query's
    words. n_wanted counts ids too large for the pool's width (nobody holds those)."""
    if n_wanted == 0:
        return np.ones(have_bits.shape[0])
    return bitsets.overlap(have_bits, query_mask) / n_wanted


def mask_fraction(want: npt.ArrayLike, have: npt.ArrayLike) -> np.ndarray:
    """Same for single-word masks (programs, availability slots)."""
    want = np.asarray(want, dtype=np.uint64)
    have = np.asarray(have, dtype=np.uint64)
    wanted = bitsets.popcount(want).astype(np.int64)
    got = bitsets.popcount(want & have).astype(np.int64)
    return np.where(wanted > 0, got / np.maximum(wanted, 1), 1.0)


def at_least(have: npt.ArrayLike, want: npt.ArrayLike) -> np.ndarray:
    """have/want capped at 1 (experience vs a minimum, offered vs desired pay, quantity);
    1 where nothing is asked."""
    have = np.asarray(have, dtype=np.float64)
    want = np.asarray(want, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(want > 0, have / np.where(want > 0, want, 1.0), 1.0)
    return np.clip(value, 0.0, 1.0)


def pay(offered_cents: npt.ArrayLike, desired_cents: npt.ArrayLike) -> np.ndarray:
    """An unstated offer (0) is neither rewarded nor punished: neutral 0.5."""
    offered = np.asarray(offered_cents)
    return np.where((offered <= 0) & (np.asarray(desired_cents) > 0), 0.5, at_least(offered, desired_cents))


def start(available_day: npt.ArrayLike, start_day: npt.ArrayLike) -> np.ndarray:
    """1 when available by the start day, fading over START_FADE_DAYS of lateness."""
    late = np.asarray(available_day, dtype=np.float64) - np.asarray(start_day, dtype=np.float64)
    return np.clip(1.0 - np.maximum(late, 0.0) / START_FADE_DAYS, 0.0, 1.0)


def recency(last_day: npt.ArrayLike, today: int) -> np.ndarray:
    """Active recently -> 1; unknown (0) -> 0."""
    last_day = np.asarray(last_day)
    days = today - last_day.astype(np.float64)
    value = 1.0 - np.maximum(days - ACTIVE_FULL_DAYS, 0.0) / (ACTIVE_FADE_DAYS - ACTIVE_FULL_DAYS)
    return np.where(last_day == NO_DAY, 0.0, np.clip(value, 0.0, 1.0))


def capacity(left: npt.ArrayLike, enough: int = 3) -> np.ndarray:
    return np.clip(np.asarray(left, dtype=np.float64) / enough, 0.0, 1.0)


def condition(have: npt.ArrayLike, minimum: npt.ArrayLike, best: int = 4) -> np.ndarray:
    """Meeting the minimum exactly is worth something; better condition is worth more."""
    held = np.asarray(have, dtype=np.float64)
    floor = np.asarray(minimum, dtype=np.float64)
    return np.clip((held - floor + 1.0) / (best - floor + 1.0), 0.0, 1.0)


def urgency(priority: npt.ArrayLike, needed_by: npt.ArrayLike, today: int) -> np.ndarray:
    """Priority LOW..CRITICAL -> 0.25..1, averaged with how close the needed-by date is (an
    overdue need counts as urgent); with no date, the priority alone."""
    prio = (np.asarray(priority, dtype=np.float64) + 1.0) / 4.0
    needed_by = np.asarray(needed_by)
    left = needed_by.astype(np.float64) - today
    by_date = np.clip((RELAXED_DAYS - left) / (RELAXED_DAYS - URGENT_DAYS), 0.0, 1.0)
    return np.where(needed_by == NO_DAY, prio, 0.5 * (prio + by_date))


def equity(tier: npt.ArrayLike, received: npt.ArrayLike) -> np.ndarray:
    """Half from the school's tier (Developing most), half from having received little."""
    tier = np.asarray(tier)
    tier_value = np.full(tier.shape, UNKNOWN_TIER_EQUITY)
    for t, v in TIER_EQUITY.items():
        tier_value = np.where(tier == t, v, tier_value)
    scarcity = EQUITY_RECEIVED_HALF / (EQUITY_RECEIVED_HALF + np.maximum(np.asarray(received, dtype=np.float64), 0))
    return 0.5 * tier_value + 0.5 * scarcity


def title_similarity(query: str, titles: Sequence[str] | np.ndarray) -> np.ndarray:
    """token_set_ratio / 100 of one title against many (C++ batch); used on need and listing
    pools and on top-k re-scores, never on the student pool. An empty query title is neutral."""
    if not query.strip() or len(titles) == 0:
        return np.ones(len(titles))
    from rapidfuzz import fuzz, process, utils

    scores: np.ndarray = process.cdist(
        [query], list(titles), scorer=fuzz.token_set_ratio, processor=utils.default_process, workers=1
    )
    similarity: np.ndarray = scores[0] / 100.0
    return similarity
