"""Map payload: JSON size of the Peta figure for each measure and level (budget 500 KB) and its build time,
plus the province desa map of Bali (JAMSOSTEK_REGION=51, budget 1.5 MB).

Run alone with `python -m benchmarks.maps` (builds the sample store in a tmp dir) or as a section of
`python -m benchmarks`.
"""

from __future__ import annotations

import time
from datetime import date

import pandas as pd

from jamsostek import settings
from jamsostek.geo import boundaries
from jamsostek.store import db
from jamsostek.analysis import maps
from jamsostek.geo import wilayah

BUDGET_BYTES = 500_000  # the target for the map payload
PROVINCE = "51"
PROVINCE_BUDGET_BYTES = 1_500_000  # issue 7: Bali's 716 desa in one figure
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
    rows += province_rows(frames["desa"])
    return f"Map figure payload (budget {BUDGET_BYTES // 1000} KB of JSON; province {PROVINCE_BUDGET_BYTES // 1000} KB)", rows


def province_rows(desa: pd.DataFrame) -> list[dict]:
    """The desa map of the whole province (the sample's figures on its desa, the rest without data)."""
    frame = wilayah.load_wilayah(PROVINCE)[["kode_desa", "desa", "kode_kecamatan", "kecamatan"]].merge(
        desa.drop(columns=["desa", "kode_kecamatan", "kecamatan"]), on="kode_desa", how="left")
    frame = frame.fillna({"sasaran_workers": 0, "protected_workers": 0, "gap_workers": 0})
    try:
        geojson, borders = (boundaries.plotly_geojson(level, PROVINCE) for level in ("desa", "kecamatan"))
    except boundaries.BoundariesUnavailable:
        return []
    rows = []
    for metric in maps.METRICS:
        start = time.perf_counter()
        fig = maps.make_choropleth(frame, geojson, metric, "id", level="desa", borders_geojson=borders)
        build_ms = (time.perf_counter() - start) * 1000
        size = maps.figure_json_bytes(fig)
        rows.append({"level": f"desa (province {PROVINCE})", "measure": metric, "areas": len(frame),
                     "json_kb": round(size / 1000, 1), "of_budget_pct": round(100 * size / PROVINCE_BUDGET_BYTES, 1),
                     "build_ms": round(build_ms, 1)})
    return rows


if __name__ == "__main__":
    from benchmarks.__main__ import main

    raise SystemExit(main(["--only", "maps"]))
