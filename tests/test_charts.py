"""Chart builders: traces, values, labels and colours, inspected on the figure objects."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import plotly.tools
import pytest

from jamsostek import domain, i18n
from jamsostek.analysis import charts
from jamsostek.analysis import metrics
from tests.test_metrics import CELLS

KECAMATAN = pd.DataFrame({
    "kode_kecamatan": ["51.04.01", "51.04.05", "51.04.07"],
    "kecamatan": ["Sukawati", "Ubud", "Payangan"],
    "sasaran_workers": [19, 10, 0],
    "protected_workers": [3, 2, 0],
    "coverage_pct": [100 * 3 / 19, 20.0, float("nan")],
    "gap_workers": [16, 8, 0],
})


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_palette_is_single_hue_light_to_dark():
    # Greyscale printing keeps the order only if luminance falls steadily along the scale.
    lum = [_luminance(colour) for _, colour in charts.SEQUENTIAL]
    assert lum == sorted(lum, reverse=True) and lum[0] - lum[-1] > 150
    assert _luminance(charts.BAR) < _luminance(charts.BAR_LIGHT) - 60


@pytest.mark.parametrize("lang, separators, label", [("id", ",.", "20,0%"), ("en", ".,", "20.0%")])
def test_kecamatan_bar(lang, separators, label):
    fig = charts.kecamatan_bar(KECAMATAN, lang)
    bar = fig.data[0]
    assert list(bar.y) == ["51.04.07", "51.04.01", "51.04.05"]  # highest coverage drawn last = on top
    assert list(fig.layout.yaxis.ticktext) == ["Payangan", "Sukawati", "Ubud"]
    assert fig.layout.yaxis.type == "category" and fig.layout.separators == separators
    assert list(bar.text) == ["–", "15,8%" if lang == "id" else "15.8%", label]
    assert bar.x[0] == 0  # no sasaran: an empty bar with a dash, not a gap in the axis
    assert bar.marker.color == charts.BAR


def test_kecamatan_bar_hover_is_localized():
    fig = charts.kecamatan_bar(KECAMATAN.assign(protected_workers=[1136, 2, 0]), "id")
    assert "Terlindungi: 1.136" in fig.data[0].customdata[1]


@pytest.mark.parametrize("lang, sector", [("id", "Petani"), ("en", "Farmers")])
def test_gap_heatmap(lang, sector):
    fig = charts.gap_heatmap(metrics.gap_matrix(CELLS), lang)
    heat, marks = fig.data
    assert list(heat.y) == ["B", "A", "C"] and list(fig.layout.yaxis.ticktext) == ["Beta", "Alpha", "Gamma"]
    assert list(fig.layout.xaxis.ticktext)[0] == sector and fig.layout.xaxis.type == "category"
    assert heat.z[0][0] == 15 and heat.text[0][0] == "15"
    assert heat.text[1][1] == "4 ×" and heat.text[2][0] == "5 ×"  # zero-coverage cells carry ×
    assert heat.text[0][2] == "0" and heat.text[1][2] == ""  # closed gap vs no sasaran
    outlined = sorted((heat.x[round(s.x0 + 0.5)], heat.y[round(s.y0 + 0.5)]) for s in fig.layout.shapes)
    assert outlined == [("nelayan", "A"), ("petani", "C")]
    assert {s.line.color for s in fig.layout.shapes} == {charts.ACCENT}
    assert marks.marker.symbol == "square-open" and marks.showlegend  # the legend explains the outline
    assert fig.layout.yaxis.autorange == "reversed"  # largest need at the top


@pytest.mark.parametrize("lang", ["id", "en"])
def test_gap_heatmap_sector_labels_fit_their_columns(lang):
    # "Construction workers" and "Customary (adat) workers" ran into each other on one line each.
    matrix = metrics.gap_matrix(pd.DataFrame({
        "kode_desa": "A", "desa": "Alpha", "sektor": list(domain.SECTORS), "sasaran_workers": 10,
        "protected_workers": 1, "gap_workers": 9}))
    lines = [line for label in charts.gap_heatmap(matrix, lang).layout.xaxis.ticktext for line in label.split("<br>")]
    assert max(map(len, lines)) <= charts.SECTOR_LABEL_CHARS


def test_gap_heatmap_without_zero_cells_has_no_outline_or_legend():
    fig = charts.gap_heatmap(metrics.gap_matrix(CELLS[CELLS["protected_workers"] > 0]), "id")
    assert not fig.layout.shapes and not fig.data[1].showlegend


def test_gap_heatmap_height_grows_with_rows():
    small = charts.gap_heatmap(metrics.gap_matrix(CELLS, top_desa=1), "id").layout.height
    assert charts.gap_heatmap(metrics.gap_matrix(CELLS), "id").layout.height == small + 2 * charts.ROW_PX


def _hlines(fig) -> list:
    return [shape.y0 for shape in fig.layout.shapes if shape.y0 == shape.y1]


WEEKS = pd.DataFrame({
    "week_start": pd.to_datetime(["2025-11-03", "2025-11-10", "2025-11-17", "2025-12-01"]),
    "week_end": pd.to_datetime(["2025-11-09", "2025-11-16", "2025-11-23", "2025-12-03"]),
    "new_workers": [1136, 40, 0, 12],
    "protected_workers": [1136, 1176, 1176, 1188],
})


@pytest.mark.parametrize("lang, target_text, months", [
    ("id", "Target: 13.200", ["Nov 2025", "Des 2025"]),
    ("en", "Target: 13,200", ["Nov 2025", "Dec 2025"]),
])
def test_protected_vs_target(lang, target_text, months):
    fig = charts.protected_vs_target(WEEKS, lang, target=13200, verified=8733)
    assert list(fig.data[0].y) == [1136, 1176, 1176, 1188]
    assert _hlines(fig) == [13200, 8733]
    texts = [a.text for a in fig.layout.annotations]
    assert texts[0] == target_text and texts[1].endswith("8.733" if lang == "id" else "8,733")
    launch = "Peluncuran 3 Nov 2025: 1.136 pekerja" if lang == "id" else "Launch 3 Nov 2025: 1,136 workers"
    assert texts[2] == launch
    assert list(fig.layout.xaxis.ticktext) == months
    assert fig.layout.yaxis.range[1] >= 13200


def test_protected_vs_target_without_verified_line():
    fig = charts.protected_vs_target(WEEKS, "id", target=2000)
    assert _hlines(fig) == [2000]


def test_filtered_view_has_no_target_lines_and_its_own_scale():
    fig = charts.protected_vs_target(WEEKS, "id", target=None, verified=8733)
    assert not fig.layout.shapes and fig.layout.yaxis.range[1] < 2000


def test_launch_marker_only_when_the_range_reaches_it():
    later = WEEKS[WEEKS["week_start"] > "2025-11-03"]
    assert len(charts.protected_vs_target(later, "id", target=2000).layout.shapes) == 1


def test_enrolments_per_week():
    fig = charts.enrolments_per_week(WEEKS, "id")
    assert list(fig.data[0].y) == [1136, 40, 0, 12]
    assert "Pendaftar baru: 1.136" in fig.data[0].customdata[0]
    assert "3 November 2025" in fig.data[0].customdata[0]


def test_month_ticks_thin_out_on_long_ranges():
    days = pd.Series(pd.date_range("2025-01-01", "2027-12-31", freq="W"))
    ticks, labels = i18n.month_ticks(days, "id", charts.MAX_MONTH_TICKS)
    assert 6 <= len(ticks) <= 12 and labels[0] == "Jan 2025" and ticks[0] == date(2025, 1, 1)


def test_kecamatan_change_bar():
    change = pd.DataFrame({"kode_kecamatan": ["51.04.01", "51.04.05"], "kecamatan": ["Sukawati", "Ubud"],
                           "protected_workers": [3, 2], "protected_week_ago": [1, 4], "change_workers": [2, -2]})
    fig = charts.kecamatan_change_bar(change, "id")
    bar = fig.data[0]
    assert list(bar.x) == [-2, 2] and list(bar.text) == ["-2", "+2"]
    assert list(bar.marker.color) == [charts.BAR_LIGHT, charts.BAR]
    assert fig.layout.xaxis.range[0] < -2 and fig.layout.xaxis.range[1] > 2


def test_a_frozen_figure_sends_the_same_dict_every_time_without_copying():
    fig = go.Figure(go.Bar(x=["Ubud", "Tegallalang"], y=[239, 120]))
    expected = fig.to_dict()
    shared = charts.frozen(fig)
    first = shared.to_dict()
    assert first == expected and shared.to_dict() is first  # made once, not deep-copied per session
    assert plotly.tools.return_figure_from_figure_or_data(shared, True) is first  # what st.plotly_chart sends


def test_what_sessions_share_is_frozen_figures_and_all():
    from jamsostek.ui import context as ctx

    figures = (go.Figure(go.Bar(y=[1])), go.Figure(go.Bar(y=[2])))
    shared = ctx._frozen(figures)
    assert isinstance(shared, tuple) and all(fig.to_dict() is fig.to_dict() for fig in shared)
    plan_and_funding = (object(), object())
    assert ctx._frozen(plan_and_funding) is plan_and_funding  # anything else is shared as it is
