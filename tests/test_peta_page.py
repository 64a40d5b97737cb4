"""Peta page in AppTest: the map's areas, a click (injected selection) opens the desa panel and the URL keeps it,
the kecamatan view, and the page without boundaries (message plus the full table)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pandas as pd
import pytest

from jamsostek import settings
from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.analysis import maps
from tests.conftest import MAS, UBUD
from tests.test_pages import app_store, build_store, open_app, query  # noqa: F401  (shared session store and helpers)

PAGE = "pages/peta.py"
MAP_KEY = "peta_map"

ATTRIBUTION_ID = "Batas wilayah: BPS, via OCHA HDX (cod-ab-idn), CC BY-IGO"
ATTRIBUTION_EN = "Boundaries: BPS, via OCHA HDX (cod-ab-idn), CC BY-IGO"


def figure(at) -> dict:
    """The map's figure (the page also draws the desa trend when a panel is open)."""
    (spec,) = [s for s in (json.loads(c.proto.spec) for c in at.get("plotly_chart")) if "geo" in s["layout"]]
    return spec


def locations(spec: dict) -> list[str]:
    return sorted(loc for trace in spec["data"] if trace["type"] == "choropleth" for loc in trace["locations"])


def subheaders(at) -> list[str]:
    return [s.value for s in at.subheader]


def test_map_shows_every_desa_with_attribution(app_store, query):
    at = open_app(PAGE)
    spec = figure(at)
    desa = query("coverage_by_desa", as_of=at.date_input(key="flt_as_of").value,
                 kecamatan=None, sektor=None, program=None, sumber=None)
    assert locations(spec) == sorted(desa["kode_desa"])
    assert spec["layout"]["geo"]["visible"] is False and "map" not in spec["layout"]  # SVG, no tiles
    assert ATTRIBUTION_ID in [a["text"] for a in spec["layout"]["annotations"]]
    assert any("OCHA HDX" in c.value for c in at.caption)
    assert not at.session_state["_peta_picked"] and "desa" not in at.query_params


def test_click_opens_the_panel_and_the_url_keeps_it(app_store):
    at = open_app(PAGE)
    at.session_state[MAP_KEY] = {"selection": {"points": [{"location": MAS}]}}
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Mas" in subheaders(at)
    assert at.query_params["desa"] == MAS
    assert "selected" in [t["name"] for t in figure(at)["data"]]
    assert any(m.label == "Berakhir dalam 30 hari" for m in at.metric)
    assert any("Sektor yang sudah terjangkau" in m.value for m in at.markdown)


def test_panel_shows_the_sasaran_with_its_range(app_store, query):
    at = open_app(PAGE)
    at.session_state[MAP_KEY] = {"selection": {"points": [{"location": MAS}]}}
    at.run()
    desa = query("coverage_by_desa", as_of=at.date_input(key="flt_as_of").value,
                 kecamatan=None, sektor=None, program=None, sumber=None).set_index("kode_desa").loc[MAS]
    expected = f"Sasaran (estimasi): {desa['sasaran_workers']:,}".replace(",", ".")
    if not pd.isna(desa["sasaran_low"]):  # the shipped sample holds the estimate's range, the fixture none
        expected += f" (kisaran {desa['sasaran_low']:,}–{desa['sasaran_high']:,})".replace(",", ".")
    assert expected in [c.value for c in at.caption]


def test_desa_in_the_url_reopens_the_panel_and_a_bad_one_is_dropped(app_store):
    at = open_app(PAGE, desa=MAS)
    assert "Mas" in subheaders(at)
    at = open_app(PAGE, desa="51.04.05.9999")
    assert "Mas" not in subheaders(at) and "desa" not in at.query_params


def test_close_button_forgets_the_desa(app_store):
    at = open_app(PAGE, desa=MAS)
    (close,) = [b for b in at.button if b.label == "Tutup rincian desa"]
    close.click().run()
    assert "Mas" not in subheaders(at) and "desa" not in at.query_params


def test_desa_outside_the_chosen_kecamatan_closes(app_store):
    at = open_app(PAGE, desa=MAS, kec=UBUD)
    assert "Mas" in subheaders(at)
    at.selectbox(key="flt_kecamatan").set_value("51.04.01").run()  # Sukawati
    assert "Mas" not in subheaders(at) and "desa" not in at.query_params


def test_kecamatan_view_and_metric_choice(app_store):
    at = open_app(PAGE)
    at.radio(key="peta_level").set_value("kecamatan").run()
    at.radio(key="peta_metric").set_value("gap_workers").run()
    spec = figure(at)
    assert len(locations(spec)) == 7
    legend = [a["text"] for a in spec["layout"]["annotations"]]
    assert "<b>Kesenjangan (pekerja)</b>" in legend and any(a.startswith("≥ 20.000 (") for a in legend)
    assert "Tabel per kecamatan" in subheaders(at)


