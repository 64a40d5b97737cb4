"""The Rapat page through dashboard.py in AppTest: since the last meeting, actions, conflicts, sign-in, minutes.

Each test gets its own store file (the two-batch fixture of test_meetings.py with two meetings), so
what one test records never shows in another.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jamsostek import settings
from jamsostek.access import auth
from jamsostek.store import db
from jamsostek.meetings import weekly as mt
from tests.conftest import KETEWEL, load_rows, open_app
from tests.test_meetings import BATCH_2, FIRST, FIRST_AS_OF, NOON, SECOND, SECOND_AS_OF, fill

PAGE = "pages/rapat.py"
TIMEOUT = 120


def build(path: Path, meetings: bool = True) -> Path:
    con = db.connect(path)
    fill(con)
    if meetings:
        mt.create_meeting(con, FIRST, as_of=FIRST_AS_OF, created_by="sekretariat", now=NOON)
    load_rows(con, BATCH_2, "februari.csv")
    if meetings:
        mt.create_meeting(con, SECOND, as_of=SECOND_AS_OF, created_by="sekretariat", now=NOON)
    con.close()
    return path


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    """Point the app at a fresh store with no accounts configured (the open, local mode)."""
    def use(meetings: bool = True) -> Path:
        path = build(tmp_path / "store.duckdb", meetings)
        monkeypatch.setenv(settings.ENV_DB, str(path))
        monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path / "cache"))
        return path
    for name in (auth.ENV_ADMINS, auth.ENV_VIEWERS, auth.ENV_REQUIRE_VIEWER_SIGNIN, settings.ENV_DEMO):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(auth, "DEFAULT_SECRETS", tmp_path / "no-secrets.toml")
    return use


NOTULIS = {"_auth_role": "notulis", "_auth_user": "nina.notulis"}


def open_page(**session) -> AppTest:
    return open_app(PAGE, session, timeout=TIMEOUT)


def metric(at: AppTest, label: str):
    found = [m for m in at.metric if m.label == label]
    assert found, [m.label for m in at.metric]
    return found[0]


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, [b.label for b in at.button]
    return found[0]


def frame_with(at: AppTest, column: str):
    found = [d.value for d in at.dataframe if column in d.value.columns]
    assert found, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def test_page_opens_on_since_the_last_meeting(app_env):
    path = app_env()
    at = open_page()
    assert at.title[0].value == "Rapat"
    assert at.selectbox(key="rapat_pick").value == 2  # the newest meeting
    assert metric(at, "Pendaftar baru").value == "3"
    assert metric(at, "Peserta berhenti").value == "2"
    assert metric(at, "Pekerja terlindungi").value == "5"
    assert metric(at, "Cakupan").value == "17,2%"
    assert metric(at, "Desa naik kelas").value == "1" and metric(at, "Desa turun kelas").value == "1"
    assert metric(at, "Kelompok masih nol").value == "2"
    kecamatan = frame_with(at, "Pendaftar baru").set_index("Kecamatan")
    assert kecamatan.loc["Sukawati", ["Terlindungi sebelum", "Terlindungi sekarang", "Pendaftar baru", "Berhenti"]
                         ].tolist() == [2, 3, 3, 2]
    moves = frame_with(at, "Arah").set_index("Desa")["Arah"].to_dict()
    assert moves == {"Batubulan": "turun", "Ketewel": "naik"}
    con = db.connect(path)
    sha = mt.get_meeting(con, 2).snapshot_sha256
    con.close()
    assert any(sha[:12] in c.value and "✓ cocok" in c.value for c in at.caption)
    assert {"rapat_minutes_xlsx", "rapat_minutes_pdf"} <= {b.key for b in at.get("download_button")}
    assert not any(m.label == "Diusulkan" for m in at.metric)  # no usulan list: no funnel section


def test_the_usulan_funnel_since_the_last_meeting(app_env):
    from datetime import datetime

    import pandas as pd

    from jamsostek.usulan import store as usulan
    from tests.conftest import nik

    path = app_env()
    con = db.connect(path)
    rows = [(2, nik("90"), "Calon A", "nelayan", ""), (3, nik("91"), "Calon B", "nelayan", ""),
            (4, "123", "Calon C", "nelayan", "")]
    usulan.propose(con, KETEWEL, pd.DataFrame(rows, columns=usulan.CANDIDATE_COLUMNS), "desa.ketewel",
                   date(2026, 1, 20), at=datetime(2026, 1, 20, 9))  # between the two meetings
    usulan.register(con, "dinas.data", KETEWEL, at=datetime(2026, 1, 27, 9))
    con.close()
    at = open_page()
    assert "Usulan calon peserta sejak rapat lalu" in [s.value for s in at.subheader]
    assert [metric(at, label).value for label in ("Diusulkan", "Terverifikasi", "Didaftarkan", "Menjadi peserta")
            ] == ["3", "2", "2", "0"]


def test_first_meeting_says_there_is_nothing_to_compare(app_env):
    app_env()
    at = open_page()
    at.selectbox(key="rapat_pick").set_value(1).run()
    assert "rapat pertama" in " ".join(i.value for i in at.info)
    assert metric(at, "Peserta terdaftar").value == "5"


def test_creating_the_first_meeting_freezes_its_figures(app_env):
    path = app_env(meetings=False)
    at = open_page(**NOTULIS)
    assert "Belum ada rapat" in " ".join(i.value for i in at.info)
    at.date_input(key="rapat_new_date").set_value(date(2026, 2, 3))
    at.date_input(key="rapat_new_as_of").set_value(SECOND_AS_OF)
    at.text_input(key="rapat_new_title").set_value("Rapat koordinasi")
    button(at, "Buat rapat dan bekukan angka").click().run()
    assert not at.exception
    assert "Rapat 3 Februari 2026 dicatat" in " ".join(s.value for s in at.success)
    assert metric(at, "Pekerja terlindungi").value == "5"
    con = db.connect(path)
    meeting = mt.get_meeting(con, 1)
    assert (meeting.meeting_date, meeting.as_of, meeting.title, meeting.created_by) == (
        date(2026, 2, 3), SECOND_AS_OF, "Rapat koordinasi", "nina.notulis")
    con.close()
    # The same date again is refused with a message, not an exception.
    at.date_input(key="rapat_new_date").set_value(date(2026, 2, 3))
    button(at, "Buat rapat dan bekukan angka").click().run()
    assert "Sudah ada rapat" in " ".join(e.value for e in at.error)


def test_an_action_recorded_at_one_meeting_is_carried_to_the_next_and_marked_overdue(app_env):
    path = app_env()
    at = open_page(**NOTULIS)
    at.selectbox(key="rapat_pick").set_value(1).run()
    at.selectbox(key="rapat_add_area").set_value(KETEWEL)
    at.text_area(key="rapat_add_what").set_value("Sosialisasi kelompok nelayan")
    at.text_input(key="rapat_add_who").set_value("Camat Sukawati")
    at.date_input(key="rapat_add_due").set_value(date(2026, 1, 20))
    button(at, "Simpan tindak lanjut").click().run()
    assert not at.exception
    assert "Tindak lanjut dicatat." in " ".join(s.value for s in at.success)
    agenda = frame_with(at, "Tindakan")
    assert agenda["Tindakan"].tolist() == ["Sosialisasi kelompok nelayan"]
    assert agenda["Terlambat"].tolist() == ["tidak"]

    at.selectbox(key="rapat_pick").set_value(2).run()
    agenda = frame_with(at, "Tindakan")
    assert agenda[["Wilayah", "Dari rapat sebelumnya", "Terlambat"]].values.tolist() == [
        ["Ketewel (Sukawati)", "ya", "ya"]]
    assert "1 terlambat" in " ".join(c.value for c in at.caption)
    con = db.connect(path)
    assert mt.actions_for(con, 2)["updated_by"].tolist() == ["nina.notulis"]
    con.close()


def test_text_holding_a_nik_is_refused(app_env):
    app_env()
    at = open_page(**NOTULIS)
    at.text_area(key="rapat_add_what").set_value("Hubungi 5104011505900001")
    at.text_input(key="rapat_add_who").set_value("Camat")
    button(at, "Simpan tindak lanjut").click().run()
    assert "memuat NIK" in " ".join(w.value for w in at.warning)
    assert not [d for d in at.dataframe if "Tindakan" in d.value.columns]


def test_a_save_over_someone_elses_change_shows_a_conflict(app_env):
    path = app_env()
    con = db.connect(path)
    action = mt.add_action(con, 2, level="desa", kode_wilayah=KETEWEL, what="Sosialisasi", who="Camat",
                           due_date=date(2026, 2, 10), actor="sekretariat")
    con.close()
    at = open_page(**NOTULIS)
    form = f"rapat_edit_{action}_v1"
    at.selectbox(key=f"{form}_status").set_value("selesai")
    # Meanwhile another participant saves the same action from their own screen.
    con = db.connect(path)
    mt.update_action(con, action, 1, status="batal", due_date=date(2026, 2, 10), who="BPJS TK", actor="bpjs")
    con.close()
    button(at, "Simpan perubahan").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "TIDAK disimpan" in errors and "bpjs" in errors and "Batal" in errors and "Selesai" in errors
    con = db.connect(path)
    saved = mt.get_action(con, action)
    con.close()
    assert (saved["status"], saved["version"]) == ("batal", 2)  # theirs stands; nothing was overwritten
    # The form now shows version 2; saving from it is a deliberate decision and goes through.
    at.selectbox(key=f"rapat_edit_{action}_v2_status").set_value("selesai")
    button(at, "Simpan perubahan").click().run()
    assert "diperbarui" in " ".join(s.value for s in at.success)


WRITE_BUTTONS = ("Simpan tindak lanjut", "Buat rapat dan bekukan angka", "Simpan perubahan")


@pytest.mark.parametrize("accounts", [False, True])
def test_a_visitor_who_has_not_signed_in_only_reads(app_env, monkeypatch, accounts):
    app_env()
    if accounts:
        monkeypatch.setenv(auth.ENV_ADMINS, f"admin:{auth.hash_password('sangat-rahasia-1')}")
    at = open_page()  # no accounts at all is no longer an open door
    assert "hanya dapat dibaca" in " ".join(i.value for i in at.info)
    assert not [b for b in at.button if b.label in WRITE_BUTTONS]
    assert not [w for w in at.text_input if w.key in ("rapat_recorder", "rapat_add_who", "rapat_new_title")]
    assert {w.label for w in at.text_input} == {"Nama pengguna", "Kata sandi"}  # sign in where you write


@pytest.mark.parametrize("role", ["viewer", "perencana", "pengusul"])
def test_an_account_without_the_notulis_role_only_reads(app_env, role):
    app_env()
    at = open_page(_auth_role=role, _auth_user="camat.ubud")
    assert "notulis rapat atau admin data" in " ".join(i.value for i in at.info)
    assert not [b for b in at.button if b.label in WRITE_BUTTONS]


@pytest.mark.parametrize("role", ["notulis", "admin"])
def test_actions_carry_the_signed_in_name(app_env, role):
    path = app_env()
    at = open_page(_auth_role=role, _auth_user="nina.notulis")
    at.text_area(key="rapat_add_what").set_value("Pendataan pengrajin")
    at.text_input(key="rapat_add_who").set_value("Camat Ubud")
    button(at, "Simpan tindak lanjut").click().run()
    con = db.connect(path)
    assert mt.actions_for(con, 2)["updated_by"].tolist() == ["nina.notulis"]
    audit = con.execute("select actor, action from audit_log where action like 'action%'").fetchall()
    con.close()
    assert audit == [("nina.notulis", "action_add")]


def test_demo_mode_records_under_the_name_demo_with_a_banner(app_env, monkeypatch):
    path = app_env(meetings=False)
    monkeypatch.setenv(settings.ENV_DEMO, "1")
    at = open_page()
    assert any("Mode demo" in w.value for w in at.warning)
    at.date_input(key="rapat_new_date").set_value(date(2026, 2, 3))
    button(at, "Buat rapat dan bekukan angka").click().run()
    assert "Rapat 3 Februari 2026 dicatat" in " ".join(s.value for s in at.success)
    con = db.connect(path)
    assert mt.get_meeting(con, 1).created_by == "demo"
    assert con.execute("select actor from audit_log where action = 'meeting_create'").fetchall() == [("demo",)]
    con.close()


def test_map_tab_shows_both_meetings_in_the_same_classes_and_the_change(app_env):
    app_env()
    at = open_page()
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    assert charts[0].proto.spec.count("Tidak ada data sasaran") == charts[1].proto.spec.count("Tidak ada data sasaran")
    assert "Tidak terpetakan: 0 baris" in " ".join(c.value for c in at.caption)
    at.radio(key="rapat_map_mode").set_value("change").run()
    charts = at.get("plotly_chart")
    assert len(charts) == 1 and "Perubahan cakupan" in charts[0].proto.spec


def test_english(app_env):
    app_env()
    at = open_page()
    at.radio(key="flt_lang").set_value("en").run()
    assert at.title[0].value == "Meeting"
    assert metric(at, "New enrolments").value == "3"
    assert [tab.label for tab in at.tabs] == ["Since the last meeting", "Actions", "Comparison map", "Minutes"]
