"""Time a person feels: per page and viewport, from navigation until everything is drawn, in real Chromium.

`python -m benchmarks --only browser` (or `python -m benchmarks.browser [--shots DIR]`): one warm server over
the sample store, one browser, each page loaded once to warm the caches, then timed REPEATS times. "Drawn"
means Streamlit's script is not running, no skeleton or spinner is left, every map (plotly `geo`, SVG) has
drawn its areas, and that stays so for STABLE_MS (a phone's first run is followed by its width report's rerun, which
counts). Targets on the 2-core machine: under 1,5 s on desktop sizes, under 2,5 s on the phone.
`--shots DIR` also saves a screenshot of every page at the three sizes in both languages.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

PAGES = ["", "peta", "sektor", "tren", "rencana", "rapat", "layar", "usulan", "laporan", "unggah", "riwayat"]
VIEWPORTS = {"phone 390x844": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
             "projector 1280x720": {"viewport": {"width": 1280, "height": 720}},
             "desktop 1440x900": {"viewport": {"width": 1440, "height": 900}}}
TARGET_S = {"phone 390x844": 2.5, "projector 1280x720": 1.5, "desktop 1440x900": 1.5}
REPEATS = 2
STABLE_MS = 300
DRAWN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('h1')) return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stSpinner"]')) return false;
  return Array.from(document.querySelectorAll('.js-plotly-plot')).every(gd => {
    return !(gd._fullLayout && gd._fullLayout.geo) || Boolean(gd.querySelector('.choroplethlocation'));
  });
}"""


def time_to_drawn(page, url: str) -> float:
    """Seconds from starting the navigation to the start of the first STABLE_MS-long drawn state."""
    start = time.perf_counter()
    page.goto(url)
    while True:
        page.wait_for_function(DRAWN, polling=25, timeout=60_000)
        drawn_at = time.perf_counter()
        page.wait_for_timeout(STABLE_MS)
        if page.evaluate(DRAWN):
            return drawn_at - start


def measure(browser, base: str, shots: Path | None = None, pages: list[str] = PAGES) -> list[dict]:
    """One row per page: the median seconds per viewport (and the screenshots, when asked)."""
    timings: dict[str, dict[str, float]] = {name: {} for name in pages}
    for label, options in VIEWPORTS.items():
        context = browser.new_context(locale="id-ID", timezone_id="Asia/Makassar", **options)
        page = context.new_page()
        for name in pages:
            url = f"{base}/{name}"
            time_to_drawn(page, url)  # warm: the server's caches and the browser's static files
            timings[name][label] = statistics.median(time_to_drawn(page, url) for _ in range(REPEATS))
            print(f"  {label:20} {name or 'ringkasan':10} {timings[name][label]:.2f} s", file=sys.stderr, flush=True)
            if shots:
                for lang in ("id", "en"):
                    time_to_drawn(page, url + ("?lang=en" if lang == "en" else "?lang=id"))
                    size = label.split()[1]
                    page.screenshot(path=str(shots / f"{name or 'ringkasan'}_{size}_{lang}.png"))
        context.close()
    rows = []
    for name in pages:
        row = {"page": name or "ringkasan"}
        for label in VIEWPORTS:
            seconds = timings[name][label]
            row[f"{label} s"] = f"{seconds:.2f}" + (" !" if seconds > TARGET_S[label] else "")
        rows.append(row)
    return rows


def run(shots: Path | None = None, pages: list[str] = PAGES) -> tuple[str, list[dict]]:
    """(title, rows) for benchmarks/__main__: a sample store, a server and a browser of their own."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve

    with tempfile.TemporaryDirectory(prefix="jamsostek-browser-") as tmp, serve(Path(tmp)) as server, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            rows = measure(browser, server.url, shots, pages)
        finally:
            browser.close()
    targets = ", ".join(f"{label.split()[0]} < {limit:.1f} s" for label, limit in TARGET_S.items())
    return (f"Browser: navigation until drawn, median of {REPEATS} warm loads ({targets}; ! = over)", rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.browser", description=__doc__)
    parser.add_argument("--shots", help="folder for screenshots of every page, three sizes, both languages")
    parser.add_argument("--pages", help="comma-separated pages (ringkasan for the first; default: all)")
    args = parser.parse_args(argv)
    pages = [("" if name == "ringkasan" else name) for name in args.pages.split(",")] if args.pages else PAGES
    shots = Path(args.shots) if args.shots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    from benchmarks.report import print_table

    print_table(*run(shots, pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
