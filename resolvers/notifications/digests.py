"""Daily and weekly digests: one email per person per period, with what they chose to receive that way.

Each person's digest is claimed (a `digest_run` row, unique per person, period and start) before it is
sent, so two workers running the job at once, or a job run twice, send it once. A claimed digest whose
mail fails is recorded with its error and not retried (at most once: a digest is never sent twice).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.mailer import Mailer
from core.settings import Settings
from db.engine import Database
from db.enums.notifications import DigestPeriod, EmailFrequency, NotificationKind
from db.models import DigestRun, Notification, User
from resolvers.notifications import mail
from resolvers.notifications.fanout import send_all
from resolvers.notifications.preferences import frequencies

CHUNK = 500  # people claimed, mailed and marked per transaction
READ_CHUNK = 5000  # ids per IN (...) list


@dataclass(frozen=True)
class Outcome:
    period: DigestPeriod
    period_start: datetime
    sent: int
    already_claimed: int


def window(period: DigestPeriod, now: datetime) -> tuple[datetime, datetime]:
    """The last whole period before `now` (UTC): yesterday, or last week from Monday."""
    midnight = datetime.combine(now.date(), time(), tzinfo=now.tzinfo)
    if period is DigestPeriod.DAILY:
        return midnight - timedelta(days=1), midnight
    this_monday = midnight - timedelta(days=now.weekday())
    return this_monday - timedelta(days=7), this_monday


async def _chosen_items(
    session: AsyncSession, period: DigestPeriod, start: datetime, end: datetime
) -> dict[int, list[mail.Item]]:
    rows = (
        await session.execute(
            select(Notification.user_id, Notification.kind, Notification.title, Notification.body)
            .where(Notification.created_at >= start, Notification.created_at < end)
            .order_by(Notification.id)
        )
    ).all()
    people = sorted({row.user_id for row in rows})
    chosen: dict[int, Mapping[NotificationKind, EmailFrequency]] = {}
    for begin in range(0, len(people), READ_CHUNK):
        chosen.update(await frequencies(session, people[begin : begin + READ_CHUNK]))
    wanted = EmailFrequency(period.value)
    items: dict[int, list[mail.Item]] = {}
    for user, kind, title, body in rows:
        if chosen[user][NotificationKind(kind)] is wanted:
            items.setdefault(user, []).append(mail.Item(title, body))
    return items


async def _claim(session: AsyncSession, period: DigestPeriod, start: datetime, counts: dict[int, int]) -> list[int]:
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    now = utcnow()
    rows = [
        {
            "user_id": user,
            "period": period.value,
            "period_start": start,
            "notification_count": count,
            "created_at": now,
            "updated_at": now,
        }
        for user, count in counts.items()
    ]
    stmt = (
        insert(DigestRun)
        .values(rows)
        .on_conflict_do_nothing(index_elements=["user_id", "period", "period_start"])
        .returning(DigestRun.user_id)
    )
    return list((await session.scalars(stmt)).all())


async def run(
    db: Database, settings: Settings, mailer: Mailer, period: DigestPeriod, now: datetime | None = None
) -> Outcome:
    start, end = window(period, now or utcnow())
    async with db.read() as session:
        items = await _chosen_items(session, period, start, end)
    people = sorted(items)
    sent = already = 0
    for begin in range(0, len(people), CHUNK):
        chunk = people[begin : begin + CHUNK]
        async with db.read() as session:
            addresses = dict(
                (
                    await session.execute(
                        select(User.id, User.email).where(User.id.in_(chunk), User.email_verified_at.is_not(None))
                    )
                ).all()
            )
        if not addresses:
            continue
        async with db.write() as session:
            claimed = await _claim(session, period, start, {user: len(items[user]) for user in addresses})
        already += len(addresses) - len(claimed)
        mails = [mail.digest(settings, addresses[user], user, period, items[user]) for user in claimed]
        went = await send_all(mailer, mails)
        sent += went
        await _mark(db, period, start, claimed, failed=went < len(mails))
    return Outcome(period, start, sent, already)


async def _mark(db: Database, period: DigestPeriod, start: datetime, claimed: Sequence[int], *, failed: bool) -> None:
    if not claimed:
        return
    async with db.write() as session:
        await session.execute(
            update(DigestRun)
            .where(DigestRun.user_id.in_(claimed), DigestRun.period == period.value, DigestRun.period_start == start)
            .values(sent_at=utcnow(), error="some mails of this batch failed; see the log" if failed else None)
        )
