"""Enums and small inputs shared by several domains."""

from __future__ import annotations

import strawberry

from core.locations import Circle, search_circle
from db import enums
from schema.enum_type import enum_type

OrganizationKind = enum_type(
    enums.OrganizationKind,
    description="What an organization does here; one organization may have several kinds.",
    values={
        "SCHOOL": "Trains technicians (high school CTE, community college, technical school); posts needs.",
        "DONOR": "Gives equipment, tools, parts, vehicles or services (shops, dealers, insurers, makers).",
        "EMPLOYER": "Hires technicians; posts jobs, invites students, may mentor.",
    },
)
Program = enum_type(
    enums.Program,
    description="A training program or trade.",
    values={
        "COLLISION": "Collision repair: structural and non-structural body repair.",
        "AUTOMOTIVE": "Automotive service: maintenance, diagnosis and repair of light vehicles.",
        "DIESEL": "Diesel and medium/heavy truck technology.",
        "REFINISH": "Paint and refinish: surface preparation, mixing, spraying.",
        "ESTIMATING": "Damage appraisal and repair estimating.",
        "EV_HYBRID": "Electric and hybrid vehicles, high-voltage safety.",
        "HEAVY_EQUIPMENT": "Heavy and agricultural equipment.",
        "MOTORCYCLE": "Motorcycle and powersports.",
    },
)
SchoolTier = enum_type(
    enums.SchoolTier,
    name="SchoolTier",
    description="CREF program tier, from instruction hours, curriculum and tools and equipment.",
    values={
        "ADVANCED": "Tier 1: an advanced program.",
        "PROFICIENT": "Tier 2: a proficient program.",
        "DEVELOPING": "Tier 3: a developing program, first in line for equity boosts in matching.",
    },
)

TaxStatus = enum_type(
    enums.TaxStatus,
    name="TaxStatus",
    description="Why gifts to an organization are tax-deductible for a US donor; printed on its receipts.",
    values={
        "PUBLIC_SCHOOL": "A public school or college: a governmental unit under section 170(c)(1) of the "
        "Internal Revenue Code.",
        "NONPROFIT_501C3": "A charitable organization exempt under section 501(c)(3) (deductible under 170(c)(2)).",
        "OTHER": "Another status; donors should ask their tax adviser.",
    },
)


@strawberry.input(description="A search circle around a US ZIP code or a point.")
class NearInput:
    postal_code: str | None = strawberry.field(
        default=None, description="A 5-digit US ZIP code; its centroid is the centre. Give this or both coordinates."
    )
    latitude: float | None = strawberry.field(default=None, description="Centre latitude in degrees (-90..90).")
    longitude: float | None = strawberry.field(default=None, description="Centre longitude in degrees (-180..180).")
    radius_km: float = strawberry.field(default=50.0, description="Radius in kilometres (great-circle), above 0.")

    def circle(self) -> Circle:
        return search_circle(self.postal_code, self.latitude, self.longitude, self.radius_km)


@strawberry.type(description="A point on the map.")
class GeoPoint:
    latitude: float = strawberry.field(description="Latitude in degrees (WGS 84).")
    longitude: float = strawberry.field(description="Longitude in degrees (WGS 84).")

    @classmethod
    def of(cls, latitude: float | None, longitude: float | None) -> GeoPoint | None:
        """A row's optional coordinates, which are written together; None when the row has no location."""
        return None if latitude is None or longitude is None else cls(latitude=latitude, longitude=longitude)


def given(input_object) -> dict:
    """The fields a client actually sent (UNSET ones left out), for partial updates."""
    return {
        name: value
        for name, value in vars(input_object).items()
        if value is not strawberry.UNSET and not name.startswith("_")
    }
