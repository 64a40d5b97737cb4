"""Derived card figures and table shapes from small tables with known answers."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from jamsostek.analysis import metrics

DESA = pd.DataFrame({
    "kode_desa": ["51.04.01.2001", "51.04.01.2002", "51.04.05.2002", "51.04.05.2003", "51.04.07.2001"],
    "desa": ["Batubulan", "Ketewel", "Mas", "Lodtunduh", "Buahan"],
    "kecamatan": ["Sukawati", "Sukawati", "Ubud", "Ubud", "Payangan"],
    "sasaran_workers": [15, 4, 10, 6, 0],
    "protected_workers": [2, 0, 2, 0, 1],
    "coverage_pct": [100 * 2 / 15, 0.0, 20.0, 0.0, float("nan")],
    "gap_workers": [13, 4, 8, 6, 0],
})


def test_zero_coverage_desa_needs_a_sasaran_and_sorts_by_gap():
    assert metrics.zero_coverage_desa(DESA)["desa"].tolist() == ["Lodtunduh", "Ketewel"]


def test_lowest_coverage_ties_go_to_larger_gap():
    assert metrics.lowest_coverage_desa(DESA, 3)["desa"].tolist() == ["Lodtunduh", "Ketewel", "Batubulan"]
    assert len(metrics.lowest_coverage_desa(DESA, 10)) == 4  # Buahan has no sasaran


def test_kecamatan_change():
    now = pd.DataFrame({"kode_kecamatan": ["51.04.01", "51.04.05"], "kecamatan": ["Sukawati", "Ubud"],
                        "protected_workers": [3, 2]})
    before = pd.DataFrame({"kode_kecamatan": ["51.04.01", "51.04.05"], "protected_workers": [1, 4]})
    out = metrics.kecamatan_change(now, before)
    assert out[["kecamatan", "protected_week_ago", "change_workers"]].values.tolist() == [
        ["Sukawati", 1, 2], ["Ubud", 4, -2]]


CELLS = pd.DataFrame({
    "kode_desa": ["A", "A", "B", "B", "C", "D"],
    "desa": ["Alpha", "Alpha", "Beta", "Beta", "Gamma", "Delta"],
    "kecamatan": ["K1"] * 6,
    "sektor": ["petani", "nelayan", "petani", "pengrajin", "petani", "lainnya"],
    "sasaran_workers": [10, 4, 20, 3, 5, 0],
    "protected_workers": [2, 0, 5, 3, 0, 2],
    "gap_workers": [8, 4, 15, 0, 5, 0],
})


def test_largest_gaps_skips_closed_groups():
    out = metrics.largest_gaps(CELLS, 10)
    assert list(zip(out["desa"], out["sektor"])) == [("Beta", "petani"), ("Alpha", "petani"),
                                                     ("Gamma", "petani"), ("Alpha", "nelayan")]
    assert len(metrics.largest_gaps(CELLS, 2)) == 2


def test_gap_matrix_sorted_by_need_with_zero_cells():
    m = metrics.gap_matrix(CELLS)
    assert list(m.gap.index) == ["B", "A", "C"]  # 15, 12, 5; D has no sasaran
    assert list(m.gap.columns) == ["petani", "nelayan", "pengrajin"]  # 28, 4, 0
    assert m.gap.loc["A", "pengrajin"] != m.gap.loc["A", "pengrajin"]  # NaN: no sasaran there
    assert m.zero.loc["A", "nelayan"] and m.zero.loc["C", "petani"]
    assert not m.zero.loc["B", "pengrajin"] and not m.zero.loc["A", "pengrajin"]
    assert m.desa_names.tolist() == ["Beta", "Alpha", "Gamma"] and m.total_desa == 3


def test_gap_matrix_top_desa():
    m = metrics.gap_matrix(CELLS, top_desa=2)
    assert list(m.gap.index) == ["B", "A"] and m.zero.shape == (2, 3) and m.total_desa == 3


@pytest.mark.parametrize("lang, headers, sector", [
    ("id", ["Desa", "Sektor", "Kesenjangan", "Cakupan %"], "Petani"),
    ("en", ["Village (desa)", "Sector", "Gap", "Coverage %"], "Farmers"),
])
def test_localize(lang, headers, sector):
    df = CELLS.assign(coverage_pct=50.0)
    out = metrics.localize(df, ["desa", "sektor", "gap_workers", "coverage_pct"], lang)
    assert list(out.columns) == headers
    assert out.iloc[0, 1] == sector and out.iloc[0, 2] == 8  # numbers stay numbers for the XLSX


def test_localize_dates_become_plain_dates():
    df = pd.DataFrame({"week_start": pd.to_datetime(["2025-11-03"]), "new_workers": [1136]})
    out = metrics.localize(df, ["week_start", "new_workers"], "id")
    assert out.iloc[0, 0] == date(2025, 11, 3)


def test_formats_by_column_kind():
    df = pd.DataFrame({"Desa": ["Mas"], "Terlindungi": [1136], "Cakupan %": [65.6],
                       "Berakhir": [date(2025, 11, 3)]})
    fmt = metrics.formats(df, "id")
    assert set(fmt) == {"Terlindungi", "Cakupan %", "Berakhir"}
    assert (fmt["Terlindungi"](1136), fmt["Cakupan %"](65.6), fmt["Berakhir"](date(2025, 11, 3))) == (
        "1.136", "65,6%", "3 November 2025")
    assert metrics.formats(df, "en")["Terlindungi"](1136) == "1,136"


@pytest.mark.parametrize("text, expected", [
    ("13.200", 13200), ("13,200", 13200), ("13 200", 13200), ("8733", 8733), ("", None), ("abc", None),
    ("-5", None), ("1e4", None), ("١٢", None), ("9" * 12, None),
])
def test_parse_count(text, expected):
    assert metrics.parse_count(text) == expected
