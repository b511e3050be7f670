"""Demo data: a believable region of schools, donors and employers, the same for the same seed."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.settings import Settings
from db.engine import Database
from db.models import Organization, User

SIZES = {"small": 1, "medium": 5, "large": 30}


async def tell(db: Database, settings: Settings) -> None:
    """Run the notifications consumer over the demo's events, as the worker would (its mails go where the
    mailer sends them: `SHOPREADY_MAIL_DIR`, ./mail by default, unless SMTP is configured)."""
    from core.mailer import Mailer
    from resolvers.notifications.fanout import notify

    mailer = Mailer.configured(settings.smtp_url, settings.mail_dir, settings.mail_from)
    while await notify(db, settings, mailer):
        pass


DEMO_PASSWORD = "shopready-demo-2026"  # noqa: S105 - public: the README gives it to every reader
DEMO_MARKER_EMAIL = "staff@demo.shopready.dev"  # present once demo data has been written


@dataclass
class World:
    """What earlier seeders wrote, for later ones to build on."""

    rng: random.Random
    scale: int
    password_hash: str
    users: dict[str, User] = field(default_factory=dict)
    schools: list = field(default_factory=list)
    donors: list = field(default_factory=list)
    employers: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)


Seeder = Callable[[AsyncSession, World], Awaitable[None]]


def seeders() -> list[Seeder]:
    """Every domain's seeder, in dependency order."""
    from resolvers.demo import (
        donations,
        media,
        messages,
        notifications,
        organizations,
        pathways,
        services,
        talent,
        workforce,
    )

    return [
        organizations.seed,
        donations.seed,
        services.seed,
        talent.seed,
        pathways.seed,
        workforce.seed,
        messages.seed,
        media.seed,
        notifications.seed,  # last: notifications are made from every other seeder's events
    ]


async def seed_database(settings: Settings, *, size: str = "small", seed: int = 7, only_if_empty: bool = False) -> str:
    from core.passwords import Passwords

    db = Database(settings.database_url, timeouts=settings.database_timeouts)
    try:
        async with db.read() as session:
            existing = await session.scalar(select(func.count()).select_from(Organization))
            seeded_before = await session.scalar(select(User.id).where(User.email == DEMO_MARKER_EMAIL))
        if seeded_before:
            return "demo data is already in this database; nothing added"
        if only_if_empty and existing:
            return f"database already has {existing} organizations; demo data not added"
        passwords = Passwords(time_cost=settings.password_time_cost, memory_cost_kib=settings.password_memory_kib)
        world = World(random.Random(seed), SIZES[size], await passwords.hash(DEMO_PASSWORD))
        world.extra["settings"] = settings  # the media store, for demo photos
        async with db.write() as session:
            for seeder in seeders():
                await seeder(session, world)
        await tell(db, settings)
        return (
            f"seeded {size} demo data: {len(world.schools)} schools, {len(world.donors)} donors, "
            f"{len(world.employers)} employers; demo accounts {', '.join(world.users)} "
            f"(password {DEMO_PASSWORD})"
        )
    finally:
        await db.dispose()
