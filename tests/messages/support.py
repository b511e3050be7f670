"""Steps of the messaging tests: objects with two sides, and the queries and mutations on their conversations."""

from __future__ import annotations

from db.models import MentorProfile, Mentorship
from tests.donations import support as donations
from tests.support import Api, Person, gid

SEND = """
mutation ($input: MessageSendInput!) {
  messageSend(input: $input) {
    message { id body bodyHtml senderName sentByYou }
    conversation { id }
    userErrors { field code message }
  }
}"""
CONVERSATION = """
query ($subject: ID!) {
  conversation(subjectId: $subject) {
    id subject { id }
    messages(first: 20) { edges { node { id body senderName sentByYou } } }
  }
}"""
MINE = """{ conversations(first: 20) { edges { node { id lastMessageAt
  messages(first: 5) { edges { node { body } } } } } } }"""
BLOCK = """
mutation ($input: SenderBlockInput!) {
  senderBlock(input: $input) { blocked { organizationId userId } userErrors { field code } }
}"""
UNBLOCK = """
mutation ($input: SenderUnblockInput!) {
  senderUnblock(input: $input) { unblocked { organizationId userId } userErrors { field code } }
}"""
REPORT = """
mutation ($input: MessageReportInput!) {
  messageReport(input: $input) { report { id reason } userErrors { field code } }
}"""
REPORTS = "{ messageReports(first: 10) { edges { node { reason reporterName message { body senderName } } } } }"


async def send(api: Api, token: str, subject: str, body: str) -> dict:
    return (await api.gql(SEND, {"input": {"subjectId": subject, "body": body}}, token=token))["messageSend"]


async def sent(api: Api, token: str, subject: str, body: str) -> dict:
    payload = await send(api, token, subject, body)
    assert payload["userErrors"] == [], payload
    return payload


def codes(payload: dict) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]


async def donation(api: Api) -> tuple[donations.Parties, str]:
    """A school and a donor with a requested donation between them."""
    p = await donations.parties(api)
    need = await donations.make_need(api, p)
    listing = await donations.make_listing(api, p)
    return p, await donations.requested(api, p, listing, need, 1)


async def mentorship(api: Api, mentor: Person, mentee: Person) -> str:
    async with api.db.write() as session:
        profile = MentorProfile(user_id=mentor.id, headline="Frame tech", capacity=3)
        session.add(profile)
        await session.flush()
        row = Mentorship(mentor_id=profile.id, mentee_id=mentee.id, status="ACTIVE")
        session.add(row)
    return gid("Mentorship", row.id)
