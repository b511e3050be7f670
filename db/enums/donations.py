"""Closed sets of the donation exchange, stored as text; the API exposes each as a GraphQL enum."""

from __future__ import annotations

from enum import Enum


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


class ServiceOfferStatus(str, Enum):
    """A shop's offer to deliver a school's service need: offered, confirmed by the school, then completed."""

    OFFERED = "OFFERED"
    CONFIRMED = "CONFIRMED"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"
