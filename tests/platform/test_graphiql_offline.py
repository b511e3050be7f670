"""GraphiQL works offline: its page and assets come from ShopReady itself.

Over HTTP: the page names only local URLs under a policy that forbids other origins, and the assets are
served with cache headers. In a browser: Debian's headless Chromium, with every host but loopback made
unresolvable, loads `/graphql` from a live server with demo data, runs the README's first query (the
`tokenCreate` sign-in mutation), then the README's next query with the token in the headers, and sees
both results; every request it made went to the server on loopback.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from schema.http.graphiql import ASSETS, PREFIX, SCRIPTS, STYLES

ROOT = Path(__file__).resolve().parents[2]
CDN_HOSTS = ("unpkg.com", "jsdelivr.net", "cdnjs.cloudflare.com", "esm.sh", "googleapis.com", "skypack.dev")
HTML = {"Accept": "text/html"}


def readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```graphql\n(.*?)```", text, flags=re.DOTALL)


async def test_the_page_names_only_local_assets_under_a_strict_policy(api):
    page = await api.client.get("/graphql", headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert re.findall(r"""(?:src|href)=["'](?!/|data:)""", page.text) == []
    assert "http://" not in page.text and "https://" not in page.text
    for name in (*STYLES, *SCRIPTS):
        assert f'"{PREFIX}/{name}"' in page.text
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "connect-src 'self'" in policy


async def test_assets_are_served_with_cache_headers_compressed_or_not(api):
    for name in (*STYLES, *SCRIPTS):
        response = await api.client.get(f"{PREFIX}/{name}", headers={"Accept-Encoding": "identity"})
        assert response.status_code == 200, name
        assert "content-encoding" not in response.headers
        body = response.content.decode()
        assert not any(host in body for host in CDN_HOSTS), name
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        assert response.headers["content-type"].startswith(kind)
        assert response.headers["etag"] and response.headers["x-content-type-options"] == "nosniff"
    pinned = await api.client.get(f"{PREFIX}/graphiql-3.8.3.min.js", headers={"Accept-Encoding": "gzip"})
    assert pinned.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert pinned.headers["content-encoding"] == "gzip" and "GraphiQL" in pinned.text  # httpx decodes it
    assert len(pinned.text) > len(ASSETS["graphiql-3.8.3.min.js"].body)  # it was sent compressed
    again = await api.client.get(f"{PREFIX}/graphiql-3.8.3.min.js", headers={"If-None-Match": pinned.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    own = await api.client.get(f"{PREFIX}/shopready-graphiql.js")
    assert own.headers["cache-control"] == "public, no-cache"
    licence = await api.client.get(f"{PREFIX}/LICENSE.graphiql")
    assert licence.status_code == 200 and "MIT License" in licence.text
    assert (await api.client.get(f"{PREFIX}/..%2Fgraphiql.py")).status_code == 404
    assert (await api.client.get(f"{PREFIX}/nothing.js")).status_code == 404


def test_the_shipped_builds_are_the_pinned_ones_named_in_sources():
    """Each compressed file holds exactly the npm file whose sha256 SOURCES.md records, beside its licence."""
    sources = (ROOT / "schema/http/graphiql_assets/SOURCES.md").read_text()
    rows = re.findall(r"^\| `([^`]+)\.gz` \|.*\| `([0-9a-f]{64})` \|$", sources, flags=re.MULTILINE)
    assert {name for name, _ in rows} == {*STYLES, *SCRIPTS} - {"shopready-graphiql.js"}
    for name, digest in rows:
        assert hashlib.sha256(gzip.decompress(ASSETS[name].body)).hexdigest() == digest, name
    for licence in ("LICENSE.graphiql", "LICENSE.react", "LICENSE.react-dom"):
        assert ASSETS[licence].body.startswith(b"MIT License"), licence


# --- in a real browser -------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
needs_chromium = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def demo_server(tmp_path) -> Iterator[str]:
    """`app.py serve --demo` on loopback with its own SQLite file, as the README's quick start runs it."""
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'demo.db'}"}
    env.pop("TEST_DATABASE_URL", None)
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603  (our own interpreter and app)
        [sys.executable, "app.py", "serve", "--demo", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/readyz", timeout=2):  # noqa: S310  (loopback)
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the server did not start:\n" + (tmp_path / "server.log").read_text())
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture
def browser() -> Iterator:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        # Offline but for loopback: any other host cannot even be resolved.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _run(driver, url: str, expect: str) -> str:
    """Open GraphiQL at `url`, press its run button, and return the response pane once it shows `expect`."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as until
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    wait = WebDriverWait(driver, 60)
    wait.until(until.element_to_be_clickable((By.CSS_SELECTOR, ".graphiql-execute-button"))).click()
    wait.until(lambda d: expect in d.find_element(By.CSS_SELECTOR, ".graphiql-response").text)
    return str(driver.find_element(By.CSS_SELECTOR, ".graphiql-response").text)


@needs_chromium
def test_graphiql_runs_the_readme_queries_offline_in_chromium(demo_server, browser):
    sign_in, me, *_ = readme_queries()
    # the README's first query: signing in as the demo school
    shown = _run(browser, f"{demo_server}/graphql?q={quote(sign_in)}", '"tokenExpiresAt"')
    token = re.search(r'"token":\s*"([^"]+)"', shown)
    assert token, shown
    assert '"userErrors": []' in shown
    # the next one, with the token in GraphiQL's headers as the README says
    headers = json.dumps({"Authorization": f"Bearer {token.group(1)}"})
    shown = _run(browser, f"{demo_server}/graphql?q={quote(me)}&headers={quote(headers)}", "school@demo")
    assert '"email": "school@demo.shopready.dev"' in shown and '"organizations"' in shown
    # every request the page made went to the server on loopback
    requested = [
        message["params"]["request"]["url"]
        for entry in browser.get_log("performance")
        if (message := json.loads(entry["message"])["message"])["method"] == "Network.requestWillBeSent"
    ]
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith("data:")}
    assert requested and hosts == {"127.0.0.1"}, hosts
    refused = [e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]
    assert refused == []
