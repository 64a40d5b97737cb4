"""Official sasaran: upload validated like an extract, stored as a named dated version, one active, audited,
named on every page and frozen with a meeting."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from jamsostek.geo import wilayah
from jamsostek.ingest import load
from jamsostek.meetings import weekly as mt
from jamsostek.ingest import sasaran as versions
from jamsostek.sasaran import show
from jamsostek.store import db
from streamlit.testing.v1 import AppTest
from tests.test_pages import DASHBOARD, TIMEOUT, app_store  # noqa: F401

GIANYAR = wilayah.load_wilayah("51.04")
CODES = list(GIANYAR["kode_desa"])
MAS, CELUK = "51.04.05.2002", "51.04.01.2005"


def csv_bytes(rows: list[tuple], header=("KODE DESA", "SEKTOR", "SASARAN"), sep=";") -> bytes:
    lines = [sep.join(header)] + [sep.join(map(str, r)) for r in rows]
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")


def full_rows(count=10) -> list[tuple]:
    return [(code, "petani", count) for code in CODES]  # 70 desa x 10 farmers = 700


def check(data: bytes, name="resmi.csv") -> versions.Checked:
    frame, problems = versions.read_table(data, name)
    assert not problems, problems
    return versions.check_table(frame, "51.04")


def test_a_valid_table_fills_every_desa_and_sector():
    # A sector's name, dotted thousands, a code as 10 digits:
    rows = full_rows() + [(MAS, "Pengrajin", "1.250"), ("5104012005", "nelayan", 0)]
    got = check(csv_bytes(rows))
    assert got.ok and len(got.cells) == 70 * 8
    cells = got.cells.set_index(["kode_desa", "sektor"])["sasaran_workers"]
    assert cells[(MAS, "pengrajin")] == 1250 and cells[(MAS, "petani")] == 10 and cells[(MAS, "lainnya")] == 0
    assert cells.sum() == 700 + 1250


def test_desa_by_name_and_kecamatan():
    rows = [(name, kec, "petani", 3) for name, kec in zip(GIANYAR["desa"], GIANYAR["kecamatan"])]
    got = check(csv_bytes(rows, header=("DESA", "KECAMATAN", "SEKTOR", "JUMLAH")))
    assert got.ok and got.cells["sasaran_workers"].sum() == 210


def test_every_bad_row_is_listed_with_its_reason():
    rows = full_rows() + [
        ("51.04.09.9999", "petani", 1),   # row 72: no such desa
        (MAS, "penyanyi", 1),             # row 73: unknown sector
        (MAS, "nelayan", "-3"),           # row 74: negative
        (MAS, "buruh_harian", "12,5"),    # row 75: not whole
        (MAS, "petani", 4),               # row 76: duplicate of row 2 + index of Mas
    ]
    got = check(csv_bytes(rows))
    assert not got.ok and got.cells.empty
    problems = got.problems.set_index("row_number")
    mas_row = CODES.index(MAS) + 2
    assert set(problems.index) == {72, 73, 74, 75, 76}
    assert "bukan desa wilayah ini" in problems.loc[72, "reason_id"]
    assert "penyanyi" in problems.loc[73, "reason_id"] and "petani" in problems.loc[73, "reason_id"]
    assert "bilangan bulat" in problems.loc[74, "reason_id"] and "whole number" in problems.loc[75, "reason_en"]
    assert problems.loc[76, "reason_id"] == f"Desa dan sektor yang sama sudah ada di baris {mas_row}."


def test_missing_desa_are_named():
    got = check(csv_bytes(full_rows()[2:]))
    assert not got.ok
    [reason] = got.problems["reason_id"]
    assert reason.startswith("2 desa tanpa baris: ") and GIANYAR["desa"][0] in reason


def test_missing_columns_and_bad_files():
    got = check(csv_bytes(full_rows(), header=("KODE DESA", "SEKTOR", "TOTAL")))
    assert got.problems["column"].tolist() == ["SASARAN"]
    assert versions.read_table(b"%PDF-1.4", "x.pdf")[1][0]["reason_id"].startswith("Jenis berkas")
    assert versions.read_table(b"x" * (versions.MAX_BYTES + 1), "x.csv")[1][0]["reason_en"].startswith("File too large")
    assert versions.read_table(b"PK\x03\x04 broken", "x.xlsx")[1][0]["reason_en"].startswith("The file cannot")


def test_xlsx_with_numbers_as_numbers():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["KODE DESA", "SEKTOR", "SASARAN"])
    for code, sector, count in full_rows(7):
        sheet.append([code, sector, count])  # counts as numbers, as Excel keeps them
    out = io.BytesIO()
    book.save(out)
    got = check(out.getvalue(), "resmi.xlsx")
    assert got.ok and got.cells["sasaran_workers"].sum() == 490


@pytest.fixture
def store():
    con = db.memory()
    load.load_reference(con, region="51.04")
    yield con
    con.close()


def status(con) -> dict:
    return db.run_query(con, "data_status").iloc[0].to_dict()


def test_versions_are_stored_activated_and_audited(store):
    [estimate] = versions.versions(store).itertuples()
    assert (estimate.kind, estimate.is_active, estimate.total_workers) == ("estimate", True, 146_282)
    assert show.version_text(status(store), "id") == "Sasaran: estimasi statistik publik"
    cells = check(csv_bytes(full_rows())).cells
    new = versions.add_version(store, cells, "  Regsosek 2025 ", versions.OFFICIAL, date(2025, 12, 31), "dinas.data",
                               "resmi.csv", activate=True)
    table = versions.versions(store).set_index("version_id")
    assert table.loc[new, "name"] == "Regsosek 2025" and table.loc[new, "is_active"]
    assert not table.loc[estimate.version_id, "is_active"]
    assert (table.loc[new, "total_workers"], table.loc[new, "desa_count"]) == (700, 70)
    by_desa = db.run_query(store, "coverage_by_desa", as_of=date(2026, 1, 1), kecamatan=None, sektor=None,
                           program=None, sumber=None)
    assert by_desa["sasaran_workers"].sum() == 700 and by_desa["sasaran_low"].isna().all()  # no range
    assert show.version_text(status(store), "id") == "Sasaran: Regsosek 2025 (resmi, 31 Desember 2025)"
    assert show.figure_line({"sasaran_workers": 10}, status(store), "id") == (
        "Sasaran: Regsosek 2025 (resmi, 31 Desember 2025): 10")
    audit = store.execute("select actor, action, detail from audit_log order by logged_at").fetchall()
    assert [(a, b) for a, b, _ in audit] == [("dinas.data", "sasaran_upload"), ("dinas.data", "sasaran_activate")]
    assert "Regsosek 2025" in audit[0][2] and "700" in audit[0][2]
    versions.activate(store, estimate.version_id, "dinas.data")  # back to the estimate
    assert store.execute("select sum(sasaran_workers), count(sasaran_low) from sasaran").fetchone() == (146_282, 560)
    with pytest.raises(ValueError):
        versions.activate(store, 99, "dinas.data")


def test_a_failed_store_leaves_the_active_version(store):
    bad = pd.DataFrame({"kode_desa": [MAS], "sektor": ["petani"], "sasaran_workers": [None]})  # NOT NULL fails
    with pytest.raises(Exception):
        versions.add_version(store, bad, "Rusak", versions.OFFICIAL, None, "dinas.data", activate=True)
    assert versions.versions(store)["name"].tolist() == [versions.ESTIMATE_NAME]
    assert store.execute("select sum(sasaran_workers) from sasaran").fetchone() == (146_282,)


def test_a_meeting_freezes_the_version_it_used(store):
    first = mt.create_meeting(store, date(2026, 1, 5), as_of=date(2026, 1, 5), created_by="notulis")
    cells = check(csv_bytes(full_rows())).cells
    versions.add_version(store, cells, "Regsosek 2025", versions.OFFICIAL, None, "dinas.data", activate=True)
    second = mt.create_meeting(store, date(2026, 1, 12), as_of=date(2026, 1, 12), created_by="notulis")
    assert mt.get_meeting(store, first).sasaran_version == versions.ESTIMATE_NAME
    assert mt.get_meeting(store, second).sasaran_version == "Regsosek 2025"
    assert mt.verify(store, first) and mt.verify(store, second)


def test_unggah_page_lists_the_versions_for_the_admin(app_store):
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.session_state["_auth_role"], at.session_state["_auth_user"] = "admin", "dinas.data"
    at.run()
    at.switch_page("pages/unggah.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Sasaran resmi" in [s.value for s in at.subheader]
    (listed,) = [d.value for d in at.dataframe if "Versi" in d.value.columns]
    assert listed.iloc[0]["Nama"] == "Estimasi statistik publik" and listed.iloc[0]["Aktif"] == "✓"
    assert any("Sasaran: estimasi statistik publik" in c.value for c in at.caption)  # the header names it
