"""Every table, imported here so the metadata is complete for Alembic and the tests."""

from db.base import Base
from db.models.accounts.account_tokens import AccountToken
from db.models.accounts.organizations import Invitation, Membership, Organization
from db.models.accounts.sessions import RefreshToken, UserSession
from db.models.accounts.users import AppToken, User
from db.models.donations.categories import Category
from db.models.donations.donations import Donation, DonationEvent, DonationReceipt, Listing, Need, ReceiptCounter
from db.models.donations.services import ServiceOffer
from db.models.events.outbox import EventConsumer, MatchSnapshot, OutboxEvent
from db.models.events.webhooks import Webhook, WebhookAttempt, WebhookDelivery
from db.models.matches.plans import SavedAllocationPlan
from db.models.media.photos import Photo
from db.models.messages.conversations import Conversation, Message, MessageBlock, MessageReport
from db.models.notifications.notifications import DigestRun, Notification, NotificationPreference
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
from db.models.recognition.thanks import RecognitionWallEntry, ThankYouNote
from db.models.searches.saved_searches import SavedSearch
from db.models.talent.jobs import Application, ApplicationEvent, JobInvitation, JobPosting, JobRequiredCredential
from db.models.talent.mentorship import MentorProfile, Mentorship
from db.models.talent.pay import PayReport
from db.models.talent.students import Credential, Skill, StudentCredential, StudentProfile
from db.models.workforce.development import DevelopmentPlan, PlanStep
from db.models.workforce.safety import SafetyCertification, ShopTask
from db.models.workforce.team import Technician, TechnicianInvitation

__all__ = [
    "AcademyArea",
    "AcademyModule",
    "AccountToken",
    "AppToken",
    "Application",
    "ApplicationEvent",
    "AreaBadgeAward",
    "Base",
    "BulkImport",
    "Category",
    "Conversation",
    "Credential",
    "DevelopmentPlan",
    "DigestRun",
    "Donation",
    "DonationEvent",
    "DonationReceipt",
    "Enrollment",
    "EventConsumer",
    "IdempotencyKey",
    "Invitation",
    "JobInvitation",
    "JobPosting",
    "JobRequiredCredential",
    "Listing",
    "MatchSnapshot",
    "Membership",
    "MentorProfile",
    "Mentorship",
    "Message",
    "MessageBlock",
    "MessageReport",
    "ModuleCompletion",
    "Need",
    "Notification",
    "NotificationPreference",
    "Organization",
    "OutboxEvent",
    "PayReport",
    "PersistedDocument",
    "Photo",
    "PlanStep",
    "RateBucket",
    "ReceiptCounter",
    "RecognitionWallEntry",
    "RefreshToken",
    "SafetyCertification",
    "SavedAllocationPlan",
    "SavedSearch",
    "Scholarship",
    "ScholarshipApplication",
    "ServiceOffer",
    "ShopTask",
    "Skill",
    "Story",
    "StoryAudience",
    "StoryTag",
    "StudentCredential",
    "StudentProfile",
    "Technician",
    "TechnicianInvitation",
    "ThankYouNote",
    "TrainingProgram",
    "TrainingProgramArea",
    "User",
    "UserSession",
    "Webhook",
    "WebhookAttempt",
    "WebhookDelivery",
]
