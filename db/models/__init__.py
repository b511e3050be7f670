"""Every table, imported here so the metadata is complete for Alembic and the tests."""
from db.base import Base
from db.models.account import AppToken, User
from db.models.organization import Invitation, Membership, Organization
from db.models.talent import Credential, Skill, StudentCredential, StudentProfile
from db.models.training import (  # noqa: F401  (pathways)
    AcademyArea, AcademyModule, AreaBadgeAward, Enrollment, ModuleCompletion, TrainingProgram, TrainingProgramArea,
)
from db.models.scholarship import Scholarship, ScholarshipApplication  # noqa: F401  (pathways)
from db.models.content import Story, StoryAudience, StoryTag  # noqa: F401  (pathways)

__all__ = [
    "Base", "AppToken", "Credential", "Invitation", "Membership", "Organization", "Skill",
    "StudentCredential", "StudentProfile", "User",
]
