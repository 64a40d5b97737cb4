"""The store's schema: the sector ENUM follows the domain, questions hand sectors out as text, old stores upgrade."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from jamsostek.store import db
from jamsostek.domain import SECTORS
from tests.conftest import AS_OF, MAS, PARTICIPANTS, SASARAN, load_rows, load_sasaran

ALL = dict(kecamatan=None, sektor=None, program=None, sumber=None)
SECTOR_QUESTIONS = {
    "coverage_by_sector": dict(as_of=AS_OF, **ALL),
    "gap_desa_sector": dict(as_of=AS_OF, **ALL),
    "desa_sectors": dict(kode_desa=MAS, as_of=AS_OF, days=30, **ALL),
    "participants_detail": dict(kode_desa=MAS, as_of=AS_OF),
}


def participant_sektor_type(con) -> str:
    return db.fetch_value(con, "participant_column_type", column="sektor")


def test_sector_type_lists_the_domain_sectors_in_order(store):
    assert store.execute("select enum_range(null::sektor_kode)").fetchone()[0] == list(SECTORS)
    assert participant_sektor_type(store).startswith("ENUM(")


@pytest.mark.parametrize("name", SECTOR_QUESTIONS)
def test_questions_hand_sectors_out_as_text(store, name):
    frame = db.run_query(store, name, **SECTOR_QUESTIONS[name])
    assert len(frame) and not isinstance(frame["sektor"].dtype, pd.CategoricalDtype)
    assert set(frame["sektor"]) <= set(SECTORS)


def test_a_sector_outside_the_domain_cannot_enter_participant(store):
    with pytest.raises(duckdb.ConversionException):
        store.execute("update participant set sektor = 'penyanyi' where kode_desa = ?", [MAS])


def test_an_unknown_sector_filter_finds_nobody_instead_of_failing(store):
    frame = db.run_query(store, "gap_desa_sector", as_of=AS_OF, **(ALL | dict(sektor="penyanyi")))
    assert frame.empty


def test_a_store_made_before_the_sector_enum_is_upgraded_on_open(tmp_path):
    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    con.execute("alter table participant alter sektor type varchar")  # as the store was made before
    before = db.run_query(con, "gap_desa_sector", as_of=AS_OF, **ALL)
    assert participant_sektor_type(con) == "VARCHAR"
    con.close()

    con = db.connect(path)
    try:
        assert participant_sektor_type(con).startswith("ENUM(")
        pd.testing.assert_frame_equal(db.run_query(con, "gap_desa_sector", as_of=AS_OF, **ALL), before)
    finally:
        con.close()


def test_a_store_made_before_the_sasaran_range_gets_its_columns_on_open(tmp_path):
    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    load_sasaran(con, SASARAN)
    con.execute("alter table sasaran drop column sasaran_low")  # as the store was made before
    con.execute("alter table sasaran drop column sasaran_high")
    con.close()

    con = db.connect(path)
    try:
        desa = db.run_query(con, "coverage_by_desa", as_of=AS_OF, **ALL)
        assert desa["sasaran_low"].isna().all() and desa["sasaran_high"].isna().all()  # no range: none shown
        assert desa["sasaran_workers"].sum() == sum(cell[2] for cell in SASARAN)
    finally:
        con.close()
