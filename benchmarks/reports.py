"""Documents: evidence PDF, 70 desa sheets, workbook and card on the store (target: PDF + sheets < 20 s).

Runs inside `python -m benchmarks` (listed in SECTIONS) or alone: `python -m benchmarks.reports`
(builds the sample store in a temporary folder).
"""

from __future__ import annotations

from jamsostek import settings
from jamsostek.reports.bench import TARGET_S, bench_reports, measure


def run() -> tuple[str, list[dict]]:
    """(title, rows) for benchmarks/__main__.py: milliseconds per document on the benchmark store."""
    rows = [{"document": name, "wall_ms": round(wall * 1000), "cpu_ms": round(cpu * 1000)}
            for name, (wall, cpu) in measure(settings.db_path()).items()]
    return f"Documents (target: evidence_and_desa < {TARGET_S:.0f} s)", rows


if __name__ == "__main__":
    bench_reports()
