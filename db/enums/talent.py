"""Closed sets of the talent exchange, stored as text; the API exposes each as a GraphQL enum."""

from __future__ import annotations

from enum import Enum


class Availability(str, Enum):
    INTERNSHIP = "INTERNSHIP"
    APPRENTICESHIP = "APPRENTICESHIP"
    PART_TIME = "PART_TIME"
    FULL_TIME = "FULL_TIME"
    JOB_SHADOW = "JOB_SHADOW"


class RoleType(str, Enum):
    TECHNICIAN = "TECHNICIAN"
    APPRENTICE = "APPRENTICE"
    INTERN = "INTERN"
    ESTIMATOR = "ESTIMATOR"
    REFINISH_TECHNICIAN = "REFINISH_TECHNICIAN"
    DETAILER = "DETAILER"
    PARTS = "PARTS"
    OTHER = "OTHER"


class PayUnit(str, Enum):
    HOUR = "HOUR"
    YEAR = "YEAR"


class PayBasis(str, Enum):
    HOURLY = "HOURLY"
    SALARY = "SALARY"
    FLAT_RATE = "FLAT_RATE"


class Benefit(str, Enum):
    TOOL_ALLOWANCE = "TOOL_ALLOWANCE"
    PAID_TRAINING = "PAID_TRAINING"
    CERTIFICATION_REIMBURSEMENT = "CERTIFICATION_REIMBURSEMENT"
    TUITION_ASSISTANCE = "TUITION_ASSISTANCE"
    HEALTH = "HEALTH"
    DENTAL = "DENTAL"
    VISION = "VISION"
    PTO = "PTO"
    RETIREMENT = "RETIREMENT"
    UNIFORMS = "UNIFORMS"
    SIGN_ON_BONUS = "SIGN_ON_BONUS"


class PostingStatus(str, Enum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"
    FILLED = "FILLED"  # every opening has a hire


class ApplicationStatus(str, Enum):
    APPLIED = "APPLIED"
    REVIEWING = "REVIEWING"
    INTERVIEW = "INTERVIEW"
    OFFERED = "OFFERED"
    HIRED = "HIRED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


class InvitationStatus(str, Enum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"


class MentorshipStatus(str, Enum):
    REQUESTED = "REQUESTED"
    ACTIVE = "ACTIVE"
    DECLINED = "DECLINED"
    CANCELLED = "CANCELLED"
    ENDED = "ENDED"


class CredentialStatus(str, Enum):
    VALID = "VALID"
    EXPIRING = "EXPIRING"
    EXPIRED = "EXPIRED"
