"""Every question in queries/ against the fixture in conftest.py, with hand-computed answers."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from jamsostek import settings
from jamsostek.store import db
from tests.conftest import AS_OF, BATUBULAN, KETEWEL, MAS, PARTICIPANTS, SUKAWATI, UBUD, load_rows

ALL = dict(kecamatan=None, sektor=None, program=None, sumber=None)


def query(con, name, **params):
    return db.run_query(con, name, **{**ALL, **params})


def test_kpi_headline_figures(store):
    row = query(store, "kpi", as_of=AS_OF, lapsing_days=30).iloc[0]
    assert row["protected_workers"] == 5
    assert row["protected_workers_week_ago"] == 4
    assert row["new_workers_week"] == 1  # starting exactly 7 days before does not count as new
    assert row["lapsing_workers"] == 2
    assert row["lapsed_workers"] == 1
    assert row["participants"] == 7
    assert row["sasaran_workers"] == 29
    assert row["coverage_pct"] == pytest.approx(100 * 5 / 29)
    assert row["gap_workers"] == 24


@pytest.mark.parametrize("filters, protected, sasaran", [
    (dict(kecamatan=UBUD), 2, 10),
    (dict(kecamatan=SUKAWATI), 3, 19),
    (dict(sumber="APBD"), 2, 29),
    (dict(program="JHT"), 1, 29),
    (dict(sektor="petani"), 1, 12),
    (dict(sektor="lainnya"), 1, 0),
])
def test_kpi_filters(store, filters, protected, sasaran):
    row = query(store, "kpi", as_of=AS_OF, lapsing_days=30, **filters).iloc[0]
    assert (row["protected_workers"], row["sasaran_workers"]) == (protected, sasaran)


def test_coverage_by_desa(store):
    frame = query(store, "coverage_by_desa", as_of=AS_OF).set_index("kode_desa")
    assert len(frame) == 70
    assert frame.loc[BATUBULAN, ["sasaran_workers", "protected_workers", "gap_workers"]].tolist() == [15, 2, 13]
    assert frame.loc[KETEWEL, ["sasaran_workers", "protected_workers", "gap_workers"]].tolist() == [4, 1, 3]
    assert frame.loc[MAS, ["sasaran_workers", "protected_workers", "gap_workers"]].tolist() == [10, 2, 8]
    assert frame.loc[MAS, "coverage_pct"] == pytest.approx(20.0)
    others = frame.drop(index=[BATUBULAN, KETEWEL, MAS])
    assert others["protected_workers"].eq(0).all() and others["coverage_pct"].isna().all()
    assert frame["protected_workers"].sum() == 5


def test_coverage_by_kecamatan(store):
    frame = query(store, "coverage_by_kecamatan", as_of=AS_OF).set_index("kode_kecamatan")
    assert len(frame) == 7
    assert frame.loc[SUKAWATI, ["sasaran_workers", "protected_workers", "gap_workers"]].tolist() == [19, 3, 16]
    assert frame.loc[UBUD, "coverage_pct"] == pytest.approx(20.0)
    assert frame.loc[SUKAWATI, "kecamatan"] == "Sukawati"


def test_coverage_by_kecamatan_filtered_to_one(store):
    frame = query(store, "coverage_by_kecamatan", as_of=AS_OF, kecamatan=UBUD)
    assert frame["kode_kecamatan"].tolist() == [UBUD]


def test_coverage_by_sector(store):
    frame = query(store, "coverage_by_sector", as_of=AS_OF).set_index("sektor")
    assert frame.loc["petani", ["sasaran_workers", "protected_workers", "gap_workers"]].tolist() == [12, 1, 11]
    assert frame.loc["pengrajin", "gap_workers"] == 7
    assert frame.loc["lainnya", "sasaran_workers"] == 0 and frame.loc["lainnya", "protected_workers"] == 1
    assert frame["gap_workers"].is_monotonic_decreasing


def test_gap_desa_sector(store):
    frame = query(store, "gap_desa_sector", as_of=AS_OF)
    cells = {(r.kode_desa, r.sektor): (r.sasaran_workers, r.protected_workers, r.gap_workers)
             for r in frame.itertuples()}
    assert cells == {
        (BATUBULAN, "petani"): (10, 1, 9), (BATUBULAN, "pedagang_kecil"): (5, 1, 4),
        (KETEWEL, "nelayan"): (4, 1, 3), (MAS, "pengrajin"): (8, 1, 7), (MAS, "petani"): (2, 0, 2),
        (MAS, "lainnya"): (0, 1, 0),
    }
    assert frame.iloc[0]["gap_workers"] == 9


@pytest.mark.parametrize("filters", [
    {}, dict(kecamatan=UBUD), dict(kecamatan=SUKAWATI), dict(sumber="APBD"), dict(program="JHT"),
    dict(sektor="petani"), dict(kecamatan=SUKAWATI, sektor="petani"),
])
def test_per_desa_questions_add_up_to_the_headline(store, filters):
    # coverage_by_desa and gap_desa_sector count participants before joining the desa (peserta_where);
    # kpi joins first (peserta_in). Under every filter they must tell the same story.
    kpi = query(store, "kpi", as_of=AS_OF, lapsing_days=30, **filters).iloc[0]
    by_desa = query(store, "coverage_by_desa", as_of=AS_OF, **filters)
    cells = query(store, "gap_desa_sector", as_of=AS_OF, **filters)
    for frame in (by_desa, cells):
        assert frame["protected_workers"].sum() == kpi["protected_workers"]
        assert frame["sasaran_workers"].sum() == kpi["sasaran_workers"]
    if "kecamatan" in filters:
        assert set(by_desa["kode_kecamatan"]) == set(cells["kode_kecamatan"]) == {filters["kecamatan"]}


def test_lapsing_by_desa(store):
    frame = query(store, "lapsing_by_desa", as_of=AS_OF, days=30)
    assert frame[["kode_desa", "lapsing_workers"]].values.tolist() == [[BATUBULAN, 1], [MAS, 1]]
    assert frame.set_index("kode_desa").loc[MAS, "first_paid_until"] == pd.Timestamp("2026-01-10")
    assert "nik" not in frame.columns and "nama" not in frame.columns


def test_enrolments_by_week(store):
    frame = query(store, "enrolments_by_week", as_of=AS_OF).set_index("week_start")
    first, last = frame.iloc[0], frame.iloc[-1]
    # Weeks of 7 days ending on as_of (Sat 10 Jan 2026), back to the one holding 3 Nov 2025: 2-8 Nov.
    assert frame.index[0] == pd.Timestamp("2025-11-02") and frame.index[-1] == pd.Timestamp("2026-01-04")
    assert len(frame) == 10 and (first["new_workers"], first["protected_workers"]) == (2, 2)
    assert last["week_end"] == pd.Timestamp(AS_OF)
    # The top row is the cards' "this week": 04 (8 Jan); 03 has no JKM, 08 started on 3 Jan (as_of - 7).
    kpi = query(store, "kpi", as_of=AS_OF, lapsing_days=30).iloc[0]
    assert (last["new_workers"], last["protected_workers"]) == (1, 5)
    assert (kpi["new_workers_week"], kpi["protected_workers"]) == (1, 5)
    assert frame["new_workers"].sum() == 6  # everyone with JKK and JKM who started by as_of, once


def test_a_nik_seen_again_updates_instead_of_counting_twice(store):
    renewed = [("02", BATUBULAN, "petani", "JKK JKM", "2025-11-03", "2026-12-31", "APBD")]
    load_rows(store, renewed, name="renewal_2026-02-01.csv")  # as of a later date than the fixture
    row = query(store, "kpi", as_of=AS_OF, lapsing_days=30).iloc[0]
    assert row["protected_workers"] == 6 and row["participants"] == 7


def test_data_status_and_batches(store):
    status = db.run_query(store, "data_status").iloc[0]
    assert status["batches"] == 1 and status["participants"] == 8
    assert status["data_as_of"] == pd.Timestamp("2026-01-12") and not status["is_sample"]
    assert db.run_query(store, "batches")["file_name"].tolist() == ["fixture.csv"]


@pytest.mark.parametrize("path", sorted(settings.QUERIES_DIR.glob("*.sql")), ids=lambda p: p.name)
def test_every_query_header_documents_exactly_its_parameters(path):
    text = path.read_text()
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("--"))
    documented = set(re.findall(r"\$([a-z_][a-z0-9_]*)", header))
    assert header, f"{path.name} has no header comment saying what one row is"
    assert documented == db.sql_params(text), path.name
    assert "{" not in text, f"{path.name} looks string-formatted"


def test_run_query_refuses_wrong_parameters(store):
    with pytest.raises(TypeError, match="missing"):
        db.run_query(store, "kpi", as_of=AS_OF)


COUNTED = """select kode_desa, cast(sektor as varchar) as sektor, count(*) as protected_workers
             from peserta_where($kecamatan, $sektor, $program, $sumber) p where is_protected(p, $as_of)
             group by all"""


@pytest.mark.parametrize("filters", [
    {}, dict(kecamatan=UBUD), dict(kecamatan=SUKAWATI, sektor="petani"), dict(sumber="APBD"), dict(program="JKK"),
    dict(program="JKM"), dict(program="JHT"), dict(program="BPJS KESEHATAN"), dict(sektor="lainnya", sumber="Mandiri"),
])
@pytest.mark.parametrize("as_of", [date(2025, 1, 1), AS_OF.replace(day=1), AS_OF, date(2027, 6, 1)])
def test_protection_cells_count_the_same_people_as_the_participants(store, filters, as_of):
    """coverage_by_desa and gap_desa_sector sum protection_cell: per desa x sector they must equal a count of
    the participant rows themselves (peserta_where + is_protected) for every filter and day."""
    params = {**ALL, **filters, "as_of": as_of}
    counted = store.execute(COUNTED, params).df().set_index(["kode_desa", "sektor"])["protected_workers"]
    gap = query(store, "gap_desa_sector", **params).set_index(["kode_desa", "sektor"])["protected_workers"]
    assert gap[gap > 0].sort_index().to_dict() == counted.sort_index().to_dict()
    desa = query(store, "coverage_by_desa", **params).set_index("kode_desa")["protected_workers"]
    assert desa[desa > 0].to_dict() == counted.groupby(level="kode_desa").sum().to_dict()


def test_protection_cells_follow_a_withdrawal_and_fill_an_older_store(store):
    """Cells change with participant in the same transaction; a store made before them is filled on upgrade."""
    from jamsostek.ingest import load as ingest

    before = query(store, "coverage_by_desa", as_of=AS_OF)["protected_workers"].sum()
    ingest.withdraw_batch(store, 1, actor="admin")
    assert query(store, "coverage_by_desa", as_of=AS_OF)["protected_workers"].sum() == 0 < before
    assert store.execute("select count(*) from protection_cell").fetchone()[0] == 0
    load_rows(store, PARTICIPANTS, name="again.csv")
    store.execute("delete from protection_cell")  # as a store made before the table existed
    db.upgrade(store)
    assert query(store, "coverage_by_desa", as_of=AS_OF)["protected_workers"].sum() == before
