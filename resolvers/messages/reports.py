"""Reports of messages, kept for staff to review."""

from __future__ import annotations

from sqlalchemy import select

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.insert_once import insert_once
from core.paging import Page, Slice
from core.validation import Checks
from core.viewer import Viewer
from db.engine import Database
from db.models import Conversation, Message, MessageReport
from resolvers.messages import policy
from resolvers.messages.conversations import organizations_of

REASON_LIMIT = 1000


async def report(db: Database, viewer: Viewer, message_id: int, reason: str) -> MessageReport:
    """A party reports a message someone else sent; reporting it again keeps the first report."""
    reporter_id = viewer.require_person()
    checks = Checks()
    text = checks.text(reason, "reason", max_length=REASON_LIMIT)
    checks.raise_any()
    async with db.write() as session:
        message = await session.get(Message, message_id)
        conversation = await session.get(Conversation, message.conversation_id) if message is not None else None
        organizations = await organizations_of(session, viewer)
        if message is None or conversation is None or not policy.is_party(viewer, organizations, conversation):
            raise not_found("Message", "messageId")
        if message.sender_id == reporter_id:
            raise DomainError(ErrorCode.INVALID, "You cannot report your own message.", "messageId")
        now = utcnow()
        values = {
            "message_id": message_id,
            "reporter_id": reporter_id,
            "reason": text,
            "created_at": now,
            "updated_at": now,
        }
        await insert_once(session, MessageReport, values, ["message_id", "reporter_id"])
        found = await session.scalar(
            select(MessageReport).where(
                MessageReport.message_id == message_id, MessageReport.reporter_id == reporter_id
            )
        )
        assert found is not None  # noqa: S101 - inserted or already there, in this transaction
    return found


async def reports(db: Database, viewer: Viewer, page: Page) -> Slice[MessageReport]:
    """Every report, newest first: staff only (the schema refuses anyone else before asking)."""
    if not viewer.is_staff:
        return page.slice([])
    stmt = select(MessageReport).order_by(MessageReport.id.desc())
    async with db.read() as session:
        return page.slice((await session.scalars(page.apply(stmt))).all())
