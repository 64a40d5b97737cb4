"""Maps in documents are true to shape: drawn in UTM zone 50S with equal aspect, the geometry's drawn
width/height equals its width/height in metres (within 3 %), for Gianyar and for Bali province, on the
evidence PDF's map and on the meeting card's. Before, the PDF map was 0,79 and the card's 0,70 where
Gianyar's shape is 0,43."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from jamsostek import settings
from jamsostek.reports import card, evidence, static_map


@pytest.fixture(params=["51.04", "51"])
def region(request, monkeypatch, tmp_path_factory):
    monkeypatch.setenv(settings.ENV_REGION, request.param)
    monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path_factory.getbasetemp() / "true-maps-cache"))
    return request.param


def _desa() -> pd.DataFrame:
    shapes, _ = static_map.layers()
    return pd.DataFrame({"kode_desa": shapes["kode_desa"], "sasaran_workers": 10, "coverage_pct": 50.0})


def _drawn_ratio(fig: Figure, ax) -> float:
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    x0, y0, x1, y1 = static_map.layers()[1].total_bounds
    (px0, py0), (px1, py1) = ax.transData.transform([(x0, y0), (x1, y1)])
    return (px1 - px0) / (py1 - py0)


def _true_ratio() -> float:
    x0, y0, x1, y1 = static_map.layers()[1].total_bounds
    return (x1 - x0) / (y1 - y0)


def test_the_evidence_map_keeps_the_shape(region):
    fig = static_map.coverage_map(_desa(), "id", evidence.MAP_W_MM / 25.4, evidence.MAP_H_MM / 25.4)
    assert static_map.layers()[0].crs.to_epsg() == 32750
    assert _drawn_ratio(fig, fig.axes[0]) == pytest.approx(_true_ratio(), rel=0.03)


def test_the_card_map_keeps_the_shape(region):
    fig = Figure(figsize=(card.WIDTH_PX / card.DPI, card.HEIGHT_PX / card.DPI))
    ax = fig.add_axes(card.MAP_RECT)
    static_map.draw_coverage(ax, _desa(), "id", labels=False, attribution=False, scale=False, legend=False)
    assert _drawn_ratio(fig, ax) == pytest.approx(_true_ratio(), rel=0.03)


def test_the_scale_bar_is_five_kilometres_across(region):
    fig = static_map.coverage_map(_desa(), "id", evidence.MAP_W_MM / 25.4, evidence.MAP_H_MM / 25.4)
    ax = fig.axes[0]
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    bar = max(ax.lines, key=lambda line: abs(line.get_xdata()[-1] - line.get_xdata()[0]))
    assert bar.get_xdata()[-1] - bar.get_xdata()[0] == pytest.approx(5_000)
    # Equal aspect: 5 km across is as many pixels as 5 km up.
    (ax0, ay0), (ax1, _), (_, ay1) = ax.transData.transform([(0, 0), (5_000, 0), (0, 5_000)])
    assert ax1 - ax0 == pytest.approx(ay1 - ay0, rel=0.01)
