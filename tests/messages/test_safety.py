"""Anti-spam and safety: an organization's first contacts with students are capped per week, a recipient can
block a sender and report a message, and staff read the reports."""

from __future__ import annotations

import httpx
import pytest

from app import create_app
from tests import conftest
from tests.messages import support as m
from tests.support import Api
from tests.talent import flows


@pytest.fixture
async def capped_api(db):
    """The app with a weekly cap of 2 conversations an organization may open with students."""
    settings = conftest.test_settings(first_contact_weekly_cap=2)
    transport = httpx.ASGITransport(app=create_app(settings, db=db))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield Api(client, db, settings)


async def _applications(api: Api, shop: flows.Employer, n: int) -> list[tuple[flows.Student, str]]:
    job = await flows.posting(api, shop)
    found = []
    for i in range(n):
        student = await flows.student(api, name=f"Student {i}")
        applied = await flows.apply(api, student, job)
        assert applied["userErrors"] == [], applied
        found.append((student, applied["application"]["id"]))
    return found


async def test_an_organizations_first_contacts_with_students_are_capped_per_week(capped_api):
    api = capped_api
    shop = await flows.employer(api)
    (a, app_a), (_b, app_b), (c, app_c), (d, app_d) = await _applications(api, shop, 4)
    await m.sent(api, shop.owner.token, app_a, "Can you come in Monday?")
    await m.sent(api, shop.owner.token, app_b, "Can you come in Tuesday?")
    # when: a third conversation opened by the shop
    refused = await m.send(api, shop.owner.token, app_c, "Can you come in Wednesday?")
    # then
    assert m.codes(refused) == ["RATE_LIMITED"]
    assert (await api.gql(m.CONVERSATION, {"subject": app_c}, token=c.person.token))["conversation"] is None
    # replies in open conversations are not first contacts, and a student may always write first
    await m.sent(api, shop.owner.token, app_a, "Or Thursday?")
    await m.sent(api, a.person.token, app_a, "Monday is fine.")
    await m.sent(api, d.person.token, app_d, "Any news about my application?")
    await m.sent(api, shop.owner.token, app_d, "Yes: come in Friday.")


async def test_a_blocked_sender_cannot_message_until_unblocked(api):
    shop = await flows.employer(api)
    [(student, application)] = await _applications(api, shop, 1)
    opened = await m.sent(api, shop.owner.token, application, "Hello!")
    conversation = opened["conversation"]["id"]
    # when: the student blocks the other side of the conversation (the employer)
    blocked = await api.gql(m.BLOCK, {"input": {"conversationId": conversation}}, token=student.person.token)
    assert blocked["senderBlock"] == {"blocked": {"organizationId": shop.gid, "userId": None}, "userErrors": []}
    again = await api.gql(m.BLOCK, {"input": {"conversationId": conversation}}, token=student.person.token)
    assert again["senderBlock"]["userErrors"] == []
    # then: any member of the employer is refused, the student still writes
    assert m.codes(await m.send(api, shop.owner.token, application, "Hello again?")) == ["BLOCKED"]
    await m.sent(api, student.person.token, application, "Please stop.")
    outsider = await api.person("Outsider")
    foreign = await api.gql(m.BLOCK, {"input": {"conversationId": conversation}}, token=outsider.token)
    assert m.codes(foreign["senderBlock"]) == ["NOT_FOUND"]
    both = {"conversationId": conversation, "userId": outsider.gid}
    assert m.codes((await api.gql(m.BLOCK, {"input": both}, token=student.person.token))["senderBlock"]) == ["INVALID"]
    # unblocking lets them write again
    undone = await api.gql(m.UNBLOCK, {"input": {"conversationId": conversation}}, token=student.person.token)
    assert undone["senderUnblock"]["userErrors"] == []
    await m.sent(api, shop.owner.token, application, "Sorry for the noise.")


async def test_blocking_a_person_in_a_mentorship(api):
    mentor, mentee = await api.person("Mia Mentor"), await api.person("Ned Mentee")
    mentorship = await m.mentorship(api, mentor, mentee)
    await m.sent(api, mentee.token, mentorship, "Thanks for taking me on.")
    blocked = await api.gql(m.BLOCK, {"input": {"userId": mentee.gid}}, token=mentor.token)
    assert blocked["senderBlock"]["blocked"] == {"organizationId": None, "userId": mentee.gid}
    assert m.codes(await m.send(api, mentee.token, mentorship, "Hello?")) == ["BLOCKED"]
    await m.sent(api, mentor.token, mentorship, "Let's stop here.")
    self_block = await api.gql(m.BLOCK, {"input": {"userId": mentor.gid}}, token=mentor.token)
    assert m.codes(self_block["senderBlock"]) == ["INVALID"]


async def test_a_party_reports_a_message_and_staff_read_the_reports(api):
    p, donation = await m.donation(api)
    said = await m.sent(api, p.donor_member.token, donation, "Rude words here.")
    message = said["message"]["id"]
    outsider = await api.person("Outsider")
    staff = await api.person("Sam Staff", staff=True)
    # when
    reported = await api.gql(
        m.REPORT, {"input": {"messageId": message, "reason": "Abusive."}}, token=p.school_member.token
    )
    # then
    assert reported["messageReport"]["userErrors"] == [] and reported["messageReport"]["report"]["reason"] == "Abusive."
    twice = await api.gql(m.REPORT, {"input": {"messageId": message, "reason": "Again."}}, token=p.school_member.token)
    assert twice["messageReport"]["report"]["id"] == reported["messageReport"]["report"]["id"]
    own = await api.gql(m.REPORT, {"input": {"messageId": message, "reason": "Mine."}}, token=p.donor_member.token)
    assert m.codes(own["messageReport"]) == ["INVALID"]
    foreign = await api.gql(m.REPORT, {"input": {"messageId": message, "reason": "Hm."}}, token=outsider.token)
    assert m.codes(foreign["messageReport"]) == ["NOT_FOUND"]
    listed = (await api.gql(m.REPORTS, token=staff.token))["messageReports"]["edges"]
    assert [edge["node"] for edge in listed] == [
        {
            "reason": "Abusive.",
            "reporterName": "School Teacher",
            "message": {"body": "Rude words here.", "senderName": "Donor Manager"},
        }
    ]
    [error] = await api.errors(m.REPORTS, token=p.school_member.token)
    assert error["extensions"]["code"] == "PERMISSION_DENIED"
