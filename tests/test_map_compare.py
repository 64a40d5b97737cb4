"""Period comparison on the map: the same fixed classes on both dates, and fixed change classes."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from jamsostek import settings
from jamsostek.geo import boundaries
from jamsostek.analysis import map_compare as mc
from jamsostek.analysis import maps

REFERENCE = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
BATUBULAN, KETEWEL, MAS = "51.04.01.2001", "51.04.01.2002", "51.04.05.2002"
NO_TARGET = "51.04.07.2001"


@pytest.fixture(scope="module")
def geo(tmp_path_factory):
    """Desa and kecamatan GeoJSON from the local boundary copy, in a private cache."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path_factory.mktemp("cache")))
        return {level: boundaries.plotly_geojson(level) for level in boundaries.LEVELS}


def desa(protected: dict[str, int], sasaran: int = 100) -> pd.DataFrame:
    """All 70 desa with sasaran 100 (0 for NO_TARGET) and the given protected counts (else 0)."""
    frame = REFERENCE[["kode_desa", "desa", "kode_kecamatan", "kecamatan"]].copy()
    frame["sasaran_workers"] = np.where(frame["kode_desa"] == NO_TARGET, 0, sasaran)
    frame["protected_workers"] = frame["kode_desa"].map(protected).fillna(0).astype("int64")
    frame["coverage_pct"] = 100 * frame["protected_workers"] / frame["sasaran_workers"].replace(0, np.nan)
    frame["gap_workers"] = (frame["sasaran_workers"] - frame["protected_workers"]).clip(lower=0)
    return frame


BEFORE = desa({BATUBULAN: 12, KETEWEL: 0, MAS: 20})
NOW = desa({BATUBULAN: 6, KETEWEL: 50, MAS: 20})


def colour_of(fig, code: str) -> str:
    for trace in fig.data:
        if trace.type == "choropleth" and code in list(trace.locations):
            return trace.colorscale[0][1]
    raise AssertionError(f"{code} not on the map")


def legend(fig) -> list:
    """Swatches and texts of the legend, without the per-class counts (which follow the data)."""
    return [(s.fillcolor) for s in fig.layout.shapes] + [re.sub(r" \(\d+\)$", "", a.text)
                                                         for a in fig.layout.annotations]


def test_side_by_side_uses_the_same_classes_on_both_dates(geo):
    before, now = mc.side_by_side(BEFORE, NOW, geo["desa"], "coverage_pct", level="desa")
    assert legend(before) == legend(now)  # one legend: classes chosen once, not per date
    assert colour_of(before, MAS) == colour_of(now, MAS)  # 20% on both dates: one colour
    assert colour_of(before, BATUBULAN) != colour_of(now, BATUBULAN)
    assert colour_of(now, NO_TARGET) == maps.NO_DATA_COLOUR


def test_side_by_side_classes_do_not_depend_on_the_other_values(geo):
    # Re-binning per date (quantiles) would give Mas another colour when every other desa rises.
    richer = desa({MAS: 20, **{c: 90 for c in REFERENCE["kode_desa"] if c not in (MAS, NO_TARGET)}})
    _, fig = mc.side_by_side(BEFORE, richer, geo["desa"], "coverage_pct")
    assert colour_of(fig, MAS) == colour_of(mc.side_by_side(BEFORE, NOW, geo["desa"], "coverage_pct")[1], MAS)


@pytest.mark.parametrize(("metric", "level", "values", "classes"), [
    ("coverage_pct", "desa", [-5, -1.0, -0.96, -0.04, 0, 0.04, 0.06, 0.9, 1, 4.9, 5, 50, np.nan],
     [0, 0, 0, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6]),
    ("protected_workers", "desa", [-10, -9, 0, 9, 10, 49, 50], [0, 1, 2, 3, 4, 4, 5]),
    ("protected_workers", "kecamatan", [-100, -99, 99, 100, 500], [0, 1, 3, 4, 5]),
])
def test_change_classes(metric, level, values, classes):
    assert mc.classify_change(values, metric, level).tolist() == classes


@pytest.mark.parametrize(("metric", "lang", "labels"), [
    ("coverage_pct", "id", ["turun ≥ 1 poin", "turun 0,1–0,9 poin", "tetap", "naik 0,1–0,9 poin",
                            "naik 1–4,9 poin", "naik ≥ 5 poin", "Tidak ada data sasaran"]),
    ("protected_workers", "en", ["down ≥ 10", "down 1–9", "no change", "up 1–9", "up 10–49", "up ≥ 50",
                                 "No target data"]),
])
def test_change_class_labels(metric, lang, labels):
    assert [c.label(lang) for c in mc.change_classes(metric, "desa")] == labels


def test_change_frame_is_now_minus_before_with_no_data_kept():
    frame = mc.change_frame(BEFORE, NOW, "coverage_pct").set_index("kode_desa")
    assert frame.loc[[BATUBULAN, KETEWEL, MAS], "change"].tolist() == [-6.0, 50.0, 0.0]
    assert np.isnan(frame.loc[NO_TARGET, "change"])


def test_change_map_colours_each_desa_by_its_change(geo):
    fig = mc.change_map(BEFORE, NOW, geo["desa"], "coverage_pct", "id", borders_geojson=geo["kecamatan"])
    colours = mc.CHANGE_COLOURS
    assert colour_of(fig, BATUBULAN) == colours[0]  # down 6 points
    assert colour_of(fig, KETEWEL) == colours[5]  # up 50 points
    assert colour_of(fig, MAS) == colours[2]  # no change
    assert colour_of(fig, NO_TARGET) == maps.NO_DATA_COLOUR
    traces = [t for t in fig.data if t.type == "choropleth"]
    assert sum(len(t.locations) for t in traces) == 70
    texts = " ".join(a.text for a in fig.layout.annotations)
    assert "Perubahan cakupan" in texts and "naik ≥ 5 poin" in texts and "Tidak ada data sasaran" in texts
    assert fig.layout.geo.visible is False  # offline: SVG, no base layers or tiles
    hover = next(t for t in traces if KETEWEL in list(t.locations))
    assert "Sebelum: 0,0%" in hover.customdata[list(hover.locations).index(KETEWEL)]


def test_unknown_change_metric_is_refused():
    with pytest.raises(ValueError, match="change metric"):
        mc.change_classes("gap_workers")
