"""Business errors: resolvers raise them, the schema layer turns them into `userErrors`."""

from __future__ import annotations

import math
from enum import Enum


class ErrorCode(str, Enum):
    # common
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    NOT_FOUND = "NOT_FOUND"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    RATE_LIMITED = "RATE_LIMITED"
    DUPLICATE = "DUPLICATE"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    INVALID_CHARACTERS = "INVALID_CHARACTERS"
    TIMEOUT = "TIMEOUT"
    # accounts
    EMAIL_TAKEN = "EMAIL_TAKEN"
    INVALID_EMAIL = "INVALID_EMAIL"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_TOO_LONG = "PASSWORD_TOO_LONG"
    PASSWORD_TOO_COMMON = "PASSWORD_TOO_COMMON"
    PASSWORD_TOO_SIMPLE = "PASSWORD_TOO_SIMPLE"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_TOKEN = "INVALID_TOKEN"
    # organizations and apps
    UNKNOWN_POSTAL_CODE = "UNKNOWN_POSTAL_CODE"
    INVALID_COORDINATES = "INVALID_COORDINATES"
    LAST_OWNER = "LAST_OWNER"
    ALREADY_MEMBER = "ALREADY_MEMBER"
    INVALID_SCOPE = "INVALID_SCOPE"
    INVALID_TAX_ID = "INVALID_TAX_ID"
    # talent exchange
    UNKNOWN_CREDENTIAL = "UNKNOWN_CREDENTIAL"
    EARNED_IN_FUTURE = "EARNED_IN_FUTURE"
    EXPIRES_BEFORE_EARNED = "EXPIRES_BEFORE_EARNED"
    PROFILE_REQUIRED = "PROFILE_REQUIRED"
    NOT_A_SCHOOL = "NOT_A_SCHOOL"
    NOT_AN_EMPLOYER = "NOT_AN_EMPLOYER"
    PAY_REQUIRED = "PAY_REQUIRED"
    PAY_MIN_ABOVE_MAX = "PAY_MIN_ABOVE_MAX"
    PAY_BASIS_MISMATCH = "PAY_BASIS_MISMATCH"
    POSTING_CLOSED = "POSTING_CLOSED"
    NO_OPENINGS_LEFT = "NO_OPENINGS_LEFT"
    OPENINGS_BELOW_HIRES = "OPENINGS_BELOW_HIRES"
    ALREADY_APPLIED = "ALREADY_APPLIED"
    ALREADY_INVITED = "ALREADY_INVITED"
    CAPACITY_REACHED = "CAPACITY_REACHED"
    CAPACITY_BELOW_ACTIVE = "CAPACITY_BELOW_ACTIVE"
    INSUFFICIENT_DATA = "INSUFFICIENT_DATA"
    # pathways: training, scholarships, career content
    WRONG_ORGANIZATION_KIND = "WRONG_ORGANIZATION_KIND"
    UNKNOWN_AREA = "UNKNOWN_AREA"
    ALREADY_ENROLLED = "ALREADY_ENROLLED"
    NOT_ENROLLED = "NOT_ENROLLED"
    MODULE_NOT_IN_PROGRAM = "MODULE_NOT_IN_PROGRAM"
    ALREADY_COMPLETED = "ALREADY_COMPLETED"
    NO_STUDENT_PROFILE = "NO_STUDENT_PROFILE"
    INELIGIBLE = "INELIGIBLE"
    NOT_OPEN = "NOT_OPEN"
    CLOSED = "CLOSED"
    AWARDS_EXHAUSTED = "AWARDS_EXHAUSTED"
    MENTORSHIP_NOT_ACTIVE = "MENTORSHIP_NOT_ACTIVE"
    UNSAFE_CONTENT = "UNSAFE_CONTENT"
    # donations
    UNKNOWN_CATEGORY = "UNKNOWN_CATEGORY"
    INVALID_CURRENCY = "INVALID_CURRENCY"
    INSUFFICIENT_QUANTITY = "INSUFFICIENT_QUANTITY"
    LISTING_UNAVAILABLE = "LISTING_UNAVAILABLE"
    LISTING_EXPIRED = "LISTING_EXPIRED"
    NEED_NOT_OPEN = "NEED_NOT_OPEN"
    EXCEEDS_NEED = "EXCEEDS_NEED"
    OWN_LISTING = "OWN_LISTING"
    NOT_A_SERVICE = "NOT_A_SERVICE"
    HAS_RESERVATIONS = "HAS_RESERVATIONS"
    NOT_A_TOOL_GRANT = "NOT_A_TOOL_GRANT"
    GRANT_NOT_AWARDED = "GRANT_NOT_AWARDED"
    GRANT_ALREADY_FULFILLED = "GRANT_ALREADY_FULFILLED"
    GRANT_DELIVERY_OPEN = "GRANT_DELIVERY_OPEN"
    NOT_THE_SPONSORS_LISTING = "NOT_THE_SPONSORS_LISTING"
    SERVICE_ALREADY_BOOKED = "SERVICE_ALREADY_BOOKED"
    ALREADY_OFFERED = "ALREADY_OFFERED"
    # matching
    INVALID_WEIGHTS = "INVALID_WEIGHTS"
    # events
    TARGET_NOT_ALLOWED = "TARGET_NOT_ALLOWED"
    APP_TOKEN_REQUIRED = "APP_TOKEN_REQUIRED"
    NOT_A_SUBSTITUTE = "NOT_A_SUBSTITUTE"
    CONDITION_BELOW_MINIMUM = "CONDITION_BELOW_MINIMUM"
    OUT_OF_REACH = "OUT_OF_REACH"
    PLAN_ALREADY_APPLIED = "PLAN_ALREADY_APPLIED"
    # workforce
    NOT_HIRED = "NOT_HIRED"
    ALREADY_ON_TEAM = "ALREADY_ON_TEAM"
    LEVEL_ALREADY_REACHED = "LEVEL_ALREADY_REACHED"
    SAFETY_TRAINING_LAPSED = "SAFETY_TRAINING_LAPSED"
    # partner integration kit: trusted documents, bulk imports
    INVALID_DOCUMENT = "INVALID_DOCUMENT"
    INVALID_FILE = "INVALID_FILE"
    INVALID_ROWS = "INVALID_ROWS"
    # messages
    BLOCKED = "BLOCKED"
    # media: photos
    INVALID_IMAGE = "INVALID_IMAGE"
    IMAGE_TOO_LARGE = "IMAGE_TOO_LARGE"
    PHOTO_LIMIT_REACHED = "PHOTO_LIMIT_REACHED"


class DomainError(Exception):
    """A failure the caller can act on: a code, the input field it concerns, and a message."""

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        field: str | list[str] | None = None,
        *,
        retry_after_seconds: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = [field] if isinstance(field, str) else field
        self.retry_after_seconds = retry_after_seconds


class DomainErrors(Exception):
    """Several input problems reported together, so a form can show them all at once."""

    def __init__(self, errors: list[DomainError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


def not_found(what: str, field: str | None = "id") -> DomainError:
    return DomainError(ErrorCode.NOT_FOUND, f"{what} not found.", field)


def rate_limited(retry_after_seconds: float) -> DomainError:
    wait = max(1, math.ceil(retry_after_seconds))
    return DomainError(
        ErrorCode.RATE_LIMITED, f"Too many attempts; try again in {wait} seconds.", retry_after_seconds=wait
    )


def permission_denied(message: str = "You do not have permission to do this.") -> DomainError:
    return DomainError(ErrorCode.PERMISSION_DENIED, message)
