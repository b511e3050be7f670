"""Career stories: one public feed partner sites can syndicate."""

from __future__ import annotations

from datetime import datetime

import strawberry

from core.markdown import to_safe_html
from db import enums, models
from resolvers.pathways import stories
from schema.accounts.organizations import Organization
from schema.context import Info
from schema.errors import Payload, returns_payload
from schema.relay import Connection, Node, decode_id, node_type, page_args

Audience = strawberry.enum(enums.Audience, description="Who a story is written for.")


@node_type
@strawberry.type(description="A career story published by a partner organization.")
class Story(Node):
    title: str
    summary: str
    body: str = strawberry.field(description="The story as written, in Markdown.")
    audience: list[Audience]
    tags: list[str]
    media_url: str | None
    created_at: datetime
    updated_at: datetime
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

    @strawberry.field
    async def organization(self, info: Info) -> Organization:
        return await Organization.load(info, self._organization_id)


@strawberry.input(description="Audiences match any of those given, tags any of those given.")
class StoryFilter:
    audience: list[Audience] = strawberry.field(default_factory=list)
    tags: list[str] = strawberry.field(default_factory=list)
    organization_id: strawberry.ID | None = None


@strawberry.input
class StoryCreateInput:
    organization_id: strawberry.ID
    title: str
    body: str = strawberry.field(description="Markdown; scripts, event handlers and javascript: links are refused.")
    audience: list[Audience]
    summary: str | None = None
    tags: list[str] = strawberry.field(default_factory=list, description="Lowercased and deduplicated; at most 10.")
    media_url: str | None = strawberry.field(default=None, description="An http(s) address of a video or image.")


@strawberry.type
class StoryPayload(Payload):
    story: Story | None = None


@strawberry.type
class StoryDeletePayload(Payload):
    deleted_id: strawberry.ID | None = None


@strawberry.type
class StoryQueries:
    @strawberry.field(description="Public career stories, newest first.")
    async def stories(
        self, info: Info, filter: StoryFilter | None = None, first: int | None = 20, after: str | None = None
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
    async def story_create(self, info: Info, input: StoryCreateInput) -> StoryPayload:
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
        return StoryPayload(story=Story.from_model(row))

    @strawberry.mutation(description="Unpublish a story (its organization's members, or apps with content:write).")
    @returns_payload
    async def story_delete(self, info: Info, id: strawberry.ID) -> StoryDeletePayload:
        await stories.remove(info.context.db, info.context.viewer, decode_id(id, "Story"))
        return StoryDeletePayload(deleted_id=id)
