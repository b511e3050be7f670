"""GraphQL enums of the talent exchange."""

from __future__ import annotations

import strawberry

from db.enums import talent as e
from resolvers.talent.application_workflow import Party

Availability = strawberry.enum(e.Availability, description="Kinds of work a student is looking for.")
RoleType = strawberry.enum(e.RoleType, description="The kind of role a job posting or pay report is for.")
PayUnit = strawberry.enum(e.PayUnit, description="What a pay amount is per: an hour or a year (2,080 hours).")
PayBasis = strawberry.enum(e.PayBasis, description="How the work is paid; flat rate is per flagged hour.")
Benefit = strawberry.enum(e.Benefit, description="A benefit a posting offers.")
PostingStatus = strawberry.enum(
    e.PostingStatus, name="JobPostingStatus", description="Whether a posting takes applications."
)
ApplicationStatus = strawberry.enum(e.ApplicationStatus, description="Where an application stands.")
InvitationStatus = strawberry.enum(
    e.InvitationStatus, name="JobInvitationStatus", description="A student's answer to an invitation."
)
MentorshipStatus = strawberry.enum(e.MentorshipStatus, description="Where a mentorship stands.")
CredentialStatus = strawberry.enum(
    e.CredentialStatus, description="VALID, EXPIRING (within 90 days) or EXPIRED, as of today."
)
ApplicationParty = strawberry.enum(Party, name="ApplicationParty", description="Which side moved an application.")
