"""Every page through dashboard.py (st.navigation) in AppTest, with real content checked.

AppTest starts each run in Streamlit's old pages/-folder mode, which runs a page file without
dashboard.py; ui.context.require_shell() reruns through the shell, and these tests rely on it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from jamsostek import i18n, settings
from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.sample import store as sample_store
from tests.conftest import PARTICIPANTS, SASARAN, UBUD, load_rows, load_sasaran

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
TIMEOUT = 120
SAMPLE_READY = all((settings.SAMPLE_DIR / name).exists() for name in (*ingest.SAMPLE_FILES, ingest.SAMPLE_SASARAN))


def build_store(path: Path) -> Path:
    """The shipped sample when it exists, else the small fixture of conftest.py."""
    if SAMPLE_READY:
        sample_store.build_sample_store(path)
    else:
        con = db.connect(path)
        load_sasaran(con, SASARAN)
        load_rows(con, PARTICIPANTS)
        con.close()
    return path


@pytest.fixture(scope="session")
def app_store(tmp_path_factory):
    """A store built once in a tmp dir; the app and the assertions read the same file."""
    folder = tmp_path_factory.mktemp("app")
    path = build_store(folder / "jamsostek.duckdb")
    saved = {key: os.environ.get(key) for key in (settings.ENV_DB, settings.ENV_CACHE_DIR)}
    os.environ[settings.ENV_DB], os.environ[settings.ENV_CACHE_DIR] = str(path), str(folder / "cache")
    yield path
    for key, value in saved.items():
        os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)


@pytest.fixture
def query(app_store):
    """run_query against the app's store (read-only, beside the app's own connection)."""
    con = db.connect(app_store)
    yield lambda name, **params: db.run_query(con, name, **params)
    con.close()


def open_app(page: str | None = None, **query_params) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    for key, value in query_params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def as_of(query) -> date:
    return pd.Timestamp(query("data_status").iloc[0]["data_as_of"]).date()


def kpi(query, day: date, **filters) -> pd.Series:
    params = dict(kecamatan=None, sektor=None, program=None, sumber=None) | filters
    return query("kpi", as_of=day, lapsing_days=settings.LAPSING_WINDOW_DAYS, **params).iloc[0]


def metric(at: AppTest, label: str):
    found = [m for m in at.metric if m.label == label]
    assert found, [m.label for m in at.metric]
    return found[0]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_with_header_and_data_line(app_store, page):
    at = open_app(page)
    assert at.title and at.title[0].value
    captions = " ".join(c.value for c in at.caption)
    assert "Data per " in captions and "batch terakhir" in captions


def test_summary_kpis_are_the_query_results_in_indonesian(query):
    at = open_app()
    row = kpi(query, as_of(query))
    assert at.title[0].value == "Ringkasan"
    assert metric(at, "Pekerja terlindungi").value == i18n.fmt_int(row["protected_workers"], "id")
    assert metric(at, "Cakupan").value == i18n.fmt_pct(row["coverage_pct"], "id")
    assert metric(at, "Baru minggu ini").value == i18n.fmt_int(row["new_workers_week"], "id")
    assert metric(at, "Berakhir dalam 30 hari").value == i18n.fmt_int(row["lapsing_workers"], "id")
    # Like for like: the programme (APBD) on the launch day against now; the target counts the same group.
    now, launch = kpi(query, as_of(query), sumber="APBD"), kpi(query, settings.LAUNCH_DATE, sumber="APBD")
    growth = metric(at, "Pertumbuhan program sejak 3 Nov 2025")
    assert growth.value == i18n.fmt_num(now["protected_workers"] / launch["protected_workers"], "id") + "×"
    target = metric(at, "Capaian target 13.200")
    assert target.value == i18n.fmt_pct(100 * now["protected_workers"] / 13_200, "id")
    assert target.delta == f"{i18n.fmt_int(now['protected_workers'], 'id')} dari target 13.200"
    assert at.query_params["tanggal"] == as_of(query).isoformat()


def test_sample_notice_follows_the_data(query):
    at = open_app()
    captions = " ".join(c.value for c in at.caption)
    assert ("Data contoh (sintetis)" in captions) == bool(query("data_status").iloc[0]["is_sample"])


def test_english_switch_changes_labels_and_formats(query):
    at = open_app()
    at.radio(key="flt_lang").set_value("en").run()
    assert not at.exception
    row = kpi(query, as_of(query))
    assert at.title[0].value == "Summary"
    assert metric(at, "Protected workers").value == i18n.fmt_int(row["protected_workers"], "en")
    assert metric(at, "Coverage").value == i18n.fmt_pct(row["coverage_pct"], "en")
    assert at.query_params["lang"] == "en"
    assert at.selectbox(key="flt_kecamatan").options[0] == "All"


def test_kecamatan_filter_changes_figures_and_url(query):
    at = open_app()
    at.selectbox(key="flt_kecamatan").set_value(UBUD).run()
    day = as_of(query)
    whole, ubud = kpi(query, day), kpi(query, day, kecamatan=UBUD)
    assert whole["protected_workers"] != ubud["protected_workers"]
    assert metric(at, "Pekerja terlindungi").value == i18n.fmt_int(ubud["protected_workers"], "id")
    assert at.query_params["kec"] == UBUD


def test_url_reopens_the_same_view(query):
    day = as_of(query)
    at = open_app(tanggal=day.isoformat(), kec=UBUD, sumber="APBD", lang="en")
    assert at.selectbox(key="flt_kecamatan").value == UBUD and at.selectbox(key="flt_sumber").value == "APBD"
    assert at.date_input(key="flt_as_of").value == day and at.radio(key="flt_lang").value == "en"
    row = kpi(query, day, kecamatan=UBUD, sumber="APBD")
    assert metric(at, "Protected workers").value == i18n.fmt_int(row["protected_workers"], "en")
    assert not at.warning
    assert {k: at.query_params[k] for k in ("tanggal", "kec", "sumber", "lang")} == {
        "tanggal": day.isoformat(), "kec": UBUD, "sumber": "APBD", "lang": "en"}


def test_earlier_date_from_url_is_used(query):
    day = settings.LAUNCH_DATE
    at = open_app(tanggal=day.isoformat())
    assert metric(at, "Pekerja terlindungi").value == i18n.fmt_int(kpi(query, day)["protected_workers"], "id")
    assert "Tampilan per 3 November 2025" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("page", PAGES)
def test_hostile_url_values_give_a_notice_not_an_exception(app_store, page):
    at = open_app(page, kec="';DROP TABLE participant;--", tanggal="2026-13-45", lang="xx",
                  sektor="<script>alert(1)</script>", program="x" * 5000)
    warnings = " ".join(w.value for w in at.warning)
    assert "tanggal" in warnings and "kec" in warnings and "lang" in warnings
    assert "<script>" not in " ".join(str(v) for v in at.query_params.values())
    assert "kec" not in at.query_params and "program" not in at.query_params


def test_sectors_page_ranks_largest_gaps(query):
    day = as_of(query)
    at = open_app("pages/sektor.py", kec=UBUD)
    cells = query("gap_desa_sector", as_of=day, kecamatan=UBUD, sektor=None, program=None, sumber=None)
    shown = at.dataframe[0].value
    expected = cells[cells["gap_workers"] > 0]
    assert len(shown) == min(len(expected), 25)
    assert shown["Kesenjangan"].tolist() == sorted(shown["Kesenjangan"], reverse=True)
    assert shown["Kesenjangan"].iloc[0] == expected["gap_workers"].max()
    assert set(shown["Kecamatan"]) <= {"Ubud"}
    assert at.get("download_button")


def test_trend_page_tables_and_target(query):
    at = open_app("pages/tren.py")
    titles = [s.value for s in at.subheader]
    assert "Perubahan sejak minggu lalu per kecamatan" in titles
    figure = at.get("plotly_chart")[0].proto.spec
    assert "Target: 13.200" in figure and "Terverifikasi: 8.733" in figure
    at.text_input(key="tren_target").set_value("10.000").run()
    assert "Target: 10.000" in at.get("plotly_chart")[0].proto.spec
    at.text_input(key="tren_target").set_value("banyak").run()
    assert at.warning and "Target: 13.200" in at.get("plotly_chart")[0].proto.spec


def test_sidebar_works_on_every_page_after_a_switch(query):
    at = open_app("pages/tren.py")
    at.selectbox(key="flt_kecamatan").set_value(UBUD).run()
    assert at.title[0].value == "Tren" and at.query_params["kec"] == UBUD
    at.switch_page("pages/sektor.py").run()
    assert at.selectbox(key="flt_kecamatan").value == UBUD and at.query_params["kec"] == UBUD


def test_trend_targets_only_for_the_whole_regency(app_store):
    at = open_app("pages/tren.py", kec=UBUD)
    assert "Target: 13.200" not in at.get("plotly_chart")[0].proto.spec
    assert at.text_input(key="tren_target").disabled


def test_new_ingest_is_reflected_at_once(tmp_path, monkeypatch):
    """Cache keyed by data version: a batch loaded through the app's connection shows on the next run."""
    path = tmp_path / "fresh.duckdb"
    con = db.connect(path)
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS[:1])
    con.close()
    monkeypatch.setenv(settings.ENV_DB, str(path))
    at = open_app(tanggal="2026-01-10")
    assert metric(at, "Pekerja terlindungi").value == "1"
    from jamsostek.ui import context

    load_rows(context.connection(), PARTICIPANTS[1:], name="second.csv")
    at.run()
    assert metric(at, "Pekerja terlindungi").value == "5"
