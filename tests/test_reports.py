"""Printed documents: the numbers in them equal the queries', pages render, the workbook is typed and
guarded, the card and desa sheets are complete, and the report command is deterministic."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

from jamsostek.cli import main as jamsostek_main
from jamsostek import i18n, settings
from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.sample import extracts as sample
from jamsostek.analysis.filters import Filters
from jamsostek.i18n import fmt_int, fmt_pct, fmt_rp
from jamsostek.analysis import indicators
from jamsostek.meetings import weekly
from jamsostek.analysis import reach
from jamsostek.reports import card, cli, collect, desa_sheet, evidence, files, static_map, workbook
from jamsostek.sample import store as sample_store
from tests.conftest import AS_OF, SASARAN, load_sasaran

SAMPLE_AS_OF = date(2026, 11, 20)
PAYANGAN = "51.04.07"


# --- fixtures -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A private boundary cache for the whole module (the maps are drawn lazily inside tests)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, env) -> Path:
    """A store built from the shipped sample (generated into a temporary folder if not shipped yet)."""
    folder = tmp_path_factory.mktemp("store")
    with pytest.MonkeyPatch.context() as monkeypatch:
        if not (settings.SAMPLE_DIR / ingest.SAMPLE_SASARAN).exists():
            sample.write_sample(folder / "sample")
            monkeypatch.setattr(settings, "SAMPLE_DIR", folder / "sample")
        sample_store.build_sample_store(folder / "s.duckdb")
    return folder / "s.duckdb"


@pytest.fixture(scope="module")
def con(store_path):
    connection = db.connect(store_path, read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def data(con) -> collect.ReportData:
    return collect.collect(con, Filters(as_of=SAMPLE_AS_OF))


@pytest.fixture(scope="module")
def evidence_pdf(data) -> bytes:
    return evidence.build_evidence_pdf(data, "id")


@pytest.fixture(scope="module")
def bundle(data) -> bytes:
    return desa_sheet.build_desa_sheets(data, "id")


def pdf_pages(content: bytes) -> list[str]:
    """Text of each page with runs of whitespace made single spaces."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(content)).pages]


def params(filters: Filters) -> dict:
    return filters.params()


# --- texts --------------------------------------------------------------------------------------
# (every label of the documents is checked with the whole catalogue in tests/test_i18n.py)
@pytest.mark.parametrize("items, expected", [([], ""), (["a"], "a"), (["a", "b"], "a dan b"),
                                             (["a", "b", "c"], "a, b dan c")])
def test_join_words(items, expected):
    assert i18n.join_words(items, "id") == expected


# --- queries the documents add ------------------------------------------------------------------
def test_programme_cost_counts_calendar_months_of_apbd_protection(store):
    # Fixture (as of 10 Jan 2026): 01 Nov-Jan = 3 months, 02 Nov-Dec = 2, 08 Jan = 1; 05 starts later.
    row = db.run_query(store, "programme_cost", as_of=AS_OF, sumber="APBD").iloc[0]
    assert (row["worker_months"], row["workers_funded"], row["workers_funded_now"]) == (6, 3, 2)
    assert db.run_query(store, "programme_cost", as_of=AS_OF, sumber="CSR").iloc[0]["worker_months"] == 2


def test_desa_weeks_add_up_to_the_regency_weeks(store):
    p = {"as_of": AS_OF, "kecamatan": None, "sektor": None, "program": None, "sumber": None}
    by_desa = db.run_query(store, "protected_by_desa_week", **p)
    weeks = db.run_query(store, "enrolments_by_week", **p).set_index("week_start")
    summed = by_desa.groupby("week_start")[["new_workers", "protected_workers"]].sum()
    assert by_desa["kode_desa"].nunique() == 70
    pd.testing.assert_frame_equal(summed, weeks[["new_workers", "protected_workers"]], check_dtype=False)


