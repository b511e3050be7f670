"""Blocking senders and reporting messages; staff read the reports."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from db import models
from resolvers.messages import blocks, reports
from resolvers.messages.policy import Side
from schema.context import Info
from schema.errors import INPUT, Caller, Payload, returns_payload
from schema.messages.types import Message
from schema.permissions import IsStaff
from schema.relay import After, Connection, First, Node, decode_id, encode_id, node_type, page_args

TARGET = "Give exactly one of `conversationId` (its other side: the organization, or the person) and `userId`."


@strawberry.input(description=f"Whom to block. {TARGET}")
class SenderBlockInput:
    conversation_id: strawberry.ID | None = strawberry.field(
        default=None, description="A Conversation of yours: block the other side of it."
    )
    user_id: strawberry.ID | None = strawberry.field(default=None, description="A User: block this person.")


@strawberry.input(description=f"Whom to unblock. {TARGET}")
class SenderUnblockInput:
    conversation_id: strawberry.ID | None = strawberry.field(
        default=None, description="A Conversation of yours: unblock the other side of it."
    )
    user_id: strawberry.ID | None = strawberry.field(default=None, description="A User: unblock this person.")


@strawberry.type(description="Who a block concerns.")
class BlockedSender:
    organization_id: strawberry.ID | None = strawberry.field(
        description="The Organization whose members are blocked; null when a person is."
    )
    user_id: strawberry.ID | None = strawberry.field(description="The User blocked; null when an organization is.")

    @classmethod
    def of(cls, side: Side) -> BlockedSender:
        return cls(
            organization_id=encode_id("Organization", side.organization_id) if side.organization_id else None,
            user_id=encode_id("User", side.user_id) if side.user_id else None,
        )


@strawberry.type(description="The result of `senderBlock`.")
class SenderBlockPayload(Payload):
    blocked: BlockedSender | None = strawberry.field(
        default=None, description="Who can no longer message you; null on refusal."
    )


@strawberry.type(description="The result of `senderUnblock`.")
class SenderUnblockPayload(Payload):
    unblocked: BlockedSender | None = strawberry.field(
        default=None, description="Who may message you again; null on refusal."
    )


@strawberry.input(description="A message to report to staff.")
class MessageReportInput:
    message_id: strawberry.ID = strawberry.field(
        description="A Message someone else sent in a conversation of yours; NOT_FOUND otherwise."
    )
    reason: str = strawberry.field(description="What is wrong with it, 1 to 1,000 characters.")


@node_type
@strawberry.type(description="A party's report of a message, for staff to review. Staff only.")
class MessageReport(Node):
    reason: str = strawberry.field(description="The reporter's words, plain text.")
    created_at: datetime = strawberry.field(description="When it was reported.")
    _row: strawberry.Private[models.MessageReport]

    @classmethod
    def from_model(cls, row: models.MessageReport) -> MessageReport:
        return cls(pk=row.id, reason=row.reason, created_at=row.created_at, _row=row)

    @classmethod
    async def load(cls, info: Info, pk: int) -> MessageReport | None:
        if not info.context.viewer.is_staff:
            return None
        row = await info.context.loaders.by_id(models.MessageReport).load(pk)
        return cls.from_model(row) if row is not None else None

    @strawberry.field(description="The message reported (staff read it to review the report).")
    async def message(self, info: Info) -> Message:
        row = await info.context.loaders.by_id(models.Message).load(self._row.message_id)
        return Message.from_model(row)

    @strawberry.field(description="The name of the person who reported it.")
    async def reporter_name(self, info: Info) -> str:
        reporter = await info.context.loaders.by_id(models.User).load(self._row.reporter_id)
        return reporter.name


@strawberry.type(description="The result of `messageReport`.")
class MessageReportPayload(Payload):
    report: MessageReport | None = strawberry.field(
        default=None, description="The report as recorded (staff only read it back); null on refusal."
    )


def _target(conversation_id: strawberry.ID | None, user_id: strawberry.ID | None) -> tuple[int | None, int | None]:
    return (
        decode_id(conversation_id, "Conversation", "conversationId") if conversation_id else None,
        decode_id(user_id, "User", "userId") if user_id else None,
    )


@strawberry.type
class MessageSafetyQueries:
    @strawberry.field(permission_classes=[IsStaff], description="Reported messages, newest report first. Staff only.")
    async def message_reports(self, info: Info, first: First = 20, after: After = None) -> Connection[MessageReport]:
        rows = await reports.reports(info.context.db, info.context.viewer, page_args(first, after))
        return Connection.of(rows, MessageReport.from_model)


@strawberry.type
class MessageSafetyMutations:
    @strawberry.mutation(
        description="Refuse messages from a person, or from the other side of a conversation of yours; they get "
        "BLOCKED when they try. Blocking twice is the same as once."
    )
    @returns_payload(caller=Caller.PERSON)
    async def sender_block(
        self, info: Info, input: Annotated[SenderBlockInput, strawberry.argument(description=INPUT)]
    ) -> SenderBlockPayload:
        side = await blocks.block(info.context.db, info.context.viewer, *_target(input.conversation_id, input.user_id))
        return SenderBlockPayload(blocked=BlockedSender.of(side))

    @strawberry.mutation(description="Take back a block; unblocking someone not blocked changes nothing.")
    @returns_payload(caller=Caller.PERSON)
    async def sender_unblock(
        self, info: Info, input: Annotated[SenderUnblockInput, strawberry.argument(description=INPUT)]
    ) -> SenderUnblockPayload:
        side = await blocks.unblock(
            info.context.db, info.context.viewer, *_target(input.conversation_id, input.user_id)
        )
        return SenderUnblockPayload(unblocked=BlockedSender.of(side))

    @strawberry.mutation(
        description="Report a message someone else sent in a conversation of yours; staff review reports. "
        "Reporting the same message again keeps the first report."
    )
    @returns_payload(caller=Caller.PERSON)
    async def message_report(
        self, info: Info, input: Annotated[MessageReportInput, strawberry.argument(description=INPUT)]
    ) -> MessageReportPayload:
        row = await reports.report(
            info.context.db, info.context.viewer, decode_id(input.message_id, "Message", "messageId"), input.reason
        )
        return MessageReportPayload(report=MessageReport.from_model(row))
