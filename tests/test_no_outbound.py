"""No outbound connection, at start-up or ever: the replica as deploy/systemd/jamsostek@.service runs it,
behind nginx, watched two ways while it starts and serves every page.

- From inside: tests/watch_sockets.py runs Streamlit with an audit hook that logs every connect, sendto,
  bind and name lookup Python makes (Streamlit's external-IP check would be an HTTP request and a UDP
  "connect" to 8.8.8.8, both caught here however short-lived).
- From outside: the process's open sockets (/proc/<pid>/fd against /proc/net/*), sampled throughout,
  which also sees sockets opened by native code.
"""

from __future__ import annotations

import ast
import ipaddress
import os
import threading
import time
from pathlib import Path

from jamsostek import settings
from tests import office

PAGES = ("", "peta", "sektor", "tren", "rencana", "rapat", "usulan", "laporan", "unggah", "riwayat")
WATCHER = settings.ROOT / "tests" / "watch_sockets.py"
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
SAMPLE_EVERY_S = 0.05


def _loopback(host, unspecified: bool = False) -> bool:
    """Whether `host` is this machine's loopback (or, when allowed, the unspecified address of a
    listening socket's peer: 0.0.0.0 / ::). Binding to it would mean every interface: never allowed."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or (unspecified and address.is_unspecified)


def _proc_address(text: str) -> str:
    """A /proc/net address ('0100007F:1F90' or the 32-digit IPv6 form) as an IP address string."""
    raw = bytes.fromhex(text.split(":")[0])
    # Each 32-bit word is in host (little-endian) order.
    words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    return str(ipaddress.ip_address(words))


def open_sockets(pid: int) -> list[tuple[str, str, str]]:
    """(protocol, local address, remote address) of every TCP/UDP socket the process holds now."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for protocol in ("tcp", "tcp6", "udp", "udp6"):
        for line in Path(f"/proc/{pid}/net/{protocol}").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[9] in inodes:
                found.append((protocol, _proc_address(fields[1]), _proc_address(fields[2])))
    return found


class SocketSampler:
    """Every socket a process held, sampled until stopped (bounded by the test's own steps)."""

    def __init__(self, pid: int):
        self.pid, self.seen, self._stop = pid, set(), threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.seen.update(open_sockets(self.pid))
            except FileNotFoundError:
                return  # the process ended
            time.sleep(SAMPLE_EVERY_S)

    def __enter__(self) -> SocketSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def python_calls(log: Path) -> list[tuple[str, object]]:
    """The watcher's log as (event, address or host name)."""
    calls = []
    for line in log.read_text().splitlines():
        event, value = line.split("\t", 1)
        calls.append((event, ast.literal_eval(value)))
    return calls


def _outside(event: str, value) -> bool:
    if isinstance(value, (str, bytes)) and event in ("socket.connect", "socket.bind", "socket.sendto"):
        return False  # a Unix socket path
    host = value[0] if isinstance(value, tuple) else value
    return not _loopback(host)


def test_a_replica_never_reaches_beyond_this_machine(tmp_path):
    log = tmp_path / "python-sockets.log"
    with office.office(tmp_path, replicas=1, wrapper=[str(WATCHER), str(log), "-m"]) as site:
        replica = site.replicas[0]
        with SocketSampler(replica.process.pid) as sampler:
            for page, url in [("", replica.url)] + [(page, site.proxy.url) for page in PAGES]:
                view = office.view(url, page)  # every page, through the proxy (and one straight to the replica)
                assert view.error is None, (page, url, view.error)
    calls = python_calls(log)
    assert ("socket.bind", ("127.0.0.1", int(replica.url.rsplit(":", 1)[1]))) in calls, "the hook saw nothing"
    outside = [(event, value) for event, value in calls if _outside(event, value)]
    assert not outside, f"calls beyond loopback: {outside[:10]}"
    assert sampler.seen, "no socket sampled"
    beyond = [s for s in sampler.seen if not (_loopback(s[1]) and _loopback(s[2], unspecified=True))]
    assert not beyond, f"sockets beyond loopback: {beyond}"
    assert "External URL" not in replica.log_tail(200) and "Network URL" not in replica.log_tail(200)
