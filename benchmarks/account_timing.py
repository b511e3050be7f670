"""Do answers about accounts take as long for an address that has an account as for one that has not?

    python -m benchmarks.account_timing [--repeats 40] [--database-url URL]

Runs the app in this process (SQLite in a temporary folder by default) with the production password
cost (argon2id, time cost 3, 64 MiB), mails written as files, and the abuse limits raised out of the way.
For each pair it interleaves the two kinds of request and prints both medians and their ratio:

  tokenCreate           wrong password for a known address  vs  an unknown address
  passwordResetRequest  a known address                     vs  an unknown address
  userRegister          a taken address                     vs  a new address

A ratio near 1.00 means the time does not tell the two apart.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

from app import create_app
from core.settings import Settings
from db import migrate
from db.engine import Database

SIGN_IN = 'mutation ($e: String!) { tokenCreate(input: {email: $e, password: "not the password 1"}) { token } }'
RESET = "mutation ($e: String!) { passwordResetRequest(input: {email: $e}) { userErrors { code } } }"
REGISTER = (
    'mutation ($e: String!) { userRegister(input: {email: $e, password: "timing check 42", name: "T"}) '
    "{ userErrors { code } } }"
)


async def timed(post: Callable[[str, str], Awaitable[httpx.Response]], query: str, email: str) -> float:
    started = time.perf_counter()
    response = await post(query, email)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200 and not response.json().get("errors"), response.text
    return elapsed * 1000


async def run(url: str, mail_dir: str, repeats: int) -> None:
    migrate.upgrade(url)
    settings = Settings(
        database_url=url,
        secret_key="benchmark-secret-key-that-is-long-enough-0123456789",
        mail_dir=mail_dir,
        signin_limit_per_account_client=10_000,
        signin_limit_per_client=10_000,
        registration_limit_per_client=10_000,
        account_mail_limit_per_client=10_000,
        account_mail_limit_per_address=10_000,
    )
    db = Database(url)
    app = create_app(settings, db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:

        async def post(query: str, email: str) -> httpx.Response:
            return await client.post("/graphql", json={"query": query, "variables": {"e": email}})

        await post(REGISTER, "known@example.com")  # the known address (registered, not confirmed: still found)
        pairs = [
            ("tokenCreate", SIGN_IN, lambda i: "known@example.com", lambda i: f"nobody{i}@example.com"),
            ("passwordResetRequest", RESET, lambda i: "known@example.com", lambda i: f"nobody{i}@example.com"),
            ("userRegister", REGISTER, lambda i: "known@example.com", lambda i: f"new{i}@example.com"),
        ]
        print(f"{'request':22} {'known ms':>9} {'unknown ms':>11} {'ratio':>6}")
        for name, query, known, unknown in pairs:
            a: list[float] = []
            b: list[float] = []
            for i in range(repeats + 3):
                first, second = (known, unknown) if i % 2 else (unknown, known)
                t1 = await timed(post, query, first(i))
                t2 = await timed(post, query, second(i))
                if i < 3:
                    continue  # warm-up
                (a if first is known else b).append(t1)
                (b if first is known else a).append(t2)
            ka, kb = statistics.median(a), statistics.median(b)
            print(f"{name:22} {ka:9.2f} {kb:11.2f} {ka / kb:6.2f}")
        await app.state.mailer.drain()
    await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shopready-timing-") as folder:
        url = args.database_url or f"sqlite+aiosqlite:///{Path(folder) / 'timing.db'}"
        asyncio.run(run(url, str(Path(folder) / "mail"), args.repeats))


if __name__ == "__main__":
    main()
