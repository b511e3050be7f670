"""Real app processes on loopback ports, for what only several processes can show."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class LiveServer:
    url: str
    pid: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_env(settings: Settings, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "SHOPREADY_SECRET_KEY": settings.secret_key,
        "SHOPREADY_PASSWORD_TIME_COST": str(settings.password_time_cost),
        "SHOPREADY_PASSWORD_MEMORY_KIB": str(settings.password_memory_kib),
        "SHOPREADY_LOG_LEVEL": "WARNING",
        "SHOPREADY_MEDIA_DIR": settings.media_dir,  # the in-process worker sweeps the tests' media, never ./media
        **extra,
    }


async def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(START_TIMEOUT_SECONDS * 10):
            if process.poll() is not None:
                raise RuntimeError(f"the server at {url} exited with {process.returncode}")
            try:
                if (await client.get(f"{url}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)  # waiting for a process to start, not for time to pass in a test
    raise RuntimeError(f"the server at {url} did not start")


@asynccontextmanager
async def running_servers(settings: Settings, count: int, **extra_env: str) -> AsyncIterator[list[LiveServer]]:
    """`count` uvicorn processes of the app on one database; yields their base URLs and process ids."""
    processes: list[subprocess.Popen[bytes]] = []
    urls = []
    try:
        for _ in range(count):
            port = free_port()
            command = [sys.executable, "-m", "uvicorn", "app:create_app", "--factory", "--host", "127.0.0.1"]
            processes.append(
                subprocess.Popen(  # noqa: ASYNC220, S603 - our own server, awaited through HTTP
                    [*command, "--port", str(port), "--log-level", "warning"],
                    cwd=ROOT,
                    env=server_env(settings, **extra_env),
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url, process in zip(urls, processes, strict=True):
            await _wait_until_up(url, process)
        yield [LiveServer(url, process.pid) for url, process in zip(urls, processes, strict=True)]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
