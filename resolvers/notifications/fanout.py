"""The notifications consumer of the outbox: for each event, the people it concerns (`kinds.RULES`, the
domains' policies), one notification each, and the immediate emails.

A fixed number of statements per batch of events, whatever the number of recipients: memberships, names,
people and preferences are read for the whole batch, notifications written in bulk. The unique (person,
event) pair makes a repeated batch write nothing new, and only what was new is mailed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.mailer import Mail, Mailer
from core.settings import Settings
from core.viewer import Scope, Viewer
from db.engine import Database
from db.enums.notifications import EmailFrequency, NotificationKind
from db.models import Membership, Notification, OutboxEvent, User
from resolvers.events.audience import CachedTies, may_hear, students_of
from resolvers.events.consumers import claim_position, move_position
from resolvers.notifications import live, mail
from resolvers.notifications.kinds import RULES
from resolvers.notifications.preferences import frequencies
from resolvers.notifications.texts import describe, read_names, subject_of

logger = logging.getLogger("shopready.notifications")
CONSUMER = "notifications"
BATCH = 200
INSERT_CHUNK = 1000  # rows per INSERT statement (SQLite's limit on bound parameters)
MAIL_CONCURRENCY = 10
_EVERY_SCOPE = frozenset(scope.value for scope in Scope)


@dataclass(frozen=True)
class Made:
    user_id: int
    kind: NotificationKind
    title: str
    body: str


def member_of(organization_id: int) -> Viewer:
    """How a member of the organization reads an event: as the organization does (its own ties, every scope)."""
    return Viewer(app_token_id=0, app_organization_id=organization_id, scopes=_EVERY_SCOPE)


async def _organizations_hearing(db: Database, events: Sequence[OutboxEvent]) -> dict[int, set[int]]:
    """Per event, the organizations whose members are told: those its rule names that may read it now."""
    students = await students_of(db, events)
    ties: dict[int, CachedTies] = {}
    hearing: dict[int, set[int]] = {}
    for event in events:
        rule = RULES.get(event.type)
        if rule is None:
            continue
        for org in set(rule.organizations(event)):
            org_ties = ties.setdefault(org, CachedTies(db, member_of(org)))
            if await may_hear(org_ties, event, students):
                hearing.setdefault(event.id, set()).add(org)
    return hearing


async def plan(db: Database, session: AsyncSession, events: Sequence[OutboxEvent]) -> list[dict[str, Any]]:
    """The notification rows for a batch of events (before de-duplication by the database)."""
    concerned = [event for event in events if event.type in RULES]
    if not concerned:
        return []
    hearing = await _organizations_hearing(db, concerned)
    organizations = set().union(*hearing.values()) if hearing else set()
    members: dict[int, set[int]] = {}
    if organizations:
        rows = await session.execute(
            select(Membership.organization_id, Membership.user_id).where(Membership.organization_id.in_(organizations))
        )
        for org, user in rows:
            members.setdefault(org, set()).add(user)
    recipients: dict[int, set[int]] = {}
    for event in concerned:
        told = {user for org in hearing.get(event.id, ()) for user in members.get(org, ())}
        told |= set(RULES[event.type].people(event))
        recipients[event.id] = told
    everyone = set().union(*recipients.values())
    existing = set((await session.scalars(select(User.id).where(User.id.in_(everyone)))).all()) if everyone else set()
    names = await read_names(session, concerned)
    now = utcnow()
    planned = []
    for event in concerned:
        kind = RULES[event.type].kind
        title, body = describe(kind, event, names)
        subject_type, subject_id = subject_of(kind, event, names)
        for user in sorted(recipients[event.id] & existing):
            planned.append(
                {
                    "user_id": user,
                    "event_id": event.id,
                    "kind": kind.value,
                    "title": title,
                    "body": body,
                    "subject_type": subject_type,
                    "subject_id": subject_id,
                    "created_at": now,
                    "updated_at": now,
                }
            )
    return planned


async def write(session: AsyncSession, rows: list[dict[str, Any]]) -> list[Made]:
    """Insert what is new; returns only the notifications this call made."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    made: list[Made] = []
    for start in range(0, len(rows), INSERT_CHUNK):
        stmt = (
            insert(Notification)
            .values(rows[start : start + INSERT_CHUNK])
            .on_conflict_do_nothing(index_elements=["user_id", "event_id"])
            .returning(Notification.user_id, Notification.kind, Notification.title, Notification.body)
        )
        for user, kind, title, body in await session.execute(stmt):
            made.append(Made(user, NotificationKind(kind), title, body))
    return made


async def immediate_mails(session: AsyncSession, settings: Settings, made: Sequence[Made]) -> list[Mail]:
    """The mails of what was just made, for people who chose IMMEDIATE for its kind (confirmed addresses only)."""
    if not made:
        return []
    people = {m.user_id for m in made}
    chosen = await frequencies(session, people)
    addresses = dict(
        (
            await session.execute(
                select(User.id, User.email).where(User.id.in_(people), User.email_verified_at.is_not(None))
            )
        ).all()
    )
    return [
        mail.immediate(settings, addresses[m.user_id], m.user_id, m.kind.value, mail.Item(m.title, m.body))
        for m in made
        if m.user_id in addresses and chosen[m.user_id][m.kind] is EmailFrequency.IMMEDIATE
    ]


async def send_all(mailer: Mailer, mails: Sequence[Mail]) -> int:
    """Send, a few at a time; a failed mail is logged (the notification stays in app). Returns how many went."""
    gate = asyncio.Semaphore(MAIL_CONCURRENCY)

    async def one(message: Mail) -> bool:
        async with gate:
            try:
                await mailer.send(message)
                return True
            except Exception:
                logger.exception("notification mail to %s could not be sent", message.to)
                return False

    return sum(await asyncio.gather(*(one(m) for m in mails)))


async def notify(db: Database, settings: Settings, mailer: Mailer, batch: int = BATCH) -> int:
    """One round: the next events past the consumer's position; returns how many events were read."""
    async with db.write() as session:
        position = await claim_position(session, CONSUMER)
        if position is None:  # another worker holds it this moment
            return 0
        events = (
            await session.scalars(
                select(OutboxEvent).where(OutboxEvent.id > position).order_by(OutboxEvent.id).limit(batch)
            )
        ).all()
        if not events:
            return 0
        made = await write(session, await plan(db, session, events))
        mails = await immediate_mails(session, settings, made)
        await move_position(session, CONSUMER, events[-1].id)
    if made:
        live.ring()
    await send_all(mailer, mails)
    return len(events)
