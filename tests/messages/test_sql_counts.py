"""Conversations with their messages, saved searches and message reports cost the same SQL for few rows as
for many (no N+1)."""

from __future__ import annotations

from sqlalchemy import func, select

from db.models import Conversation, MentorProfile, Mentorship, Message, MessageReport, SavedSearch, User
from tests.support import Api, Person

CONVERSATIONS = """
query ($first: Int) {
  conversations(first: $first) { edges { node { id lastMessageAt subject { id }
    messages(first: 3) { edges { node { body bodyHtml senderName sentByYou } } pageInfo { hasNextPage } }
  } } }
}"""
SAVED = "query ($first: Int) { savedSearches(first: $first) { edges { node { name kind frequency filter } } } }"
REPORTS = """query ($first: Int) { messageReports(first: $first) { edges { node {
  reason reporterName message { body senderName } } } } }"""


async def _grow(api: Api, mentor: Person, size: int) -> None:
    """Mentorships of `mentor`, each with a conversation of four messages, one of them reported."""
    async with api.db.write() as session:
        profile = await session.scalar(select(MentorProfile).where(MentorProfile.user_id == mentor.id))
        if profile is None:
            profile = MentorProfile(user_id=mentor.id, capacity=50)
            session.add(profile)
            await session.flush()
        have = await session.scalar(select(func.count()).select_from(Conversation)) or 0
        for i in range(have, size):
            mentee = User(email=f"mentee{i}@example.com", name=f"Mentee {i}", password_hash="x")
            session.add(mentee)
            await session.flush()
            mentorship = Mentorship(mentor_id=profile.id, mentee_id=mentee.id, status="ACTIVE")
            session.add(mentorship)
            await session.flush()
            conversation = Conversation(
                subject_type="MENTORSHIP", subject_id=mentorship.id, side_a_user_id=mentor.id, side_b_user_id=mentee.id
            )
            session.add(conversation)
            await session.flush()
            messages = [
                Message(conversation_id=conversation.id, sender_id=(mentee.id, mentor.id)[n % 2], body=f"**hi** {n}")
                for n in range(4)
            ]
            session.add_all(messages)
            await session.flush()
            session.add(MessageReport(message_id=messages[0].id, reporter_id=mentor.id, reason=f"report {i}"))
            session.add(
                SavedSearch(owner_id=mentor.id, name=f"s{i}", kind="NEEDS", criteria={}, given={}, frequency="OFF")
            )


async def _count(api: Api, count_sql, query: str, field: str, size: int, token: str) -> int:
    with count_sql() as counter:
        data = await api.gql(query, {"first": size}, token=token)
    assert len(data[field]["edges"]) == size
    return counter.count


async def test_conversations_with_messages_cost_the_same_sql_for_5_and_40(api, count_sql):
    mentor = await api.person("Mia Mentor")
    await _grow(api, mentor, 5)
    small = await _count(api, count_sql, CONVERSATIONS, "conversations", 5, mentor.token)
    await _grow(api, mentor, 40)
    large = await _count(api, count_sql, CONVERSATIONS, "conversations", 40, mentor.token)
    assert small == large, (small, large)


async def test_saved_searches_and_reports_cost_the_same_sql_for_5_and_40(api, count_sql):
    mentor = await api.person("Mia Mentor", staff=True)
    await _grow(api, mentor, 5)
    small = (
        await _count(api, count_sql, SAVED, "savedSearches", 5, mentor.token),
        await _count(api, count_sql, REPORTS, "messageReports", 5, mentor.token),
    )
    await _grow(api, mentor, 40)
    large = (
        await _count(api, count_sql, SAVED, "savedSearches", 40, mentor.token),
        await _count(api, count_sql, REPORTS, "messageReports", 40, mentor.token),
    )
    assert small == large, (small, large)
