"""The office deployment on loopback: two replicas (deploy/systemd/jamsostek@.service's command, shared
mode) behind Debian's nginx with deploy/nginx/jamsostek.conf, TLS with a self-signed certificate.

The journey goes through the proxy as an office user would: the page over https and its WebSocket over
wss, sign-in as a data admin, an upload, a download of the rejected rows, the load. Meanwhile viewers
open fresh sessions through the proxy (landing on both replicas) without pause; every one must finish
without an error, and both replicas must show the new figure within seconds of the load. The proxy's
own promises are checked beside it: security headers, sticky replica cookie, the upload limit equal to
Streamlit's, a foreign page's WebSocket refused, plain http sent to https.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import time
import tomllib
import urllib.error
import urllib.request
from io import BytesIO

import pandas as pd
import pytest
import websockets.sync.client
from playwright.sync_api import expect

from jamsostek import settings
from jamsostek.access import auth
from jamsostek.i18n import fmt_int, t
from jamsostek.sample import store as sample_store
from tests import office

from .conftest import VIEWPORT, App
from .test_map_journey import wait_for_map
from .test_admin_journey import ADMIN, EXPECTED_REJECTIONS, MESSY, PASSWORD, expected_on, protected_shown

pytestmark = pytest.mark.browser

SEEN_WITHIN_S = 10  # a load on one replica is on every replica this soon
PROTECTED = t("metric.protected", "id")
HEADERS = {"strict-transport-security": "max-age=31536000", "x-content-type-options": "nosniff",
           "x-frame-options": "DENY", "referrer-policy": "no-referrer"}


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """Two replicas with one data admin, nginx in front; and the figures expected before and after the load."""
    work = tmp_path_factory.mktemp("office")
    store = sample_store.ensure_store(work / "store.duckdb")
    shutil.copy(store, work / "expected.duckdb")
    expected = expected_on(work / "expected.duckdb")
    with office.office(work, replicas=2, extra_env={auth.ENV_ADMINS: f"{ADMIN}:{auth.hash_password(PASSWORD)}"}) as site:
        yield site, expected


@contextlib.contextmanager
def office_tab(browser, proxy: office.Process, journey: str):
    """A browser tab on the proxy's address (the test certificate accepted), recording every request and
    every page error, a Content Security Policy violation included."""
    context = browser.new_context(viewport=VIEWPORT, locale="id-ID", timezone_id="Asia/Makassar",
                                  ignore_https_errors=True, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    helper = App(page, proxy, journey)
    page.on("request", lambda r: helper.requests.append(r.url))
    page.on("websocket", lambda ws: helper.requests.append(ws.url))
    page.on("pageerror", lambda error: helper.page_errors.append(str(error)))
    page.on("console", lambda message: _csp_violation(message, helper.page_errors))
    try:
        yield helper
    finally:
        context.close()


def _csp_violation(message, errors: list[str]) -> None:
    if message.type == "error" and "Content Security Policy" in message.text:
        errors.append(message.text)


def replica_shows(replica: office.Process, value: str) -> bool:
    """Whether a new viewer of this replica (straight to its port) sees `value` as protected workers."""
    return office.view(replica.url).metrics.get(PROTECTED) == value


def test_office_journey_through_nginx_with_two_replicas_under_load(browser, deployed):
    site, expected = deployed
    before, after = fmt_int(expected.protected_before), fmt_int(expected.protected_after)
    planted = pd.read_csv(EXPECTED_REJECTIONS)["row_number"]
    assert all(replica_shows(replica, before) for replica in site.replicas)

    with office.Load(site.proxy.url, viewers=2) as load, office_tab(browser, site.proxy, "office_journey") as app:
        response = app.page.goto(site.proxy.url)
        app.page.get_by_test_id("stSidebarNav").wait_for()
        app.settle()  # waits for the viewport component, which the proxy's CSP once blocked (blob: module)
        assert app.page.evaluate("document.documentElement.lang") == "id"
        app.shot("ringkasan_through_proxy")
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, name
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert protected_shown(app) == before
        stream = f"wss://localhost:{site.proxy.url.rsplit(':', 1)[1]}/_stcore/stream"
        assert stream in app.requests, "the page's WebSocket must go through the proxy, over TLS"
        assert any(c["name"] == "jamsostek_replica" for c in app.page.context.cookies())

        app.goto_page("page.upload")
        form = app.page.get_by_test_id("stForm")
        form.get_by_role("textbox", name=t("auth.username", "id")).fill(ADMIN)
        form.locator("input[type=password]").fill(PASSWORD)
        form.get_by_role("button", name=t("auth.submit", "id")).click()
        app.settle()
        expect(app.sidebar).to_contain_text(ADMIN)

        app.page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(MESSY))
        app.page.get_by_role("heading", name=t("upload.report", "id")).wait_for()
        app.settle()
        with app.page.expect_download() as download:
            app.page.get_by_role("button", name=t("upload.download_rejected", "id")).click()
        rejected = pd.read_csv(BytesIO(download.value.path().read_bytes()), encoding="utf-8-sig")
        assert download.value.suggested_filename == f"{MESSY.stem}.ditolak.csv"
        assert set(rejected["BARIS"]) == set(planted)
        assert not rejected.astype(str).apply(lambda c: c.str.contains(r"\d{16}")).any().any()  # no NIK

        commit = app.page.get_by_role("button", name=t("upload.commit", "id", count=expected.rows_accepted))
        commit.scroll_into_view_if_needed()
        commit.click()
        app.settle()
        app.page.get_by_text(t("upload.committed", "id", batch=expected.batch_id,
                               count=expected.rows_accepted, file=MESSY.name)).wait_for()
        loaded_at = time.monotonic()
        app.shot("committed")

        # Every replica has it within seconds, whichever one took the upload.
        waiting = list(site.replicas)
        while waiting and time.monotonic() - loaded_at < SEEN_WITHIN_S:
            waiting = [replica for replica in waiting if not replica_shows(replica, after)]
        assert not waiting, f"not seen within {SEEN_WITHIN_S} s on {[r.url for r in waiting]}"
        views_after = len(load.views)
        deadline = time.monotonic() + 30
        while len(load.views) < views_after + 4 and time.monotonic() < deadline:
            time.sleep(0.2)  # a few more views through the proxy on the new data

        app.goto_page("page.summary")
        expect(app.page.get_by_test_id("stMetric").filter(has_text=PROTECTED).first
               .get_by_test_id("stMetricValue")).to_have_text(after)
        app.shot("summary_after_load")
        app.goto_page("page.map")  # the map (plotly, SVG) under the proxy's CSP
        wait_for_map(app)
        app.shot("map_through_proxy")
        assert not app.page_errors
        app.assert_offline()

    assert load.views and not load.errors(), load.errors()[:5]
    shown = [view.metrics.get(PROTECTED) for view in load.views]
    # Viewers saw the old figure, then the new one, and nothing else in between.
    assert set(shown) == {before, after} and shown[-1] == after, shown
    print(f"load: {len(shown)} views, {shown.count(before)} before the load and {shown.count(after)} after, 0 errors")


def _get(url: str, headers: dict | None = None, method: str = "GET"):
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        return urllib.request.urlopen(request, timeout=10, context=office.insecure_tls())
    except urllib.error.HTTPError as error:
        return error


def test_the_proxy_keeps_its_promises(deployed):
    site, _ = deployed
    upload_mb = tomllib.loads((settings.ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    assert re.search(rf"^client_max_body_size {upload_mb}m;$", office.SNIPPET.read_text(), re.M)
    for directive in ("proxy_buffering off;", "proxy_read_timeout 1h;", "proxy_set_header Upgrade $http_upgrade;"):
        assert directive in office.SNIPPET.read_text()

    first = _get(site.proxy.url)
    assert first.status == 200
    cookie = first.headers["set-cookie"]
    assert cookie.startswith("jamsostek_replica=") and "Secure" in cookie and "HttpOnly" in cookie
    again = _get(site.proxy.url, {"Cookie": cookie.split(";")[0]})
    assert again.headers.get("set-cookie") is None  # the replica chosen once is kept
    # An upload above Streamlit's limit stops at the proxy (413), before it takes a replica's memory.
    too_big = _get(f"{site.proxy.url}/_stcore/upload_file/x/y", {"Content-Length": str((upload_mb + 1) << 20)}, "PUT")
    assert too_big.status == 413
    for name, value in HEADERS.items():
        assert too_big.headers.get(name) == value, f"{name} missing on an error answer"
    # A page of another site may not open the app's WebSocket through the proxy.
    stream = site.proxy.url.replace("https", "wss") + "/_stcore/stream"
    with pytest.raises(websockets.exceptions.InvalidStatus, match="403"):
        with websockets.sync.client.connect(stream, subprotocols=["streamlit"], ssl=office.insecure_tls(),
                                            origin="https://evil.example"):
            pass
    with websockets.sync.client.connect(stream, subprotocols=["streamlit"], ssl=office.insecure_tls(),
                                        origin=site.proxy.url) as same:
        assert same.subprotocol == "streamlit"
    # Plain http answers only with the way to https.
    http_port = re.search(r"listen 127\.0\.0\.1:(\d+);", (site.proxy.log.parent / "site.conf").read_text())[1]
    plain = urllib.request.build_opener(NoRedirect).open(f"http://localhost:{http_port}/", timeout=10)
    assert plain.status == 301 and plain.headers["location"].startswith("https://localhost")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report a redirect instead of following it."""

    def http_error_301(self, req, fp, code, msg, headers):
        return fp