# --- collect ------------------------------------------------------------------------------------
def test_collect_holds_the_query_results(con, data):
    p = params(data.filters)
    kpi = db.run_query(con, "kpi", lapsing_days=settings.LAPSING_WINDOW_DAYS, **p).iloc[0]
    assert data.kpi["protected_workers"] == kpi["protected_workers"]
    assert data.kpi["coverage_pct"] == pytest.approx(kpi["coverage_pct"])
    pd.testing.assert_frame_equal(data.desa, db.run_query(con, "coverage_by_desa", **p))
    assert data.protected_delta == kpi["protected_workers"] - kpi["protected_workers_week_ago"]
    assert len(data.desa) == 70 and data.is_sample


def test_programme_figures(con, data):
    cost = db.run_query(con, "programme_cost", as_of=SAMPLE_AS_OF, sumber="APBD").iloc[0]
    h = data.headlines
    assert h.value("programme_cost") == cost["worker_months"] * 16_800
    # Like for like on the sample: the APBD group on 3 Nov 2025 (1.136) and now (8.360); all sources 1.758.
    assert (h.programme_launch["protected_workers"], h.value("programme_protected")) == (1_136, 8_360)
    assert h.region_launch["protected_workers"] == 1_758
    assert h.value("growth_programme") == pytest.approx(8_360 / 1_136)
    assert h.value("progress_target") == pytest.approx(100 * 8_360 / 13_200)


def test_collect_with_other_funding_gives_the_programme_no_desa_workers(con):
    other = collect.collect(con, Filters(as_of=SAMPLE_AS_OF, sumber="MANDIRI"))
    assert (other.desa_apbd["protected_workers"] == 0).all()


# --- evidence PDF -------------------------------------------------------------------------------
def test_evidence_pdf_shows_the_query_numbers_as_the_dashboard_formats_them(con, data, evidence_pdf):
    text = " ".join(pdf_pages(evidence_pdf))
    k = db.run_query(con, "kpi", lapsing_days=settings.LAPSING_WINDOW_DAYS, **params(data.filters)).iloc[0]
    for value in (fmt_int(k["protected_workers"]), fmt_pct(k["coverage_pct"]), fmt_int(k["sasaran_workers"]),
                  fmt_int(k["gap_workers"]), fmt_int(k["new_workers_week"]), fmt_int(k["lapsing_workers"]),
                  fmt_rp(data.headlines.value("programme_cost")), "1.136 → 8.360", "3 November 2025",
                  "20 November 2026", "8.360 dari target 13.200"):
        assert value in text, value
    for row in db.run_query(con, "coverage_by_kecamatan", **params(data.filters)).itertuples():
        assert f"{row.kode_kecamatan} {row.kecamatan} {fmt_int(row.sasaran_workers)} " \
               f"{fmt_int(row.protected_workers)} {fmt_pct(row.coverage_pct)} {fmt_int(row.gap_workers)}" in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_evidence_pdf_carries_the_dashboard_cards(data, evidence_pdf, lang):
    text = " ".join(pdf_pages(evidence_pdf if lang == "id" else evidence.build_evidence_pdf(data, lang)))
    for shown in data.cards(lang).values():
        assert shown.label in text and shown.value in text, shown.key
        assert shown.delta is None or shown.delta in text, shown.key


def test_evidence_pdf_lists_every_desa_and_labels_sample_data_on_every_page(data, evidence_pdf):
    pages = pdf_pages(evidence_pdf)
    text = " ".join(pages)
    assert all(code in text for code in data.desa["kode_desa"])
    assert all("DATA CONTOH (SINTETIS)" in page for page in pages)
    assert "Metodologi dan sumber" in pages[-1] and "CC BY-IGO" in pages[-1]
    assert re.search(r"Halaman 1 dari \d+", pages[0])


def test_evidence_pdf_in_english_for_one_kecamatan(con):
    filters = Filters(as_of=SAMPLE_AS_OF, kecamatan=PAYANGAN)
    text = " ".join(pdf_pages(evidence.build_evidence_pdf(collect.collect(con, filters), "en")))
    k = db.run_query(con, "kpi", lapsing_days=settings.LAPSING_WINDOW_DAYS, **filters.params()).iloc[0]
    assert fmt_int(k["protected_workers"], "en") in text and fmt_pct(k["coverage_pct"], "en") in text
    assert "SAMPLE DATA (SYNTHETIC)" in text and "Payangan" in text and "Methodology" in text


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) not installed")
def test_evidence_pages_render_and_are_not_blank(evidence_pdf, tmp_path):
    (tmp_path / "e.pdf").write_bytes(evidence_pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / "e.pdf"), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(PdfReader(io.BytesIO(evidence_pdf)).pages) >= 8
    for png in pngs:
        pixels = np.asarray(Image.open(png).convert("L"), dtype=float)
        assert pixels.std() > 10 and (pixels < 200).mean() > 0.01, png.name


