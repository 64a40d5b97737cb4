"""The Usulan page through dashboard.py in AppTest: counts for everyone, a sign-in before proposing, and for
the data admin the masked verification table, a decision with its note, and the registration file.

(The list upload itself is a file chooser AppTest cannot fill: tests/browser/test_usulan_journey.py.)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from jamsostek import settings
from jamsostek.plan import allocation as al
from jamsostek.plan import scenarios
from jamsostek.store import db
from jamsostek.usulan import store as usulan
from tests.conftest import AS_OF, MAS, PARTICIPANTS, SASARAN, load_rows, load_sasaran, nik, open_app, serve_store

PAGE = "pages/usulan.py"
ADMIN = {"_auth_role": "admin", "_auth_user": "dinas.data"}
MOVED_IN = "5171011505900020"  # Denpasar's regency code: flagged, not refused
# rows: 2 protected (rejected), 3 new (verified), 4 moved in (flagged), 5 invalid NIK (rejected, not weighable)
LIST = [(nik("01"), "petani"), (nik("21"), "pengrajin"), (MOVED_IN, "petani"), ("123", "petani")]


def build(path: Path) -> Path:
    con = db.connect(path)
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    frame = pd.DataFrame([(i + 2, n, f"Calon Nomor {i}", s, "") for i, (n, s) in enumerate(LIST)],
                         columns=usulan.CANDIDATE_COLUMNS)
    usulan.propose(con, MAS, frame, "desa.mas", AS_OF, "usulan_mas.csv")
    cells = db.run_query(con, "gap_desa_sector", as_of=AS_OF, kecamatan=None, sektor=None, program=None, sumber=None)
    plan = al.plan(cells, al.PlanInput(budget_rp=8 * 12 * settings.CONTRIBUTION_RP_PER_MONTH, months=12))
    scenarios.save(con, "Rencana Uji", plan, as_of=AS_OF, saved_by="bappeda.rina")
    con.close()
    return path


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    path = build(tmp_path / "store.duckdb")
    serve_store(monkeypatch, path, tmp_path)
    return path


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [str(d.value) for d in at.dataframe]
    return "\n".join(parts + [str(m.value) for m in at.metric] + [e.value for kind in (at.error, at.success, at.info) for e in kind])


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def stored(path: Path) -> pd.DataFrame:
    con = db.connect(path)  # the app in this process holds it open read-write
    try:
        return usulan.candidates(con, MAS, AS_OF)
    finally:
        con.close()


def test_a_viewer_sees_the_funnel_counts_and_must_sign_in_to_propose(app_env):
    at = open_app(PAGE, {"_auth_role": "viewer", "_auth_user": "camat.ubud"}, query={"tanggal": AS_OF.isoformat()})
    assert [metric(at, label) for label in ("Diusulkan", "Terverifikasi", "Didaftarkan", "Menjadi peserta")] == \
        ["4", "1", "0", "0"]
    desa = at.dataframe[1].value
    assert list(desa.iloc[0][["Desa", "Diusulkan", "Terverifikasi"]]) == ["Mas", 4, 1]
    text = page_text(at)
    assert "Verifikasi" not in [s.value for s in at.subheader]
    assert "pengusul atau admin data" in text.lower() or any("pengusul" in i.value.lower() for i in at.info)
    assert nik("21") not in text and "Calon Nomor" not in text


def test_the_admin_sees_masked_candidates_and_decides_with_a_note(app_env):
    at = open_app(PAGE, ADMIN, query={"tanggal": AS_OF.isoformat()})
    table = next(d.value for d in at.dataframe if "Alasan" in d.value.columns and "Daftar" in d.value.columns)
    assert list(table["NIK"]) == ["************0001", "************0021", "************0020", "***"]
    assert list(table["Nama"])[1] == "C*** N*** 1***"
    assert list(table["Status"]) == ["Ditolak", "Lolos", "Perlu diperiksa", "Ditolak"]
    assert "NIK terbit di luar Kabupaten Gianyar" in table["Alasan"].iloc[2]
    assert nik("21") not in page_text(at)
    pick = at.selectbox(key="usulan_decide_pick")
    assert len(pick.options) == 2  # the protected one and the moved-in one; the invalid NIK cannot be weighed
    moved_in = next(o for o in pick.options if "Perlu diperiksa" in o)
    pick.set_value(moved_in)
    at.radio(key="usulan_decide_status").set_value("verified")
    at.text_area(key="usulan_decide_note").input("   ")
    next(b for b in at.button if b.label == "Simpan keputusan").click()
    at.run()
    assert any("Tulis catatan" in e.value for e in at.error)
    assert stored(app_env).loc[2, "override_status"] is None or pd.isna(stored(app_env).loc[2, "override_status"])
    at.selectbox(key="usulan_decide_pick").set_value(moved_in)
    at.radio(key="usulan_decide_status").set_value("verified")
    at.text_area(key="usulan_decide_note").input("Pindah ke Mas 2024, KK setempat")
    next(b for b in at.button if b.label == "Simpan keputusan").click()
    at.run()
    assert any("Keputusan disimpan" in s.value for s in at.success)
    got = stored(app_env)
    assert (got.loc[2, "decided_status"], got.loc[2, "override_by"]) == ("verified", "dinas.data")
    assert metric(at, "Terverifikasi") == "2"


def test_preparing_the_registration_file_marks_exactly_its_candidates(app_env):
    at = open_app(PAGE, ADMIN, query={"tanggal": AS_OF.isoformat()})
    button = next(b for b in at.button if b.label.startswith("Siapkan berkas pendaftaran"))
    assert "(1 calon)" in button.label
    button.click()
    at.run()
    assert not at.exception
    assert any("1 calon ditandai Didaftarkan" in s.value for s in at.success)
    got = stored(app_env)
    assert list(got["registered_at"].notna()) == [False, True, False, False]
    assert metric(at, "Didaftarkan") == "1"
    assert not any(b.label.startswith("Siapkan berkas") for b in at.button)  # nobody left to register


def test_english_labels(app_env):
    at = open_app(PAGE, ADMIN, query={"tanggal": AS_OF.isoformat(), "lang": "en"})
    assert metric(at, "Proposed") == "4"
    assert "Verification" in [s.value for s in at.subheader]


def test_a_link_opens_the_funnel_against_a_saved_plan(app_env):
    at = open_app(PAGE, None, query={"tanggal": AS_OF.isoformat(), "skenario": "1"})
    assert at.selectbox(key="usulan_plan").value == 1
    table = next(d.value for d in at.dataframe if "Alokasi rencana" in d.value.columns)
    con = db.connect(app_env)
    try:
        allocated = scenarios.load(con, 1).plan.allocation.groupby("kode_desa")["allocated_workers"].sum()
    finally:
        con.close()
    assert int(table["Alokasi rencana"].sum()) == int(allocated.sum()) == 8
    mas = table[table["Desa"] == "Mas"].iloc[0]
    assert mas["Perlu diusulkan"] == max(int(allocated.get(MAS, 0)) - 1, 0)
    at.selectbox(key="usulan_plan").set_value(None).run()
    assert "skenario" not in at.query_params
    assert not any("Alokasi rencana" in d.value.columns for d in at.dataframe)
