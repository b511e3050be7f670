"""Need <-> listing pairs (the donation exchange), ranked from either side.

Reach of a pair: a listing that ships reaches anywhere (nearer still mildly preferred); a
listing that is delivered reaches max(need radius, donor's delivery radius); pickup and tow
stay within the need's radius. The distance feature is the best over the ways the listing
offers, so offering one more way (shipping as well as pickup) never lowers its score. A listing
below the need's minimum condition, in a category that cannot stand in for the need's (see
`matching.taxonomy`), or with nothing left is excluded.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from . import features as F
from .explain import Details, Exclusion, ExclusionCode, km
from .geo import distance_km, haversine_km
from .kind import Block, MatchKind, fmt_day
from .pools import NO_CATEGORY, ListingPool, NeedPool, listing_reach, ships
from .records import Condition, Fulfillment, Listing, Need, Priority, SchoolTier
from .taxonomy import Taxonomy
from .weights import ListingNeedWeights, NeedListingWeights


def pair_reach(need_radius: npt.ArrayLike, fulfillment: npt.ArrayLike, listing_radius: npt.ArrayLike) -> np.ndarray:
    reach: np.ndarray = np.maximum(need_radius, listing_reach(fulfillment, listing_radius))
    return reach


def closeness(
    d: np.ndarray, need_radius: npt.ArrayLike, fulfillment: npt.ArrayLike, listing_radius: npt.ArrayLike
) -> np.ndarray:
    """The best value over the ways a listing offers: pickup or tow within the need's radius,
    delivery within max(need radius, delivery radius), shipping anywhere (relaxed)."""
    flags = np.asarray(fulfillment)
    local = ((flags & int(Fulfillment.PICKUP | Fulfillment.TOW)) != 0) | (flags == 0)
    delivers = (flags & int(Fulfillment.DELIVERY)) != 0
    value = np.where(local, F.within(d, need_radius), 0.0)
    value = np.maximum(value, np.where(delivers, F.within(d, np.maximum(need_radius, listing_radius)), 0.0))
    return np.maximum(value, np.where(ships(flags), F.relaxed(d), 0.0))


def _cat(value: int | None) -> int:
    return NO_CATEGORY if value is None else int(value)


QueryT = TypeVar("QueryT", Need, Listing)
PoolT = TypeVar("PoolT", ListingPool, NeedPool)


class _Donations(MatchKind[QueryT, tuple[QueryT, int], PoolT]):
    """Both directions prepare the query as (need or listing, today)."""

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy or Taxonomy.flat(0)

    def _values(
        self,
        d: np.ndarray,
        near: np.ndarray,
        need_cat: npt.ArrayLike,
        listing_cat: npt.ArrayLike,
        title_sim: np.ndarray,
        cond: npt.ArrayLike,
        min_cond: npt.ArrayLike,
        avail: npt.ArrayLike,
        wanted: npt.ArrayLike,
        priority: npt.ArrayLike,
        needed_by: npt.ArrayLike,
        tier: npt.ArrayLike,
        received: npt.ArrayLike,
        today: int,
    ) -> np.ndarray:
        values = np.empty((7, len(d)))
        values[0] = near
        values[1] = self.taxonomy.fit(need_cat, listing_cat)
        values[2] = title_sim
        values[3] = F.condition(cond, min_cond)
        values[4] = F.at_least(avail, wanted)
        values[5] = F.urgency(priority, needed_by, today)
        values[6] = F.equity(tier, received)
        return values

    def _exclusions(self, need: Need, listing: Listing, alive: bool) -> list[Exclusion]:
        out = []
        if not alive:
            out.append(Exclusion(ExclusionCode.NOT_VISIBLE, "closed, hidden or removed"))
        if need.quantity <= 0 or listing.quantity <= 0:
            out.append(Exclusion(ExclusionCode.NO_QUANTITY, "nothing left to give or to receive"))
        if listing.condition < need.min_condition:
            given, minimum = Condition(listing.condition).name, Condition(need.min_condition).name
            out.append(
                Exclusion(ExclusionCode.CONDITION_BELOW_MINIMUM, f"condition {given} below the minimum {minimum}")
            )
        unfit = self.taxonomy.exclusion(_cat(need.category_id), _cat(listing.category_id))
        if unfit is not None:
            out.append(Exclusion(*unfit))
        d = distance_km(need.lat, need.lon, listing.lat, listing.lon)
        reach = float(pair_reach(need.radius_km, int(listing.fulfillment), listing.radius_km))
        if d > reach:
            out.append(
                Exclusion(
                    ExclusionCode.OUTSIDE_RADIUS,
                    f"{km(d)} away, beyond the reach of {km(reach)} (need radius {km(need.radius_km)}, "
                    f"fulfillment {_ways(listing.fulfillment)}, delivery radius {km(listing.radius_km)})",
                )
            )
        return out

    def _details(self, need: Need, listing: Listing, values: np.ndarray, d: float) -> Details:
        due = f", needed by {fmt_day(need.needed_by.toordinal())}" if need.needed_by else ""
        tier = SchoolTier(need.school_tier).name if need.school_tier else "unknown"
        received = need.school_received
        return Details(
            (
                _route(d, need, listing),
                self.taxonomy.describe(_cat(need.category_id), _cat(listing.category_id)),
                f"titles {values[2]:.0%} similar",
                f"{Condition(listing.condition).name}, minimum {Condition(need.min_condition).name}",
                f"{listing.quantity} available for {need.quantity} needed",
                f"priority {Priority(need.priority).name}{due}",
                f"school tier {tier}, {received} donation{'' if received == 1 else 's'} received so far",
            )
        )


class NeedToListings(_Donations[Need, ListingPool]):
    """Listings for a school's need (ListingPool)."""

    weights_type = NeedListingWeights

    def prepare(self, need: Need, today: int) -> tuple[Need, int]:
        return need, today

    def query_point(self, q: tuple[Need, int]) -> tuple[float, float]:
        return q[0].lat, q[0].lon

    def search_radius(self, q: tuple[Need, int], max_reach_km: float) -> float:
        return max(q[0].radius_km, max_reach_km)

    def score_block(self, q: tuple[Need, int], pool: ListingPool, lo: int, hi: int, alive: np.ndarray) -> Block | None:
        need, today = q
        sl = slice(lo, hi)
        ok = alive[sl] & (pool.quantity[sl] > 0) & (pool.condition[sl] >= need.min_condition)
        ok &= self.taxonomy.fit(_cat(need.category_id), pool.category_ids[sl]) > 0
        pos = np.flatnonzero(ok) + lo
        d = haversine_km(need.lat, need.lon, pool.lat[pos], pool.lon[pos])
        reach = pair_reach(need.radius_km, pool.fulfillment[pos], pool.radius_km[pos])
        inside = d <= reach
        pos, d = pos[inside], d[inside]
        if len(pos) == 0 or need.quantity <= 0:
            return None
        values = self._values(
            d,
            closeness(d, need.radius_km, pool.fulfillment[pos], pool.radius_km[pos]),
            _cat(need.category_id),
            pool.category_ids[pos],
            F.title_similarity(need.title, pool.titles[pos]),
            pool.condition[pos],
            int(need.min_condition),
            pool.quantity[pos],
            need.quantity,
            int(need.priority),
            _day(need.needed_by),
            int(need.school_tier or 0),
            need.school_received,
            today,
        )
        return Block(pos, values, d)

    def exclusions(self, q: tuple[Need, int], pool: ListingPool, pos: int, alive: bool) -> list[Exclusion]:
        return self._exclusions(q[0], listing_row(pool, pos), alive)

    def describe(self, q: tuple[Need, int], pool: ListingPool, pos: int, values: np.ndarray, d: float) -> Details:
        return self._details(q[0], listing_row(pool, pos), values, d)


