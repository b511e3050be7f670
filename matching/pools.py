"""Columnar candidate pools: one numpy array per field, one row per entity.

Build them with `XPool.from_rows(rows)` from the dataclasses in `matching.records`, or directly
from arrays (the synthetic generators do, for a million rows). Row order is free; the
`CandidateIndex` reorders rows by grid cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from . import bitsets
from .columns import NEVER, Columnar, HeldCredentials, day, titles
from .records import Fulfillment, Job, Listing, Mentor, Need, Student

_F = np.float64
_U = np.uint64
_I32 = np.int32


def _sets(rows: Sequence[object], attr: str) -> np.ndarray:
    return bitsets.pack([getattr(r, attr) for r in rows])


def _word(rows: Sequence[object], attr: str) -> np.ndarray:
    return np.array([bitsets.single_word(getattr(r, attr), attr) for r in rows], dtype=_U)


def _col(rows: Sequence[object], attr: str, dtype: npt.DTypeLike) -> np.ndarray:
    return np.array([getattr(r, attr) for r in rows], dtype=dtype)


def _days(rows: Sequence[object], attr: str) -> np.ndarray:
    return np.array([day(getattr(r, attr)) for r in rows], dtype=_I32)


def _common(rows: Sequence[object]) -> dict[str, np.ndarray]:
    return {
        "ids": _col(rows, "id", np.int64),
        "lat": _col(rows, "lat", _F),
        "lon": _col(rows, "lon", _F),
        "visible": _col(rows, "visible", bool),
    }


@dataclass(frozen=True, eq=False)
class StudentPool(Columnar[Student]):
    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    visible: np.ndarray
    travel_radius_km: np.ndarray
    remote_ok: np.ndarray
    skills: np.ndarray  # (n, W) bitsets of skill ids
    wanted_skills: np.ndarray  # (n, W)
    credentials: HeldCredentials
    programs: np.ndarray  # uint64 mask
    availability: np.ndarray  # uint64 mask
    years_experience: np.ndarray
    desired_pay_cents: np.ndarray
    available_from: np.ndarray  # day numbers, 0 = now
    last_active: np.ndarray  # day numbers, 0 = unknown

    @classmethod
    def from_rows(cls, rows: Iterable[Student]) -> StudentPool:
        rows = list(rows)
        held = [[(c.credential_id, day(c.expires_on, NEVER)) for c in r.credentials] for r in rows]
        return cls(
            **_common(rows),
            travel_radius_km=_col(rows, "travel_radius_km", _F),
            remote_ok=_col(rows, "remote_ok", bool),
            skills=_sets(rows, "skills"),
            wanted_skills=_sets(rows, "wanted_skills"),
            credentials=HeldCredentials.from_lists(held),
            programs=_word(rows, "programs"),
            availability=_word(rows, "availability"),
            years_experience=_col(rows, "years_experience", _F),
            desired_pay_cents=_col(rows, "desired_pay_cents", np.int64),
            available_from=_days(rows, "available_from"),
            last_active=_days(rows, "last_active"),
        )

    def reach_km(self) -> np.ndarray:
        # a job's radius always caps the pair, so students never need the "anywhere" bucket
        return self.travel_radius_km

    def warm(self) -> None:
        self.credentials.by_credential  # noqa: B018 - build the inverted index before the first query


@dataclass(frozen=True, eq=False)
class JobPool(Columnar[Job]):
    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    visible: np.ndarray
    radius_km: np.ndarray
    remote_ok: np.ndarray
    preferred_skills: np.ndarray  # (n, W)
    required_credentials: np.ndarray  # (n, Wc)
    preferred_credentials: np.ndarray  # (n, Wc)
    programs: np.ndarray
    schedule: np.ndarray
    min_years: np.ndarray
    pay_cents: np.ndarray
    start_day: np.ndarray  # 0 = starts now (the query's day)
    posted_day: np.ndarray

    @classmethod
    def from_rows(cls, rows: Iterable[Job]) -> JobPool:
        rows = list(rows)
        required = [r.required_credentials for r in rows]
        preferred = [r.preferred_credentials for r in rows]
        width = bitsets.words_for(max((max(s) for s in required + preferred if s), default=0))
        return cls(
            **_common(rows),
            radius_km=_col(rows, "radius_km", _F),
            remote_ok=_col(rows, "remote_ok", bool),
            preferred_skills=_sets(rows, "preferred_skills"),
            required_credentials=bitsets.pack(required, width),
            preferred_credentials=bitsets.pack(preferred, width),
            programs=_word(rows, "programs"),
            schedule=_word(rows, "schedule"),
            min_years=_col(rows, "min_years", _F),
            pay_cents=_col(rows, "pay_cents", np.int64),
            start_day=_days(rows, "start_date"),
            posted_day=_days(rows, "posted_on"),
        )

    def reach_km(self) -> np.ndarray:
        return np.where(self.remote_ok, np.inf, self.radius_km)


@dataclass(frozen=True, eq=False)
class MentorPool(Columnar[Mentor]):
    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    visible: np.ndarray
    radius_km: np.ndarray
    remote_ok: np.ndarray
    specialties: np.ndarray  # (n, W) skill bitsets
    programs: np.ndarray  # uint64 mask of the trades the mentor works in
    capacity_left: np.ndarray
    years_experience: np.ndarray
    last_active: np.ndarray

    @classmethod
    def from_rows(cls, rows: Iterable[Mentor]) -> MentorPool:
        rows = list(rows)
        return cls(
            **_common(rows),
            radius_km=_col(rows, "radius_km", _F),
            remote_ok=_col(rows, "remote_ok", bool),
            specialties=_sets(rows, "specialties"),
            programs=_word(rows, "programs"),
            capacity_left=_col(rows, "capacity_left", np.int64),
            years_experience=_col(rows, "years_experience", _F),
            last_active=_days(rows, "last_active"),
        )

    def reach_km(self) -> np.ndarray:
        return np.where(self.remote_ok, np.inf, self.radius_km)


NO_CATEGORY = -1


@dataclass(frozen=True, eq=False)
class NeedPool(Columnar[Need]):
    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    visible: np.ndarray
    school_ids: np.ndarray
    radius_km: np.ndarray
    category_ids: np.ndarray  # -1 = none
    titles: np.ndarray  # object array of str
    min_condition: np.ndarray  # Condition ordinals
    quantity: np.ndarray
    priority: np.ndarray  # Priority ordinals
    needed_by: np.ndarray  # day numbers, 0 = no date
    school_tier: np.ndarray  # SchoolTier values, 0 = unknown
    school_received: np.ndarray

    @classmethod
    def from_rows(cls, rows: Iterable[Need]) -> NeedPool:
        rows = list(rows)
        return cls(
            **_common(rows),
            school_ids=_col(rows, "school_id", np.int64),
            radius_km=_col(rows, "radius_km", _F),
            category_ids=np.array([_category(r.category_id) for r in rows], dtype=np.int64),
            titles=titles([r.title for r in rows]),
            min_condition=_col(rows, "min_condition", np.int8),
            quantity=_col(rows, "quantity", np.int64),
            priority=_col(rows, "priority", np.int8),
            needed_by=_days(rows, "needed_by"),
            school_tier=np.array([int(r.school_tier or 0) for r in rows], dtype=np.int8),
            school_received=_col(rows, "school_received", np.int64),
        )

    def reach_km(self) -> np.ndarray:
        return self.radius_km

    def quantities(self) -> tuple[np.ndarray, np.ndarray]:
        return self.ids, self.quantity


@dataclass(frozen=True, eq=False)
class ListingPool(Columnar[Listing]):
    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    visible: np.ndarray
    donor_ids: np.ndarray
    radius_km: np.ndarray
    fulfillment: np.ndarray  # Fulfillment flags
    category_ids: np.ndarray
    titles: np.ndarray
    condition: np.ndarray
    quantity: np.ndarray

    @classmethod
    def from_rows(cls, rows: Iterable[Listing]) -> ListingPool:
        rows = list(rows)
        return cls(
            **_common(rows),
            donor_ids=_col(rows, "donor_id", np.int64),
            radius_km=_col(rows, "radius_km", _F),
            fulfillment=np.array([int(r.fulfillment) for r in rows], dtype=np.int8),
            category_ids=np.array([_category(r.category_id) for r in rows], dtype=np.int64),
            titles=titles([r.title for r in rows]),
            condition=_col(rows, "condition", np.int8),
            quantity=_col(rows, "quantity", np.int64),
        )

    def reach_km(self) -> np.ndarray:
        return listing_reach(self.fulfillment, self.radius_km)

    def quantities(self) -> tuple[np.ndarray, np.ndarray]:
        return self.ids, self.quantity


def ships(fulfillment: npt.ArrayLike) -> np.ndarray:
    shipped: np.ndarray = (np.asarray(fulfillment) & int(Fulfillment.SHIP)) != 0
    return shipped


def listing_reach(fulfillment: npt.ArrayLike, radius_km: npt.ArrayLike) -> np.ndarray:
    """Shipping reaches anywhere; delivery reaches the donor's radius; pickup and tow add
    nothing to the school's own radius."""
    delivers = (np.asarray(fulfillment) & int(Fulfillment.DELIVERY)) != 0
    reach: np.ndarray = np.where(ships(fulfillment), np.inf, np.where(delivers, radius_km, 0.0))
    return reach


def _category(value: int | None) -> int:
    return NO_CATEGORY if value is None else int(value)


POOL_TYPES = {Student: StudentPool, Job: JobPool, Mentor: MentorPool, Need: NeedPool, Listing: ListingPool}
