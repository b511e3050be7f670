"""Where audit entries come from, behind one small interface (`AuditSource`).

For now the per-object histories the workflows already keep: donation events and application
events. When the events backbone lands, one source reading the transactional outbox replaces these
two, and the query, its filters, its policy and the CSV export stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from core.paging import SelectT
from db.models import Application, ApplicationEvent, AppToken, Donation, DonationEvent, JobPosting, User


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


def _common(
    query: SelectT, rank: int, criteria: AuditCriteria, before: Position | None, event: Any, prefix: str
) -> SelectT | None:
    """The filters every source applies the same way; None when the criteria exclude the whole source."""
    if criteria.object_type is not None and criteria.object_type != prefix.title():
        return None
    if criteria.actions is not None:
        statuses = [a.split(".", 1)[1].upper() for a in criteria.actions if a.startswith(f"{prefix}.")]
        if not statuses:
            return None
        query = query.where(event.to_status.in_(statuses))
    if criteria.actor_user_id is not None:
        query = query.where(event.actor_user_id == criteria.actor_user_id)
    if criteria.actor_app_token_id is not None:
        query = query.where(event.actor_app_token_id == criteria.actor_app_token_id)
    if criteria.since is not None:
        query = query.where(event.created_at >= criteria.since)
    if criteria.until is not None:
        query = query.where(event.created_at < criteria.until)
    return query.where(_older_than(rank, before, event.created_at, event.id)).order_by(
        event.created_at.desc(), event.id.desc()
    )


def _within(columns: list[Any], organizations: frozenset[int] | None, organization_id: int | None) -> Any:
    condition: ColumnElement[bool] = true()
    if organizations is not None:
        condition = or_(*(c.in_(organizations) for c in columns)) if organizations else false()
    if organization_id is not None:
        condition = and_(condition, or_(*(c == organization_id for c in columns)))
    return condition


_ACTOR = aliased(User)
_APP = aliased(AppToken)


class DonationHistory:
    rank = 1

    async def entries(
        self, session: AsyncSession, criteria: AuditCriteria, before: Position | None, limit: int
    ) -> list[AuditEntry]:
        e, d = DonationEvent, Donation
        query = (
            select(e, d.donor_id, d.school_id, _ACTOR.name, _APP.name)
            .join(d, d.id == e.donation_id)
            .outerjoin(_ACTOR, _ACTOR.id == e.actor_user_id)
            .outerjoin(_APP, _APP.id == e.actor_app_token_id)
            .where(_within([d.donor_id, d.school_id], criteria.organizations, criteria.organization_id))
        )
        if criteria.object_id is not None:
            query = query.where(e.donation_id == criteria.object_id)
        filtered = _common(query, self.rank, criteria, before, e, "donation")
        if filtered is None:
            return []
        rows = (await session.execute(filtered.limit(limit))).all()
        return [
            AuditEntry(
                occurred_at=event.created_at,
                source_rank=self.rank,
                event_id=event.id,
                action=f"donation.{event.to_status.lower()}",
                object_type="Donation",
                object_id=event.donation_id,
                organization_ids=(donor, school),
                actor_user_id=event.actor_user_id,
                actor_app_token_id=event.actor_app_token_id,
                actor_name=person or app,
                from_status=event.from_status,
                to_status=event.to_status,
                note=event.note,
            )
            for event, donor, school, person, app in rows
        ]


class ApplicationHistory:
    rank = 2

    async def entries(
        self, session: AsyncSession, criteria: AuditCriteria, before: Position | None, limit: int
    ) -> list[AuditEntry]:
        e, a, j = ApplicationEvent, Application, JobPosting
        query = (
            select(e, j.employer_id, _ACTOR.name, _APP.name)
            .join(a, a.id == e.application_id)
            .join(j, j.id == a.job_posting_id)
            .outerjoin(_ACTOR, _ACTOR.id == e.actor_user_id)
            .outerjoin(_APP, _APP.id == e.actor_app_token_id)
            .where(_within([j.employer_id], criteria.organizations, criteria.organization_id))
        )
        if criteria.object_id is not None:
            query = query.where(e.application_id == criteria.object_id)
        filtered = _common(query, self.rank, criteria, before, e, "application")
        if filtered is None:
            return []
        rows = (await session.execute(filtered.limit(limit))).all()
        return [
            AuditEntry(
                occurred_at=event.created_at,
                source_rank=self.rank,
                event_id=event.id,
                action=f"application.{event.to_status.lower()}",
                object_type="Application",
                object_id=event.application_id,
                organization_ids=(employer,),
                actor_user_id=event.actor_user_id,
                actor_app_token_id=event.actor_app_token_id,
                actor_name=person or app,
                from_status=event.from_status,
                to_status=event.to_status,
                note=event.note or None,
            )
            for event, employer, person, app in rows
        ]


SOURCES: tuple[AuditSource, ...] = (DonationHistory(), ApplicationHistory())
