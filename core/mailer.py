"""Outgoing email: through SMTP when `SHOPREADY_SMTP_URL` is set, else as `.eml` files a developer can open.

Account mails (verification, password reset) are sent in the background, so a request answers in the
same time whether or not a mail goes out: how long a request took must not tell whether an address has
an account. `drain()` waits for what is still being sent (tests, shutdown).
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from email.charset import BASE64, Charset
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import Compat32
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any, Protocol, cast
from urllib.parse import unquote, urlsplit

import aiosmtplib

from core.clock import utcnow

logger = logging.getLogger("shopready.mail")


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str
    html: str
    headers: tuple[tuple[str, str], ...] = ()  # extra headers, e.g. RFC 8058 List-Unsubscribe


class Transport(Protocol):
    async def deliver(self, message: Message) -> None: ...


def _utf8_base64() -> Charset:
    # Always base64 encoded words: utf-8's default picks the shorter of base64 and quoted-printable by
    # encoding both, which was most of a notification mail's cost.
    charset = Charset("utf-8")
    charset.header_encoding = BASE64
    return charset


_UTF8_HEADERS = _utf8_base64()


def _header(value: str) -> str:
    """ASCII as is; anything else as RFC 2047 encoded words, folded by the generator where it writes them
    (a `Header` is what compat32 messages take for that; typeshed types header values as `str` only)."""
    return value if value.isascii() else cast(str, Header(value, _UTF8_HEADERS))


class _Unfolded(Compat32):
    """compat32, except that a header that is ASCII, on one line and within RFC 5322's 998 characters is written
    as it is, rather than refolded through `Header` (most of the cost of building a message)."""

    def _fold(self, name: str, value: Any, sanitize: bool) -> str:
        one_line = isinstance(value, str) and value.isascii() and "\n" not in value and "\r" not in value
        if one_line and len(name) + len(value) + 2 <= MAX_LINE:
            return f"{name}: {value}{self.linesep}"
        folded: str = super()._fold(name, value, sanitize)  # type: ignore[misc]
        return folded


MAX_LINE = 998
UNFOLDED = _Unfolded()


def build_message(mail: Mail, sender: str) -> Message:
    """A multipart/alternative message: the plain text first, the HTML part preferred by mail readers.

    Built with the classic (compat32) MIME classes: the same message on the wire, several times faster to
    build than `EmailMessage`'s header parsing and refolding, which counts when a digest goes to thousands."""
    message = MIMEMultipart("alternative", policy=UNFOLDED)
    message["From"] = _header(sender)
    message["To"] = _header(mail.to)
    message["Subject"] = _header(mail.subject)
    message["Date"] = formatdate(utcnow().timestamp(), usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip("> ") or "shopready.local")
    for name, value in mail.headers:
        message[name] = _header(value)
    message.attach(MIMEText(mail.text, "plain", "utf-8", policy=UNFOLDED))
    message.attach(MIMEText(mail.html, "html", "utf-8", policy=UNFOLDED))
    return message


@dataclass(frozen=True)
class SmtpSettings:
    hostname: str
    port: int
    username: str | None
    password: str | None
    implicit_tls: bool

    @classmethod
    def from_url(cls, url: str) -> SmtpSettings:
        """`smtp://user:pass@host:587` (STARTTLS, required) or `smtps://user:pass@host:465` (TLS from the start)."""
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("SHOPREADY_SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465")
        implicit_tls = parts.scheme == "smtps"
        return cls(
            hostname=parts.hostname,
            port=parts.port or (465 if implicit_tls else 587),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            implicit_tls=implicit_tls,
        )


class SmtpTransport:
    """Sends through an SMTP server; with `smtp://` the connection must upgrade with STARTTLS before any
    credentials or content cross it (a server without STARTTLS is refused, never used in the clear)."""

    def __init__(self, settings: SmtpSettings, tls_context: ssl.SSLContext | None = None, timeout: float = 30) -> None:
        self.settings, self.timeout = settings, timeout
        self.tls_context = tls_context or ssl.create_default_context()

    async def deliver(self, message: Message) -> None:
        s = self.settings
        await aiosmtplib.send(
            message,
            hostname=s.hostname,
            port=s.port,
            username=s.username,
            password=s.password,
            use_tls=s.implicit_tls,
            start_tls=not s.implicit_tls,
            tls_context=self.tls_context,
            timeout=self.timeout,
        )


class FileTransport:
    """Writes each message as an `.eml` file (any mail reader opens it) and logs where."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    async def deliver(self, message: Message) -> None:
        path = self.directory / f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
        await asyncio.to_thread(self._write, path, message.as_bytes())
        logger.info("mail to %s written to %s", message["To"], path)

    def _write(self, path: Path, content: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


async def _ready(mail: Mail) -> Mail:
    return mail


class Mailer:
    """Builds messages with the configured sender and hands them to a transport."""

    def __init__(self, transport: Transport, sender: str) -> None:
        self.transport, self.sender = transport, sender
        self._pending: set[asyncio.Task[None]] = set()

    @classmethod
    def configured(cls, smtp_url: str | None, mail_dir: str, sender: str) -> Mailer:
        if smtp_url:
            return cls(SmtpTransport(SmtpSettings.from_url(smtp_url)), sender)
        return cls(FileTransport(Path(mail_dir)), sender)

    async def send(self, mail: Mail) -> None:
        """Send now; a failure raises."""
        await self.transport.deliver(build_message(mail, self.sender))

    def send_later(self, mail: Mail) -> None:
        """Send in the background; a failure is logged (the person can ask for the mail again)."""
        self.later(_ready(mail))

    def later(self, compose: Awaitable[Mail | None]) -> None:
        """Run `compose` in the background and send the mail it returns, if any. Account use cases put all
        their address-dependent work here, so the answer's timing cannot depend on the address."""
        task = asyncio.get_running_loop().create_task(self._compose_and_send(compose))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _compose_and_send(self, compose: Awaitable[Mail | None]) -> None:
        mail = None
        try:
            mail = await compose
            if mail is not None:
                await self.send(mail)
        except Exception:
            to = mail.to if mail is not None else "(not composed)"
            logger.exception("mail to %s could not be sent", to)

    async def drain(self) -> None:
        """Wait until every background send has finished."""
        while self._pending:
            await asyncio.gather(*list(self._pending))
