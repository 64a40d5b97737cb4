"""STATUS: only AKTIF (or a blank, unstated status) leaves protection to the dates; every other status
met in exports ends it on the extract's date, whatever the paid-until; an unknown spelling is refused."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest

from jamsostek import domain
from jamsostek.ingest import load
from jamsostek.ingest.validate import Validated
from jamsostek.store import db
from tests.conftest import BATUBULAN, SASARAN, enrolment_frame, load_sasaran
from tests.test_validate import check

ALL = dict(kecamatan=None, sektor=None, program=None, sumber=None)
# Person 01 is paid until the end of 2026; person 02 starts on 8 Jan 2026, so the batch's extract date
# (its latest TGL KEPESERTAAN) is 8 Jan 2026.
ROWS = [("01", BATUBULAN, "petani", "JKK JKM", "2025-11-03", "2026-12-31", "APBD"),
        ("02", BATUBULAN, "petani", "JKK JKM", "2026-01-08", "2026-12-31", "APBD")]


@pytest.mark.parametrize("written, code", [
    ("AKTIF", "AKTIF"), ("Aktif", "AKTIF"), ("ACTIVE", "AKTIF"),
    ("NON AKTIF", "NONAKTIF"), ("NONAKTIF", "NONAKTIF"), ("Non-Aktif", "NONAKTIF"), ("TIDAK AKTIF", "NONAKTIF"),
    ("MENINGGAL", "MENINGGAL"), ("MENINGGAL DUNIA", "MENINGGAL"), ("Wafat", "MENINGGAL"),
    ("KELUAR", "KELUAR"), ("MENGUNDURKAN DIRI", "KELUAR"),
])
def test_each_status_spelling_is_mapped_to_one_code(written, code):
    result = check({"status": written})
    assert result.rejections.empty
    assert result.accepted["status"].tolist() == [code]


def test_a_blank_status_is_not_stated_and_stored_empty():
    result = check({"status": ""})
    assert result.rejections.empty and result.accepted["status"].isna().all()


@pytest.mark.parametrize("written", ["PENDING", "DIBLOKIR", "1"])
def test_an_unknown_status_is_a_rejected_row_with_a_reason(written):
    result = check({"status": written})
    assert result.accepted.empty
    rejection = result.rejections.iloc[0]
    assert (rejection["field"], rejection["reason_code"]) == ("STATUS", "status_unknown")
    assert f"Status '{written}' tidak dikenal" in rejection["reason_id"]


def _protected(status: str | None, day: date) -> int:
    con = db.memory()
    try:
        load_sasaran(con, SASARAN)
        frame = enrolment_frame(ROWS).assign(status=[status, "AKTIF"])
        _commit(con, frame)
        kpi = db.run_query(con, "kpi", as_of=day, lapsing_days=30, **ALL).iloc[0]
        # The per-desa questions sum protection_cell: the status must end cover there too.
        by_desa = db.run_query(con, "coverage_by_desa", as_of=day, **ALL)["protected_workers"].sum()
        assert by_desa == kpi["protected_workers"]
        return int(kpi["protected_workers"]) - (day >= date(2026, 1, 8))  # less person 02, once started
    finally:
        con.close()


def _commit(con, frame: pd.DataFrame) -> None:
    raw = SimpleNamespace(file_name="status.csv", sha256=repr(frame.values.tolist()))
    empty = pd.DataFrame(columns=["row_number", "field", "reason_code", "reason_id", "reason_en"])
    load.commit_extract(con, raw, Validated(frame, empty, len(frame)), loaded_by="test")


@pytest.mark.parametrize("status, protected", [
    ("AKTIF", 1), (None, 1), ("NONAKTIF", 0), ("MENINGGAL", 0), ("KELUAR", 0),
])
def test_a_status_other_than_aktif_ends_protection_whatever_the_paid_until(status, protected):
    assert _protected(status, date(2026, 1, 10)) == protected   # after the extract date, paid until Dec
    assert _protected(status, date(2026, 1, 8)) == protected    # on the extract date itself


@pytest.mark.parametrize("status", ["NONAKTIF", "MENINGGAL", "KELUAR"])
def test_before_the_extract_date_the_paid_until_still_decides(status):
    # The extract says nothing about when the status changed: on 1 Dec 2025 the person was paid up.
    assert _protected(status, date(2025, 12, 1)) == 1


def test_the_sql_reads_the_domain_active_code():
    assert domain.ACTIVE_STATUS == "AKTIF"
    assert set(domain.STATUS_SPELLINGS.values()) == {"AKTIF", "NONAKTIF", "MENINGGAL", "KELUAR"}
    for name in ("schema", "participant_add_nonaktif"):  # enrolment_record, and the upgrade of older stores
        assert "not in ('AKTIF', '')" in db.load_statement(name)


def test_rebuild_and_upsert_agree_on_status():
    con = db.memory()
    load_sasaran(con, SASARAN)
    _commit(con, enrolment_frame(ROWS).assign(status=["MENINGGAL", "AKTIF"]))
    upserted = con.execute("select nik, tgl_nonaktif from participant order by nik").fetchall()
    db.execute(con, "participant_rebuild")
    assert con.execute("select nik, tgl_nonaktif from participant order by nik").fetchall() == upserted
    assert [d for _, d in upserted] == [date(2026, 1, 8), None]


def test_a_store_made_before_the_status_rule_is_upgraded_on_open(tmp_path):
    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    load_sasaran(con, SASARAN)
    _commit(con, enrolment_frame(ROWS).assign(status=["NON AKTIF", ""]))  # raw text, as older stores kept it
    con.execute("alter table participant drop column tgl_nonaktif")
    con.close()
    con = db.connect(path)
    try:
        kpi = db.run_query(con, "kpi", as_of=date(2026, 1, 10), lapsing_days=30, **ALL).iloc[0]
        assert kpi["protected_workers"] == 1   # 01 (NON AKTIF) no longer protected; 02 (blank) is
    finally:
        con.close()
