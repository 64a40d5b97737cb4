"""Browser journeys: the real app (`streamlit run`) on a free localhost port, driven by Debian's chromium.

Fixtures for every journey (map, planner, upload, meeting, ...):
- `app_server` (session): a sample store in tmp, `streamlit run dashboard.py` on 127.0.0.1, its log file;
  no accounts, so every tab is a viewer. `serve(work, extra_env)` starts another server (e.g. with admins).
- `browser` (session): Playwright's chromium from /usr/bin/chromium (skips when it is not installed).
- `app` (per test): a fresh browser context wrapped in `App`, which records every request the page makes
  and fails the test if one left localhost; helpers to open the app, switch language, use the sidebar,
  go to a page by its sidebar link, wait for Streamlit to settle and write numbered screenshots.
  `open_tab(browser, server, journey)` gives the same tab on another server.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmarks import load
from jamsostek import i18n, settings
from jamsostek.access import auth, roles
from jamsostek.ui import viewport
from jamsostek.sample import store as sample_store

ROOT = settings.ROOT
CHROMIUM = Path("/usr/bin/chromium")
# No sandbox: containers and CI run as root. The rest stops chromium's own calls home (updates, field
# trials), so that any request we see came from the app.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-default-apps", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
VIEWPORT = {"width": 1400, "height": 1000}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}  # never touch the network
STARTUP_TIMEOUT_S = 60
STEP_TIMEOUT_MS = 30_000
ACCOUNT_ENV = (*(env for _, env in auth.TABLES.values()), auth.ENV_REQUIRE_VIEWER_SIGNIN, settings.ENV_DEMO)
# The writers' accounts of `writers_server`: a note-taker and a planner (the password lives only here).
WRITERS = {roles.NOTULIS: "notulis.uji", roles.PERENCANA: "perencana.uji"}
WRITER_PASSWORD = "catatan-dan-anggaran-7"


@dataclass
class Server:
    """A running `streamlit run` of the app."""

    url: str
    log: Path
    process: subprocess.Popen

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's output, for failure messages."""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright (no `playwright install`: nothing is downloaded)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (make setup-dev installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@contextlib.contextmanager
def serve(work: Path, extra_env: dict[str, str] | None = None) -> Iterator[Server]:
    """`streamlit run dashboard.py` over a fresh sample store in `work`, on a free port; stopped by its PID.

    `extra_env` adds settings for this server only (e.g. JAMSOSTEK_ADMINS for an admin journey).
    """
    store = sample_store.ensure_store(work / "store.duckdb")  # built here, so a broken sample fails loudly
    # Accounts come only from extra_env: a developer's own JAMSOSTEK_ADMINS must not turn a viewer journey
    # into a sign-in page. (.streamlit/secrets.toml, if a developer made one, still applies.)
    env = {k: v for k, v in os.environ.items() if k not in ACCOUNT_ENV} | {
        settings.ENV_DB: str(store),
        settings.ENV_CACHE_DIR: str(work / "cache"),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    } | (extra_env or {})
    port = load.free_port()
    log = work / "server.log"
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    with load.running(command, env, log, port, STARTUP_TIMEOUT_S) as process:
        yield Server(f"http://127.0.0.1:{port}", log, process)


@pytest.fixture(scope="session")
def app_server(browser, tmp_path_factory) -> Server:
    """The app on a free 127.0.0.1 port over a fresh sample store, with no accounts configured."""
    with serve(tmp_path_factory.mktemp("app")) as server:
        yield server


@pytest.fixture(scope="session")
def writers_server(browser, tmp_path_factory) -> Server:
    """The app over its own sample store with the WRITERS accounts: who writes signs in where they write."""
    password = auth.hash_password(WRITER_PASSWORD)
    env = {auth.TABLES[role][1]: f"{name}:{password}" for role, name in WRITERS.items()}
    with serve(tmp_path_factory.mktemp("writers_app"), env) as server:
        yield server


# A new session's first run is followed by another once the viewport component has reported the window's
# width class (late on a busy machine: it runs after Plotly has drawn); a click before it can be lost.
LAID_OUT = (f"() => document.documentElement.dataset.widthClass === "
            f"(window.innerWidth < {viewport.PHONE_MAX_PX} ? 'phone' : 'desktop')")


@dataclass
class App:
    """One browser tab on the app, with the steps journeys share."""

    page: object  # playwright.sync_api.Page
    server: Server
    journey: str
    lang: str = "id"
    requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    shots: list[Path] = field(default_factory=list)
    offline_checked: bool = False

    def open(self, path: str = "") -> App:
        """Load the app at `path` (the root by default) and wait for the sidebar and the first run."""
        self.page.goto(f"{self.server.url}/{path.lstrip('/')}")
        self.page.get_by_test_id("stSidebarNav").wait_for()
        return self.settle()

    def settle(self) -> App:
        """Wait until Streamlit has finished the current script run (and a new session's width report's)."""
        self.page.wait_for_function(LAID_OUT)
        self.page.wait_for_timeout(300)  # let a click reach the server and start a rerun
        self.page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for()
        return self

    @property
    def sidebar(self):
        """The sidebar (filters, language, navigation)."""
        return self.page.get_by_test_id("stSidebar")

    def sign_in(self, role: str, within=None) -> None:
        """Sign in as the WRITERS account of `role` with the sign-in form (inside `within`, if given)."""
        form = (within or self.page).get_by_test_id("stForm").filter(has=self.page.locator("input[type=password]"))
        form.get_by_role("textbox", name=self.label("auth.username")).fill(WRITERS[role])
        form.locator("input[type=password]").fill(WRITER_PASSWORD)
        form.get_by_role("button", name=self.label("auth.submit")).click()
        self.settle()
        shown = self.label("auth.signed_in_as", user=WRITERS[role], role=self.label(f"access.role.{role}"))
        self.sidebar.get_by_text(shown.replace("**", "")).wait_for()

    def label(self, key: str, **fmt) -> str:
        """A UI label in the language the app currently shows."""
        return i18n.t(key, self.lang, **fmt)

    def set_language(self, lang: str) -> App:
        """Switch the language with the sidebar's radio; the navigation must follow."""
        self.sidebar.get_by_text(i18n.t(f"lang.{lang}", lang), exact=True).click()
        self.lang = lang
        self.settle()
        self.sidebar.get_by_role("link", name=self.label("page.summary")).wait_for()
        return self

    def goto_page(self, title_key: str) -> App:
        """Follow a page's link in the sidebar navigation (title from i18n, e.g. 'page.map')."""
        self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=self.label(title_key), exact=True).click()
        self.page.get_by_role("heading", name=self.label(title_key), level=1).wait_for()
        return self.settle()

    def choose(self, label_key: str, option: str, where=None) -> App:
        """Pick `option` in the selectbox labelled by `label_key` (in the sidebar unless `where` is given)."""
        scope = self.sidebar if where is None else where
        scope.get_by_test_id("stSelectbox").filter(has_text=self.label(label_key)).click()
        self.page.get_by_role("option", name=option, exact=True).click()
        return self.settle()

    def shot(self, name: str) -> Path:
        """Screenshot of the viewport to test-artifacts/browser/<journey>_<nn>_<name>.png."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.journey}_{len(self.shots) + 1:02d}_{name}.png"
        self.page.screenshot(path=str(path))
        self.shots.append(path)
        return path

    def external_requests(self) -> list[str]:
        """Requests (and websockets) the page made to anywhere but this machine."""
        return [url for url in self.requests if not _is_local(url)]

    def assert_offline(self) -> None:
        """Fail if any request so far left localhost (the app must work with no network at all)."""
        self.offline_checked = True
        assert self.requests, "no requests recorded: the recorder is not attached"
        outside = sorted(set(self.external_requests()))
        assert not outside, f"requests left localhost: {outside}"


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


@contextlib.contextmanager
def open_tab(browser, server: Server, journey: str) -> Iterator[App]:
    """A fresh tab (own cookies and session) on `server`; fails if any request left localhost."""
    context = browser.new_context(viewport=VIEWPORT, locale="id-ID", timezone_id="Asia/Makassar")
    page = context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    helper = App(page, server, journey)
    for old in ARTIFACTS.glob(f"{helper.journey}_*.png"):  # a rerun must not leave stale steps behind
        old.unlink()
    page.on("request", lambda r: helper.requests.append(r.url))
    page.on("websocket", lambda ws: helper.requests.append(ws.url))
    page.on("pageerror", lambda error: helper.page_errors.append(str(error)))
    yield helper
    context.close()
    if not helper.offline_checked:  # a safety net for journeys that forgot app.assert_offline()
        helper.assert_offline()


@pytest.fixture
def app(browser, app_server, request) -> App:
    """A fresh tab on the shared app server (a viewer's session)."""
    with open_tab(browser, app_server, request.node.name.removeprefix("test_")) as helper:
        yield helper


@pytest.fixture
def writer_app(browser, writers_server, request) -> App:
    """A fresh tab on the writers' server, not signed in yet (App.sign_in signs in)."""
    with open_tab(browser, writers_server, request.node.name.removeprefix("test_")) as helper:
        yield helper
