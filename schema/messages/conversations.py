"""Reading and writing conversations: `conversation`, `conversations` and `messageSend`."""

from __future__ import annotations

from typing import Annotated

import strawberry

from core.errors import DomainError, ErrorCode
from resolvers.messages import conversations
from schema.context import Info
from schema.errors import INPUT, Caller, Payload, returns_payload
from schema.messages.types import SUBJECT_TYPES, Conversation, Message
from schema.relay import After, Connection, First, decode_any_id, page_args

SUBJECT = "A Donation, Application, JobInvitation or Mentorship you are a party to"


def subject_of(global_id: str, field: str = "subjectId"):
    type_name, pk = decode_any_id(global_id, field)
    subject = SUBJECT_TYPES.get(type_name)
    if subject is None:
        raise DomainError(
            ErrorCode.INVALID, "Expected the ID of a donation, application, invitation or mentorship.", field
        )
    return subject, pk


@strawberry.input(description="A message to the other side of a donation, application, invitation or mentorship.")
class MessageSendInput:
    subject_id: strawberry.ID = strawberry.field(
        description=f"{SUBJECT}; NOT_FOUND otherwise. The first message opens its conversation."
    )
    body: str = strawberry.field(
        description="Plain text, 1 to 4,000 characters; stored as written, never rendered as HTML unsanitized."
    )


@strawberry.type(description="The result of `messageSend`.")
class MessageSendPayload(Payload):
    message: Message | None = strawberry.field(default=None, description="The message sent; null on refusal.")
    conversation: Conversation | None = strawberry.field(
        default=None, description="The conversation it was added to; null on refusal."
    )


@strawberry.type
class ConversationQueries:
    @strawberry.field(
        description="The conversation about an object, for its parties; null before the first message, and for "
        "anyone else."
    )
    async def conversation(
        self, info: Info, subject_id: Annotated[strawberry.ID, strawberry.argument(description=SUBJECT + ".")]
    ) -> Conversation | None:
        subject, pk = subject_of(subject_id)
        row = await conversations.find(info.context.db, info.context.viewer, subject, pk)
        return Conversation.from_model(row) if row is not None else None

    @strawberry.field(
        description="Your conversations, latest message first; empty unless signed in as a person (apps never "
        "take part)."
    )
    async def conversations(self, info: Info, first: First = 20, after: After = None) -> Connection[Conversation]:
        rows = await conversations.mine(info.context.db, info.context.viewer, page_args(first, after))
        return Connection.of(rows, Conversation.from_model)


@strawberry.type
class MessageMutations:
    @strawberry.mutation(
        description="Send a message about an object you are a party to. An organization opening a conversation "
        "with a student spends one of its weekly first contacts (RATE_LIMITED beyond the cap); BLOCKED when "
        "the other side blocked you. Announced to the other side as `message.sent`."
    )
    @returns_payload(caller=Caller.PERSON)
    async def message_send(
        self, info: Info, input: Annotated[MessageSendInput, strawberry.argument(description=INPUT)]
    ) -> MessageSendPayload:
        subject, pk = subject_of(input.subject_id)
        conversation, message = await conversations.send(
            info.context.db,
            info.context.viewer,
            subject,
            pk,
            input.body,
            info.context.settings.first_contact_weekly_cap,
        )
        return MessageSendPayload(
            message=Message.from_model(message), conversation=Conversation.from_model(conversation)
        )
