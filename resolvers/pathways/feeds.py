"""The career stories as syndication feeds: Atom 1.0 (RFC 4287) and JSON Feed 1.1.

The newest stories first, filtered like `stories(filter:)` by audience and tag; each entry carries the
story's sanitized HTML, its summary, audiences and tags (as categories), the publishing organization
as author, and the story's media address as an enclosure (Atom) or image (JSON Feed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from sqlalchemy import select

from core.global_ids import global_id
from core.markdown import to_safe_html
from core.paging import Page
from db.engine import Database
from db.models import Organization, Story
from resolvers.pathways.stories import StoryFilter, feed

FEED_SIZE = 50
TITLE = "ShopReady career stories"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
_ATOM = "http://www.w3.org/2005/Atom"
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)  # `updated` of a feed with no story yet


@dataclass(frozen=True)
class FeedEntry:
    story: Story
    organization_name: str


@dataclass(frozen=True)
class StoryFeed:
    entries: list[FeedEntry]
    updated: datetime  # the newest change among the stories shown


async def read(db: Database, filter: StoryFilter) -> StoryFeed:
    stories = (await feed(db, filter, Page(FEED_SIZE, 0))).items
    publishers = {s.organization_id for s in stories}
    async with db.read() as session:
        rows = await session.execute(select(Organization.id, Organization.name).where(Organization.id.in_(publishers)))
        names: dict[int, str] = {row.id: row.name for row in rows}
    entries = [FeedEntry(s, names.get(s.organization_id, "")) for s in stories]
    return StoryFeed(entries, max((_utc(s.updated_at) for s in stories), default=_EPOCH))


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _rfc3339(moment: datetime) -> str:
    return _utc(moment).isoformat(timespec="seconds").replace("+00:00", "Z")


def entry_id(story: Story) -> str:
    return f"tag:shopready,2026:{global_id('Story', story.id)}"


def atom(story_feed: StoryFeed, *, self_url: str, home_url: str) -> bytes:
    ET.register_namespace("", _ATOM)
    root = ET.Element(f"{{{_ATOM}}}feed")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{_ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    add(root, "id", "tag:shopready,2026:stories")
    add(root, "title", TITLE)
    add(root, "subtitle", "Career stories for students, parents, educators and employers in automotive repair.")
    add(root, "updated", _rfc3339(story_feed.updated))
    add(root, "link", rel="self", type="application/atom+xml", href=self_url)
    add(root, "link", rel="alternate", href=home_url)
    add(add(root, "author"), "name", "ShopReady")
    for item in story_feed.entries:
        story = item.story
        entry = add(root, "entry")
        add(entry, "id", entry_id(story))
        add(entry, "title", story.title)
        add(entry, "published", _rfc3339(story.created_at))
        add(entry, "updated", _rfc3339(story.updated_at))
        add(add(entry, "author"), "name", item.organization_name)
        if story.summary:
            add(entry, "summary", story.summary)
        add(entry, "content", to_safe_html(story.body), type="html")
        for audience in story.audience or ():
            add(entry, "category", term=audience, scheme="https://shopready.dev/audience", label=audience.title())
        for tag in story.tags or ():
            add(entry, "category", term=tag, scheme="https://shopready.dev/tag")
        if story.media_url:
            add(entry, "link", rel="enclosure", href=story.media_url)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)


def json_feed(story_feed: StoryFeed, *, self_url: str, home_url: str) -> bytes:
    items = []
    for item in story_feed.entries:
        story = item.story
        entry: dict[str, object] = {
            "id": entry_id(story),
            "title": story.title,
            "content_html": to_safe_html(story.body),
            "date_published": _rfc3339(story.created_at),
            "date_modified": _rfc3339(story.updated_at),
            "authors": [{"name": item.organization_name}],
            "tags": list(story.tags or ()),
            "_shopready": {"audience": list(story.audience or ()), "storyId": global_id("Story", story.id)},
        }
        if story.summary:
            entry["summary"] = story.summary
        if story.media_url:
            entry["external_url"] = story.media_url
        items.append(entry)
    document = {
        "version": JSON_FEED_VERSION,
        "title": TITLE,
        "home_page_url": home_url,
        "feed_url": self_url,
        "description": "Career stories for students, parents, educators and employers in automotive repair.",
        "language": "en-US",
        "authors": [{"name": "ShopReady"}],
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
