"""Plain rows the engine understands: one dataclass per entity, used both as a query and as
the input of a pool's `from_rows`. Skills, credentials and categories are ids; the caller maps
names to ids (see `matching.vocabulary`) and ids back to names.

Programs and availability are small closed sets of ids below 64 (e.g. program 0 = collision,
slot 3 = weekday evenings); the caller owns those numberings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum, IntFlag


class Condition(IntEnum):
    """Ordinal: a higher value is better condition."""

    FOR_PARTS = 0
    FAIR = 1
    GOOD = 2
    LIKE_NEW = 3
    NEW = 4


class Priority(IntEnum):
    LOW = 0
    MEDIUM = 1
    HIGH = 2
    CRITICAL = 3


class SchoolTier(IntEnum):
    """CREF benchmark tiers: 1 Advanced, 2 Proficient, 3 Developing."""

    ADVANCED = 1
    PROFICIENT = 2
    DEVELOPING = 3


class Fulfillment(IntFlag):
    """How a donation can reach a school; a listing may offer several."""

    PICKUP = 1  # the school travels: the need's radius applies
    DELIVERY = 2  # the donor drives it: the listing's radius may extend the reach
    SHIP = 4  # carrier: no distance limit, nearer is only mildly preferred
    TOW = 8  # towing partner, local like a pickup


@dataclass(frozen=True)
class HeldCredential:
    credential_id: int
    expires_on: date | None = None  # None: does not expire


@dataclass(frozen=True)
class Student:
    id: int
    lat: float
    lon: float
    travel_radius_km: float = 50.0
    remote_ok: bool = False  # open to remote work or relocation: lifts the travel radius cap
    skills: tuple[int, ...] = ()
    wanted_skills: tuple[int, ...] = ()  # what a mentee wants to learn
    credentials: tuple[HeldCredential, ...] = ()
    programs: tuple[int, ...] = ()
    # programs related to the student's (the caller's trade relations); read only when the student
    # is the query (their jobs, their mentors), never stored in a pool
    related_programs: tuple[int, ...] = ()
    availability: tuple[int, ...] = ()
    years_experience: float = 0.0
    desired_pay_cents: int = 0  # hourly; 0 = no preference
    available_from: date | None = None  # None: available now
    last_active: date | None = None
    visible: bool = True
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Job:
    id: int
    lat: float
    lon: float
    radius_km: float = 50.0
    remote_ok: bool = False  # the work can be done remotely: distance never excludes
    preferred_skills: tuple[int, ...] = ()
    required_credentials: tuple[int, ...] = ()
    preferred_credentials: tuple[int, ...] = ()
    programs: tuple[int, ...] = ()  # the trades the posting hires from: any one of them fits
    related_programs: tuple[int, ...] = ()  # related trades (partial fit); read when the job is the query
    schedule: tuple[int, ...] = ()  # availability slots the job needs
    min_years: float = 0.0
    pay_cents: int = 0  # hourly; 0 = not stated
    start_date: date | None = None  # credentials must be valid on this day (None: today)
    posted_on: date | None = None
    visible: bool = True
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Mentor:
    id: int
    lat: float
    lon: float
    radius_km: float = 50.0
    remote_ok: bool = False
    specialties: tuple[int, ...] = ()  # skill ids
    programs: tuple[int, ...] = ()  # the trades the mentor works in
    capacity_left: int = 1
    years_experience: float = 0.0
    last_active: date | None = None
    visible: bool = True
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Need:
    id: int
    school_id: int
    lat: float
    lon: float
    radius_km: float = 80.0
    category_id: int | None = None
    title: str = ""
    min_condition: Condition = Condition.FAIR
    quantity: int = 1  # still open
    priority: Priority = Priority.MEDIUM
    needed_by: date | None = None
    school_tier: SchoolTier | None = None
    school_received: int = 0  # donations the school has received so far (equity), as its impact counts them
    visible: bool = True  # open and published
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Listing:
    id: int
    donor_id: int
    lat: float
    lon: float
    radius_km: float = 0.0  # how far the donor delivers (DELIVERY)
    fulfillment: Fulfillment = Fulfillment.PICKUP
    category_id: int | None = None
    title: str = ""
    condition: Condition = Condition.GOOD
    quantity: int = 1  # still available
    visible: bool = True  # available and published
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Removed:
    """A change row saying the entity is gone (deleted, or no longer matchable)."""

    id: int
    updated_at: datetime | None = None


Row = Student | Job | Mentor | Need | Listing
