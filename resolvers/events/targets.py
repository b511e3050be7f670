"""Where a webhook may point: `https` to a public address; loopback and private ranges only when the
deployment allows them (`SHOPREADY_WEBHOOK_ALLOW_PRIVATE=1`, refused in production).

The address is checked when the endpoint is saved and again before every attempt, after resolving
the name, so a name that later resolves to an internal address is refused at delivery too.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from core.errors import DomainError, ErrorCode

MAX_URL_LENGTH = 2000


class TargetRefused(Exception):
    pass


def checked_url(url: str, *, allow_private: bool, field: str = "url") -> str:
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise DomainError(ErrorCode.TOO_LONG, f"url must be at most {MAX_URL_LENGTH} characters.", field)
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.username or parts.password:
        raise DomainError(ErrorCode.INVALID, "Give an absolute https URL without credentials.", field)
    if parts.scheme != "https" and not allow_private:
        raise DomainError(ErrorCode.TARGET_NOT_ALLOWED, "Webhook URLs must use https.", field)
    literal = _ip(parts.hostname)
    local_name = parts.hostname.lower() == "localhost" or parts.hostname.lower().endswith(".localhost")
    if not allow_private and (local_name or (literal is not None and not literal.is_global)):
        raise DomainError(ErrorCode.TARGET_NOT_ALLOWED, "Webhook URLs must point to a public address.", field)
    return url


async def check_resolved(url: str, *, allow_private: bool) -> None:
    """Refuse, before connecting, a target whose name resolves to a non-public address."""
    if allow_private:
        return
    host = urlsplit(url).hostname or ""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise TargetRefused(f"cannot resolve {host}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise TargetRefused(f"{host} resolves to a non-public address")


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
