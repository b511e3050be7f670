"""Demo saved searches (one per demo account) and a conversation on a demo donation.

The saved searches have seen nothing yet, so the worker's first look tells each demo account what
matches today (a `saved_search.matched` event each); the conversation's messages are announced as
they would be when sent.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.locations import Circle, Point
from db.enums.donations import NeedPriority
from db.enums.messages import ConversationSubject
from db.enums.searches import AlertFrequency
from db.models import Conversation, Donation, Message, SavedSearch
from resolvers.donations.listings import ListingFilter
from resolvers.donations.needs import NeedFilter
from resolvers.messages.conversations import message_event
from resolvers.pathways.scholarships import ScholarshipFilter
from resolvers.searches.criteria import Criteria, kind_of, to_json
from resolvers.talent.jobs import JobFilter

DETROIT = Circle(Point(42.3314, -83.0458, "48226"), 80.0)
# role: (name, filter in the list's terms, the filter as a person would type it, frequency)
SEARCHES: dict[str, tuple[str, Criteria, dict, AlertFrequency]] = {
    "school": ("Welders offered", ListingFilter(search="welder"), {"search": "welder"}, AlertFrequency.IMMEDIATE),
    "donor": (
        "Urgent school needs",
        NeedFilter(priority=NeedPriority.HIGH),
        {"priority": "HIGH"},
        AlertFrequency.DAILY,
    ),
    "employer": ("Scholarships open now", ScholarshipFilter(open_only=True), {"openOnly": True}, AlertFrequency.WEEKLY),
    "student": (
        "Technician jobs near Detroit",
        JobFilter(near=DETROIT, role_types=("TECHNICIAN",)),
        {"near": {"postalCode": "48226", "radiusKm": 80.0}, "roleType": ["TECHNICIAN"]},
        AlertFrequency.DAILY,
    ),
    "mentor": (
        "Apprenticeships",
        JobFilter(role_types=("APPRENTICE",)),
        {"roleType": ["APPRENTICE"]},
        AlertFrequency.WEEKLY,
    ),
    "staff": ("Every open need", NeedFilter(), {}, AlertFrequency.DAILY),
}
# any other demo account (the technician) watches for better-paid technician jobs
OTHERS = ("Technician jobs", JobFilter(role_types=("TECHNICIAN",)), {"roleType": ["TECHNICIAN"]}, AlertFrequency.WEEKLY)
THREAD = [
    ("school", "Thank you for the offer! Could the welder come with its 220V cable?"),
    ("donor", "Yes, the cable and two sets of tips are included. Tuesday pickup works for us."),
]


async def seed(session: AsyncSession, world) -> None:
    now = utcnow()
    for role, user in world.users.items():
        name, criteria, given, frequency = SEARCHES.get(role, OTHERS)
        session.add(
            SavedSearch(
                owner_id=user.id,
                name=name,
                kind=kind_of(criteria).value,
                criteria=to_json(criteria),
                given=given,
                frequency=frequency.value,
                seen_through_id=0,
                next_alert_at=now if frequency is not AlertFrequency.OFF else None,
            )
        )
    school, donor = world.schools[0], world.donors[0]
    donation = await session.scalar(
        select(Donation)
        .where(Donation.school_id == school.id, Donation.donor_id == donor.id)
        .order_by(Donation.id)
        .limit(1)
    )
    if donation is None:
        return
    conversation = Conversation(
        subject_type=ConversationSubject.DONATION.value,
        subject_id=donation.id,
        side_a_organization_id=donor.id,
        side_b_organization_id=school.id,
        created_at=now - timedelta(hours=3),
        last_message_at=now - timedelta(hours=2),
    )
    session.add(conversation)
    await session.flush()
    for index, (role, body) in enumerate(THREAD):
        sender, other = world.users[role], world.users["donor" if role == "school" else "school"]
        message = Message(
            conversation_id=conversation.id,
            sender_id=sender.id,
            body=body,
            created_at=now - timedelta(hours=3 - index),
        )
        session.add(message)
        await session.flush()
        outbox.append(session, message_event(conversation, message, sender, {other.id}))
