"""Conversations: only the two sides' people read and write them; messages are plain text, announced to the
other side, and land in order however many are sent at once."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from db.enums.events import EventType
from db.models import Membership, Message, OutboxEvent
from tests.messages import support as m
from tests.support import gid

NODE = "query ($id: ID!) { node(id: $id) { id } }"


async def _message_events(api) -> list[OutboxEvent]:
    async with api.db.read() as session:
        rows = await session.scalars(
            select(OutboxEvent).where(OutboxEvent.type == EventType.MESSAGE_SENT.value).order_by(OutboxEvent.id)
        )
        return list(rows)


async def test_the_two_sides_talk_and_no_one_else_hears(api):
    p, donation = await m.donation(api)
    colleague = await api.person("Second Teacher")
    async with api.db.write() as session:
        session.add(Membership(organization_id=p.school_id, user_id=colleague.id, role="MEMBER"))
    outsider = await api.person("Nosy Neighbour")
    # when
    first = await m.sent(api, p.school_member.token, donation, "Could you deliver on Tuesday?")
    await m.sent(api, p.donor_member.token, donation, "Tuesday works.")
    # then: both sides read the thread in order, the school's second member too
    for person in (p.school_member, p.donor_member, colleague):
        thread = (await api.gql(m.CONVERSATION, {"subject": donation}, token=person.token))["conversation"]
        assert thread["subject"] == {"id": donation}
        bodies = [edge["node"]["body"] for edge in thread["messages"]["edges"]]
        assert bodies == ["Could you deliver on Tuesday?", "Tuesday works."]
    mine = (await api.gql(m.MINE, token=p.donor_member.token))["conversations"]["edges"]
    assert [edge["node"]["id"] for edge in mine] == [first["conversation"]["id"]]
    # an outsider sees nothing and cannot write
    assert (await api.gql(m.CONVERSATION, {"subject": donation}, token=outsider.token))["conversation"] is None
    assert (await api.gql(m.MINE, token=outsider.token))["conversations"]["edges"] == []
    assert (await api.gql(NODE, {"id": first["conversation"]["id"]}, token=outsider.token))["node"] is None
    assert (await api.gql(NODE, {"id": first["message"]["id"]}, token=outsider.token))["node"] is None
    assert m.codes(await m.send(api, outsider.token, donation, "Hello?")) == ["NOT_FOUND"]
    assert m.codes(await m.send(api, None, donation, "Hello?")) == ["UNAUTHENTICATED"]  # type: ignore[arg-type]
    # each message is announced to the other side's people only, never to an app
    school_said, donor_said = await _message_events(api)
    assert donor_said.user_ids == sorted([p.school_member.id, colleague.id])
    assert school_said.user_ids == [p.donor_member.id] and school_said.organization_ids == []
    assert school_said.subject_type == "Conversation"
    assert school_said.data["conversation"] == first["conversation"]["id"]
    assert school_said.data["message"] == first["message"]["id"]
    assert school_said.data["sender"] == "School Teacher"
    assert school_said.data["preview"] == "Could you deliver on Tuesday?"
    assert school_said.data["title"] == "New message from School Teacher" and school_said.data["body"]


async def test_html_stays_inert_and_the_body_is_bounded(api):
    p, donation = await m.donation(api)
    hostile = 'Hi **there** <img src=x onerror="alert(2)"> [click](javascript:alert(3))\n\n<script>alert(1)</script>'
    message = (await m.sent(api, p.school_member.token, donation, hostile))["message"]
    assert message["body"] == hostile  # stored and given back as the plain text it is
    html = message["bodyHtml"].lower()
    assert "<script" not in html and "onerror" not in html and "href" not in html
    assert "<strong>there</strong>" in html
    assert m.codes(await m.send(api, p.school_member.token, donation, "x" * 4001)) == ["TOO_LONG"]
    assert m.codes(await m.send(api, p.school_member.token, donation, "   ")) == ["REQUIRED"]
    assert (await m.send(api, p.school_member.token, donation, "x" * 4000))["userErrors"] == []


async def test_messages_sent_at_once_all_land_in_order(api):
    p, donation = await m.donation(api)
    bodies = [f"message {i}" for i in range(6)]
    tokens = [p.school_member.token, p.donor_member.token] * 3
    results = await asyncio.gather(*(m.send(api, t, donation, b) for t, b in zip(tokens, bodies, strict=True)))
    assert all(result["userErrors"] == [] for result in results)
    assert len({result["conversation"]["id"] for result in results}) == 1
    thread = (await api.gql(m.CONVERSATION, {"subject": donation}, token=p.donor_member.token))["conversation"]
    shown = [edge["node"]["id"] for edge in thread["messages"]["edges"]]
    async with api.db.read() as session:
        stored = list(await session.scalars(select(Message).order_by(Message.id)))
    assert len(stored) == 6 and shown == [gid("Message", row.id) for row in stored]
    assert sorted(row.body for row in stored) == bodies
    assert len(await _message_events(api)) == 6
