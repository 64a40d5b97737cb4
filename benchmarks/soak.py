"""Memory over a long meeting: viewers without pause through nginx over 2 replicas, each replica's memory sampled.

`python -m benchmarks --only soak [--minutes 30]` (`make bench-soak`): the office recipe on loopback (tests/office.py),
VIEWERS viewers opening fresh sessions of the first page in a loop for the whole time (every session is left behind,
as a phone that closes the tab leaves it), and every SAMPLE_S seconds each replica's resident memory, the views so far
and the errors. Issue 18 asks for memory flat over 30 minutes.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

REPLICAS = 2
VIEWERS = 10
MINUTES = 30
SAMPLE_S = 60
PAGE_SIZE = resource.getpagesize()


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid`, MB (from /proc)."""
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE / 2**20


def run(minutes: float = MINUTES) -> tuple[str, list[dict]]:
    """(title, rows): one row per sample, the replicas' memory and the views and errors so far."""
    from tests import office

    rows = []
    with tempfile.TemporaryDirectory(prefix="jamsostek-soak-") as tmp, office.office(Path(tmp), REPLICAS) as site:
        pids = [r.process.pid for r in site.replicas]
        start = time.monotonic()
        end = start + minutes * 60
        with office.Load(site.proxy.url, VIEWERS, max_views=10**6, max_seconds=minutes * 60 + 30) as load:
            while True:
                now = time.monotonic()
                rows.append({"minute": f"{(now - start) / 60:.0f}", "views": len(load.views),
                             "errors": len(load.errors()),
                             **{f"replica {i + 1} MB": f"{rss_mb(pid):.0f}" for i, pid in enumerate(pids)}})
                if now >= end:
                    break
                time.sleep(min(SAMPLE_S, max(end - now, 0.1)))
    title = f"Soak: {VIEWERS} viewers without pause through nginx over {REPLICAS} replicas for {minutes:g} min"
    return title, rows
