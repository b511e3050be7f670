"""Where audit entries come from, behind one small interface (`AuditSource`): the transactional
outbox, where every state change of every domain is recorded with who caused it.

Events that reach only the people they name (messages, saved searches, a shop's records of its
people) are not the organization's to audit and stay out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from core.json_lists import contains_number
from db.enums.events import EventType
from db.models import AppToken, OutboxEvent, User


@dataclass(frozen=True)
class AuditEntry:
    """Who (a person or an app) did what to which object, when, for which organizations."""

    occurred_at: datetime
    source_rank: int  # orders entries of the same instant: the source's rank, then the event's id
    event_id: int
    action: str  # "<object>.<what happened>", e.g. donation.approved
    object_type: str  # the GraphQL type of the object
    object_id: int
    organization_ids: tuple[int, ...]
    actor_user_id: int | None
    actor_app_token_id: int | None
    actor_name: str | None
    from_status: str | None
    to_status: str | None
    note: str | None

    @property
    def position(self) -> Position:
        return Position(self.occurred_at, self.source_rank, self.event_id)


@dataclass(frozen=True)
class Position:
    """An entry's place in the newest-first order: (time, source rank, event id), all descending."""

    occurred_at: datetime
    source_rank: int
    event_id: int


@dataclass(frozen=True)
class AuditCriteria:
    organizations: frozenset[int] | None  # what the policy lets the viewer read; None: everything
    organization_id: int | None = None
    object_type: str | None = None
    object_id: int | None = None
    actor_user_id: int | None = None
    actor_app_token_id: int | None = None
    actions: frozenset[str] | None = None
    since: datetime | None = None
    until: datetime | None = None


class AuditSource(Protocol):
    rank: int

    async def entries(
        self, session: AsyncSession, criteria: AuditCriteria, before: Position | None, limit: int
    ) -> list[AuditEntry]:
        """Up to `limit` entries matching `criteria`, newest first, strictly after `before` in that order."""


def _older_than(rank: int, before: Position | None, at: Any, event_id: Any) -> ColumnElement[bool]:
    if before is None:
        return true()
    if rank < before.source_rank:
        return at <= before.occurred_at
    if rank > before.source_rank:
        return at < before.occurred_at
    return or_(at < before.occurred_at, and_(at == before.occurred_at, event_id < before.event_id))


def _within(organizations: frozenset[int] | None, organization_id: int | None) -> ColumnElement[bool]:
    concerns = OutboxEvent.organization_ids
    condition: ColumnElement[bool] = true()
    if organizations is not None:
        condition = or_(*(contains_number(concerns, org) for org in organizations)) if organizations else false()
    if organization_id is not None:
        condition = and_(condition, contains_number(concerns, organization_id))
    return condition


_AUDITED = sorted(t.value for t in EventType if not t.is_personal)


class OutboxHistory:
    rank = 1

    async def entries(
        self, session: AsyncSession, criteria: AuditCriteria, before: Position | None, limit: int
    ) -> list[AuditEntry]:
        e = OutboxEvent
        query = (
            select(e, User.name, AppToken.name)
            .outerjoin(User, User.id == e.actor_user_id)
            .outerjoin(AppToken, AppToken.id == e.actor_app_token_id)
            .where(e.type.in_(_AUDITED), _within(criteria.organizations, criteria.organization_id))
        )
        if criteria.object_type is not None:
            query = query.where(e.subject_type == criteria.object_type)
        if criteria.object_id is not None:
            query = query.where(e.subject_id == criteria.object_id)
        if criteria.actions is not None:
            query = query.where(e.type.in_(criteria.actions))
        if criteria.actor_user_id is not None:
            query = query.where(e.actor_user_id == criteria.actor_user_id)
        if criteria.actor_app_token_id is not None:
            query = query.where(e.actor_app_token_id == criteria.actor_app_token_id)
        if criteria.since is not None:
            query = query.where(e.occurred_at >= criteria.since)
        if criteria.until is not None:
            query = query.where(e.occurred_at < criteria.until)
        query = query.where(_older_than(self.rank, before, e.occurred_at, e.id))
        rows = (await session.execute(query.order_by(e.occurred_at.desc(), e.id.desc()).limit(limit))).all()
        return [_entry(self.rank, event, person, app) for event, person, app in rows]


def _entry(rank: int, event: OutboxEvent, person: str | None, app: str | None) -> AuditEntry:
    data = event.data or {}
    return AuditEntry(
        occurred_at=event.occurred_at,
        source_rank=rank,
        event_id=event.id,
        action=event.type,
        object_type=event.subject_type,
        object_id=event.subject_id,
        organization_ids=tuple(event.organization_ids or ()),
        actor_user_id=event.actor_user_id,
        actor_app_token_id=event.actor_app_token_id,
        actor_name=person or app,
        from_status=data.get("fromStatus"),
        to_status=data.get("status"),
        note=data.get("note") or None,
    )


SOURCES: tuple[AuditSource, ...] = (OutboxHistory(),)
