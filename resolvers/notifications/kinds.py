"""Who is told what: for each event type, the kind of notification and whom it goes to.

Members of an organization are told only while that organization may read the event (the event
domains' own policies, `resolvers.events.audience.may_hear`); people are told only when the event names
them in `user_ids`. The README's who-is-told-what table is this mapping.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from db.enums.events import EventType
from db.enums.notifications import NotificationKind as Kind
from db.models import OutboxEvent

Pick = Callable[[OutboxEvent], Iterable[int]]


def pk_in(event: OutboxEvent, key: str, type_name: str) -> int | None:
    """The primary key inside the payload's global ID at `key`, if it is one of `type_name`."""
    value = event.data.get(key) if isinstance(event.data, dict) else None
    if not isinstance(value, str):
        return None
    try:
        found, _, raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode().partition(":")
        return int(raw) if found == type_name else None
    except (ValueError, UnicodeDecodeError, binascii.Error):
        return None


def _nobody(event: OutboxEvent) -> Iterable[int]:
    return ()


def _organizations(event: OutboxEvent) -> Iterable[int]:
    return event.organization_ids


def _named(event: OutboxEvent) -> Iterable[int]:
    return event.user_ids


def _organization(key: str) -> Pick:
    def pick(event: OutboxEvent) -> Iterable[int]:
        found = pk_in(event, key, "Organization")
        return [found] if found is not None and found in event.organization_ids else []

    return pick


def _mentee(event: OutboxEvent) -> Iterable[int]:
    mentee = pk_in(event, "mentee", "User")
    return [user for user in event.user_ids if user == mentee]


def _mentor(event: OutboxEvent) -> Iterable[int]:
    mentee = pk_in(event, "mentee", "User")
    return [user for user in event.user_ids if user != mentee]


@dataclass(frozen=True)
class Rule:
    kind: Kind
    organizations: Pick = _nobody  # whose members are told (each only while it may read the event)
    people: Pick = _nobody  # who is told by name (always among the event's `user_ids`)


RULES: dict[str, Rule] = {
    rule_type.value: rule
    for rule_type, rule in [
        (EventType.DONATION_REQUESTED, Rule(Kind.LISTING_REQUESTED, organizations=_organization("donor"))),
        (EventType.DONATION_APPROVED, Rule(Kind.REQUEST_APPROVED, organizations=_organization("school"))),
        (EventType.DONATION_DECLINED, Rule(Kind.REQUEST_DECLINED, organizations=_organization("school"))),
        (EventType.DONATION_SHIPPED, Rule(Kind.DONATION_SHIPPED, organizations=_organization("school"))),
        (EventType.DONATION_RECEIVED, Rule(Kind.DONATION_RECEIVED, organizations=_organization("donor"))),
        (EventType.APPLICATION_CREATED, Rule(Kind.APPLICATION_RECEIVED, organizations=_organizations)),
        (EventType.INVITATION_ACCEPTED, Rule(Kind.INVITATION_ACCEPTED, organizations=_organizations)),
        (EventType.INVITATION_CREATED, Rule(Kind.INVITED_TO_APPLY, people=_named)),
        (EventType.APPLICATION_MOVED, Rule(Kind.APPLICATION_MOVED, people=_named)),
        (EventType.MENTORSHIP_ACCEPTED, Rule(Kind.MENTORSHIP_ACCEPTED, people=_mentee)),
        (EventType.MENTORSHIP_REQUESTED, Rule(Kind.MENTORSHIP_REQUESTED, people=_mentor)),
        (EventType.ORGANIZATION_INVITATION_CREATED, Rule(Kind.ORGANIZATION_INVITATION, people=_named)),
        (EventType.SCHOLARSHIP_APPLICATION_CREATED, Rule(Kind.SCHOLARSHIP_APPLICATION, organizations=_organizations)),
        (EventType.CREDENTIAL_EXPIRING, Rule(Kind.CREDENTIAL_EXPIRING, organizations=_organizations, people=_named)),
        (EventType.MATCH_LISTING_ENTERED, Rule(Kind.LISTING_MATCH, organizations=_organizations)),
        (EventType.MATCH_POSTING_ENTERED, Rule(Kind.JOB_MATCH, people=_named)),
        (EventType.MESSAGE_SENT, Rule(Kind.MESSAGE_RECEIVED, people=_named)),
        (EventType.SAVED_SEARCH_MATCHED, Rule(Kind.SAVED_SEARCH_MATCH, people=_named)),
        (EventType.TECHNICIAN_LEVEL_REACHED, Rule(Kind.TECHNICIAN_LEVEL_REACHED, people=_named)),
        (EventType.TECHNICIAN_SAFETY_EXPIRING, Rule(Kind.TECHNICIAN_SAFETY_EXPIRING, people=_named)),
        (EventType.DEVELOPMENT_PLAN_STEP_DUE, Rule(Kind.DEVELOPMENT_PLAN_STEP_DUE, people=_named)),
    ]
}
