"""Notification emails: plain text and HTML (everything escaped), each with an RFC 8058 one-click
unsubscribe (`List-Unsubscribe` with an https link and a mailto, `List-Unsubscribe-Post`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from core.mailer import Mail
from core.settings import Settings
from db.enums.notifications import DigestPeriod
from resolvers.notifications.unsubscribe import Target, describe_target, digest_target, link, mailto

FOOTER = "-- ShopReady"


@dataclass(frozen=True)
class Item:
    title: str
    body: str


def _headers(settings: Settings, target: Target) -> tuple[tuple[str, str], ...]:
    return (
        ("List-Unsubscribe", f"<{link(settings, target)}>, <{mailto(settings, target)}>"),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
    )


def _mail(settings: Settings, to: str, subject: str, items: Sequence[Item], intro: str, target: Target) -> Mail:
    stop = link(settings, target)
    what = describe_target(target)
    text = "\n\n".join([intro, *(f"* {item.title}\n  {item.body}" for item in items), f"Stop {what}: {stop}", FOOTER])
    entries = "".join(f"<li><strong>{escape(item.title)}</strong><br>{escape(item.body)}</li>" for item in items)
    html = (
        f"<html><body><p>{escape(intro)}</p><ul>{entries}</ul>"
        f'<p><a href="{escape(stop, quote=True)}">Stop {escape(what)}</a></p>'
        f"<p>{escape(FOOTER)}</p></body></html>"
    )
    return Mail(to=to, subject=subject, text=text + "\n", html=html, headers=_headers(settings, target))


def immediate(settings: Settings, to: str, user_id: int, kind: str, item: Item) -> Mail:
    intro = "Here is what happened on ShopReady; sign in to see it and answer."
    return _mail(settings, to, item.title, [item], intro, Target(user_id, kind))


def digest(settings: Settings, to: str, user_id: int, period: DigestPeriod, items: Sequence[Item]) -> Mail:
    span = "day" if period is DigestPeriod.DAILY else "week"
    count = len(items)
    subject = f"Your ShopReady {period.value.lower()} digest: {count} update{'s' if count != 1 else ''}"
    intro = f"What happened on ShopReady this past {span}, as you chose to receive it."
    return _mail(settings, to, subject, items, intro, Target(user_id, digest_target(period)))
