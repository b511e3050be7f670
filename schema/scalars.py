"""Enums and small inputs shared by several domains."""

from __future__ import annotations

import strawberry

from core.locations import Circle, search_circle
from db import enums

OrganizationKind = strawberry.enum(enums.OrganizationKind, description="What an organization does here.")
Program = strawberry.enum(enums.Program, description="A training program or trade.")
SchoolTier = strawberry.enum(enums.SchoolTier, description="CREF program tier: Advanced, Proficient, Developing.")


@strawberry.input(description="A search circle around a US ZIP code or a point.")
class NearInput:
    postal_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float = 50.0

    def circle(self) -> Circle:
        return search_circle(self.postal_code, self.latitude, self.longitude, self.radius_km)


@strawberry.type(description="A point on the map.")
class GeoPoint:
    latitude: float
    longitude: float


def given(input_object) -> dict:
    """The fields a client actually sent (UNSET ones left out), for partial updates."""
    return {
        name: value
        for name, value in vars(input_object).items()
        if value is not strawberry.UNSET and not name.startswith("_")
    }