# --- desa sheets --------------------------------------------------------------------------------
def test_desa_bundle_has_one_page_per_desa_naming_it(data, bundle):
    pages = pdf_pages(bundle)
    assert len(pages) == 70
    for page, row in zip(pages, data.desa.itertuples(), strict=True):
        assert desa_sheet.sheet_title(pd.Series(row._asdict()), "id") in page


def test_english_desa_sheets_fit_one_page_each(data):
    pages = pdf_pages(desa_sheet.build_desa_sheets(data, "en"))
    assert len(pages) == 70 and all("Village sheet" in page and "Page " in page for page in pages)


def test_desa_sheet_numbers_equal_the_desa_query(data):
    row = data.desa.iloc[0]
    [page] = pdf_pages(desa_sheet.build_desa_sheets(data, "id", [row["kode_desa"]]))
    cells = data.cells[(data.cells["kode_desa"] == row["kode_desa"]) & (data.cells["sasaran_workers"] > 0)]
    for value in (fmt_int(row["protected_workers"]), fmt_int(row["sasaran_workers"]), fmt_pct(row["coverage_pct"]),
                  fmt_int(row["gap_workers"]), "Rp16.800", *map(fmt_int, cells["gap_workers"])):
        assert value in page, value
    assert "Bahan sosialisasi" in page


def test_desa_sheet_and_methodology_show_the_sasaran_range(data, evidence_pdf):
    row = data.desa.set_index("kode_desa").loc["51.04.01.2005"]  # Celuk
    [page] = pdf_pages(desa_sheet.build_desa_sheets(data, "id", ["51.04.01.2005"]))
    assert (f"Sasaran (estimasi): {fmt_int(row['sasaran_workers'])} "
            f"(kisaran {fmt_int(row['sasaran_low'])}–{fmt_int(row['sasaran_high'])})") in page
    text = " ".join(pdf_pages(evidence_pdf))
    assert "Kabupaten Gianyar, Bali: 146.282 pekerja, kisaran 98.917–175.791" in text
    assert "Sensus Penduduk 2010" in text


def test_evidence_reports_who_is_protected_by_sex_and_age(data, evidence_pdf):
    [page] = [p for p in pdf_pages(evidence_pdf) if "Siapa yang terlindungi" in p and "Kelompok umur" in p]
    summary = reach.sex_summary(reach.group_ages(data.reached, "kecamatan"), "kecamatan", show_small=False)
    for r in summary.itertuples():
        assert f"{r.kecamatan} {fmt_int(r.L)} {fmt_int(r.P)} {fmt_pct(r.women_pct)}" in page
    assert int(summary["L"].sum() + summary["P"].sum()) <= data.kpi["protected_workers"]
    assert "< 5" in page  # the note says how small cells are shown


def test_evidence_carries_the_usulan_funnel_as_counts(data):
    funnel = pd.DataFrame({
        "kode_kecamatan": ["51.04.05", "51.04.05", "51.04.01"], "kecamatan": ["Ubud", "Ubud", "Sukawati"],
        "kode_desa": ["51.04.05.2002", "51.04.05.2003", "51.04.01.2001"], "desa": ["Mas", "Lodtunduh", "Batubulan"],
        "proposed_workers": [12, 3, 1_250], "verified_workers": [10, 3, 1_100], "registered_workers": [10, 0, 1_000],
        "enrolled_workers": [4, 0, 900], "stalled_workers": [1, 0, 20]})
    pages = pdf_pages(evidence.build_evidence_pdf(dataclasses.replace(data, usulan=funnel), "id"))
    [page] = [p for p in pages if "Dari usulan ke kepesertaan" in p and "Per kecamatan" in p]
    assert "Sukawati 1.250 1.100 1.000 900 20" in page and "Ubud 15 13 10 4 1" in page
    assert "Total 1.265 1.113 1.010 904 21" in page
    assert "Mas Ubud 12 10 10 4 1" in page
    empty = pdf_pages(evidence.build_evidence_pdf(dataclasses.replace(data, usulan=funnel.head(0)), "en"))
    [page] = [p for p in empty if "From proposal to enrolment" in p and "Contents" not in p]
    assert "No candidate list yet." in page


