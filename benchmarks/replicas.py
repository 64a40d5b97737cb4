"""A meeting's crowd through the office set-up: K fresh sessions at once through nginx, over 1 and 2 replicas.

`python -m benchmarks --only replicas` (`make bench-replicas`): the deployment recipe on loopback (tests/office.py:
replicas in shared mode over one store, Debian's nginx in front with its sticky-session hash, TLS), each viewer a
new Streamlit session over the proxied WebSocket until its first run ends. Prints p50/p95/max seconds and errors
per replica count, page and K. Targets on the 2-core machine (issue 18): Peta at K = 50 p95 under 3 s and at
K = 10 under 1 s, no errors.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

REPLICAS = (1, 2)
PAGES = ("peta", "ringkasan")
VIEWERS = (1, 10, 50)


def _crowd(url: str, page: str, viewers: int) -> list[tuple[float, str | None]]:
    from tests import office

    async def one() -> tuple[float, str | None]:
        start = time.perf_counter()
        view = await office._view(url, page)
        return time.perf_counter() - start, view.error

    async def every() -> list[tuple[float, str | None]]:
        return await asyncio.gather(*(one() for _ in range(viewers)))

    return asyncio.run(every())


def _row(replicas: int, page: str, viewers: int, views: list[tuple[float, str | None]]) -> dict:
    seconds = sorted(s for s, _ in views)
    p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
    return {"replicas": replicas, "page": page, "K": viewers, "p50_s": f"{statistics.median(seconds):.2f}",
            "p95_s": f"{p95:.2f}", "max_s": f"{seconds[-1]:.2f}", "errors": sum(1 for _, e in views if e)}


def run() -> tuple[str, list[dict]]:
    """(title, rows): every replica count x page x K, each round after one warm view per replica."""
    from tests import office

    rows = []
    for replicas in REPLICAS:
        with tempfile.TemporaryDirectory(prefix="jamsostek-replicas-") as tmp, \
                office.office(Path(tmp), replicas) as site:
            _crowd(site.proxy.url, PAGES[0], 2 * replicas)  # warm every replica's caches
            for viewers in VIEWERS:
                for page in PAGES:
                    rows.append(_row(replicas, page, viewers, _crowd(site.proxy.url, page, viewers)))
    return ("Replicas behind nginx: K fresh sessions at once through the proxy (s to the first run's end)", rows)
