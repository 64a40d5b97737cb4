"""Map payload: JSON size of the Peta figure for each measure and level (budget 500 KB) and its build time.

Run alone with `python -m benchmarks.maps` (builds the sample store in a tmp dir) or as a section of
`python -m benchmarks`.
"""

from __future__ import annotations

import time
from datetime import date

from jamsostek import boundaries, db, maps, settings

BUDGET_BYTES = 500_000  # the target for the map payload
REPEATS = 5


def run() -> tuple[str, list[dict]]:
    """One row per level x measure: areas drawn, figure JSON in KB, share of the budget, build time."""
    con = db.connect(settings.db_path(), read_only=True)
    try:
        as_of = db.run_query(con, "data_status").iloc[0]["data_as_of"]
        params = {"as_of": date.fromisoformat(str(as_of)[:10]), "kecamatan": None, "sektor": None,
                  "program": None, "sumber": None}
        frames = {"desa": db.run_query(con, "coverage_by_desa", **params),
                  "kecamatan": db.run_query(con, "coverage_by_kecamatan", **params)}
    finally:
        con.close()
    borders = boundaries.plotly_geojson("kecamatan")
    rows = []
    for level, frame in frames.items():
        geojson = boundaries.plotly_geojson(level)
        for metric in maps.METRICS:
            selected = frame["kode_desa"].iloc[0] if level == "desa" else None
            start = time.perf_counter()
            for _ in range(REPEATS):
                fig = maps.make_choropleth(frame, geojson, metric, "id", level=level,
                                           borders_geojson=borders, selected=selected)
            build_ms = (time.perf_counter() - start) / REPEATS * 1000
            size = maps.figure_json_bytes(fig)
            rows.append({"level": level, "measure": metric, "areas": len(frame), "json_kb": round(size / 1000, 1),
                         "of_budget_pct": round(100 * size / BUDGET_BYTES, 1), "build_ms": round(build_ms, 1)})
    return f"Map figure payload (budget {BUDGET_BYTES // 1000} KB of JSON)", rows


if __name__ == "__main__":
    from benchmarks.__main__ import main

    raise SystemExit(main(["--only", "maps"]))
