"""Closed sets of accounts and organizations, stored as text; the API exposes each as a GraphQL enum."""

from __future__ import annotations

from enum import Enum


class OrganizationKind(str, Enum):
    SCHOOL = "SCHOOL"
    DONOR = "DONOR"
    EMPLOYER = "EMPLOYER"


class Program(str, Enum):
    COLLISION = "COLLISION"
    AUTOMOTIVE = "AUTOMOTIVE"
    DIESEL = "DIESEL"
    REFINISH = "REFINISH"
    ESTIMATING = "ESTIMATING"
    EV_HYBRID = "EV_HYBRID"
    HEAVY_EQUIPMENT = "HEAVY_EQUIPMENT"
    MOTORCYCLE = "MOTORCYCLE"


class SchoolTier(str, Enum):
    """CREF's program tiers: 1 Advanced, 2 Proficient, 3 Developing."""

    ADVANCED = "ADVANCED"
    PROFICIENT = "PROFICIENT"
    DEVELOPING = "DEVELOPING"
