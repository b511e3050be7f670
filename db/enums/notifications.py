"""Closed sets of notifications: what a person is told about, and how often by email."""

from __future__ import annotations

from enum import Enum


class NotificationKind(str, Enum):
    """One row of the README's who-is-told-what table each."""

    LISTING_REQUESTED = "LISTING_REQUESTED"
    REQUEST_APPROVED = "REQUEST_APPROVED"
    REQUEST_DECLINED = "REQUEST_DECLINED"
    DONATION_SHIPPED = "DONATION_SHIPPED"
    DONATION_RECEIVED = "DONATION_RECEIVED"
    APPLICATION_RECEIVED = "APPLICATION_RECEIVED"
    INVITATION_ACCEPTED = "INVITATION_ACCEPTED"
    INVITED_TO_APPLY = "INVITED_TO_APPLY"
    APPLICATION_MOVED = "APPLICATION_MOVED"
    MENTORSHIP_ACCEPTED = "MENTORSHIP_ACCEPTED"
    MENTORSHIP_REQUESTED = "MENTORSHIP_REQUESTED"
    ORGANIZATION_INVITATION = "ORGANIZATION_INVITATION"
    SCHOLARSHIP_APPLICATION = "SCHOLARSHIP_APPLICATION"
    CREDENTIAL_EXPIRING = "CREDENTIAL_EXPIRING"
    LISTING_MATCH = "LISTING_MATCH"
    JOB_MATCH = "JOB_MATCH"
    MESSAGE_RECEIVED = "MESSAGE_RECEIVED"
    SAVED_SEARCH_MATCH = "SAVED_SEARCH_MATCH"
    TECHNICIAN_LEVEL_REACHED = "TECHNICIAN_LEVEL_REACHED"
    TECHNICIAN_SAFETY_EXPIRING = "TECHNICIAN_SAFETY_EXPIRING"
    DEVELOPMENT_PLAN_STEP_DUE = "DEVELOPMENT_PLAN_STEP_DUE"


class EmailFrequency(str, Enum):
    IMMEDIATE = "IMMEDIATE"
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"
    OFF = "OFF"


class DigestPeriod(str, Enum):
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"


_DIGEST_DAILY = {
    NotificationKind.DONATION_RECEIVED,
    NotificationKind.LISTING_MATCH,
    NotificationKind.JOB_MATCH,
    NotificationKind.SAVED_SEARCH_MATCH,
    NotificationKind.TECHNICIAN_SAFETY_EXPIRING,
    NotificationKind.DEVELOPMENT_PLAN_STEP_DUE,
}
_DIGEST_WEEKLY = {NotificationKind.TECHNICIAN_LEVEL_REACHED}
# The invitation itself is mailed when it is made (resolvers.accounts.invitations): no second mail by default.
_OFF = {NotificationKind.ORGANIZATION_INVITATION}


def default_frequency(kind: NotificationKind) -> EmailFrequency:
    """What needs an answer goes out at once; what can wait goes in a digest."""
    if kind in _DIGEST_DAILY:
        return EmailFrequency.DAILY
    if kind in _DIGEST_WEEKLY:
        return EmailFrequency.WEEKLY
    if kind in _OFF:
        return EmailFrequency.OFF
    return EmailFrequency.IMMEDIATE
