"""GraphQL enums of notifications, every value described (the README's who-is-told-what table)."""

from __future__ import annotations

from db.enums import notifications as n
from schema.enum_type import enum_type

enum_type(
    n.NotificationKind,
    description="What a notification tells; each kind has its own email frequency (`notificationPreferences`).",
    values={
        "LISTING_REQUESTED": "A school requested one of your organization's listings (the donor's members).",
        "REQUEST_APPROVED": "The donor approved your school's request (the school's members).",
        "REQUEST_DECLINED": "The donor declined your school's request (the school's members).",
        "DONATION_SHIPPED": "The donor shipped or handed over a donation (the school's members).",
        "DONATION_RECEIVED": "The school received your donation; links to the receipt (the donor's members).",
        "APPLICATION_RECEIVED": "A student applied to one of your postings (the employer's members).",
        "INVITATION_ACCEPTED": "A student accepted your invitation to apply (the employer's members).",
        "INVITED_TO_APPLY": "An employer invited you to apply to a posting (the student).",
        "APPLICATION_MOVED": "The employer moved your application (the student).",
        "MENTORSHIP_ACCEPTED": "The mentor accepted your request (the mentee).",
        "MENTORSHIP_REQUESTED": "Someone asked you to mentor them (the mentor).",
        "ORGANIZATION_INVITATION": "An organization invited you to join it (the person whose confirmed address it "
        "invited).",
        "SCHOLARSHIP_APPLICATION": "A student applied for one of your awards (the sponsor's members).",
        "CREDENTIAL_EXPIRING": "A credential expires within 90, 30 or 7 days (the student and their school's members).",
        "LISTING_MATCH": "A new listing entered the 10 best matches of one of your open needs (the school's members).",
        "JOB_MATCH": "A new posting entered your 10 best recommended jobs (the student).",
        "MESSAGE_RECEIVED": "A new message in one of your conversations.",
        "SAVED_SEARCH_MATCH": "New rows match one of your saved searches.",
        "TECHNICIAN_LEVEL_REACHED": "A technician reached a new level in a role.",
        "TECHNICIAN_SAFETY_EXPIRING": "A technician's safety training lapses within 90, 30 or 7 days.",
        "DEVELOPMENT_PLAN_STEP_DUE": "A step of a development plan is due within 7 days.",
    },
)

enum_type(
    n.EmailFrequency,
    description="How a kind of notification reaches you by email; in app it always does.",
    values={
        "IMMEDIATE": "One email as soon as it happens.",
        "DAILY": "In the daily digest (one email a day, for the day before, when there is anything).",
        "WEEKLY": "In the weekly digest (one email on Mondays, for the week before, when there is anything).",
        "OFF": "No email.",
    },
)
