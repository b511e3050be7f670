"""An app that allows loopback webhook targets (SHOPREADY_WEBHOOK_ALLOW_PRIVATE=1), as development does."""

from __future__ import annotations

import httpx
import pytest

from app import create_app
from tests.conftest import test_settings
from tests.events.ws_client import served
from tests.support import Api


@pytest.fixture(scope="session")
def loopback_settings():
    return test_settings(webhook_allow_private=True, webhook_timeout_seconds=1)


@pytest.fixture(scope="session")
def loopback_app(db, loopback_settings):
    return create_app(loopback_settings, db=db, run_worker=False)


@pytest.fixture
async def events_api(loopback_app, db, loopback_settings):
    transport = httpx.ASGITransport(app=loopback_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield Api(client, db, loopback_settings)


@pytest.fixture(scope="session")
def ws_app(db):
    settings = test_settings(subscriptions_per_connection=2, subscription_init_timeout_seconds=1)
    return create_app(settings, db=db, run_worker=False)


@pytest.fixture
async def ws_url(ws_app):
    async with served(ws_app) as url:
        yield url
