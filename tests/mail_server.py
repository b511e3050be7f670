"""A real SMTP server on 127.0.0.1 for the tests: STARTTLS required (a throwaway CA from trustme), AUTH
required, and every message that arrives kept for the test to read."""

from __future__ import annotations

import re
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USERNAME, PASSWORD = "shopready", "smtp secret 1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Received:
    envelope_from: str
    envelope_to: list[str]
    message: EmailMessage
    authenticated_as: str | None


@dataclass
class SmtpServer:
    """Start with `start()`; messages land in `received` (thread-safe: the server runs its own loop)."""

    received: list[Received] = field(default_factory=list)
    port: int = field(default_factory=free_port)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        authority = trustme.CA()
        self.server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        authority.issue_cert("127.0.0.1").configure_cert(self.server_context)
        self.client_context = ssl.create_default_context()
        authority.configure_trust(self.client_context)
        self.controller = Controller(
            self,
            hostname="127.0.0.1",
            port=self.port,
            tls_context=self.server_context,
            require_starttls=True,
            authenticator=self._authenticate,
            auth_require_tls=True,
        )

    @property
    def url(self) -> str:
        return f"smtp://{USERNAME}:{PASSWORD.replace(' ', '%20')}@127.0.0.1:{self.port}"

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    def clear(self) -> None:
        with self._lock:
            self.received.clear()

    def messages(self) -> list[Received]:
        with self._lock:
            return list(self.received)

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (USERNAME.encode(), PASSWORD.encode())
        return AuthResult(success=ok, auth_data=data)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        with self._lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message, login))
        return "250 Message accepted for delivery"


def text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None, "no text/plain part"
    return str(body.get_content())


def token_in(message: EmailMessage) -> str:
    """The token a mail carries (on the line of its action: `label (your code): <token>`)."""
    found = re.search(r"\(your code\): (\S+)", text_of(message))
    assert found, text_of(message)
    return found.group(1)
