"""The delivery worker: fans events out to webhooks and notifications, delivers what is due, watches
rankings for match events, tells saved searches of new matches, and keeps house (credential expiry and
workforce announcements, digests, media sweeps, retention).

Run any number (`python app.py worker`, on any machine, against one PostgreSQL): they share work
through the database alone. With SQLite, `serve` runs one in process.
"""

from __future__ import annotations

import asyncio
import logging
import time

import aiohttp

from core.mailer import Mailer
from core.media_storage import storage_for
from core.settings import Settings
from db.engine import Database
from db.enums.notifications import DigestPeriod
from resolvers.events.delivery import deliver_due, new_client
from resolvers.events.fanout import fan_out
from resolvers.events.retention import prune
from resolvers.events.wakeup import Wakeup
from resolvers.matches.watch import watch as watch_matches
from resolvers.media.photos import sweep as sweep_media
from resolvers.notifications import digests
from resolvers.notifications.fanout import notify
from resolvers.searches.alerts import alert_due
from resolvers.talent.credential_expiry import announce_expiring
from resolvers.workforce.announcements import announce_workforce

logger = logging.getLogger("shopready.worker")
HOUSEKEEPING_SECONDS = 3600.0
MATCH_WATCH_SECONDS = 2.0  # rankings are re-checked this often at most, however busy the outbox
# Saved searches are looked at this often; each search's own frequency (IMMEDIATE is 60 s) says when it is due.
SAVED_SEARCH_SECONDS = 60.0


class Worker:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        client: aiohttp.ClientSession | None = None,
        mailer: Mailer | None = None,
    ) -> None:
        self.db, self.settings = db, settings
        self.client = client or new_client()
        self.mailer = mailer or Mailer.configured(settings.smtp_url, settings.mail_dir, settings.mail_from)
        self.wakeup = Wakeup(db)
        self._housekept_at: float | None = None
        self._watched_at = 0.0
        self._searched_at: float | None = None

    async def step(self) -> int:
        """One round: fan out new events, deliver one batch; returns how much was done."""
        if time.monotonic() - self._watched_at > MATCH_WATCH_SECONDS:
            self._watched_at = time.monotonic()
            await watch_matches(self.db)
        if self._searched_at is None or time.monotonic() - self._searched_at > SAVED_SEARCH_SECONDS:
            self._searched_at = time.monotonic()
            await alert_due(self.db)
        fanned = await fan_out(self.db)
        told = await notify(self.db, self.settings, self.mailer)
        sent = await deliver_due(self.db, self.settings, self.client)
        return fanned + told + sent

    async def housekeeping(self) -> None:
        announced = await announce_expiring(self.db) + await announce_workforce(self.db)
        deliveries, events = await prune(
            self.db, self.settings.event_retention_days, self.settings.audit_retention_days
        )
        files = await sweep_media(self.db, storage_for(self.settings))
        # Each digest goes once per person and period (claimed first), so running this hourly is safe.
        digested = [await digests.run(self.db, self.settings, self.mailer, period) for period in DigestPeriod]
        logger.info(
            "housekeeping: %d expiring credentials and workforce news announced, %d digests sent, pruned %d "
            "deliveries and %d events, %d media files",
            announced,
            sum(outcome.sent for outcome in digested),
            deliveries,
            events,
            files,
        )

    async def run(self, stop: asyncio.Event) -> None:
        await self.wakeup.start()
        try:
            while not stop.is_set():
                try:
                    if self._housekept_at is None or time.monotonic() - self._housekept_at > HOUSEKEEPING_SECONDS:
                        self._housekept_at = time.monotonic()
                        await self.housekeeping()
                    busy = await self.step()
                except Exception:  # the worker outlives a bad round; the reason goes to the log
                    logger.exception("worker round failed")
                    busy = 0
                if not busy:
                    await self.wakeup.wait(self.settings.worker_poll_seconds)
        finally:
            await self.wakeup.stop()
            await self.client.close()
