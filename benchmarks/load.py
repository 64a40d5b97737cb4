"""Load: K viewers open a page at once, each a fresh Streamlit session over the real server's WebSocket.

The app runs as `streamlit run dashboard.py` on 127.0.0.1 (a free port) over the store the benchmark was
given. Each viewer speaks Streamlit's own protocol, as the browser does: it opens /_stcore/stream with the
"streamlit" subprotocol, sends a BackMsg `rerun_script` naming the page, and reads ForwardMsgs until the
script finished. No browser is needed for the load; one real chromium then opens each page once and checks
it was drawn whole (no exception, no skeleton left). Reported per page and K: p50/p95/max seconds to
"script finished", errors, the server's CPU seconds per view (/proc/<pid>/stat, all threads) and its
resident memory after the round.

    python -m benchmarks --only load [--viewers 1,5,10,25,50] [--pages ringkasan,peta]
    make bench-load

Bounded: at most MAX_VIEWERS at once, every view gives up after VIEW_TIMEOUT_S, loopback only.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
VIEWERS = (1, 5, 10, 25, 50)
PAGES = ("ringkasan", "peta", "sektor", "tren", "rencana", "rapat")
MAX_VIEWERS = 100
VIEW_TIMEOUT_S = 180
STARTUP_TIMEOUT_S = 60
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
# Every chart has drawn its SVG and no element is still a loading skeleton.
DRAWN_JS = """() => !document.querySelector('[data-testid="stSkeleton"]') &&
  [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => c.querySelector('.main-svg'))"""
SERVER_FLAGS = ("--server.headless", "true", "--server.address", "127.0.0.1",
                "--browser.gatherUsageStats", "false")


@dataclass
class View:
    """What one viewer saw: seconds to script finished, elements drawn, the error if any."""

    seconds: float = 0.0
    elements: int = 0
    error: str = ""
    finished: bool = False
    messages: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- the server


@dataclass
class Server:
    """A running `streamlit run dashboard.py` on loopback."""

    port: int
    process: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        """User + system CPU of the server process so far (every thread)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime

    def rss_mb(self) -> float:
        """Resident memory of the server process, MB."""
        return int(Path(f"/proc/{self.process.pid}/statm").read_text().split()[1]) * PAGE_SIZE / 2**20


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(store: Path, work: Path, flags: Sequence[str] = ()) -> Iterator[Server]:
    """The app over `store` on a free 127.0.0.1 port, with .streamlit/config.toml plus `flags`; stopped by PID."""
    port = free_port()
    log = work / f"server-{port}.log"
    env = os.environ | {"JAMSOSTEK_DB": str(store), "JAMSOSTEK_CACHE_DIR": str(work / "cache")}
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
               *SERVER_FLAGS, *flags]
    with running(command, env, log, port) as process:
        yield Server(port, process, log)


@contextmanager
def running(command: list[str], env: dict, log: Path, port: int,
            timeout_s: float = STARTUP_TIMEOUT_S) -> Iterator[subprocess.Popen]:
    """A Streamlit server `command` (on 127.0.0.1:`port`) started in the repository, healthy; stopped by PID."""
    with log.open("wb") as out:  # a file, not a pipe: a full pipe would stall the server
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process, log, timeout_s)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
    """Return once the server at `url` answers /_stcore/health; raise with its log's end if it dies or stalls."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit not healthy after {timeout_s} s:\n{_tail(log)}")


def _tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


# ---------------------------------------------------------------- one viewer


def rerun_message(page: str, query_string: str = "") -> bytes:
    """The BackMsg a browser sends when it first opens /<page>?<query_string>."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query_string
    state.page_name = page
    state.page_script_hash = ""
    state.context_info.timezone = "Asia/Makassar"
    state.context_info.locale = "id-ID"
    state.context_info.url = f"http://127.0.0.1/{page}"
    return msg.SerializeToString()


async def open_view(port: int, page: str, query_string: str = "") -> View:
    """One fresh session: connect, ask for `page`, read until the script finished successfully."""
    view = View()
    start = time.perf_counter()
    try:
        async with asyncio.timeout(VIEW_TIMEOUT_S):
            async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                          max_size=None, open_timeout=VIEW_TIMEOUT_S, compression=None) as ws:
                await ws.send(rerun_message(page, query_string))
                async for data in ws:
                    if _read(ForwardMsg.FromString(data), view):
                        break
    except Exception as exc:  # a refused, dropped or timed-out view is counted, not raised
        view.error = f"{type(exc).__name__}: {exc}"
    view.seconds = time.perf_counter() - start
    if not view.error and not view.finished:
        view.error = "connection closed before script_finished"
    return view


def _read(msg: ForwardMsg, view: View) -> bool:
    """Take one ForwardMsg into `view`; True once the run is over."""
    kind = msg.WhichOneof("type")
    view.messages.append(kind)
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        view.elements += 1
        if element.WhichOneof("type") == "exception":
            view.error = f"exception on the page: {element.exception.message[:200]}"
    elif kind == "script_finished":
        status = msg.script_finished
        if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            view.elements = 0  # st.rerun: the next run draws the page again
            return False
        view.finished = status == ForwardMsg.FINISHED_SUCCESSFULLY
        if not view.finished:
            view.error = view.error or f"script finished with status {status}"
        return True
    return False