def test_desa_sheets_refuse_an_unknown_desa(data):
    with pytest.raises(KeyError):
        desa_sheet.build_desa_sheets(data, "id", ["51.99.99.9999"])


# --- workbook -----------------------------------------------------------------------------------
def test_workbook_sheets_headers_values_and_formats(data):
    book = openpyxl.load_workbook(io.BytesIO(workbook.build_workbook(data, "id")))
    assert book.sheetnames == ["Ringkasan", "Kecamatan", "Desa", "Sektor", "Desa x sektor", "Mingguan",
                               "Segera berakhir", "Program", "Batch data", "Metodologi", "Katalog indikator"]
    desa = book["Desa"]
    header = [c.value for c in desa[4]]
    assert header[:4] == ["Kode desa", "Desa", "Kecamatan", "Sasaran"] and "Cakupan %" in header
    assert desa.freeze_panes == "A5"
    protected = header.index("Terlindungi") + 1
    values = [desa.cell(r, protected).value for r in range(5, 5 + 70)]
    assert sum(values) == data.kpi["protected_workers"]
    assert desa.cell(5, protected).number_format == "#,##0"
    assert desa.cell(5, header.index("Cakupan %") + 1).number_format == "0.0"
    assert book["Ringkasan"]["B5"].value == data.kpi["protected_workers"]
    programme = {row[0].value: row[2].value for row in book["Program"].iter_rows(min_row=5)}
    assert programme["JS-13"] == data.headlines.value("programme_cost")
    assert programme["JS-08"] == 8_360


def test_workbook_neutralises_formula_like_text(data):
    hostile = data.batches.assign(file_name="=HYPERLINK(\"http://x\",\"klik\").csv")
    book = openpyxl.load_workbook(io.BytesIO(workbook.build_workbook(dataclasses.replace(data, batches=hostile))))
    cell = book["Batch data"]["B5"]
    assert cell.value.startswith("'=") and cell.data_type == "s"


# --- card ---------------------------------------------------------------------------------------
def test_card_is_a_shareable_png_with_the_sample_band(data):
    image = Image.open(io.BytesIO(card.build_card_png(data, "id"))).convert("RGB")
    assert image.size == (card.WIDTH_PX, card.HEIGHT_PX)
    pixels = np.asarray(image)
    assert pixels.std() > 30
    sample_band = (np.abs(pixels.astype(int) - (0xBF, 0x36, 0x0C)).sum(axis=2) < 10).mean()
    assert sample_band > 0.02


# --- robustness ---------------------------------------------------------------------------------
def test_documents_build_from_a_store_without_participants(env):
    con = db.memory()
    load_sasaran(con, SASARAN)
    empty = collect.collect(con, Filters(as_of=AS_OF))
    for kind in files.KINDS:
        assert files.build(kind, empty, "id")
    con.close()


def test_documents_build_without_boundaries(store, monkeypatch):
    def unavailable():
        raise static_map.boundaries.BoundariesUnavailable("no boundary file here")

    monkeypatch.setattr(static_map, "layers", unavailable)
    small = collect.collect(store, Filters(as_of=AS_OF))
    assert "Peta tidak tersedia" in " ".join(pdf_pages(evidence.build_evidence_pdf(small, "id")))
    assert card.build_card_png(small, "id") and desa_sheet.build_desa_sheets(small, "id", ["51.04.01.2001"])


