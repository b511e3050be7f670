"""Logs that help: client errors in one INFO line, unexpected errors at ERROR with the traceback, JSON on request."""

from __future__ import annotations

import json
import logging
import sys

import pytest

from core.logging import JsonFormatter
from core.settings import Settings, SettingsError

UNKNOWN_FIELD = "{ organizations { edges { nope } } }"
BAD_ID = '{ need(id: "not-an-id") { id } }'


def _error_records(caplog):
    return [r for r in caplog.records if r.name == "shopready.errors"]


async def _post(api, query: str, request_id: str):
    return await api.client.post("/graphql", json={"query": query}, headers={"X-Request-ID": request_id})


@pytest.mark.parametrize(
    ("query", "code"), [(UNKNOWN_FIELD, "GRAPHQL_VALIDATION_FAILED"), (BAD_ID, "INVALID")], ids=["validation", "domain"]
)
async def test_client_errors_are_one_info_line_with_code_path_and_request_id(api, caplog, query, code):
    with caplog.at_level(logging.DEBUG, logger="shopready.errors"):
        response = await _post(api, query, "req-client")
    assert response.json()["errors"]
    (record,) = _error_records(caplog)
    assert record.levelno == logging.INFO
    assert record.exc_info is None and "\n" not in record.getMessage()
    assert record.code == code and record.request_id == "req-client"
    assert code in record.getMessage() and "req-client" in record.getMessage()


async def test_unexpected_errors_are_logged_once_at_error_with_the_traceback(api, monkeypatch, caplog):
    from resolvers.accounts import organizations

    async def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(organizations, "browse", explode)
    with caplog.at_level(logging.DEBUG, logger="shopready.errors"):
        response = await _post(api, "{ organizations { edges { cursor } } }", "req-boom")
    assert response.json()["errors"][0]["extensions"]["code"] == "INTERNAL"
    (record,) = _error_records(caplog)
    assert record.levelno == logging.ERROR and record.exc_info[0] is RuntimeError
    assert record.request_id == "req-boom" and record.path == "organizations"


async def test_strawberry_does_not_log_client_errors_at_error_level(api, caplog):
    with caplog.at_level(logging.DEBUG):
        await _post(api, UNKNOWN_FIELD, "req-quiet")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_json_logs_carry_the_structured_fields_and_the_traceback():
    try:
        raise ValueError("bad")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("shopready.errors", logging.ERROR, __file__, 1, "failed %s", ("x",), exc_info)
    record.request_id, record.code, record.path = "req-1", "INTERNAL", "needs"
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "failed x" and entry["level"] == "ERROR" and entry["logger"] == "shopready.errors"
    assert (entry["request_id"], entry["code"], entry["path"]) == ("req-1", "INTERNAL", "needs")
    assert "ValueError: bad" in entry["traceback"]


def test_the_log_format_is_checked():
    assert Settings.from_env({"SHOPREADY_LOG_FORMAT": "json"}).log_format == "json"
    with pytest.raises(SettingsError, match="SHOPREADY_LOG_FORMAT"):
        Settings(log_format="xml").check()
