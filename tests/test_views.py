"""What a page shows is named and kept in the address: page options, the view text, the phone layout."""

from __future__ import annotations

from datetime import date

import pytest

from jamsostek.analysis import charts, filters as flt
from jamsostek.ui import viewport
from tests.test_pages import app_store, open_app  # noqa: F401  (fixture)

UBUD = "51.04.05"


@pytest.mark.parametrize("key, text, expected", [
    ("ukuran", "gap_workers", ("gap_workers", True)),
    ("ukuran", "nik", (None, False)),
    ("baris", "30", ("30", True)),
    ("baris", "31", (None, False)),
    ("bulan", "060", ("60", True)),
    ("bulan", "61", (None, False)),
    ("bulan", "-1", (None, False)),
    ("anggaran", "2000000000", ("2000000000", True)),
    ("anggaran", "2e9", (None, False)),
    ("anggaran", "9" * 41, (None, False)),
    ("mulai", "2026-07", ("2026-07", True)),
    ("mulai", "2026-13", (None, False)),
    ("mulai", "2026-7", (None, False)),
    ("mulai", "2026-07-01", (None, False)),
    ("tab", "<script>", (None, False)),
    ("tab", "", (None, True)),
])
def test_page_options_are_validated(key, text, expected):
    assert flt.PAGE_OPTIONS[key].read({key: text}) == expected


def test_unknown_options_reported_known_kept():
    values, rejected = flt.read_options({"ukuran": "gap_workers", "tingkat": "provinsi", "zzz": "1"})
    assert values == {"ukuran": "gap_workers"} and rejected == ["tingkat"]


def test_option_values_match_the_code():
    from jamsostek.analysis import maps
    from jamsostek.plan import allocation as al

    assert flt.PAGE_OPTIONS["ukuran"].values == maps.METRICS
    assert set(flt.PAGE_OPTIONS["tingkat"].values) == set(maps.KEYS)
    assert flt.PAGE_OPTIONS["kelas"].values == maps.CLASS_MODES
    assert flt.PAGE_OPTIONS["aturan"].values == al.RULES
    assert not set(flt.PAGE_OPTIONS) & {*flt.FILTER_KEYS, flt.KEY_LANG, "desa"}  # no clash with the filters


@pytest.mark.parametrize("view, lang, expected", [
    (flt.Filters(date(2026, 11, 20)), "id", "Seluruh Kabupaten Gianyar · per 20 November 2026"),
    (flt.Filters(date(2026, 11, 20), UBUD, "petani"), "id", "Kec. Ubud · sektor Petani · per 20 November 2026"),
    (flt.Filters(date(2026, 11, 20), sumber="APBD", program="JKM"), "en",
     "All of Kabupaten Gianyar · programme JKM · paid by APBD (regency budget) · as of 20 November 2026"),
])
def test_view_in_words(view, lang, expected):
    text = flt.describe(view, lang, region="Kabupaten Gianyar", kecamatan_names={UBUD: "Ubud"})
    assert text == expected


def test_file_names_carry_the_filters():
    assert flt.file_tags(flt.Filters(date(2026, 1, 1), UBUD, "petani")) == [UBUD, "petani"]
    assert flt.file_tags(flt.Filters(date(2026, 1, 1))) == []


@pytest.mark.parametrize("qp, expected", [({"tampilan": "ponsel"}, "phone"), ({"tampilan": "layar"}, "screen"),
                                          ({"tampilan": "tv"}, None), ({}, None)])
def test_layout_from_the_address(qp, expected):
    assert flt.layout_from_url(qp) == expected


def test_user_agent_hint():
    iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
    assert viewport.ua_hint({"User-Agent": iphone}) == viewport.PHONE
    assert viewport.ua_hint({"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140"}) == viewport.DESKTOP
    assert viewport.ua_hint({}) == viewport.DESKTOP


@pytest.mark.parametrize("phone, half, expected", [
    (True, True, {"width": viewport.PHONE_CONTENT_PX, "height": viewport.PHONE_MAP_PX, "legend_below": True}),
    (True, False, {"width": viewport.PHONE_CONTENT_PX, "height": viewport.PHONE_MAP_PX, "legend_below": True}),
    # Two maps side by side: the legend under each, not beside it in half the room.
    (False, True, {"width": viewport.HALF_MAP_PX, "height": viewport.HALF_MAP_HEIGHT_PX, "legend_below": True}),
    (False, False, {"width": viewport.DESKTOP_MAP_PX, "height": viewport.MAP_HEIGHT_PX}),
])
def test_map_size_follows_the_screen(monkeypatch, phone, half, expected):
    monkeypatch.setattr(viewport, "is_phone", lambda: phone)
    assert viewport.map_size(half=half) == expected


def test_phone_charts_keep_ticks_level_and_labels_inside():
    import pandas as pd

    weeks = pd.DataFrame({"week_start": pd.date_range("2025-01-06", periods=100, freq="W-MON").date,
                          "week_end": pd.date_range("2025-01-12", periods=100, freq="W-SUN").date,
                          "new_workers": 10, "protected_workers": range(0, 1000, 10)})
    fig = charts.for_phone(charts.protected_vs_target(weeks, "id", target=13_200, verified=8_733))
    assert len(fig.layout.xaxis.tickvals) <= charts.PHONE_TICKS_MOST and fig.layout.xaxis.tickangle == 0
    (below,) = [a for a in fig.layout.annotations if a.xref == "paper" and a.yref == "paper"]
    assert "Target" in below.text and "Peluncuran" in below.text and below.yanchor == "top"


# --- through the app (AppTest) -------------------------------------------------------------------------------

def test_page_header_names_the_app_region_and_view(app_store):
    at = open_app(None, kec=UBUD, sektor="petani")
    texts = " ".join(m.value for m in at.markdown)
    assert "Kabupaten Gianyar" in texts and "Yang ditampilkan: Kec. Ubud · sektor Petani · per " in texts


def test_map_options_come_from_the_address_and_go_back(app_store):
    at = open_app(None, ukuran="gap_workers", tingkat="kecamatan", kelas="kuantil")
    at.switch_page("pages/peta.py").run()
    assert at.radio(key="peta_metric").value == "gap_workers"
    assert at.radio(key="peta_level").value == "kecamatan"
    assert at.radio(key="peta_classes").value == "kuantil"
    at.radio(key="peta_metric").set_value("protected_workers").run()
    assert at.query_params["ukuran"] == ["protected_workers"] or at.query_params["ukuran"] == "protected_workers"


def test_bad_option_is_reported_not_used(app_store):
    at = open_app(None, ukuran="nik")
    at.switch_page("pages/peta.py").run()
    assert at.radio(key="peta_metric").value == "coverage_pct"
    assert any("ukuran" in w.value for w in at.warning)


def test_sector_rows_and_meeting_tab_in_the_address(app_store):
    at = open_app(None, baris="30")
    at.switch_page("pages/sektor.py").run()
    assert at.session_state["sektor_desa_shown"] == 30


def test_phone_layout_lists_instead_of_the_heatmap(app_store):
    at = open_app(None, tampilan="ponsel")
    at.switch_page("pages/sektor.py").run()
    assert not at.get("plotly_chart")  # no heatmap
    assert any(s.value.startswith("Kelompok tanpa satu pun peserta") for s in at.subheader)
