"""The Rencana page through dashboard.py in AppTest, on the small store of tests/conftest.py.

Known answers on that store (data as of 12 January 2026): 29 sasaran, 5 protected (one of them in a
desa x sector cell without sasaran), cell gaps 9 + 4 + 2 (Sukawati) and 8 + 2 (Ubud) = 25, and 3
APBD-funded workers protected now, whose renewals a budget pays first. One worker for 12 months at
Rp16.800 costs Rp201.600. Every figure the page shows is also checked against allocation.plan on the
page's own query, with the same inputs.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from jamsostek.plan import allocation as al
from jamsostek.plan import rates
from jamsostek import i18n, settings
from jamsostek.store import db
from jamsostek.plan import lists as plan_lists
from jamsostek.plan import summary as plan_summary
from jamsostek.plan import scenarios
from jamsostek.ui.plan_form import DEFAULT_BUDGET_RP, DEFAULT_MONTHS
from tests.conftest import PARTICIPANTS, SASARAN, load_rows, load_sasaran, open_app, serve_store

PAGE = "pages/rencana.py"
TIMEOUT = 120
RATE = settings.CONTRIBUTION_RP_PER_MONTH
AS_OF = date(2026, 1, 12)  # the newest start date in the fixture: the page's default date
GAP, RENEWALS = 25, 3
GAP_BY_KECAMATAN = {"Sukawati": 15, "Ubud": 10}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """One fixture store for the module; the app and the expectations read the same file."""
    folder = tmp_path_factory.mktemp("rencana")
    path = folder / "store.duckdb"
    con = db.connect(path)
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    con.close()
    with pytest.MonkeyPatch.context() as patch:
        serve_store(patch, path, folder)
        yield path


@pytest.fixture(scope="module")
def cells(store):
    """The page's query (whole regency, every programme and funding source) on the store."""
    con = db.connect(store)
    try:
        return db.run_query(con, "gap_desa_sector", as_of=AS_OF, kecamatan=None, sektor=None, program=None,
                            sumber=None)
    finally:
        con.close()


def expected(cells, budget_rp: int, months: int = DEFAULT_MONTHS, renew_first: bool = True) -> al.Plan:
    """allocation.plan with the inputs the form sends by default."""
    return al.plan(cells, al.PlanInput(budget_rp=budget_rp, months=months, contribution_rp=RATE,
                                       renew_workers=RENEWALS, renew_first=renew_first, rule="gap",
                                       sector_weights=dict(al.DEFAULT_SECTOR_WEIGHTS), mix=dict(al.DEFAULT_MIX)))


PLANNER = {"_auth_role": "perencana", "_auth_user": "bappeda.rina"}


def open_page(session: dict | None = None, **query_params) -> AppTest:
    return open_app(PAGE, session, query_params, timeout=TIMEOUT)


def metric(at: AppTest, label: str) -> str:
    found = [m.value for m in at.metric if m.label == label]
    assert found, [m.label for m in at.metric]
    return found[0]


def frame_with(at: AppTest, *columns: str):
    found = [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]
    assert found, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def submit(at: AppTest, label: str = "Hitung rencana") -> AppTest:
    [button] = [b for b in at.button if b.label == label]
    button.click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture(scope="module")
def default_page(store) -> AppTest:
    """The page as it opens (default budget), shared by the tests that only read it."""
    return open_page()


def test_fixture_is_what_the_known_answers_say(cells):
    plan = expected(cells, DEFAULT_BUDGET_RP)
    assert int(plan.allocation["gap_workers"].sum()) == GAP
    assert plan.by_kecamatan().set_index("kecamatan")["gap_workers"].to_dict() == GAP_BY_KECAMATAN


def test_default_budget_cards_are_the_planners_answer(default_page, cells):
    at = default_page
    assert at.title[0].value == "Rencana"
    assert at.date_input(key="flt_as_of").value == AS_OF
    assert at.text_input(key="rencana_budget_APBD").value == "2.000.000.000"
    plan = expected(cells, DEFAULT_BUDGET_RP)
    assert (plan.renewal_workers, plan.new_workers) == (RENEWALS, GAP)  # Rp2 miliar closes every gap
    assert metric(at, "Pekerja dilindungi anggaran") == i18n.fmt_int(plan.funded_workers, "id") == "28"
    assert metric(at, "Pekerja baru") == "25"
    assert metric(at, "Sisa anggaran") == i18n.fmt_rp(DEFAULT_BUDGET_RP - 28 * 12 * RATE, "id") == "Rp1.994.355.200"
    assert metric(at, "Biaya") == i18n.fmt_rp_short(plan.cost_rp, "id")
    assert metric(at, "Cakupan sesudah rencana") == i18n.fmt_pct(plan.coverage_pct_after, "id")
    assert [s.value for s in at.success] == [plan_summary.notice(plan, "id")[1]]
    assert "Rencana ini tidak mendaftarkan pekerja baru." not in [i.value for i in at.info]