async def _crowd(port: int, page: str, viewers: int) -> list[View]:
    return list(await asyncio.gather(*(open_view(port, page) for _ in range(viewers))))


def crowd(server: Server, page: str, viewers: int) -> tuple[list[View], float]:
    """`viewers` fresh sessions of `page` at once; their views and the server CPU seconds they cost."""
    if not 0 < viewers <= MAX_VIEWERS:
        raise ValueError(f"viewers must be 1..{MAX_VIEWERS}, not {viewers}")
    before = server.cpu_seconds()
    views = _run_apart(_crowd(server.port, page, viewers))
    return views, server.cpu_seconds() - before


def _run_apart(coroutine):
    """asyncio.run in a thread of its own: the caller's thread may already run a loop (Playwright's sync
    API leaves one in pytest's main thread once a browser test has run)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summarise(page: str, views: Sequence[View], cpu: float, rss_mb: float, config: str = "") -> dict:
    """One table row for a round of views."""
    ms = [v.seconds * 1000 for v in views]
    errors = [v for v in views if v.error]
    return {"config": config, "page": page, "K": len(views),
            "p50_ms": round(statistics.median(ms)), "p95_ms": round(_quantile(ms, 0.95)),
            "max_ms": round(max(ms)), "errors": len(errors),
            "cpu_ms_per_view": round(cpu * 1000 / len(views)), "rss_mb": round(rss_mb),
            "elements": min(v.elements for v in views),
            "first_error": errors[0].error[:60] if errors else ""}


def measure(server: Server, pages: Sequence[str], viewers: Sequence[int], config: str = "") -> list[dict]:
    """Rows for every page x K on a running server (one warm-up view per page first: imports, connection)."""
    rows = []
    for page in pages:
        crowd(server, page, 1)
        for k in viewers:
            views, cpu = crowd(server, page, k)
            rows.append(summarise(page, views, cpu, server.rss_mb(), config))
    return rows


# ---------------------------------------------------------------- the browser check


def browser_check(server: Server, pages: Sequence[str], shots: Path | None = None) -> list[dict]:
    """Open each page once in Debian's chromium: did the run finish with the title, no exception, no skeleton?"""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return [{"page": p, "drawn": "skipped: /usr/bin/chromium missing"} for p in pages]
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"])
        try:
            for page_name in pages:
                tab = browser.new_page(viewport={"width": 1440, "height": 900})
                start = time.perf_counter()
                tab.goto(f"{server.url}/{page_name}")
                tab.get_by_test_id("stSidebarNav").wait_for(timeout=60_000)
                tab.wait_for_timeout(300)
                tab.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=60_000)
                with suppress(PlaywrightTimeout):  # charts load their code lazily: wait for them, bounded
                    tab.wait_for_function(DRAWN_JS, timeout=30_000)
                seconds = time.perf_counter() - start
                problems = [what for what, selector in (
                    ("exception", '[data-testid="stException"]'), ("skeleton", '[data-testid="stSkeleton"]'))
                    if tab.locator(selector).count()]
                charts = tab.locator('[data-testid="stPlotlyChart"]')
                if tab.locator('[data-testid="stPlotlyChart"] .main-svg').count() < charts.count():
                    problems.append("chart not drawn")
                headings = tab.locator("h1").count()
                elements = tab.locator('[data-testid="stElementContainer"]').count()
                if shots:
                    shots.mkdir(parents=True, exist_ok=True)
                    tab.screenshot(path=str(shots / f"load_{page_name}.png"), full_page=True)
                rows.append({"page": page_name, "ms": round(seconds * 1000), "elements": elements,
                             "drawn": "complete" if headings and elements and not problems
                             else "INCOMPLETE: " + (", ".join(problems) or "no title")})
                tab.close()
        finally:
            browser.close()
    return rows


# ---------------------------------------------------------------- the benchmark


def run(viewers: Sequence[int] = VIEWERS, pages: Sequence[str] = PAGES,
        flags: Sequence[str] = ()) -> list[tuple[str, list[dict]]]:
    """(title, rows) tables: the load per page and K, then the browser check, on the store in JAMSOSTEK_DB."""
    import tempfile

    store = Path(os.environ["JAMSOSTEK_DB"])
    with tempfile.TemporaryDirectory(prefix="jamsostek-load-") as tmp, serve(store, Path(tmp), flags) as server:
        config = " ".join(flags) or "config.toml"
        rows = measure(server, pages, viewers, config)
        checked = browser_check(server, pages, ROOT / "test-artifacts" / "load")
    return [(f"Load: K fresh sessions at once over the WebSocket (ms to script finished; server: {config})", rows),
            ("Browser check: each page once in chromium", checked)]


def parse_counts(text: str) -> tuple[int, ...]:
    """'1,10,50' -> (1, 10, 50)."""
    return tuple(int(part) for part in text.split(",") if part.strip())
