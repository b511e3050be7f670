"""Every closed set the database stores, defined once in its domain's module and gathered here."""

from __future__ import annotations

from enum import Enum

from db.enums.accounts import OrganizationKind, Program, SchoolTier, TaxStatus
from db.enums.donations import (
    DonationStatus,
    FulfillmentMethod,
    ItemCondition,
    ListingStatus,
    NeedPriority,
    NeedStatus,
    ServiceOfferStatus,
)
from db.enums.pathways import Audience, EnrollmentStatus, ScholarshipApplicationStatus, ScholarshipKind
from db.enums.talent import (
    ApplicationStatus,
    Availability,
    Benefit,
    CredentialStatus,
    InvitationStatus,
    MentorshipStatus,
    PayBasis,
    PayUnit,
    PostingStatus,
    RoleType,
)
from db.enums.workforce import (
    PlanStepKind,
    RequirementKind,
    SafetyTraining,
    TaskKind,
    TaskStatus,
    TechnicianInvitationStatus,
    TechnicianRole,
    TechnicianStatus,
)

__all__ = [
    "ApplicationStatus",
    "Audience",
    "Availability",
    "Benefit",
    "CredentialStatus",
    "DonationStatus",
    "EnrollmentStatus",
    "FulfillmentMethod",
    "InvitationStatus",
    "ItemCondition",
    "ListingStatus",
    "MentorshipStatus",
    "NeedPriority",
    "NeedStatus",
    "OrganizationKind",
    "PayBasis",
    "PayUnit",
    "PlanStepKind",
    "PostingStatus",
    "Program",
    "RequirementKind",
    "RoleType",
    "SafetyTraining",
    "ScholarshipApplicationStatus",
    "ScholarshipKind",
    "SchoolTier",
    "ServiceOfferStatus",
    "TaskKind",
    "TaskStatus",
    "TaxStatus",
    "TechnicianInvitationStatus",
    "TechnicianRole",
    "TechnicianStatus",
    "sql_in",
]


def sql_in(enum: type[Enum]) -> str:
    """`'A', 'B', ...` for CHECK constraints that keep a text column inside its enum."""
    return ", ".join(f"'{member.value}'" for member in enum)
