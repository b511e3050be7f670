"""The mailer: SMTP with STARTTLS and AUTH to a real server on loopback, or .eml files when no SMTP is set."""

from __future__ import annotations

import logging
from email import message_from_bytes, policy
from pathlib import Path

import aiosmtplib
import pytest
from aiosmtpd.controller import Controller

from core.mailer import FileTransport, Mail, Mailer, SmtpSettings, SmtpTransport
from core.settings import Settings, SettingsError
from tests.mail_server import USERNAME, SmtpServer, free_port, text_of

MAIL = Mail(to="tech@example.com", subject="Hello <shop>", text="Plain words.", html="<p>Rich &amp; words.</p>")


async def test_smtp_upgrades_with_starttls_authenticates_and_delivers_text_and_html(smtp_server: SmtpServer) -> None:
    smtp_server.clear()
    transport = SmtpTransport(SmtpSettings.from_url(smtp_server.url), tls_context=smtp_server.client_context)
    await Mailer(transport, "ShopReady <no-reply@shopready.dev>").send(MAIL)
    [received] = smtp_server.messages()
    assert received.authenticated_as == USERNAME  # AUTH is only offered after STARTTLS, so TLS was on
    assert received.envelope_to == ["tech@example.com"]
    message = received.message
    assert message["From"] == "ShopReady <no-reply@shopready.dev>" and message["Subject"] == "Hello <shop>"
    assert text_of(message).strip() == "Plain words."
    html = message.get_body(("html",))
    assert html is not None and "<p>Rich &amp; words.</p>" in str(html.get_content())


class _Collect:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.count += 1
        return "250 OK"


async def test_smtp_refuses_a_server_without_starttls_and_sends_nothing_in_the_clear() -> None:
    handler, port = _Collect(), free_port()
    plain = Controller(handler, hostname="127.0.0.1", port=port)
    plain.start()
    try:
        transport = SmtpTransport(SmtpSettings.from_url(f"smtp://user:pw@127.0.0.1:{port}"), timeout=5)
        with pytest.raises(aiosmtplib.SMTPException):
            await Mailer(transport, "no-reply@shopready.dev").send(MAIL)
    finally:
        plain.stop()
    assert handler.count == 0


async def test_without_smtp_each_mail_is_an_eml_file_and_its_path_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    mailer = Mailer.configured(None, str(tmp_path / "mail"), "ShopReady <no-reply@shopready.dev>")
    assert isinstance(mailer.transport, FileTransport)
    with caplog.at_level(logging.INFO, logger="shopready.mail"):
        mailer.send_later(MAIL)
        await mailer.drain()
    [written] = list((tmp_path / "mail").glob("*.eml"))
    message = message_from_bytes(written.read_bytes(), policy=policy.default)
    assert message["To"] == "tech@example.com" and message["From"] == "ShopReady <no-reply@shopready.dev>"
    assert message.get_content_type() == "multipart/alternative"
    assert str(written) in caplog.text


def test_smtp_url_is_parsed_and_a_wrong_scheme_is_refused() -> None:
    parsed = SmtpSettings.from_url("smtp://user%40shop:p%20w@mail.example.com")
    assert (parsed.hostname, parsed.port, parsed.username, parsed.password) == (
        "mail.example.com",
        587,
        "user@shop",
        "p w",
    )
    assert SmtpSettings.from_url("smtps://mail.example.com").port == 465
    with pytest.raises(SettingsError):
        Settings(smtp_url="http://mail.example.com").check()
    environment = {"SHOPREADY_SMTP_URL": "smtp://u:p@h:2525", "SHOPREADY_MAIL_FROM": "Shop <a@b.c>"}
    settings = Settings.from_env(environment)
    assert (settings.smtp_url, settings.mail_from, settings.mail_dir) == ("smtp://u:p@h:2525", "Shop <a@b.c>", "./mail")


async def test_a_failed_background_send_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    transport = SmtpTransport(SmtpSettings.from_url(f"smtp://u:p@127.0.0.1:{free_port()}"), timeout=2)
    mailer = Mailer(transport, "no-reply@shopready.dev")
    with caplog.at_level(logging.ERROR, logger="shopready.mail"):
        mailer.send_later(MAIL)
        await mailer.drain()
    assert "could not be sent" in caplog.text
