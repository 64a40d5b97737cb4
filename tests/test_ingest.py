"""Files -> store: batches, idempotence, updates, withdrawal, and all-or-nothing loads."""

from __future__ import annotations

from datetime import date

import pytest

from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.ingest import readers
from jamsostek.sample import store as sample_store
from tests.conftest import SASARAN, load_sasaran

HEADER = ("NIK;NAMA;NO KPJ;TGL LAHIR;JENIS KELAMIN;JENIS PEKERJAAN;DESA/KELURAHAN;KECAMATAN;PROGRAM;"
          "TGL KEPESERTAAN;TGL AKHIR;STATUS;SUMBER IURAN;PENGHASILAN")
ROWS = [
    "5104011505900001;Wayan Contoh;90000000001;15-05-1990;L;PETANI/PEKEBUN;Batubulan;Sukawati;JKK, JKM;"
    "03-11-2025;31-12-2026;AKTIF;APBD;1.500.000",
    "5104015505900002;Made Contoh;90000000002;15-05-1990;P;PEDAGANG;DS. BATUBULAN KANGIN;Sukawati;JKK, JKM, JHT;"
    "05-01-2026;31-01-2026;AKTIF;Mandiri;Rp 2.000.000",
    "5104051505900003;Nyoman Contoh;90000000003;15-05-1990;L;PENGRAJIN;Kel. Ubud;UBUD;JKK+JKM;"
    "01-12-2025;30-06-2026;AKTIF;CSR;",
]


def write(tmp_path, name, rows, header=HEADER):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def con():
    con = db.memory()
    load_sasaran(con, SASARAN)
    yield con
    con.close()


def snapshot(con) -> dict:
    """Everything a failed load must leave untouched."""
    tables = ("batch", "enrolment", "participant", "rejection")
    counts = {t: con.execute("select count(*) from query_table($t)", {"t": t}).fetchone()[0] for t in tables}
    return {**counts, "version": db.data_version(con),
            "participants": con.execute("select * from participant order by nik").fetchall()}


def protected(con, day=date(2026, 1, 10)) -> int:
    kpi = db.run_query(con, "kpi", as_of=day, lapsing_days=30, kecamatan=None, sektor=None, program=None, sumber=None)
    return int(kpi.iloc[0]["protected_workers"])


def test_clean_file_loads_as_one_batch(con, tmp_path):
    result = ingest.ingest_file(con, write(tmp_path, "a.csv", ROWS))
    assert (result.rows_total, result.rows_accepted, result.rows_rejected) == (3, 3, 0)
    assert protected(con) == 3
    batch = db.run_query(con, "batches").iloc[0]
    assert batch["file_name"] == "a.csv" and batch["extract_date"].date() == date(2026, 1, 5)
    stored = con.execute("select e.sektor, e.kode_desa, e.jht, e.sumber_iuran, e.penghasilan_rp from participant p "
                         "join enrolment e using (batch_id, nik) order by nik")
    assert stored.fetchall() == [
        ("petani", "51.04.01.2001", False, "APBD", 1_500_000),
        ("pedagang_kecil", "51.04.01.2009", True, "MANDIRI", 2_000_000),
        ("pengrajin", "51.04.05.1005", False, "CSR", None),
    ]


def test_same_file_again_changes_nothing(con, tmp_path):
    path = write(tmp_path, "a.csv", ROWS)
    first = ingest.ingest_file(con, path)
    before = snapshot(con)
    again = ingest.ingest_file(con, path)
    assert again.already_loaded and again.batch_id == first.batch_id
    assert snapshot(con) == before


def test_later_file_updates_a_nik_instead_of_counting_twice(con, tmp_path):
    ingest.ingest_file(con, write(tmp_path, "a.csv", ROWS))
    renewed = ROWS[1].replace("31-01-2026", "31-12-2026")
    ingest.ingest_file(con, write(tmp_path, "b.csv", [renewed]))
    assert con.execute("select count(*) from participant").fetchone()[0] == 3
    assert protected(con, date(2026, 3, 1)) == 3


def test_withdrawing_a_batch_restores_the_earlier_record(con, tmp_path):
    ingest.ingest_file(con, write(tmp_path, "a.csv", ROWS))
    before = protected(con, date(2026, 3, 1))
    renewal = ingest.ingest_file(con, write(tmp_path, "b.csv", [ROWS[1].replace("31-01-2026", "31-12-2026")]))
    assert protected(con, date(2026, 3, 1)) == before + 1
    ingest.withdraw_batch(con, renewal.batch_id, actor="admin")
    assert protected(con, date(2026, 3, 1)) == before
    assert db.run_query(con, "batches").iloc[0]["withdrawn_by"] == "admin"