class ListingToNeeds(_Donations[Listing, NeedPool]):
    """Needs for a donor's listing (NeedPool)."""

    weights_type = ListingNeedWeights

    def prepare(self, listing: Listing, today: int) -> tuple[Listing, int]:
        return listing, today

    def query_point(self, q: tuple[Listing, int]) -> tuple[float, float]:
        return q[0].lat, q[0].lon

    def search_radius(self, q: tuple[Listing, int], max_reach_km: float) -> float:
        listing = q[0]
        own = float(listing_reach(int(listing.fulfillment), listing.radius_km))
        return max(own, max_reach_km)

    def score_block(self, q: tuple[Listing, int], pool: NeedPool, lo: int, hi: int, alive: np.ndarray) -> Block | None:
        listing, today = q
        sl = slice(lo, hi)
        ok = alive[sl] & (pool.quantity[sl] > 0) & (pool.min_condition[sl] <= listing.condition)
        ok &= self.taxonomy.fit(pool.category_ids[sl], _cat(listing.category_id)) > 0
        pos = np.flatnonzero(ok) + lo
        d = haversine_km(listing.lat, listing.lon, pool.lat[pos], pool.lon[pos])
        reach = pair_reach(pool.radius_km[pos], int(listing.fulfillment), listing.radius_km)
        inside = d <= reach
        pos, d = pos[inside], d[inside]
        if len(pos) == 0 or listing.quantity <= 0:
            return None
        values = self._values(
            d,
            closeness(d, pool.radius_km[pos], int(listing.fulfillment), listing.radius_km),
            pool.category_ids[pos],
            _cat(listing.category_id),
            F.title_similarity(listing.title, pool.titles[pos]),
            int(listing.condition),
            pool.min_condition[pos],
            listing.quantity,
            pool.quantity[pos],
            pool.priority[pos],
            pool.needed_by[pos],
            pool.school_tier[pos],
            pool.school_received[pos],
            today,
        )
        return Block(pos, values, d)

    def exclusions(self, q: tuple[Listing, int], pool: NeedPool, pos: int, alive: bool) -> list[Exclusion]:
        return self._exclusions(need_row(pool, pos), q[0], alive)

    def describe(self, q: tuple[Listing, int], pool: NeedPool, pos: int, values: np.ndarray, d: float) -> Details:
        return self._details(need_row(pool, pos), q[0], values, d)