def test_english_labels_on_the_map(app_store):
    at = open_app(PAGE, lang="en")
    legend = [a["text"] for a in figure(at)["layout"]["annotations"]]
    assert "<b>Coverage (%)</b>" in legend and ATTRIBUTION_EN in legend
    hover = [t for trace in figure(at)["data"] if trace["type"] == "choropleth" for t in trace["customdata"]]
    assert hover and all("District (kecamatan):" in text for text in hover)


def test_without_boundaries_the_table_still_shows(app_store, tmp_path, monkeypatch):
    monkeypatch.setenv(settings.ENV_BOUNDARIES_DIR, str(tmp_path / "empty"))
    monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path / "cache"))

    def offline(url, timeout=None):
        raise urllib.error.URLError("no network in tests")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    at = open_app(PAGE)
    assert not at.get("plotly_chart")
    assert any("batas wilayah tidak tersedia" in w.value for w in at.warning)
    assert "Tabel per desa" in subheaders(at)
    (table,) = at.dataframe
    assert len(table.value) == 70  # every desa of Gianyar, map or no map


@pytest.mark.parametrize("metric", maps.METRICS)
def test_page_figure_within_the_payload_budget(app_store, metric):
    at = open_app(PAGE)
    at.radio(key="peta_metric").set_value(metric).run()
    assert len(json.dumps(figure(at)).encode()) < 500_000


def test_rows_not_on_the_map_are_counted_beside_it(tmp_path, monkeypatch):
    path = build_store(tmp_path / "jamsostek.duckdb")
    con = db.connect(path)
    ingest.ingest_file(con, settings.SAMPLE_DIR / "peserta_berantakan.csv")  # unknown desa, mangled NIKs, ...
    unplaced = db.run_query(con, "unlocated_by_batch")[["unplaced_rows", "unlocated_rows", "bad_nik_rows"]].sum()
    con.close()
    monkeypatch.setenv(settings.ENV_DB, str(path))
    monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path / "cache"))
    assert unplaced["unlocated_rows"] > 0 and unplaced["bad_nik_rows"] > 0
    at = open_app(PAGE)
    captions = " ".join(c.value for c in at.caption)
    assert (f"Tidak terpetakan: {unplaced['unplaced_rows']} baris (desa tidak dikenal "
            f"{unplaced['unlocated_rows']} · NIK tidak sah {unplaced['bad_nik_rows']})") in captions


def test_the_panel_shows_the_sample_usulan_funnel_of_a_desa_with_candidates(app_store):
    at = open_app(PAGE, desa="51.04.06.2003")  # Kenderan: the sample round's registered list
    assert "Kenderan" in subheaders(at)
    assert any("Usulan calon peserta:** 6 diusulkan → 5 terverifikasi → 5 didaftarkan → 0 menjadi peserta"
               in m.value for m in at.markdown)
    at = open_app(PAGE, desa=MAS)  # no candidate in Mas: no line
    assert not any("Usulan calon peserta" in m.value for m in at.markdown)


def test_the_usulan_measure_colours_each_desa_by_its_candidates_enrolled(app_store, query):
    at = open_app(PAGE)
    at.radio(key="peta_metric").set_value("usulan_enrolled_workers").run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.query_params["ukuran"] == "usulan_enrolled_workers"
    found = query("usulan_funnel", as_of=at.date_input(key="flt_as_of").value, stall_weeks=settings.USULAN_STALL_WEEKS)
    spec = figure(at)
    assert locations(spec) == sorted(query("coverage_by_desa", as_of=at.date_input(key="flt_as_of").value,
                                           kecamatan=None, sektor=None, program=None, sumber=None)["kode_desa"])
    hovers = " ".join(str(h) for trace in spec["data"] if trace["type"] == "choropleth" for h in trace["customdata"])
    for r in found.itertuples():  # the sample round's desa carry their funnel in the hover
        assert f"{r.proposed_workers} diusulkan → {r.verified_workers} terverifikasi" in hovers
    legend = " ".join(a["text"] for a in spec["layout"]["annotations"])
    assert f"Belum ada usulan ({70 - len(found)})" in legend  # white: nobody proposed there yet
    assert f"0 ({int((found['enrolled_workers'] == 0).sum())})" in legend  # proposed, none enrolled yet
    (table,) = [d.value for d in at.dataframe if "Terdaftar dari usulan" in d.value.columns]
    assert list(table.columns[:3]) == ["Desa", "Terdaftar dari usulan", "Diusulkan"]
    assert int(table["Diusulkan"].sum()) == int(found["proposed_workers"].sum()) > 0
