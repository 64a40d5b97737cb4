"""The office deployment on loopback, for tests: replicas run with deploy/systemd/jamsostek@.service's own
command line, Debian's nginx with deploy/nginx/jamsostek.conf itself (ports, paths and the name swapped),
a self-signed certificate made with openssl, and a small protocol-level viewer (one fresh Streamlit session
over the WebSocket, read until the script finished) to put load on them.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow
import pyarrow.ipc
import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from jamsostek import settings
from jamsostek.sample import store as sample_store

DEPLOY = settings.ROOT / "deploy"
UNIT = DEPLOY / "systemd" / "jamsostek@.service"
SITE = DEPLOY / "nginx" / "jamsostek.conf"
SNIPPET = DEPLOY / "nginx" / "jamsostek-proxy.conf"
NGINX = Path("/usr/sbin/nginx")
OFFICE_NAME = "dasbor.disnaker.gianyarkab.go.id"
INSTALLED = "/opt/jamsostek"
STARTUP_TIMEOUT_S = 60
VIEW_TIMEOUT_S = 30
ACCOUNT_ENV = ("JAMSOSTEK_ADMINS", "JAMSOSTEK_VIEWERS", "JAMSOSTEK_REQUIRE_VIEWER_SIGNIN")


def free_port() -> int:
    """A TCP port nobody listens on now, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unit_values(key: str, unit: Path = UNIT) -> list[str]:
    """Every value of `key=` in a systemd unit file, in order."""
    return [line.split("=", 1)[1] for line in unit.read_text().splitlines() if line.startswith(f"{key}=")]


def replica_command(port: int, unit: Path = UNIT) -> list[str]:
    """The unit's ExecStart for instance `port`, run from this checkout with this Python."""
    (line,) = unit_values("ExecStart", unit)
    words = shlex.split(line.replace("%i", str(port)).replace("${JAMSOSTEK_HOSTNAME}", "127.0.0.1"))
    assert words[0] == f"{INSTALLED}/.venv/bin/python", words[0]
    return [sys.executable, *words[1:]]


def replica_environment(store: Path, cache: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The unit's Environment= settings with the store and cache moved to the test's folder."""
    unit = dict(value.split("=", 1) for value in unit_values("Environment"))
    assert {"JAMSOSTEK_SHARED", settings.ENV_DB, settings.ENV_CACHE_DIR} <= set(unit)
    unit |= {settings.ENV_DB: str(store), settings.ENV_CACHE_DIR: str(cache)}
    base = {k: v for k, v in os.environ.items() if k not in ACCOUNT_ENV and not k.startswith("STREAMLIT_")}
    return base | unit | (extra or {})


@dataclass
class Process:
    """A server process started here, its log, and how to reach it."""

    name: str
    process: subprocess.Popen
    log: Path
    url: str

    def log_tail(self, lines: int = 30) -> str:
        """The end of its output, for failure messages."""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """Stop it by its PID (terminate, then kill after 15 s)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start(name: str, command: list[str], work: Path, env: dict[str, str] | None = None, url: str = "") -> Process:
    """Start `command` with output to `work/<name>.log` (a file: a full pipe would block the server)."""
    log = work / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=settings.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return Process(name, process, log, url)


def wait_healthy(server: Process, context: ssl.SSLContext | None = None) -> None:
    """Until `<url>/_stcore/health` answers 200 (fails with the log's tail if the process exits or stalls)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.process.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2, context=context) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{server.name} not healthy after {STARTUP_TIMEOUT_S} s:\n{server.log_tail()}")


def start_replica(port: int, store: Path, work: Path, extra_env: dict[str, str] | None = None,
                  wrapper: list[str] | None = None) -> Process:
    """One replica as the unit runs it, on 127.0.0.1:`port`, sharing `store`; `wrapper` goes between the
    Python interpreter and `-m streamlit` (a script that runs the module, e.g. to watch its sockets)."""
    env = replica_environment(store, work / "cache", extra_env)
    python, *args = replica_command(port)
    if wrapper:
        assert args[0] == "-m", args
        args = [*wrapper, *args[1:]]
    return start(f"replica-{port}", [python, *args], work, env, f"http://127.0.0.1:{port}")


def self_signed(work: Path) -> tuple[Path, Path]:
    """A certificate and key for localhost (the office uses its own), made with openssl."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed (make setup-dev installs it)")
    cert, key = work / "cert.pem", work / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost"], check=True, capture_output=True, timeout=60)
    return cert, key