def test_fixture_store_numbers_in_the_pdf(store, env):
    # Hand-checked fixture: 5 protected of 29 sasaran on 10 Jan 2026 (tests/test_queries.py).
    small = collect.collect(store, Filters(as_of=AS_OF))
    text = " ".join(pdf_pages(evidence.build_evidence_pdf(small, "id")))
    assert small.kpi["protected_workers"] == 5 and "17,2%" in text and "DATA CONTOH" not in text


# --- command line -------------------------------------------------------------------------------
def test_report_command_writes_the_same_files_twice(store_path, tmp_path, con):
    args = ["--db", str(store_path), "--as-of", "2026-11-20", "--kecamatan", "Payangan"]
    assert cli.report_cli([*args, "--out", str(tmp_path / "a")]) == 0
    assert jamsostek_main(["report", *args, "--out", str(tmp_path / "b")]) == 0  # as `python -m jamsostek report`
    written = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert written == ["bukti_paritrana_2026-11-20_payangan.pdf", "kartu_rapat_2026-11-20_payangan.png",
                       "lembar_desa_2026-11-20_payangan.pdf", "tabel_cakupan_2026-11-20_payangan.xlsx"]
    for name in written:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@pytest.mark.parametrize("args", [["--kecamatan", "Atlantis"], ["--db", "/nonexistent/store.duckdb"]])
def test_report_command_refuses_unusable_arguments(store_path, tmp_path, args):
    argv = ["--db", str(store_path), "--out", str(tmp_path), *args]
    assert cli.report_cli(argv) == 2
    assert not list(tmp_path.iterdir())


def test_report_command_rejects_a_bad_date(store_path, tmp_path):
    with pytest.raises(SystemExit):
        cli.report_cli(["--db", str(store_path), "--out", str(tmp_path), "--as-of", "20-11-2026"])


@pytest.mark.parametrize("text, code", [("Ubud", "51.04.05"), ("51.04.05", "51.04.05"), (" payangan ", PAYANGAN),
                                        (None, None)])
def test_kecamatan_by_name_or_code(text, code):
    assert cli._kecamatan_code(text) == code


# --- Laporan page (runs once dashboard.py lists pages/laporan.py) ---------------------------------
LAPORAN_LISTED = "pages/laporan.py" in (settings.ROOT / "dashboard.py").read_text(encoding="utf-8")


