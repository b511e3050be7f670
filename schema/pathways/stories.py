"""Career stories: one public feed partner sites can syndicate."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from core.markdown import to_safe_html
from db import enums, models
from resolvers.pathways import stories
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.enum_type import enum_type
from schema.errors import INPUT, Payload, returns_payload
from schema.relay import After, Connection, First, Node, decode_id, node_type, page_args

Audience = enum_type(
    enums.Audience,
    description="Who a story is written for.",
    values={
        "STUDENTS": "Students choosing or starting a career in the trade.",
        "PARENTS": "Parents and families helping a student choose.",
        "EDUCATORS": "Instructors, counsellors and school staff.",
        "EMPLOYERS": "Shop owners and managers who hire and train technicians.",
    },
)


@node_type
@strawberry.type(description="A career story published by a partner organization. Public.")
class Story(Node):
    title: str = strawberry.field(description="The story's title, up to 200 characters.")
    summary: str = strawberry.field(description="A teaser of up to 500 characters; empty when none was given.")
    body: str = strawberry.field(description="The story as written, in Markdown; show `bodyHtml` instead.")
    audience: list[Audience] = strawberry.field(description="Who the story is written for, in the author's order.")
    tags: list[str] = strawberry.field(
        description="Lowercase tags with spaces turned into hyphens (e.g. ev-repair), at most 10."
    )
    media_url: str | None = strawberry.field(
        description="An http(s) address of a video or image to show with the story; null when none."
    )
    created_at: datetime = strawberry.field(description="When the story was published (UTC); the feed's order.")
    updated_at: datetime = strawberry.field(description="When the story last changed (UTC).")
    _organization_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Story) -> Story:
        return cls(
            pk=row.id,
            title=row.title,
            summary=row.summary,
            body=row.body,
            audience=[enums.Audience(a) for a in row.audience or ()],
            tags=list(row.tags or ()),
            media_url=row.media_url,
            created_at=row.created_at,
            updated_at=row.updated_at,
            _organization_id=row.organization_id,
        )

    @classmethod
    async def load(cls, info: Info, pk: int) -> Story | None:
        row = await info.context.loaders.by_id(models.Story).load(pk)
        return cls.from_model(row) if row else None

    @strawberry.field(description="The body rendered to HTML, sanitized: safe to embed as is.")
    def body_html(self) -> str:
        return to_safe_html(self.body)

    @strawberry.field(description="The partner organization that published the story.")
    async def organization(self, info: Info) -> Organization:
        return await Organization.load_referenced(info, self._organization_id)


@strawberry.input(description="Which stories to list; every rule given must match.")
class StoryFilter:
    audience: list[Audience] = strawberry.field(
        default_factory=list, description="Stories for any of these audiences; empty for all."
    )
    tags: list[str] = strawberry.field(
        default_factory=list, description="Stories with any of these tags, matched as normalized; empty for all."
    )
    organization_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this Organization's stories."
    )


@strawberry.input(description="A new career story.")
class StoryCreateInput:
    organization_id: strawberry.ID = strawberry.field(
        description="The publishing Organization; you must be a member (or its app with content:write)."
    )
    title: str = strawberry.field(description="Up to 200 characters.")
    body: str = strawberry.field(
        description="Markdown, up to 50,000 characters; scripts, event handlers and javascript: links are refused."
    )
    audience: list[Audience] = strawberry.field(description="Who it is written for; at least one.")
    summary: str | None = strawberry.field(default=None, description="A teaser of up to 500 characters.")
    tags: list[str] = strawberry.field(
        default_factory=list,
        description="At most 10, each up to 40 characters; lowercased, spaces hyphenated, duplicates dropped.",
    )
    media_url: str | None = strawberry.field(default=None, description="An http(s) address of a video or image.")


@strawberry.input(description="The story to unpublish.")
class StoryDeleteInput:
    id: strawberry.ID = strawberry.field(description="The Story.")


@strawberry.type(description="The result of `storyCreate`.")
class StoryCreatePayload(Payload):
    story: Story | None = strawberry.field(default=None, description="The published story; null on error.")


@strawberry.type(description="The result of `storyDelete`.")
class StoryDeletePayload(Payload):
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="The ID of the story removed; null on error."
    )


@strawberry.type
class StoryQueries:
    @strawberry.field(description="Public career stories, newest first; no sign-in needed.")
    async def stories(
        self,
        info: Info,
        filter: Annotated[
            StoryFilter | None, strawberry.argument(description="Narrow the feed; omit for every story.")
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[Story]:
        filter = filter or StoryFilter()
        criteria = stories.StoryFilter(
            audience=list(filter.audience),
            tags=list(filter.tags),
            organization_id=decode_id(filter.organization_id, "Organization", "organizationId")
            if filter.organization_id
            else None,
        )
        result = await stories.feed(info.context.db, criteria, page_args(first, after))
        return Connection.of(result, Story.from_model)


@strawberry.type
class StoryMutations:
    @strawberry.mutation(description="Publish a story (an organization's members, or its apps with content:write).")
    @returns_payload
    async def story_create(
        self, info: Info, input: Annotated[StoryCreateInput, strawberry.argument(description=INPUT)]
    ) -> StoryCreatePayload:
        row = await stories.create(
            info.context.db,
            info.context.viewer,
            stories.StoryInput(
                organization_id=decode_id(input.organization_id, "Organization", "organizationId"),
                title=input.title,
                body=input.body,
                audience=list(input.audience),
                summary=input.summary,
                tags=list(input.tags),
                media_url=input.media_url,
            ),
        )
        return StoryCreatePayload(story=Story.from_model(row))

    @strawberry.mutation(description="Unpublish a story (its organization's members, or apps with content:write).")
    @returns_payload
    async def story_delete(
        self, info: Info, input: Annotated[StoryDeleteInput, strawberry.argument(description=INPUT)]
    ) -> StoryDeletePayload:
        await stories.remove(info.context.db, info.context.viewer, decode_id(input.id, "Story"))
        return StoryDeletePayload(deleted_id=input.id)
