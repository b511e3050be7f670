"""Every table, imported here so the metadata is complete for Alembic and the tests."""

from db.base import Base
from db.models.accounts.organizations import Invitation, Membership, Organization
from db.models.accounts.users import AppToken, User
from db.models.donations.categories import Category
from db.models.donations.donations import Donation, DonationEvent, DonationReceipt, Listing, Need, ReceiptCounter
from db.models.partners.bulk_imports import BulkImport
from db.models.partners.idempotency_keys import IdempotencyKey
from db.models.partners.persisted_documents import PersistedDocument
from db.models.pathways.scholarships import Scholarship, ScholarshipApplication
from db.models.pathways.stories import Story, StoryAudience, StoryTag
from db.models.pathways.training import (
    AcademyArea,
    AcademyModule,
    AreaBadgeAward,
    Enrollment,
    ModuleCompletion,
    TrainingProgram,
    TrainingProgramArea,
)
from db.models.platform.rate_buckets import RateBucket
from db.models.talent.jobs import Application, ApplicationEvent, JobInvitation, JobPosting, JobRequiredCredential
from db.models.talent.mentorship import MentorProfile, Mentorship
from db.models.talent.pay import PayReport
from db.models.talent.students import Credential, Skill, StudentCredential, StudentProfile

__all__ = [
    "AcademyArea",
    "AcademyModule",
    "AppToken",
    "Application",
    "ApplicationEvent",
    "AreaBadgeAward",
    "Base",
    "BulkImport",
    "Category",
    "Credential",
    "Donation",
    "DonationEvent",
    "DonationReceipt",
    "Enrollment",
    "IdempotencyKey",
    "Invitation",
    "JobInvitation",
    "JobPosting",
    "JobRequiredCredential",
    "Listing",
    "Membership",
    "MentorProfile",
    "Mentorship",
    "ModuleCompletion",
    "Need",
    "Organization",
    "PayReport",
    "PersistedDocument",
    "RateBucket",
    "ReceiptCounter",
    "Scholarship",
    "ScholarshipApplication",
    "Skill",
    "Story",
    "StoryAudience",
    "StoryTag",
    "StudentCredential",
    "StudentProfile",
    "TrainingProgram",
    "TrainingProgramArea",
    "User",
]
