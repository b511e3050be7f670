"""Closed sets of the event backbone: the event catalogue and the state of a webhook delivery."""

from __future__ import annotations

from enum import Enum


class EventType(str, Enum):
    """Every domain event, named `<object>.<what happened>` as partners receive it in `type`."""

    NEED_CREATED = "need.created"
    NEED_UPDATED = "need.updated"
    NEED_CLOSED = "need.closed"
    NEED_FULFILLED = "need.fulfilled"
    LISTING_CREATED = "listing.created"
    LISTING_UPDATED = "listing.updated"
    LISTING_WITHDRAWN = "listing.withdrawn"
    DONATION_REQUESTED = "donation.requested"
    DONATION_APPROVED = "donation.approved"
    DONATION_DECLINED = "donation.declined"
    DONATION_SHIPPED = "donation.shipped"
    DONATION_RECEIVED = "donation.received"
    DONATION_CANCELLED = "donation.cancelled"
    RECEIPT_ISSUED = "receipt.issued"
    SERVICE_OFFER_CREATED = "service_offer.created"
    SERVICE_OFFER_CONFIRMED = "service_offer.confirmed"
    SERVICE_OFFER_CANCELLED = "service_offer.cancelled"
    SERVICE_OFFER_COMPLETED = "service_offer.completed"
    JOB_POSTING_CREATED = "job_posting.created"
    JOB_POSTING_CLOSED = "job_posting.closed"
    JOB_POSTING_FILLED = "job_posting.filled"
    APPLICATION_CREATED = "application.created"
    APPLICATION_MOVED = "application.moved"
    APPLICATION_WITHDRAWN = "application.withdrawn"
    INVITATION_CREATED = "invitation.created"
    INVITATION_ACCEPTED = "invitation.accepted"
    INVITATION_DECLINED = "invitation.declined"
    MENTORSHIP_REQUESTED = "mentorship.requested"
    MENTORSHIP_ACCEPTED = "mentorship.accepted"
    MENTORSHIP_ENDED = "mentorship.ended"
    CREDENTIAL_ADDED = "credential.added"
    CREDENTIAL_VERIFIED = "credential.verified"
    CREDENTIAL_EXPIRING = "credential.expiring"
    SCHOLARSHIP_APPLICATION_CREATED = "scholarship_application.created"
    SCHOLARSHIP_APPLICATION_AWARDED = "scholarship_application.awarded"
    STORY_PUBLISHED = "story.published"
    MATCH_CANDIDATE_ENTERED = "match.candidate_entered"
    MATCH_LISTING_ENTERED = "match.listing_entered"
    MATCH_POSTING_ENTERED = "match.posting_entered"
    MESSAGE_SENT = "message.sent"
    SAVED_SEARCH_MATCHED = "saved_search.matched"
    TECHNICIAN_LEVEL_REACHED = "technician.level_reached"
    TECHNICIAN_SAFETY_EXPIRING = "technician.safety_expiring"
    DEVELOPMENT_PLAN_STEP_DUE = "development_plan.step_due"
    ORGANIZATION_INVITATION_CREATED = "organization_invitation.created"

    @property
    def domain(self) -> str:
        """The part before the dot names the object; its domain's policy decides who receives it."""
        return self.value.split(".", 1)[0]

    @property
    def is_personal(self) -> bool:
        """Conversations, saved searches and a shop's records of its people reach the people they name,
        never an app: webhooks cannot ask for them."""
        return self.domain in PERSONAL_DOMAINS


PERSONAL_DOMAINS = frozenset({"message", "saved_search", "technician", "development_plan", "organization_invitation"})


class DeliveryStatus(str, Enum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"
