"""Every table, imported here so the metadata is complete for Alembic and the tests."""
from db.base import Base
from db.models.account import AppToken, User
from db.models.catalog import Category
from db.models.donations import Donation, DonationEvent, DonationReceipt, Listing, Need, ReceiptCounter
from db.models.organization import Invitation, Membership, Organization
from db.models.talent import Credential, Skill, StudentCredential, StudentProfile
from db.models.jobs import Application, ApplicationEvent, JobInvitation, JobPosting, JobRequiredCredential
from db.models.mentorship import MentorProfile, Mentorship
from db.models.pay import PayReport
from db.models.training import (
    AcademyArea, AcademyModule, AreaBadgeAward, Enrollment, ModuleCompletion, TrainingProgram, TrainingProgramArea,
)
from db.models.scholarship import Scholarship, ScholarshipApplication
from db.models.content import Story, StoryAudience, StoryTag

__all__ = [
    "Base",
    "AcademyArea", "AcademyModule", "AppToken", "Application", "ApplicationEvent", "AreaBadgeAward",
    "Category", "Credential", "Donation", "DonationEvent", "DonationReceipt", "Enrollment", "Invitation",
    "JobInvitation", "JobPosting", "JobRequiredCredential", "Listing", "Membership", "MentorProfile",
    "Mentorship", "ModuleCompletion", "Need", "Organization", "PayReport", "ReceiptCounter", "Scholarship",
    "ScholarshipApplication", "Skill", "Story", "StoryAudience", "StoryTag", "StudentCredential",
    "StudentProfile", "TrainingProgram", "TrainingProgramArea", "User",
]
