"""Notification emails: text and escaped HTML, RFC 8058 one-click unsubscribe with a signed link that works
without signing in and cannot be forged, and preferences per kind."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from db.enums.events import EventType
from resolvers.notifications.unsubscribe import Target, token_for
from tests.conftest import test_settings
from tests.mail_server import text_of
from tests.notifications.support import PREFERENCES, announce, consume, mailed, prefer

HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


def _link(message) -> str:
    header = str(message["List-Unsubscribe"])
    return header.split("<", 1)[1].split(">", 1)[0]


async def test_a_mail_has_text_escaped_html_and_one_click_unsubscribe_headers(api, db, settings, mailer, mailbox):
    alice = await api.person("Alice")
    await announce(db, EventType.MESSAGE_SENT, (alice.id,), {"title": "Re: welder", "body": HOSTILE})
    await consume(db, settings, mailer)
    [received] = await mailbox.received(alice.email)
    message = received.message
    assert message["Subject"] == "Re: welder"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = _link(message)
    assert link.startswith("http") and "/notifications/unsubscribe?token=" in link
    assert "mailto:" in str(message["List-Unsubscribe"])
    assert HOSTILE in text_of(message)
    html_part = message.get_body(("html",))
    assert html_part is not None
    html = str(html_part.get_content())
    assert "<script>" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in html


async def test_the_signed_link_unsubscribes_without_signing_in_and_a_forged_one_is_refused(
    api, db, settings, mailer, mailbox
):
    alice, bob = await api.person("Alice"), await api.person("Bob")
    await announce(db, EventType.MESSAGE_SENT, (alice.id,), {"title": "First"})
    await consume(db, settings, mailer)
    [received] = await mailbox.received(alice.email)
    link = urlsplit(_link(received.message))
    path = f"{link.path}?{link.query}"

    # a GET (a mail scanner following the link) only asks to confirm
    page = await api.client.get(path)
    assert page.status_code == 200 and "Unsubscribe" in page.text and "<form" in page.text
    assert await _frequency(api, alice, "MESSAGE_RECEIVED") == "IMMEDIATE"

    # forged: another person's id with Alice's signature, a made-up signature, another kind, garbage
    token = parse_qs(link.query)["token"][0]
    encoded, _, signature = token.partition(".")
    bob_token = token_for(settings, Target(bob.id, "MESSAGE_RECEIVED"))
    other_key = token_for(
        test_settings(secret_key="another-secret-key-0123456789-abcdefghij"), Target(bob.id, "MESSAGE_RECEIVED")
    )
    for forged in (
        f"{bob_token.partition('.')[0]}.{signature}",
        f"{encoded}.{'A' * len(signature)}",
        other_key,
        "not-a-token",
        "",
    ):
        refused = await api.client.post("/notifications/unsubscribe", params={"token": forged})
        assert refused.status_code == 400, forged
    assert await _frequency(api, bob, "MESSAGE_RECEIVED") == "IMMEDIATE"

    # the one-click POST a mail reader sends (RFC 8058), with no credentials at all
    done = await api.client.post(path, data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "Unsubscribed" in done.text
    assert await _frequency(api, alice, "MESSAGE_RECEIVED") == "OFF"
    await announce(db, EventType.MESSAGE_SENT, (alice.id,), {"title": "Second"})
    await consume(db, settings, mailer)
    assert await mailed(mailbox, alice) == ["First"]  # in app still, by email no more
    assert await _frequency(api, alice, "APPLICATION_MOVED") == "IMMEDIATE"  # other kinds untouched


async def test_preferences_have_defaults_and_change_per_kind(api):
    alice = await api.person("Alice")
    before = {p["kind"]: p for p in (await api.gql(PREFERENCES, token=alice.token))["notificationPreferences"]}
    assert before["LISTING_REQUESTED"] == {"kind": "LISTING_REQUESTED", "frequency": "IMMEDIATE", "isDefault": True}
    assert before["LISTING_MATCH"]["frequency"] == "DAILY"
    assert before["TECHNICIAN_LEVEL_REACHED"]["frequency"] == "WEEKLY"
    assert before["ORGANIZATION_INVITATION"]["frequency"] == "OFF"
    await prefer(api, alice, "LISTING_MATCH", "WEEKLY")
    after = {p["kind"]: p for p in (await api.gql(PREFERENCES, token=alice.token))["notificationPreferences"]}
    assert after["LISTING_MATCH"] == {"kind": "LISTING_MATCH", "frequency": "WEEKLY", "isDefault": False}
    await prefer(api, alice, "LISTING_MATCH", "DAILY")  # back to the default
    assert await _frequency(api, alice, "LISTING_MATCH") == "DAILY"


async def _frequency(api, person, kind: str) -> str:
    data = await api.gql(PREFERENCES, token=person.token)
    return next(p["frequency"] for p in data["notificationPreferences"] if p["kind"] == kind)
