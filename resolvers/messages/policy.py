"""Who may read and write a conversation: the people of its two sides, and no one else.

A side is an organization (every member of it, as a person) or one person. Apps never take part:
conversations are personal, like their events. To anyone else a conversation does not exist.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.viewer import Viewer
from db.enums.messages import ConversationSubject
from db.models import (
    Application,
    Conversation,
    Donation,
    JobInvitation,
    Membership,
    MentorProfile,
    Mentorship,
    OutboxEvent,
    StudentProfile,
)


@dataclass(frozen=True)
class Side:
    organization_id: int | None = None
    user_id: int | None = None

    def includes(self, user_id: int, organization_ids: Collection[int]) -> bool:
        if self.user_id is not None:
            return self.user_id == user_id
        return self.organization_id in organization_ids


@dataclass(frozen=True)
class Sides:
    a: Side
    b: Side

    @classmethod
    def of(cls, conversation: Conversation) -> Sides:
        return cls(
            Side(conversation.side_a_organization_id, conversation.side_a_user_id),
            Side(conversation.side_b_organization_id, conversation.side_b_user_id),
        )

    def columns(self) -> dict[str, int | None]:
        return {
            "side_a_organization_id": self.a.organization_id,
            "side_a_user_id": self.a.user_id,
            "side_b_organization_id": self.b.organization_id,
            "side_b_user_id": self.b.user_id,
        }

    def mine(self, viewer: Viewer, organization_ids: Collection[int]) -> tuple[Side, Side] | None:
        """(the viewer's side, the other side), or None when the viewer is no party."""
        if viewer.user_id is None or viewer.is_app:
            return None
        if self.a.includes(viewer.user_id, organization_ids):
            return self.a, self.b
        if self.b.includes(viewer.user_id, organization_ids):
            return self.b, self.a
        return None

    @property
    def student_side(self) -> Side | None:
        """The person on a side facing an organization (the student of an application or invitation)."""
        if self.a.organization_id is not None and self.b.user_id is not None:
            return self.b
        return None


async def subject_sides(session: AsyncSession, subject: ConversationSubject, subject_id: int) -> Sides | None:
    """The two sides of the object a conversation is attached to; None when there is no such object."""
    if subject is ConversationSubject.DONATION:
        donation = await session.get(Donation, subject_id)
        return None if donation is None else Sides(Side(donation.donor_id), Side(donation.school_id))
    if subject is ConversationSubject.MENTORSHIP:
        row = (
            await session.execute(
                select(MentorProfile.user_id, Mentorship.mentee_id)
                .join(MentorProfile, MentorProfile.id == Mentorship.mentor_id)
                .where(Mentorship.id == subject_id)
            )
        ).first()
        return None if row is None else Sides(Side(user_id=row[0]), Side(user_id=row[1]))
    model = Application if subject is ConversationSubject.APPLICATION else JobInvitation
    found = (
        await session.execute(
            select(model.employer_id, StudentProfile.user_id)
            .join(StudentProfile, StudentProfile.id == model.student_id)
            .where(model.id == subject_id)
        )
    ).first()
    return None if found is None else Sides(Side(found[0]), Side(user_id=found[1]))


def is_party(viewer: Viewer, organization_ids: Collection[int], conversation: Conversation) -> bool:
    return Sides.of(conversation).mine(viewer, organization_ids) is not None


def parties_of(viewer: Viewer) -> ColumnElement[bool] | None:
    """A WHERE clause keeping the conversations the viewer is a party to (nothing for apps and anonymous)."""
    if viewer.user_id is None or viewer.is_app:
        return None
    mine = select(Membership.organization_id).where(Membership.user_id == viewer.user_id)
    c = Conversation
    return or_(
        c.side_a_user_id == viewer.user_id,
        c.side_b_user_id == viewer.user_id,
        c.side_a_organization_id.in_(mine),
        c.side_b_organization_id.in_(mine),
    )


def may_hear(viewer: Viewer, event: OutboxEvent) -> bool:
    """`message.sent` reaches the recipients it names, people only."""
    return viewer.user_id is not None and not viewer.is_app and viewer.user_id in event.user_ids