def _swap(text: str, old: str, new: str) -> str:
    assert old in text, f"deploy file changed: {old!r} not found"
    return text.replace(old, new)


def site_for_test(upstreams: list[int], https_port: int, http_port: int, cert: Path, key: Path) -> str:
    """deploy/nginx/jamsostek.conf with loopback ports, the test certificate and `localhost` as the name
    (a name, not an address: clients send no SNI for an address, and the site refuses a handshake without one)."""
    text = SITE.read_text()
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in upstreams)
    text = _swap(text, "    server 127.0.0.1:8501;\n    server 127.0.0.1:8502;\n", servers)
    text = _swap(text, "listen 80;", f"listen 127.0.0.1:{http_port};")
    text = _swap(text, "listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl")
    text = _swap(text, f"server_name {OFFICE_NAME};", "server_name localhost;")
    text = _swap(text, "/etc/jamsostek/tls/fullchain.pem", str(cert))
    text = _swap(text, "/etc/jamsostek/tls/privkey.pem", str(key))
    return _swap(text, "/etc/nginx/snippets/jamsostek-proxy.conf", str(SNIPPET))


def nginx_command(upstreams: list[int], work: Path) -> tuple[list[str], int]:
    """Write an nginx.conf in `work` that serves the site in front of `upstreams` (checked with nginx -t);
    the command that runs it in the foreground, and its https port."""
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is not installed (make setup-dev installs Debian's nginx)")
    cert, key = self_signed(work)
    https_port, http_port = free_port(), free_port()
    (work / "site.conf").write_text(site_for_test(upstreams, https_port, http_port, cert, key))
    temp = work / "nginx-temp"
    temp.mkdir(exist_ok=True)
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers write temp files in the test's folder
    (work / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/nginx-error.log info;\n"
        "events { worker_connections 512; }\n"
        f"http {{\n  access_log {work}/nginx-access.log;\n"
        + "".join(f"  {kind}_temp_path {temp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"  include {work}/site.conf;\n}}\n")
    command = [str(NGINX), "-p", str(work), "-e", str(work / "nginx-error.log"), "-c", str(work / "nginx.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    return command, https_port


def start_nginx(upstreams: list[int], work: Path) -> Process:
    """Debian's nginx in the foreground with the site in front of `upstreams`; its URL is https://localhost:port."""
    command, https_port = nginx_command(upstreams, work)
    server = start("nginx", command, work, url=f"https://localhost:{https_port}")
    try:
        wait_healthy(server, insecure_tls())
    except BaseException:
        server.stop()  # the caller gets no handle to stop it with
        raise
    return server


def insecure_tls() -> ssl.SSLContext:
    """A TLS client context that accepts the test's self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


@dataclass
class Office:
    """Replicas sharing one store, and nginx in front of them."""

    store: Path
    replicas: list[Process]
    proxy: Process


@contextlib.contextmanager
def office(work: Path, replicas: int, extra_env: dict[str, str] | None = None,
           wrapper: list[str] | None = None) -> Iterator[Office]:
    """`replicas` app processes in shared mode over a fresh sample store, behind nginx; all stopped after."""
    store = sample_store.ensure_store(work / "store.duckdb")
    started: list[Process] = []
    proxy = None
    try:
        for _ in range(replicas):
            started.append(start_replica(free_port(), store, work, extra_env, wrapper))
        for replica in started:
            wait_healthy(replica)
        proxy = start_nginx([int(r.url.rsplit(":", 1)[1]) for r in started], work)
        yield Office(store, started, proxy)
    finally:
        for server in ([proxy] if proxy else []) + started:
            server.stop()


# ---------------------------------------------------------------- a viewer over the WebSocket


@dataclass
class View:
    """One fresh session's first run: how it ended, the metrics it drew (label -> value) and its text
    (headings, markdown, notices and every cell of its tables)."""

    error: str | None = None
    metrics: dict[str, str] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)

    def shows(self, text: str) -> bool:
        """Whether `text` is part of any text the page drew."""
        return any(text in shown for shown in self.texts)


def _texts(element) -> list[str]:
    kind = element.WhichOneof("type")
    if kind in ("markdown", "alert", "heading"):
        return [getattr(element, kind).body]
    if kind == "dataframe" and element.dataframe.arrow_data.data:
        table = pyarrow.ipc.open_stream(element.dataframe.arrow_data.data).read_all()
        return [str(value) for column in table.columns for value in column.to_pylist()]
    return []


def _rerun(page: str) -> bytes:
    msg = BackMsg()
    msg.rerun_script.page_name = page
    msg.rerun_script.query_string = ""
    msg.rerun_script.page_script_hash = ""
    msg.rerun_script.context_info.timezone = "Asia/Makassar"
    msg.rerun_script.context_info.locale = "id-ID"
    return msg.SerializeToString()


async def _view(url: str, page: str = "") -> View:
    view = View()
    stream = url.replace("http", "ws", 1) + "/_stcore/stream"
    tls = insecure_tls() if stream.startswith("wss") else None
    try:
        async with asyncio.timeout(VIEW_TIMEOUT_S):
            async with websockets.connect(stream, subprotocols=["streamlit"], ssl=tls, max_size=None,
                                          compression=None) as ws:
                await ws.send(_rerun(page))
                async for data in ws:
                    msg = ForwardMsg.FromString(data)
                    kind = msg.WhichOneof("type")
                    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                        element = msg.delta.new_element
                        if element.WhichOneof("type") == "exception":
                            view.error = f"exception on the page: {element.exception.message[:200]}"
                        elif element.WhichOneof("type") == "metric":
                            view.metrics[element.metric.label] = element.metric.body
                        view.texts.extend(_texts(element))
                    elif kind == "script_finished":
                        if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                            view.metrics.clear()  # st.rerun: the next run draws the page again
                            view.texts.clear()
                            continue
                        if msg.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                            view.error = view.error or f"script finished with status {msg.script_finished}"
                        return view
        view.error = "connection closed before the script finished"
    except Exception as error:  # a refused, dropped or timed-out view is counted, not raised
        view.error = f"{type(error).__name__}: {error}"
    return view


def view(url: str, page: str = "") -> View:
    """Open a page (by its URL path, "" the first) at `url` once, as a new viewer (in a thread of its own:
    Playwright's sync API keeps an event loop running in the test's thread)."""
    done: list[View] = []
    thread = threading.Thread(target=lambda: done.append(asyncio.run(_view(url, page))))
    thread.start()
    thread.join(VIEW_TIMEOUT_S + 5)
    return done[0] if done else View(error="the viewer did not finish")


class Load:
    """`viewers` concurrent viewers opening fresh sessions at `url` in a loop, until stopped (bounded)."""

    def __init__(self, url: str, viewers: int = 2, max_views: int = 400, max_seconds: float = 180):
        self.url, self.viewers, self.max_views, self.max_seconds = url, viewers, max_views, max_seconds
        self.views: list[View] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _viewer(self, deadline: float) -> None:
        while not self._stop.is_set() and len(self.views) < self.max_views and time.monotonic() < deadline:
            self.views.append(await _view(self.url))

    async def _run(self) -> None:
        deadline = time.monotonic() + self.max_seconds
        await asyncio.gather(*(self._viewer(deadline) for _ in range(self.viewers)))

    def __enter__(self) -> Load:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=VIEW_TIMEOUT_S + 5)

    def errors(self) -> list[str]:
        """What went wrong in any view so far."""
        return [v.error for v in list(self.views) if v.error]
