"""What a notification says: a title and a line of text per kind, from the event's payload and the names
of the objects it points to (read for a whole batch of events at once). A student's name is never in a
notification: the object it links to shows it to those who may see it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.enums.notifications import NotificationKind as Kind
from db.models import (
    Credential,
    DonationReceipt,
    JobPosting,
    Listing,
    Need,
    Organization,
    OutboxEvent,
    Scholarship,
    StudentCredential,
)
from resolvers.notifications.kinds import pk_in

TITLE_LENGTH = 200
BODY_LENGTH = 2000
_NAMED: dict[str, tuple[Any, Any]] = {
    "Organization": (Organization, Organization.name),
    "Listing": (Listing, Listing.title),
    "Need": (Need, Need.title),
    "JobPosting": (JobPosting, JobPosting.title),
    "Scholarship": (Scholarship, Scholarship.name),
}
_KEYS = {
    "donor": "Organization",
    "school": "Organization",
    "employer": "Organization",
    "organization": "Organization",
    "listing": "Listing",
    "need": "Need",
    "jobPosting": "JobPosting",
    "scholarship": "Scholarship",
}


@dataclass
class Names:
    """Names of the objects a batch of events points to, and the receipts of received donations."""

    names: dict[tuple[str, int], str] = field(default_factory=dict)
    receipts: dict[int, DonationReceipt] = field(default_factory=dict)
    credentials: dict[int, str] = field(default_factory=dict)

    def of(self, event: OutboxEvent, key: str, fallback: str) -> str:
        type_name = _KEYS[key]
        pk = pk_in(event, key, type_name)
        return self.names.get((type_name, pk), fallback) if pk is not None else fallback


async def read_names(session: AsyncSession, events: Sequence[OutboxEvent]) -> Names:
    wanted: dict[str, set[int]] = {}
    for event in events:
        for key, type_name in _KEYS.items():
            if (pk := pk_in(event, key, type_name)) is not None:
                wanted.setdefault(type_name, set()).add(pk)
        for org in event.organization_ids:
            wanted.setdefault("Organization", set()).add(org)
    found = Names()
    for type_name, ids in wanted.items():
        model, column = _NAMED[type_name]
        for pk, name in await session.execute(select(model.id, column).where(model.id.in_(ids))):
            found.names[(type_name, pk)] = name
    donations = {d for e in events if e.type == "donation.received" and (d := pk_in(e, "donation", "Donation"))}
    if donations:
        receipts = await session.scalars(select(DonationReceipt).where(DonationReceipt.donation_id.in_(donations)))
        found.receipts = {r.donation_id: r for r in receipts}
    held = {c for e in events if (c := pk_in(e, "studentCredential", "StudentCredential"))}
    if held:
        rows = await session.execute(
            select(StudentCredential.id, Credential.name)
            .join(Credential, Credential.id == StudentCredential.credential_id)
            .where(StudentCredential.id.in_(held))
        )
        found.credentials = dict(rows.all())
    return found


def _data(event: OutboxEvent, key: str) -> str | None:
    value = event.data.get(key) if isinstance(event.data, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _quantity(event: OutboxEvent) -> str:
    value = event.data.get("quantity") if isinstance(event.data, dict) else None
    return str(value) if isinstance(value, int) else "some"


def _status(event: OutboxEvent) -> str:
    return (_data(event, "status") or "updated").replace("_", " ").lower()


_PERSONAL_DEFAULTS = {
    Kind.MESSAGE_RECEIVED: ("New message", "You have a new message in a conversation."),
    Kind.SAVED_SEARCH_MATCH: ("New results for a saved search", "New rows match one of your saved searches."),
    Kind.TECHNICIAN_LEVEL_REACHED: ("A new level reached", "A technician reached a new level in their role."),
    Kind.TECHNICIAN_SAFETY_EXPIRING: ("Safety training lapses soon", "A safety training lapses soon: renew it."),
    Kind.DEVELOPMENT_PLAN_STEP_DUE: ("A plan step is due", "A step of a development plan is due soon."),
}


def describe(kind: Kind, event: OutboxEvent, names: Names) -> tuple[str, str]:
    title, body = _describe(kind, event, names)
    return title[:TITLE_LENGTH], body[:BODY_LENGTH]


def _describe(kind: Kind, event: OutboxEvent, names: Names) -> tuple[str, str]:
    listing = names.of(event, "listing", "a listing")
    school = names.of(event, "school", "A school")
    donor = names.of(event, "donor", "The donor")
    posting = names.of(event, "jobPosting", "a job posting")
    if kind is Kind.LISTING_REQUESTED:
        need = names.of(event, "need", "a need")
        return f"{school} requested “{listing}”", f"{school} asked for {_quantity(event)} of “{listing}” for “{need}”."
    if kind is Kind.REQUEST_APPROVED:
        return f"{donor} approved your request", f"{donor} approved {_quantity(event)} of “{listing}”."
    if kind is Kind.REQUEST_DECLINED:
        return f"{donor} declined your request", f"{donor} declined your request for “{listing}”."
    if kind is Kind.DONATION_SHIPPED:
        return f"“{listing}” is on its way", f"{donor} shipped or handed over {_quantity(event)} of “{listing}”."
    if kind is Kind.DONATION_RECEIVED:
        donation = pk_in(event, "donation", "Donation")
        receipt = names.receipts.get(donation) if donation is not None else None
        kept = f" Receipt {receipt.number} records it for your files." if receipt is not None else ""
        return f"{school} received “{listing}”", f"{school} confirmed receiving {_quantity(event)}.{kept}"
    if kind is Kind.APPLICATION_RECEIVED:
        return f"A student applied to “{posting}”", f"A new application to “{posting}” waits for your review."
    if kind is Kind.INVITATION_ACCEPTED:
        return "A student accepted your invitation", f"A student accepted your invitation to apply to “{posting}”."
    if kind is Kind.INVITED_TO_APPLY:
        employer = (
            names.names.get(("Organization", event.organization_ids[0]), "An employer")
            if event.organization_ids
            else "An employer"
        )
        return f"{employer} invited you to apply", f"{employer} invited you to apply to “{posting}”."
    if kind is Kind.APPLICATION_MOVED:
        status = _status(event)
        return f"Your application is now {status}", f"Your application to “{posting}” moved to {status}."
    if kind is Kind.MENTORSHIP_ACCEPTED:
        return "Your mentor accepted", "Your mentorship request was accepted: say hello to your mentor."
    if kind is Kind.MENTORSHIP_REQUESTED:
        return "Someone asks you to mentor them", "A new technician asked you to be their mentor: accept or decline."
    if kind is Kind.ORGANIZATION_INVITATION:
        organization = names.of(event, "organization", "An organization")
        role = (_data(event, "role") or "member").lower()
        return f"{organization} invites you to join", f"{organization} invited you to join it as {role}."
    if kind is Kind.SCHOLARSHIP_APPLICATION:
        award = names.of(event, "scholarship", "your award")
        return f"A student applied for “{award}”", f"A new application for “{award}” waits for your review."
    if kind is Kind.CREDENTIAL_EXPIRING:
        held = pk_in(event, "studentCredential", "StudentCredential")
        credential = names.credentials.get(held, "A credential") if held is not None else "A credential"
        days = event.data.get("withinDays") if isinstance(event.data, dict) else None
        within = f"{days} days" if isinstance(days, int) else "soon"
        on = _data(event, "expiresOn")
        return f"{credential} expires within {within}", f"{credential} expires{f' on {on}' if on else ' soon'}."
    if kind is Kind.LISTING_MATCH:
        need = names.of(event, "need", "your need")
        return f"New match for “{need}”", f"“{listing}” entered the 10 best matches of “{need}”."
    if kind is Kind.JOB_MATCH:
        return f"A new job for you: “{posting}”", f"“{posting}” entered your 10 best recommended jobs."
    title, body = _PERSONAL_DEFAULTS[kind]
    return _data(event, "title") or title, _data(event, "body") or _data(event, "preview") or body


def subject_of(kind: Kind, event: OutboxEvent, names: Names) -> tuple[str, int]:
    """The object a notification links to (the `node` it shows, with the reader's access rules)."""
    if kind is Kind.DONATION_RECEIVED:
        donation = pk_in(event, "donation", "Donation")
        receipt = names.receipts.get(donation) if donation is not None else None
        if receipt is not None:
            return "DonationReceipt", receipt.id
    if kind is Kind.LISTING_MATCH and (listing := pk_in(event, "listing", "Listing")) is not None:
        return "Listing", listing
    if kind is Kind.JOB_MATCH and (posting := pk_in(event, "jobPosting", "JobPosting")) is not None:
        return "JobPosting", posting
    return event.subject_type, event.subject_id
