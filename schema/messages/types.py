"""Conversations and their messages, as their parties see them."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import strawberry

from core.markdown import to_safe_html
from db import models
from db.enums.messages import ConversationSubject
from resolvers.messages import policy
from schema.context import Info
from schema.relay import After, Connection, First, Node, encode_id, node_type, page_args, resolve_node

SUBJECT_TYPES: dict[str, ConversationSubject] = {
    "Donation": ConversationSubject.DONATION,
    "Application": ConversationSubject.APPLICATION,
    "JobInvitation": ConversationSubject.INVITATION,
    "Mentorship": ConversationSubject.MENTORSHIP,
}
SUBJECT_NAMES = {subject: name for name, subject in SUBJECT_TYPES.items()}


async def is_party(info: Info, conversation: models.Conversation) -> bool:
    return policy.is_party(info.context.viewer, await info.context.roles(), conversation)


@node_type
@strawberry.type(description="One message of a conversation, as its author wrote it.")
class Message(Node):
    body: str = strawberry.field(
        description="The text exactly as written, plain text (at most 4,000 characters); never HTML. Show it "
        "as text, or use `bodyHtml`."
    )
    created_at: datetime = strawberry.field(description="When it was sent.")
    _row: strawberry.Private[models.Message]

    @classmethod
    def from_model(cls, row: models.Message) -> Message:
        return cls(pk=row.id, body=row.body, created_at=row.created_at, _row=row)

    @classmethod
    async def load(cls, info: Info, pk: int) -> Message | None:
        row = await info.context.loaders.by_id(models.Message).load(pk)
        if row is None:
            return None
        conversation = await info.context.loaders.by_id(models.Conversation).load(row.conversation_id)
        return cls.from_model(row) if conversation is not None and await is_party(info, conversation) else None

    @strawberry.field(
        description="The body read as Markdown and rendered to HTML through the allowlist sanitizer: no script, "
        "event handler or javascript: link survives. Safe to insert into a page."
    )
    def body_html(self) -> str:
        return to_safe_html(self.body)

    @strawberry.field(description="The author's name; null when their account was deleted.")
    async def sender_name(self, info: Info) -> str | None:
        if self._row.sender_id is None:
            return None
        sender = await info.context.loaders.by_id(models.User).load(self._row.sender_id)
        return sender.name if sender is not None else None

    @strawberry.field(description="Whether you wrote it.")
    def sent_by_you(self, info: Info) -> bool:
        return self._row.sender_id is not None and self._row.sender_id == info.context.viewer.user_id


@node_type
@strawberry.type(
    description="The conversation about a donation, application, invitation or mentorship: its two sides' "
    "people (every member of an organization side) read and write it; for anyone else it does not exist."
)
class Conversation(Node):
    created_at: datetime = strawberry.field(description="When the first message was sent.")
    last_message_at: datetime | None = strawberry.field(description="When the latest message was sent.")
    _row: strawberry.Private[models.Conversation]
    MESSAGE_ORDER: ClassVar[tuple[str, ...]] = ("id",)

    @classmethod
    def from_model(cls, row: models.Conversation) -> Conversation:
        return cls(pk=row.id, created_at=row.created_at, last_message_at=row.last_message_at, _row=row)

    @classmethod
    async def load(cls, info: Info, pk: int) -> Conversation | None:
        row = await info.context.loaders.by_id(models.Conversation).load(pk)
        return cls.from_model(row) if row is not None and await is_party(info, row) else None

    @strawberry.field(
        description="What it is about (a Donation, Application, JobInvitation or Mentorship), with that object's "
        "own access rules; null if you may no longer see it."
    )
    async def subject(self, info: Info) -> Node | None:
        name = SUBJECT_NAMES[ConversationSubject(self._row.subject_type)]
        return await resolve_node(info, encode_id(name, self._row.subject_id))

    @strawberry.field(description="Its messages, oldest first (in the order they were stored).")
    async def messages(self, info: Info, first: First = 20, after: After = None) -> Connection[Message]:
        loader = info.context.loaders.page_by_column(
            models.Message, "conversation_id", page_args(first, after), order_by=self.MESSAGE_ORDER
        )
        return Connection.of(await loader.load(self.pk), Message.from_model)
