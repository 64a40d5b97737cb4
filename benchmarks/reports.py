"""Documents: evidence PDF, 70 desa sheets, workbook and card on the store (target: PDF + sheets < 20 s).

Runs inside `python -m benchmarks` (listed in SECTIONS) or alone: `python -m benchmarks.reports`
(builds the sample store in a temporary folder).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from jamsostek import settings
from jamsostek.analysis.filters import Filters
from jamsostek.reports import card, collect, desa_sheet, evidence, static_map, workbook
from jamsostek.store import db
from jamsostek.sample import store as sample_store

TARGET_S = 20.0  # evidence PDF + 70 desa sheets, on the project's 2-core machines


def measure(store: Path | None = None, as_of: date | None = None, lang: str = "id") -> dict[str, tuple[float, float]]:
    """(wall s, CPU s) of collecting the data and building each document once; sample store if none given."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(store) if store else _sample_store(Path(tmp))
        con = db.connect(path, read_only=True)
        try:
            as_of = as_of or _latest(con)
            static_map.layers()  # the boundary cache is built once per install, not per document
            results: dict[str, tuple[float, float]] = {}
            data = _timed(results, "collect", lambda: collect.collect(con, Filters(as_of=as_of)))
        finally:
            con.close()
    _timed(results, "evidence_pdf", lambda: evidence.build_evidence_pdf(data, lang))
    _timed(results, "desa_sheets_70", lambda: desa_sheet.build_desa_sheets(data, lang))
    _timed(results, "workbook", lambda: workbook.build_workbook(data, lang))
    _timed(results, "card", lambda: card.build_card_png(data, lang))
    together = [results[k] for k in ("evidence_pdf", "desa_sheets_70")]
    results["evidence_and_desa"] = (sum(w for w, _ in together), sum(c for _, c in together))
    return results


def bench_reports(store: Path | None = None, as_of: date | None = None, lang: str = "id") -> dict[str, float]:
    """Build every document once, print the seconds each took (wall and CPU) and return them (wall)."""
    results = measure(store, as_of, lang)
    print(f"{'document':<18}{'wall s':>9}{'cpu s':>9}")
    for name, (seconds, cpu) in results.items():
        print(f"{name:<18}{seconds:>9.2f}{cpu:>9.2f}")
    together = results["evidence_and_desa"][0]
    verdict = "OK" if together < TARGET_S else "OVER TARGET"
    print(f"evidence + 70 desa sheets: {together:.2f} s (target < {TARGET_S:.0f} s, {os.cpu_count()} cores) {verdict}")
    return {name: seconds for name, (seconds, _) in results.items()}


def _timed(results: dict, name: str, build: Callable):
    wall, cpu = time.perf_counter(), time.process_time()
    value = build()
    results[name] = (time.perf_counter() - wall, time.process_time() - cpu)
    return value


def _sample_store(folder: Path) -> Path:
    sample_store.build_sample_store(folder / "bench.duckdb")
    return folder / "bench.duckdb"


def _latest(con: db.Connection) -> date:
    value = db.run_query(con, "data_status").iloc[0]["data_as_of"]
    return value.date() if hasattr(value, "date") else settings.LAUNCH_DATE


def run() -> tuple[str, list[dict]]:
    """(title, rows) for benchmarks/__main__.py: milliseconds per document on the benchmark store."""
    rows = [{"document": name, "wall_ms": round(wall * 1000), "cpu_ms": round(cpu * 1000)}
            for name, (wall, cpu) in measure(settings.db_path()).items()]
    return f"Documents (target: evidence_and_desa < {TARGET_S:.0f} s)", rows


if __name__ == "__main__":
    bench_reports()