def _day(value: date | None) -> int:
    return value.toordinal() if value else 0


def _ways(flags: int) -> str:
    return "+".join((f.name or "").lower() for f in Fulfillment if f & int(flags)) or "none"


def _route(d: float, need: Need, listing: Listing) -> str:
    """Which offered way gives the distance its value, and the others offered."""
    flags = int(listing.fulfillment)
    near = float(closeness(np.array([d]), need.radius_km, flags, listing.radius_km)[0])
    local = bool(flags & int(Fulfillment.PICKUP | Fulfillment.TOW)) or flags == 0
    delivered = max(need.radius_km, listing.radius_km)
    if local and d <= need.radius_km and near == float(F.within(d, need.radius_km)):
        how = f"pickup within {km(need.radius_km)}"
    elif flags & int(Fulfillment.DELIVERY) and d <= delivered and near == float(F.within(d, delivered)):
        how = f"delivered within {km(delivered)}"
    else:
        how = "shipped"
    return f"{km(d)} away, {how} (offers {_ways(flags)})"


def listing_row(pool: ListingPool, pos: int) -> Listing:
    return Listing(
        id=int(pool.ids[pos]),
        donor_id=int(pool.donor_ids[pos]),
        lat=float(pool.lat[pos]),
        lon=float(pool.lon[pos]),
        radius_km=float(pool.radius_km[pos]),
        fulfillment=Fulfillment(int(pool.fulfillment[pos])),
        category_id=int(pool.category_ids[pos]),
        title=str(pool.titles[pos]),
        condition=Condition(int(pool.condition[pos])),
        quantity=int(pool.quantity[pos]),
        visible=bool(pool.visible[pos]),
    )


def need_row(pool: NeedPool, pos: int) -> Need:
    by = int(pool.needed_by[pos])
    return Need(
        id=int(pool.ids[pos]),
        school_id=int(pool.school_ids[pos]),
        lat=float(pool.lat[pos]),
        lon=float(pool.lon[pos]),
        radius_km=float(pool.radius_km[pos]),
        category_id=int(pool.category_ids[pos]),
        title=str(pool.titles[pos]),
        min_condition=Condition(int(pool.min_condition[pos])),
        quantity=int(pool.quantity[pos]),
        priority=Priority(int(pool.priority[pos])),
        needed_by=date.fromordinal(by) if by else None,
        school_tier=SchoolTier(int(pool.school_tier[pos])) if pool.school_tier[pos] else None,
        school_received=int(pool.school_received[pos]),
        visible=bool(pool.visible[pos]),
    )
