"""Blocking: a person refuses messages from another person, or from the organization on the other side."""

from __future__ import annotations

from sqlalchemy import delete

from core.clock import utcnow
from core.errors import DomainError, ErrorCode, not_found
from core.insert_once import insert_once
from core.viewer import Viewer
from db.engine import Database
from db.models import Conversation, MessageBlock, User
from resolvers.messages import policy
from resolvers.messages.conversations import organizations_of
from resolvers.messages.policy import Side


async def _target(session, viewer: Viewer, conversation_id: int | None, user_id: int | None) -> Side:
    """Whom to block: the other side of a conversation of yours, or one person."""
    if (conversation_id is None) == (user_id is None):
        raise DomainError(ErrorCode.INVALID, "Give exactly one of conversationId and userId.")
    if conversation_id is not None:
        conversation = await session.get(Conversation, conversation_id)
        sides = policy.Sides.of(conversation) if conversation is not None else None
        ours = sides.mine(viewer, await organizations_of(session, viewer)) if sides is not None else None
        if ours is None:
            raise not_found("Conversation", "conversationId")
        return ours[1]
    if user_id == viewer.user_id:
        raise DomainError(ErrorCode.INVALID, "You cannot block yourself.", "userId")
    if await session.get(User, user_id) is None:
        raise not_found("User", "userId")
    return Side(user_id=user_id)


def _columns(side: Side) -> dict[str, int | None]:
    return {"blocked_user_id": side.user_id, "blocked_organization_id": side.organization_id}


async def block(db: Database, viewer: Viewer, conversation_id: int | None, user_id: int | None) -> Side:
    blocker_id = viewer.require_person()
    async with db.write() as session:
        side = await _target(session, viewer, conversation_id, user_id)
        unique = ["blocker_id", "blocked_user_id" if side.user_id is not None else "blocked_organization_id"]
        now = utcnow()
        values = {"blocker_id": blocker_id, "created_at": now, "updated_at": now, **_columns(side)}
        await insert_once(session, MessageBlock, values, unique)
    return side


async def unblock(db: Database, viewer: Viewer, conversation_id: int | None, user_id: int | None) -> Side:
    blocker_id = viewer.require_person()
    async with db.write() as session:
        side = await _target(session, viewer, conversation_id, user_id)
        column = (
            MessageBlock.blocked_user_id == side.user_id
            if side.user_id is not None
            else MessageBlock.blocked_organization_id == side.organization_id
        )
        await session.execute(delete(MessageBlock).where(MessageBlock.blocker_id == blocker_id, column))
    return side