def test_rejected_rows_are_reported_with_row_numbers(con, tmp_path):
    bad = [ROWS[0], "5,10401E+15" + ROWS[1][16:], ROWS[2].replace("Kel. Ubud", "Kuta"), "", ROWS[0]]
    result = ingest.ingest_file(con, write(tmp_path, "bad.csv", bad))
    reasons = dict(zip(result.rejections["row_number"], result.rejections["reason_code"]))
    assert reasons == {3: "nik_scientific", 4: "desa_unknown", 5: "blank_row", 6: "duplicate_row"}
    # Blank and repeated lines are counted apart from rejected rows; the four counts add up to the file.
    assert (result.rows_accepted, result.rows_rejected, result.rows_blank, result.rows_duplicate) == (1, 2, 1, 1)
    assert result.rows_total == 5
    assert "1 baris dimuat, 2 ditolak, 1 kosong, 1 ganda persis (jumlah 5 baris)" in result.summary()
    stored = con.execute("select rows_accepted, rows_rejected, rows_blank, rows_duplicate, rows_total from batch")
    assert stored.fetchone() == (1, 2, 1, 1, 5)
    assert con.execute("select count(*) from rejection").fetchone()[0] == 4
    assert "Kuta" in result.rejections.set_index("row_number").loc[4, "reason_id"]


def test_a_failure_mid_load_leaves_the_store_as_it_was(con, tmp_path, monkeypatch):
    ingest.ingest_file(con, write(tmp_path, "a.csv", ROWS[:1]))
    before = snapshot(con)
    real_execute = db.execute

    def failing(con_, name, **params):
        if name == "data_version_bump":  # the last write inside the transaction
            raise RuntimeError("disk full")
        return real_execute(con_, name, **params)

    monkeypatch.setattr(db, "execute", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest.ingest_file(con, write(tmp_path, "b.csv", ROWS[1:]))
    monkeypatch.undo()
    assert snapshot(con) == before
    assert ingest.ingest_file(con, write(tmp_path, "b.csv", ROWS[1:])).rows_accepted == 2


def test_unreadable_file_is_refused_before_touching_the_store(con, tmp_path):
    before = snapshot(con)
    path = tmp_path / "junk.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(readers.ExtractError):
        ingest.ingest_file(con, path)
    assert snapshot(con) == before


def test_sample_store_builds_with_the_launch_batch(tmp_path):
    path = sample_store.ensure_store(tmp_path / "store.duckdb")
    con = db.connect(path, read_only=True)
    def apbd_protected(day):
        return db.run_query(con, "kpi", as_of=day, lapsing_days=30, kecamatan=None, sektor=None,
                            program=None, sumber="APBD").iloc[0]["protected_workers"]

    # The regency's programme starts with exactly the launch batch of 3 November 2025.
    assert (apbd_protected(date(2025, 11, 2)), apbd_protected(date(2025, 11, 3))) == (0, 1136)
    status = db.run_query(con, "data_status").iloc[0]
    assert status["is_sample"] and status["batches"] == 2
    con.close()


def current_records(con) -> list[tuple]:
    return con.execute("select * from participant order by nik").fetchall()


def test_incremental_participants_equal_a_full_rebuild(con):
    """Loads update only their own NIKs and withdrawals restore earlier rows, exactly as a full rebuild would."""
    from tests.conftest import PARTICIPANTS, load_rows

    renewed = [(s, d, sek, p, start, "2027-06-30", f) for s, d, sek, p, start, _, f in PARTICIPANTS[::2]]
    moved = [(s, "51.04.05.2002", "pengrajin", p, start, end, f) for s, _, _, p, start, end, f in PARTICIPANTS[1:4]]
    steps = [("load", PARTICIPANTS), ("load", renewed), ("load", moved), ("withdraw", 2), ("load", renewed[:2]),
             ("withdraw", 3), ("withdraw", 1)]
    for kind, arg in steps:
        if kind == "load":
            load_rows(con, arg, name=f"{len(arg)}.csv")
        else:
            ingest.withdraw_batch(con, arg, actor="test")
        incremental = current_records(con)
        ingest.rebuild_participants(con)
        assert current_records(con) == incremental, (kind, arg)
    assert {row[1] for row in current_records(con)} == {4}  # only the last load is left
