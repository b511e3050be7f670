"""Career stories: partners publish them, anyone reads the one public feed, newest first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, exists, select

from core import outbox
from core.errors import ErrorCode, not_found
from core.markdown import active_content
from core.paging import Page, Slice
from core.validation import Checks
from core.viewer import ANY_MEMBER, Scope, Viewer, require_role
from db.engine import Database
from db.enums.pathways import Audience
from db.models import Organization, Story, StoryAudience, StoryTag
from resolvers.pathways.events import story_event

MAX_TAGS = 10
MAX_TAG_LENGTH = 40
MAX_BODY_LENGTH = 50_000
_MEDIA_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def normalize_tag(tag: str) -> str:
    """'  EV  Repair ' -> 'ev-repair': one spelling per tag, so filters find every story."""
    return _SPACES.sub("-", tag.strip().lower())


def normalized_tags(tags: list[str], checks: Checks, field_name: str = "tags") -> list[str]:
    result = list(dict.fromkeys(t for t in (normalize_tag(tag) for tag in tags) if t))
    if len(result) > MAX_TAGS:
        checks.add(ErrorCode.OUT_OF_RANGE, f"Use at most {MAX_TAGS} tags.", field_name)
    if too_long := [t for t in result if len(t) > MAX_TAG_LENGTH]:
        checks.add(
            ErrorCode.TOO_LONG, f"Tags must be at most {MAX_TAG_LENGTH} characters: {too_long[0][:50]}", field_name
        )
    return result


@dataclass(frozen=True)
class StoryInput:
    organization_id: int
    title: str
    body: str
    audience: list[Audience]
    summary: str | None = None
    tags: list[str] = field(default_factory=list)
    media_url: str | None = None


def _validated(given: StoryInput) -> dict:
    checks = Checks()
    values: dict[str, Any] = {
        "title": checks.text(given.title, "title", max_length=200),
        "summary": checks.text(given.summary, "summary", max_length=500, required=False) or "",
        "body": checks.text(given.body, "body", max_length=MAX_BODY_LENGTH),
        "audience": [a.value for a in dict.fromkeys(given.audience)],
        "tags": normalized_tags(given.tags or [], checks),
        "media_url": None,
    }
    if not values["audience"]:
        checks.add(ErrorCode.REQUIRED, "Choose at least one audience.", "audience")
    if values["body"] and (problem := active_content(values["body"])):
        checks.add(ErrorCode.UNSAFE_CONTENT, problem, "body")
    if given.media_url is not None and given.media_url.strip():
        media_url = given.media_url.strip()
        if len(media_url) > 500 or not _MEDIA_URL.match(media_url):
            checks.add(ErrorCode.INVALID, "mediaUrl must be an http(s) address.", "mediaUrl")
        values["media_url"] = media_url
    checks.raise_any()
    return values


async def create(db: Database, viewer: Viewer, given: StoryInput) -> Story:
    values = _validated(given)
    async with db.write() as session:
        if await session.get(Organization, given.organization_id) is None:
            raise not_found("Organization", "organizationId")
        await require_role(session, viewer, given.organization_id, roles=ANY_MEMBER, scope=Scope.CONTENT_WRITE)
        story = Story(organization_id=given.organization_id, author_user_id=viewer.user_id, **values)
        session.add(story)
        await session.flush()
        session.add_all(StoryAudience(story_id=story.id, audience=a) for a in story.audience)
        session.add_all(StoryTag(story_id=story.id, tag=t) for t in story.tags)
        outbox.append(session, story_event(story))
    return story


async def remove(db: Database, viewer: Viewer, story_id: int) -> None:
    async with db.write() as session:
        story = await session.get(Story, story_id)
        if story is None:
            raise not_found("Story")
        await require_role(
            session, viewer, story.organization_id, roles=ANY_MEMBER, scope=Scope.CONTENT_WRITE, hide="Story"
        )
        await session.execute(delete(Story).where(Story.id == story.id))


@dataclass(frozen=True)
class StoryFilter:
    """Audiences and tags each match any of the values given; both together must both match."""

    audience: list[Audience] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    organization_id: int | None = None


async def feed(db: Database, filter: StoryFilter, page: Page) -> Slice[Story]:
    checks = Checks()
    tags = normalized_tags(filter.tags, checks, "filter")
    checks.raise_any()
    stmt = select(Story).order_by(Story.created_at.desc(), Story.id.desc())
    if filter.audience:
        stmt = stmt.where(
            exists().where(
                StoryAudience.story_id == Story.id, StoryAudience.audience.in_([a.value for a in filter.audience])
            )
        )
    if tags:
        stmt = stmt.where(exists().where(StoryTag.story_id == Story.id, StoryTag.tag.in_(tags)))
    if filter.organization_id is not None:
        stmt = stmt.where(Story.organization_id == filter.organization_id)
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())
