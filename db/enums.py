"""Closed sets stored as text; the API exposes each as a GraphQL enum."""
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


class ItemCondition(str, Enum):
    """Best first: a filter `condition: GOOD` means GOOD or better."""

    NEW = "NEW"
    LIKE_NEW = "LIKE_NEW"
    GOOD = "GOOD"
    FAIR = "FAIR"
    FOR_PARTS = "FOR_PARTS"

    def at_least(self) -> list[str]:
        members = list(type(self))
        return [c.value for c in members[: members.index(self) + 1]]


class FulfillmentMethod(str, Enum):
    PICKUP = "PICKUP"
    SHIP = "SHIP"
    DELIVERY = "DELIVERY"
    TOW = "TOW"

    @property
    def bit(self) -> int:
        return 1 << list(type(self)).index(self)


class NeedPriority(str, Enum):
    """Least urgent first."""

    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    CRITICAL = "CRITICAL"


class ListingStatus(str, Enum):
    AVAILABLE = "AVAILABLE"
    RESERVED = "RESERVED"
    DONATED = "DONATED"
    WITHDRAWN = "WITHDRAWN"
    EXPIRED = "EXPIRED"


class NeedStatus(str, Enum):
    OPEN = "OPEN"
    FULFILLED = "FULFILLED"
    CLOSED = "CLOSED"


class DonationStatus(str, Enum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    DECLINED = "DECLINED"
    SHIPPED = "SHIPPED"
    RECEIVED = "RECEIVED"
    CANCELLED = "CANCELLED"


# --- Pathways: training, scholarships, career content ---
class EnrollmentStatus(str, Enum):
    ACTIVE = "ACTIVE"
    WITHDRAWN = "WITHDRAWN"


class ScholarshipKind(str, Enum):
    SCHOLARSHIP = "SCHOLARSHIP"
    TOOL_GRANT = "TOOL_GRANT"


class ScholarshipApplicationStatus(str, Enum):
    SUBMITTED = "SUBMITTED"
    AWARDED = "AWARDED"
    DECLINED = "DECLINED"


class Audience(str, Enum):
    STUDENTS = "STUDENTS"
    PARENTS = "PARENTS"
    EDUCATORS = "EDUCATORS"
    EMPLOYERS = "EMPLOYERS"
