"""Conversations and messages between the two sides of a donation, application, invitation or mentorship."""

from __future__ import annotations

from collections.abc import Collection
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core import outbox
from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.global_ids import global_id
from core.insert_once import insert_once
from core.paging import Page, Slice
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database
from db.enums.events import EventType
from db.enums.messages import ConversationSubject
from db.models import Conversation, Membership, Message, MessageBlock, Organization, User
from db.models.messages.conversations import BODY_LIMIT
from resolvers.messages import policy
from resolvers.messages.policy import Side, Sides

CAP_WINDOW = timedelta(days=7)
PREVIEW = 140


async def organizations_of(session: AsyncSession, viewer: Viewer) -> set[int]:
    if viewer.user_id is None or viewer.is_app:
        return set()
    rows = await session.scalars(select(Membership.organization_id).where(Membership.user_id == viewer.user_id))
    return set(rows)


async def find(db: Database, viewer: Viewer, subject: ConversationSubject, subject_id: int) -> Conversation | None:
    """The conversation about the object, for its parties; None for anyone else, or before the first message."""
    async with db.read() as session:
        conversation = await session.scalar(
            select(Conversation).where(
                Conversation.subject_type == subject.value, Conversation.subject_id == subject_id
            )
        )
        if conversation is None or not policy.is_party(viewer, await organizations_of(session, viewer), conversation):
            return None
        return conversation


async def mine(db: Database, viewer: Viewer, page: Page) -> Slice[Conversation]:
    """The viewer's conversations, latest message first."""
    parties = policy.parties_of(viewer)
    if parties is None:
        return page.slice([])
    stmt = select(Conversation).where(parties).order_by(Conversation.last_message_at.desc(), Conversation.id.desc())
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())


def checked_body(body: str) -> str:
    checks = Checks()
    value = checks.text(body, "body", max_length=BODY_LIMIT)
    checks.raise_any()
    return value


async def _people(session: AsyncSession, side: Side) -> set[int]:
    if side.user_id is not None:
        return {side.user_id}
    rows = await session.scalars(select(Membership.user_id).where(Membership.organization_id == side.organization_id))
    return set(rows)


async def _blockers(session: AsyncSession, people: Collection[int], sender_id: int, side: Side) -> set[int]:
    """Which of these people blocked the sender, or the organization the sender writes for."""
    if not people:
        return set()
    blocked = MessageBlock.blocked_user_id == sender_id
    if side.organization_id is not None:
        blocked = blocked | (MessageBlock.blocked_organization_id == side.organization_id)
    rows = await session.scalars(
        select(MessageBlock.blocker_id).where(MessageBlock.blocker_id.in_(list(people)), blocked)
    )
    return set(rows)


async def _check_first_contact(session: AsyncSession, organization_id: int, cap: int) -> None:
    """An organization opening a thread with a student spends one of its weekly first contacts. Counted in the
    write transaction after locking the organization's row (SQLite's BEGIN IMMEDIATE already serializes)."""
    await session.get(Organization, organization_id, with_for_update=True, populate_existing=True)
    opened = await session.scalar(
        select(func.count()).where(
            Conversation.first_contact_organization_id == organization_id,
            Conversation.created_at >= utcnow() - CAP_WINDOW,
        )
    )
    if (opened or 0) >= cap:
        raise DomainError(
            ErrorCode.RATE_LIMITED,
            f"Your organization has opened its {cap} conversations with students for this week.",
            "subjectId",
        )


async def _conversation(
    session: AsyncSession, subject: ConversationSubject, subject_id: int, sides: Sides, mine: Side, cap: int
) -> Conversation:
    """The subject's conversation, locked so that messages sent at once are numbered in commit order; opened
    here by the first message (one per subject, however many send at once)."""
    where = (Conversation.subject_type == subject.value, Conversation.subject_id == subject_id)
    found = await session.scalar(select(Conversation).where(*where).with_for_update())
    if found is not None:
        return found
    first_contact = mine.organization_id if sides.student_side is not None and mine != sides.student_side else None
    if first_contact is not None:
        await _check_first_contact(session, first_contact, cap)
    now = utcnow()
    values = {
        "subject_type": subject.value,
        "subject_id": subject_id,
        "first_contact_organization_id": first_contact,
        "created_at": now,
        "updated_at": now,
        **sides.columns(),
    }
    await insert_once(session, Conversation, values, ["subject_type", "subject_id"])
    opened = await session.scalar(select(Conversation).where(*where).with_for_update())
    assert opened is not None  # noqa: S101 - inserted here, or by the transaction this one waited for
    return opened


def message_event(conversation: Conversation, message: Message, sender: User, recipients: set[int]) -> outbox.Event:
    preview = " ".join(message.body.split())[:PREVIEW]
    return outbox.Event(
        type=EventType.MESSAGE_SENT,
        subject_type="Conversation",
        subject_id=conversation.id,
        user_ids=tuple(sorted(recipients)),
        data={
            "conversation": global_id("Conversation", conversation.id),
            "message": global_id("Message", message.id),
            "sender": sender.name,
            "preview": preview,
            "title": f"New message from {sender.name}",
            "body": preview,
        },
    )


async def send(
    db: Database, viewer: Viewer, subject: ConversationSubject, subject_id: int, body: str, first_contact_cap: int
) -> tuple[Conversation, Message]:
    sender_id = viewer.require_person()
    text = checked_body(body)
    async with db.write() as session:
        sides = await policy.subject_sides(session, subject, subject_id)
        ours = sides.mine(viewer, await organizations_of(session, viewer)) if sides is not None else None
        if sides is None or ours is None:
            raise not_found("Conversation subject", "subjectId")
        mine, theirs = ours
        others = await _people(session, theirs) - {sender_id}
        recipients = others - await _blockers(session, others, sender_id, mine)
        if others and not recipients:
            raise DomainError(ErrorCode.BLOCKED, "You cannot message these people: they blocked you.", "subjectId")
        conversation = await _conversation(session, subject, subject_id, sides, mine, first_contact_cap)
        now = utcnow()
        message = Message(conversation_id=conversation.id, sender_id=sender_id, body=text, created_at=now)
        session.add(message)
        conversation.last_message_at = now
        await session.flush()
        if recipients:  # an organization side without members has no one to tell
            sender = await session.get_one(User, sender_id)
            outbox.append(session, message_event(conversation, message, sender, recipients))
    return conversation, message
