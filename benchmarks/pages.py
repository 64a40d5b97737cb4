"""Server-side time of each page's full run through dashboard.py (AppTest), cold and warm cache."""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st
from streamlit import logger
from streamlit.testing.v1 import AppTest

logger.set_log_level("ERROR")  # no bare-mode warnings between the rows

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 300


def page_files() -> list[str]:
    """Every page in pages/, as switch_page wants it."""
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


def _timed_run(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - start) * 1000
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return elapsed


def time_page(page: str, warm_runs: int = 3) -> dict:
    """Cold: a new session with st.cache_data emptied. Warm: best of `warm_runs` reruns after it."""
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.switch_page(page)
    cold = _timed_run(at)
    warm = min(_timed_run(at) for _ in range(warm_runs))
    return {"page": page, "cold_ms": cold, "warm_ms": warm, "elements": len(list(at.main))}


def run() -> tuple[str, list[dict]]:
    """(title, rows) for every page."""
    AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()  # import and connect once
    try:
        rows = [time_page(page) for page in page_files()]
    finally:
        # The app's read-write connection would block later sections from opening the store read-only.
        from jamsostek.ui import context

        context.connection().close()
        st.cache_resource.clear()
    return "Page runs (AppTest, server side, ms)", rows