@pytest.mark.skipif(not LAPORAN_LISTED, reason="pages/laporan.py is not in dashboard.PAGES yet")
def test_laporan_page_offers_every_document(store_path, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    app_store = tmp_path / "app.duckdb"
    shutil.copy(store_path, app_store)
    monkeypatch.setenv(settings.ENV_DB, str(app_store))
    at = AppTest.from_file(str(settings.ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["kec"] = PAYANGAN
    at.run()
    at.switch_page("pages/laporan.py").run()
    assert not at.exception, [e.message for e in at.exception]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Laporan bukti (PDF, A4)", "Tabel (XLSX)", "Kartu rapat mingguan (PNG)",
                      "Lembar desa, semua desa (PDF)", "Lembar satu desa (PDF)"]
    options = at.selectbox(key="laporan_desa").options
    assert options[0] == "Melinggih · Payangan" and all(o.endswith("· Payangan") for o in options)


# --- one catalogue, one value -------------------------------------------------------------------
def test_every_surface_shows_catalogue_indicators_with_one_value(con, data, evidence_pdf):
    h = data.headlines
    shown = {"cards": list(data.cards("id")), "pdf boxes": evidence.KPI_BOXES,
             "pdf programme": evidence.PROGRAMME_ROWS, "workbook": workbook.SUMMARY_FIGURES,
             "meeting card": card.CARD_FIGURES + card.FOOTER_FIGURES}
    for surface, keys in shown.items():
        assert set(keys) <= set(indicators.BY_KEY), surface
    pdf_text = " ".join(pdf_pages(evidence_pdf))
    for key in {*evidence.KPI_BOXES, *evidence.PROGRAMME_ROWS}:
        assert f"{h.label(key, 'id')}" in pdf_text and h.text(key, "id") in pdf_text, key
    card_texts = [text.get_text() for text in card.card_figure(data, "id").texts]
    for key in card.CARD_FIGURES:
        assert data.cards("id")[key].value in card_texts, key
    footer = " ".join(card_texts)
    for key in card.FOOTER_FIGURES:
        assert f"{h.label(key, 'id')}: {h.text(key, 'id')} ({h.sub(key, 'id')})" in footer, key
    book = openpyxl.load_workbook(io.BytesIO(workbook.build_workbook(data, "id")))
    summary = dict(zip([c.value for c in book["Ringkasan"][4]], [c.value for c in book["Ringkasan"][5]]))
    for key in workbook.SUMMARY_FIGURES:
        assert summary[h.label(key, "id")] == pytest.approx(h.value(key)), key
    programme = {row[0].value: row[2].value for row in book["Program"].iter_rows(min_row=5)}
    for key in evidence.PROGRAMME_ROWS:
        assert programme[indicators.BY_KEY[key].code] == pytest.approx(h.value(key)), key
    # The Rapat figures freeze the same kpi question for the whole region on the meeting's date.
    frozen = weekly.snapshot_tables(con, SAMPLE_AS_OF)["meeting_kpi"].iloc[0]
    assert frozen["protected_workers"] == h.value("protected")
    assert frozen["coverage_pct"] == pytest.approx(h.value("coverage"))


def test_the_programme_figures_are_not_all_sources(data):
    # The finding: 76,6 % was all 10.106 workers against a target of the APBD programme's.
    h = data.headlines
    assert h.text("progress_target", "id") == "63,3%" and h.text("growth_programme", "id") == "7,4×"
    assert h.text("growth_all", "id") == "5,7×"


@pytest.mark.parametrize("day, new", [(SAMPLE_AS_OF, 687), (date(2025, 11, 10), 17)])
def test_one_week_on_cards_table_and_card(con, day, new):
    # Before, the cards counted 14-20 Nov (687) and the weekly table Monday 16-20 Nov (673); on
    # 10 Nov 2025, 17 against a top row of Monday 10 Nov alone.
    data = collect.collect(con, Filters(as_of=day))
    top = data.weeks.iloc[-1]
    assert data.headlines.value("new_week") == top["new_workers"] == new
    assert (top["week_start"].date(), top["week_end"].date()) == (data.headlines.week_start, day)
    start = i18n.fmt_date(data.headlines.week_start, "id")
    assert card.week_text(data, "id") == f"Minggu {start} – {i18n.fmt_date(day, 'id')}"


def test_a_report_for_an_earlier_date_says_it_is_rebuilt_from_later_extracts(con, data):
    earlier = collect.collect(con, Filters(as_of=date(2025, 11, 10)))
    cover = pdf_pages(evidence.build_evidence_pdf(earlier, "id"))[0]
    assert ("Angka per 10 November 2025 dihitung ulang dari ekstrak yang dimuat sesudahnya: "
            "peserta_2026-11-20.csv (20 November 2026)") in cover
    assert "peserta_2025-11-03_perdana.xlsx (" not in cover.split("dihitung ulang")[1].split("Setiap NIK")[0]
    # On the latest data date nothing is rebuilt, and the cover says nothing of it.
    assert evidence.rebuilt_text(data, "id") is None
    assert "dihitung ulang" not in pdf_pages(evidence.build_evidence_pdf(data, "id"))[0]


def test_a_desa_sheet_names_its_usulan_funnel_only_where_there_are_candidates(data):
    funnel = data.usulan
    assert not funnel.empty, "the sample store ships an usulan round"
    with_list = funnel.iloc[0]
    without = next(c for c in data.desa["kode_desa"] if c not in set(funnel["kode_desa"]))
    pages = pdf_pages(desa_sheet.build_desa_sheets(data, "id", [with_list["kode_desa"], without]))
    [mine] = [p for p in pages if f"Desa {with_list['desa']}" in p]
    [other] = [p for p in pages if p is not mine]
    line = (f"Usulan calon peserta: {with_list['proposed_workers']} diusulkan → {with_list['verified_workers']} "
            f"terverifikasi → {with_list['registered_workers']} didaftarkan → {with_list['enrolled_workers']} menjadi")
    assert line in mine and "Usulan calon peserta" not in other
