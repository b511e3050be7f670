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


class TaxStatus(str, Enum):
    """Why gifts to an organization are deductible (IRS Publication 526's qualified organizations)."""

    PUBLIC_SCHOOL = "PUBLIC_SCHOOL"  # a governmental unit, section 170(c)(1)
    NONPROFIT_501C3 = "NONPROFIT_501C3"  # section 501(c)(3), 170(c)(2)
    OTHER = "OTHER"


class AccountTokenPurpose(str, Enum):
    """What an emailed single-use token proves."""

    VERIFY_EMAIL = "VERIFY_EMAIL"
    RESET_PASSWORD = "RESET_PASSWORD"  # noqa: S105 - a purpose, not a password


class SessionEnd(str, Enum):
    """Why a sign-in session ended (kept for the person's export and for audits)."""

    SIGNED_OUT = "SIGNED_OUT"
    SIGNED_OUT_EVERYWHERE = "SIGNED_OUT_EVERYWHERE"
    REFRESH_REUSED = "REFRESH_REUSED"
    PASSWORD_CHANGED = "PASSWORD_CHANGED"  # noqa: S105 - a reason, not a password
    PASSWORD_RESET = "PASSWORD_RESET"  # noqa: S105 - a reason, not a password
