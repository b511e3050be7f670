"""The event catalogue and delivery states as GraphQL enums."""

from __future__ import annotations

from db.enums.events import DeliveryStatus as DomainDeliveryStatus
from db.enums.events import EventType as DomainEventType
from schema.enum_type import enum_type

EventType = enum_type(
    DomainEventType,
    name="EventType",
    description="A kind of domain event; webhooks and `events` name it in `type` as `<object>.<what happened>` "
    "(the value in brackets). The README's event catalogue lists each one's payload and who receives it.",
    values={
        "NEED_CREATED": "(need.created) A school posted a need. Public.",
        "NEED_UPDATED": "(need.updated) A need's details or quantity changed. Public.",
        "NEED_CLOSED": "(need.closed) The school closed a need. Public.",
        "NEED_FULFILLED": "(need.fulfilled) A need received all it asked for. Public.",
        "LISTING_CREATED": "(listing.created) A donor listed equipment. Public.",
        "LISTING_UPDATED": "(listing.updated) A listing's details or quantity changed. Public.",
        "LISTING_WITHDRAWN": "(listing.withdrawn) The donor withdrew a listing. Public.",
        "DONATION_REQUESTED": "(donation.requested) A school asked for a listing. Both parties.",
        "DONATION_APPROVED": "(donation.approved) The donor approved a request. Both parties.",
        "DONATION_DECLINED": "(donation.declined) The donor declined a request. Both parties.",
        "DONATION_SHIPPED": "(donation.shipped) The donor shipped or handed over. Both parties.",
        "DONATION_RECEIVED": "(donation.received) The school confirmed receipt. Both parties.",
        "DONATION_CANCELLED": "(donation.cancelled) A party cancelled. Both parties.",
        "RECEIPT_ISSUED": "(receipt.issued) A donation receipt was issued. Both parties.",
        "SERVICE_OFFER_CREATED": "(service_offer.created) A shop offered to deliver a service need. The school "
        "and the shop.",
        "SERVICE_OFFER_CONFIRMED": "(service_offer.confirmed) The school confirmed a shop's visit. The school and "
        "the shop.",
        "SERVICE_OFFER_CANCELLED": "(service_offer.cancelled) The school or the shop cancelled, with a reason. The "
        "school and the shop.",
        "SERVICE_OFFER_COMPLETED": "(service_offer.completed) The school recorded the visit as delivered, crediting "
        "the shop. The school and the shop.",
        "JOB_POSTING_CREATED": "(job_posting.created) An employer posted a job. Public.",
        "JOB_POSTING_CLOSED": "(job_posting.closed) The employer closed a posting. Public.",
        "JOB_POSTING_FILLED": "(job_posting.filled) Every opening of a posting is filled. Public.",
        "APPLICATION_CREATED": "(application.created) A student applied. The employer and the student.",
        "APPLICATION_MOVED": "(application.moved) The employer moved an application. The employer and the student.",
        "APPLICATION_WITHDRAWN": "(application.withdrawn) The student withdrew. The employer and the student.",
        "INVITATION_CREATED": "(invitation.created) An employer invited a student. The employer and the student.",
        "INVITATION_ACCEPTED": "(invitation.accepted) The student accepted. The employer and the student.",
        "INVITATION_DECLINED": "(invitation.declined) The student declined. The employer and the student.",
        "MENTORSHIP_REQUESTED": "(mentorship.requested) A mentee asked a mentor. The two people only.",
        "MENTORSHIP_ACCEPTED": "(mentorship.accepted) The mentor accepted. The two people only.",
        "MENTORSHIP_ENDED": "(mentorship.ended) A mentorship ended or a request was cancelled. The two people.",
        "CREDENTIAL_ADDED": "(credential.added) A student added a credential. The student and their school.",
        "CREDENTIAL_VERIFIED": "(credential.verified) The school verified it. The student and their school.",
        "CREDENTIAL_EXPIRING": "(credential.expiring) It expires within 90, 30 or 7 days (`withinDays`). "
        "The student and their school.",
        "SCHOLARSHIP_APPLICATION_CREATED": "(scholarship_application.created) A student applied for a "
        "scholarship. The sponsor and the student.",
        "SCHOLARSHIP_APPLICATION_AWARDED": "(scholarship_application.awarded) The sponsor made an award. "
        "The sponsor and the student.",
        "STORY_PUBLISHED": "(story.published) An organization published a career story. Public.",
        "MATCH_CANDIDATE_ENTERED": "(match.candidate_entered) A student entered a posting's top 20 candidates. "
        "The employer, while it may see the student.",
        "MATCH_LISTING_ENTERED": "(match.listing_entered) A listing entered a need's top 10 matches. The school.",
        "MATCH_POSTING_ENTERED": "(match.posting_entered) A job posting entered a student's top 10 recommended "
        "jobs. The student only.",
        "MESSAGE_SENT": "(message.sent) A party wrote in a conversation. Its other parties only (never an app).",
        "SAVED_SEARCH_MATCHED": "(saved_search.matched) New rows match a saved search. Its owner only.",
        "TECHNICIAN_LEVEL_REACHED": "(technician.level_reached) A technician reached a new level in a role. "
        "The technician, their supervisor and the shop's admins.",
        "TECHNICIAN_SAFETY_EXPIRING": "(technician.safety_expiring) A technician's safety training lapses within "
        "90, 30 or 7 days (`withinDays`). The technician, their supervisor and the shop's admins.",
        "DEVELOPMENT_PLAN_STEP_DUE": "(development_plan.step_due) A step of a development plan is due within 7 "
        "days. The technician and their supervisor.",
        "ORGANIZATION_INVITATION_CREATED": "(organization_invitation.created) An organization invited the holder "
        "of a confirmed address with an account to join it. That person only (never an app).",
    },
)

DeliveryStatus = enum_type(
    DomainDeliveryStatus,
    name="WebhookDeliveryStatus",
    description="Where a webhook delivery stands.",
    values={
        "PENDING": "Not delivered yet: waiting for its first attempt or its next retry (`nextAttemptAt`).",
        "DELIVERED": "The endpoint answered 2xx.",
        "FAILED": "Given up: retries ran out (about three days), or the endpoint answered 410 Gone.",
    },
)