def test_kecamatan_table_sums_to_the_allocation(default_page, cells):
    table = frame_with(default_page, "Didaftarkan").set_index("Kecamatan")
    assert table["Didaftarkan"].to_dict() == GAP_BY_KECAMATAN
    assert table["Didaftarkan"].sum() == expected(cells, DEFAULT_BUDGET_RP).new_workers
    assert (table["Kesenjangan sesudah"] == table["Kesenjangan"] - table["Didaftarkan"]).all()
    desa = frame_with(default_page, "Jumlah didaftarkan").set_index("Desa")["Jumlah didaftarkan"]
    assert desa.to_dict() == {"Batubulan": 13, "Ketewel": 2, "Mas": 10}


def test_maps_show_before_and_after(default_page):
    titles = [m.value for m in default_page.markdown if m.value.startswith("**")]
    assert "**Sekarang (per 12 Januari 2026)**" in titles and "**Sesudah rencana**" in titles
    assert len(default_page.get("plotly_chart")) == 2


def test_workbook_has_one_sheet_per_kecamatan_with_its_rows(default_page, cells):
    assert "rencana_workbook" in [b.key for b in default_page.get("download_button")]
    plan = expected(cells, DEFAULT_BUDGET_RP)
    # What the page's download button builds on click (deferred data is not reachable from AppTest).
    data = plan_lists.workbook(plan, "id", title=i18n.t("plan.workbook_title", "id"),
                               note=plan_summary.workbook_note(plan, AS_OF, "id"))
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Sukawati", "Ubud"]
    for name, total in GAP_BY_KECAMATAN.items():
        rows = list(book[name].iter_rows(values_only=True))
        assert rows[0][0] == "Rencana perluasan: pekerja yang didaftarkan"
        header = rows.index(next(r for r in rows if r and r[0] == "Kode desa"))
        assert rows[header][-1] == "Didaftarkan"
        assert sum(r[-1] for r in rows[header + 1:]) == total


# budget text (and what it reads as), months -> workers funded, new workers: floor(budget / (months * rate))
# pays the 3 renewals first, the rest goes to new workers up to the gap of 25.
TYPED = [
    ("Rp2.016.000", 2_016_000, 12, 10, 7),  # exactly 10 workers for a year
    ("1,5 juta", 1_500_000, 12, 7, 4),  # 1.500.000 // 201.600 = 7
    ("Rp2.016.000", 2_016_000, 6, 20, 17),  # half the months, twice the workers
    ("Rp500 juta", 500_000_000, 12, 28, 25),  # more than the gaps need
    ("500.000.000", 500_000_000, 12, 28, 25),
    ("Rp400.000", 400_000, 12, 1, 0),  # one renewal of three, nobody new
    ("0", 0, 12, 0, 0),
]


@pytest.fixture(scope="module")
def form_page(store) -> AppTest:
    """One session whose form each typed-budget case fills in completely and submits."""
    return open_page()


