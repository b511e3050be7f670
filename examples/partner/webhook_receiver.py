"""A webhook endpoint for the example: a small HTTP server on loopback that trusts a delivery only after
the Standard Webhooks library has verified its signature, and remembers each event id once."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


class Receiver:
    def __init__(self) -> None:
        self.secret: str | None = None
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen_ids: set[str] = set()
        self.first_delivery: tuple[bytes, dict[str, str]] | None = None  # kept to show a forgery fails
        self.refused = 0
        self.url = ""

    def accept(self, body: bytes, headers: dict[str, str]) -> int:
        """The HTTP status to answer: 204 for a verified delivery (a repeat included), 401 otherwise."""
        if self.secret is None:
            return 503  # not set up yet: ShopReady retries later
        try:
            event = Webhook(self.secret).verify(body, headers)
        except WebhookVerificationError:
            self.refused += 1
            return 401
        if headers["webhook-id"] not in self.seen_ids:  # delivery is at least once: de-duplicate on the id
            self.seen_ids.add(headers["webhook-id"])
            self.first_delivery = self.first_delivery or (body, headers)
            self.events.put(event)
        return 204

    def next_event(self, timeout: float) -> dict[str, Any] | None:
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            return None


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    receiver = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            headers = {name.lower(): value for name, value in self.headers.items()}
            self.send_response(receiver.accept(body, headers))
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the program prints what matters

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/shopready-events"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