@pytest.mark.parametrize(("text", "typed", "months", "funded", "new"), TYPED)
def test_typed_budget_changes_the_cards(form_page, cells, text, typed, months, funded, new):
    at = form_page
    at.text_input(key="rencana_budget_APBD").input(text)
    at.number_input(key="rencana_months").set_value(months)
    submit(at)
    assert not at.error, [e.value for e in at.error]
    plan = expected(cells, typed, months)
    assert (plan.funded_workers, plan.new_workers) == (funded, new)
    assert funded == min(typed // (months * RATE), RENEWALS + GAP)
    assert metric(at, "Pekerja dilindungi anggaran") == i18n.fmt_int(funded, "id")
    assert metric(at, "Pekerja baru") == i18n.fmt_int(new, "id")
    assert metric(at, "Sisa anggaran") == i18n.fmt_rp(typed - funded * months * RATE, "id")
    table = frame_with(at, "Didaftarkan")
    assert table["Didaftarkan"].sum() == new
    infos = [i.value for i in at.info]
    assert ("Rencana ini tidak mendaftarkan pekerja baru." in infos) == (new == 0)
    if funded < RENEWALS:
        assert [w.value for w in at.warning] == [
            f"Anggaran hanya cukup untuk {funded} dari {RENEWALS} perpanjangan; tidak ada pekerja baru. "
            f"{RENEWALS - funded} pekerja berakhir pada tanggal iurannya dan tidak dihitung di cakupan sesudah "
            "rencana."]


@pytest.mark.parametrize("text", ["dua juta", "Rp2,5", "-5000"])
def test_unreadable_amount_gets_a_message_not_an_exception(form_page, text):
    at = form_page
    at.text_input(key="rencana_budget_APBD").input(text)
    submit(at)
    assert [e.value for e in at.error] == [i18n.t("plan.bad_money", "id", text=text)]
    assert not at.metric  # no plan from an amount nobody typed


def test_scenario_saved_by_name_is_listed_compared_and_kept(store):
    at = open_page(PLANNER)
    assert "Belum ada skenario tersimpan." in [i.value for i in at.info]
    at.text_input(key="rencana_budget_APBD").input("Rp2.016.000")
    submit(at)
    at.text_input(key="rencana_scenario_name").input("  Rencana   kecil ")
    submit(at, "Simpan skenario")
    assert [s.value for s in at.success] == ['Skenario "Rencana kecil" disimpan.']
    at.run()  # a rerun must neither save again nor lose it
    assert frame_with(at, "Nama skenario")["Nama skenario"].tolist() == ["Rencana kecil"]
    compared = frame_with(at, "Ukuran").set_index("Ukuran")
    assert compared.loc["Pekerja baru", "Rencana kecil"] == "7"
    assert compared.loc["Anggaran", "Rencana kecil"] == "Rp2.016.000"
    by_kecamatan = frame_with(at, "Kecamatan", "Rencana kecil").set_index("Kecamatan")["Rencana kecil"]
    assert by_kecamatan.to_dict() == {"Sukawati": 4, "Ubud": 3, "Jumlah didaftarkan": 7}

    again = open_page(PLANNER)  # a new session reads it back from the store
    assert frame_with(again, "Nama skenario")["Nama skenario"].tolist() == ["Rencana kecil"]
    con = db.connect(store)
    try:
        saved = scenarios.load(con, "rencana kecil")
    finally:
        con.close()
    assert saved.budget_lines == {"APBD": 2_016_000} and saved.plan.new_workers == 7
    assert saved.as_of == AS_OF
    con = db.connect(store)
    try:
        listed = scenarios.list_scenarios(con).set_index("name")
    finally:
        con.close()
    assert listed.loc["Rencana kecil", "saved_by"] == "bappeda.rina"  # the signed-in name

    at.text_input(key="rencana_scenario_name").input("RENCANA KECIL")
    submit(at, "Simpan skenario")
    assert [w.value for w in at.warning] == [i18n.t("plan.exists", "id", name="RENCANA KECIL")]
    assert frame_with(at, "Nama skenario")["Nama skenario"].tolist() == ["Rencana kecil"]
    at.checkbox(key="rencana_overwrite").check()
    submit(at, "Simpan skenario")
    assert [s.value for s in at.success] == ['Skenario "RENCANA KECIL" disimpan.']
    assert frame_with(at, "Nama skenario")["Nama skenario"].tolist() == ["RENCANA KECIL"]


def test_english_labels_and_formats(store, cells):
    at = open_page(lang="en")
    assert at.title[0].value == "Plan"
    assert at.text_input(key="rencana_budget_APBD").label == "APBD budget (Rp)"
    assert at.text_input(key="rencana_budget_APBD").value == "2,000,000,000"
    plan = expected(cells, DEFAULT_BUDGET_RP)
    assert metric(at, "Workers the budget protects") == "28"
    assert metric(at, "Budget left over") == i18n.fmt_rp(plan.leftover_rp, "en") == "Rp1,994,355,200"
    assert metric(at, "Coverage after the plan") == i18n.fmt_pct(plan.coverage_pct_after, "en")
    assert "Lists to act on, by village" in [s.value for s in at.subheader]
    assert "To enrol" in frame_with(at, "District (kecamatan)").columns
    assert [b.label for b in at.button if b.label == "Compute the plan"]
    submit(at, "Compute the plan")  # the English default text reads back as the same budget
    assert metric(at, "Workers the budget protects") == "28"


def audit_rows(store: Path, action: str) -> list[tuple]:
    con = db.connect(store)
    try:
        return con.execute("select actor, detail from audit_log where action = ? order by logged_at", [action]).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("session", [None, {"_auth_role": "viewer", "_auth_user": "camat.ubud"},
                                     {"_auth_role": "notulis", "_auth_user": "nina.notulis"}])
def test_who_is_not_a_planner_cannot_save_or_delete_scenarios(store, session):
    con = db.connect(store)
    try:
        scenarios.save(con, "Milik perencana", al.plan(db.run_query(con, "gap_desa_sector", as_of=AS_OF,
                       kecamatan=None, sektor=None, program=None, sumber=None), al.PlanInput(budget_rp=0, months=12)),
                       as_of=AS_OF, saved_by="bappeda.rina", overwrite=True)
    finally:
        con.close()
    at = open_page(session)
    assert "Milik perencana" in frame_with(at, "Nama skenario")["Nama skenario"].tolist()  # still read
    assert not [b for b in at.button if b.label in ("Simpan skenario", "Hapus skenario")]
    assert not [w for w in at.text_input if w.key == "rencana_scenario_name"]
    assert "perencana atau admin data" in " ".join(i.value for i in at.info)


def test_demo_mode_lets_a_visitor_save_under_the_name_demo_and_says_so(store, monkeypatch):
    monkeypatch.setenv(settings.ENV_DEMO, "1")
    at = open_page()
    assert any("Mode demo" in w.value for w in at.warning)
    at.text_input(key="rencana_scenario_name").input("Coba demo")
    submit(at, "Simpan skenario")
    assert 'Skenario "Coba demo" disimpan.' in [s.value for s in at.success]
    assert ("demo", f"skenario {scenario_id(store, 'Coba demo')}: Coba demo") in audit_rows(store, "scenario_save")
    at.selectbox(key="rencana_delete_name").set_value("Coba demo")
    button = [b for b in at.button if b.key == "rencana_delete"][0]
    button.click().run()
    assert "Coba demo" not in frame_with(at, "Nama skenario")["Nama skenario"].tolist()
    assert ("demo", "skenario: Coba demo") in audit_rows(store, "scenario_delete")


def scenario_id(store: Path, name: str) -> int:
    con = db.connect(store)
    try:
        return scenarios.find(con, name)
    finally:
        con.close()


def test_a_csr_line_is_priced_at_the_discount_in_its_months(store, cells):
    at = open_page()
    at.text_input(key="rencana_budget_APBD").input("Rp1.000.000")
    at.text_input(key="rencana_budget_CSR").input("Rp1.000.000")
    at.number_input(key="rencana_months").set_value(4)
    at.date_input(key="rencana_start").set_value(date(2026, 11, 1))  # Nov, Dec at half; Jan, Feb 2027 full
    submit(at)
    prices = frame_with(at, "Biaya per pekerja (seluruh bulan)").set_index("Sumber dana")
    assert prices.loc["APBD (kabupaten)", "Biaya per pekerja (seluruh bulan)"] == "Rp67.200"
    assert prices.loc["CSR", "Biaya per pekerja (seluruh bulan)"] == "Rp50.400"
    # APBD buys 14 (3 renewals + 11 new), CSR could buy 19 but only 14 gaps are left: 28 = RENEWALS + GAP.
    assert prices.loc["APBD (kabupaten)", "Pekerja dibiayai"] == 14
    assert prices.loc["CSR", "Pekerja dibiayai"] == 14 and prices.loc["CSR", "Bulan dengan keringanan"] == 2
    assert metric(at, "Pekerja dilindungi anggaran") == "28" == i18n.fmt_int(RENEWALS + GAP, "id")
    assert metric(at, "Sisa anggaran") == i18n.fmt_rp(2_000_000 - 14 * 67_200 - 14 * 50_400, "id")


def test_the_start_month_comes_from_the_address_and_goes_back(store, cells):
    at = open_page(mulai="2026-11", bulan="4", anggaran="1000000", csr="1000000")
    assert at.date_input(key="rencana_start").value == date(2026, 11, 1)
    prices = frame_with(at, "Biaya per pekerja (seluruh bulan)").set_index("Sumber dana")
    assert prices.loc["CSR", "Bulan dengan keringanan"] == 2  # Nov, Dec 2026 at the discount, as typed above
    at.date_input(key="rencana_start").set_value(date(2027, 2, 1))
    submit(at)
    assert at.query_params["mulai"] in (["2027-02"], "2027-02")
    assert open_page(mulai="2026-13").date_input(key="rencana_start").value == rates.next_month(AS_OF)
