"""Meetings: snapshot hashes, 'since the last meeting' on two batches (hand-computed), actions and their versions.

The two-batch fixture (sasaran from conftest: Batubulan 15, Ketewel 4, Mas 10; 29 in all):

batch 1, before the first meeting (figures as of 5 Jan 2026)
  01 Batubulan petani         JKK JKM  3 Nov 25 - 31 Dec 26   protected at both meetings
  02 Batubulan petani         JKK JKM  3 Nov 25 - 31 Jan 26   protected, then lapsed
  03 Batubulan pedagang_kecil JKK      2 Jan 26 - 31 Dec 26   enrolled, never protected (no JKM)
  06 Mas pengrajin            JKK JKM  1 Dec 25 - 31 Jan 26   protected; renewed by batch 2
  07 Mas lainnya              JKK JKM  1 Dec 25 - 30 Jun 26   protected (a sector without sasaran)
batch 2, before the second meeting (figures as of 2 Feb 2026)
  06 Mas pengrajin            renewed to 30 Jun 26
  05 Ketewel nelayan          JKK JKM 20 Jan 26 - 31 Dec 26   new
  08 Ketewel nelayan          JKK JKM 25 Jan 26 - 31 Dec 26   new
  04 Batubulan pedagang_kecil JKK JKM 10 Jan 26 - 31 Jan 26   new, lapsed by the second meeting
  09 Mas petani               JKK JKM  1 Mar 26 - 31 Dec 26   starts after the second meeting's date

First meeting: enrolled 01 02 03 06 07 = 5, lapsed 0, protected 01 02 06 07 = 4 (4/29 = 13,79 %).
Second meeting: enrolled + 05 08 04 = 8, lapsed 02 04 = 2, protected 01 06 07 05 08 = 5 (5/29 = 17,24 %).
Batubulan 2/15 = 13,3 % (class 10-14,9) -> 1/15 = 6,7 % (class 5-9,9): down a class.
Ketewel 0/4 = 0 % (class 'exactly 0') -> 2/4 = 50 % (class >= 15): up. Mas 2/10 -> 2/10: same.
Still at zero at both: Batubulan pedagang_kecil (sasaran 5), Mas petani (sasaran 2).
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.meetings import weekly as mt
from jamsostek.ingest.validate import Validated
from tests.conftest import BATUBULAN, KETEWEL, MAS, SASARAN, SUKAWATI, UBUD, enrolment_frame, load_rows, load_sasaran

BATCH_1 = [
    ("01", BATUBULAN, "petani", "JKK JKM", "2025-11-03", "2026-12-31", "APBD"),
    ("02", BATUBULAN, "petani", "JKK JKM", "2025-11-03", "2026-01-31", "APBD"),
    ("03", BATUBULAN, "pedagang_kecil", "JKK", "2026-01-02", "2026-12-31", "MANDIRI"),
    ("06", MAS, "pengrajin", "JKK JKM", "2025-12-01", "2026-01-31", "CSR"),
    ("07", MAS, "lainnya", "JKK JKM", "2025-12-01", "2026-06-30", "APBDES"),
]
BATCH_2 = [
    ("06", MAS, "pengrajin", "JKK JKM", "2025-12-01", "2026-06-30", "CSR"),
    ("05", KETEWEL, "nelayan", "JKK JKM", "2026-01-20", "2026-12-31", "APBD"),
    ("08", KETEWEL, "nelayan", "JKK JKM", "2026-01-25", "2026-12-31", "APBD"),
    ("04", BATUBULAN, "pedagang_kecil", "JKK JKM", "2026-01-10", "2026-01-31", "MANDIRI"),
    ("09", MAS, "petani", "JKK JKM", "2026-03-01", "2026-12-31", "APBD"),
]
FIRST, FIRST_AS_OF = date(2026, 1, 6), date(2026, 1, 5)
SECOND, SECOND_AS_OF = date(2026, 2, 3), date(2026, 2, 2)
THIRD = date(2026, 2, 10)
NOON = datetime(2026, 1, 6, 12, 0)


def fill(con) -> None:
    load_sasaran(con, SASARAN)
    load_rows(con, BATCH_1, "januari.csv")


@pytest.fixture
def con():
    """In-memory store holding batch 1 only."""
    store = db.memory()
    fill(store)
    yield store
    store.close()


@pytest.fixture
def two_meetings(con):
    """First meeting on batch 1, then batch 2, then the second meeting: (con, first_id, second_id)."""
    first = mt.create_meeting(con, FIRST, as_of=FIRST_AS_OF, created_by="sekretariat", now=NOON)
    load_rows(con, BATCH_2, "februari.csv")
    second = mt.create_meeting(con, SECOND, as_of=SECOND_AS_OF, created_by="sekretariat", now=NOON)
    return con, first, second


# --- snapshot hash

def test_hash_is_stable_for_unchanged_data(con):
    a = mt.create_meeting(con, FIRST, as_of=FIRST_AS_OF)
    b = mt.create_meeting(con, SECOND, as_of=FIRST_AS_OF)  # another meeting, same figures
    first, second = mt.get_meeting(con, a), mt.get_meeting(con, b)
    assert first.snapshot_sha256 == second.snapshot_sha256
    assert len(first.snapshot_sha256) == 64
    assert first.snapshot_sha256 == mt.snapshot_hash(FIRST_AS_OF, mt.snapshot_tables(con, FIRST_AS_OF))
    assert mt.verify(con, a) and mt.verify(con, b)


def test_hash_changes_when_data_changes(con):
    before = mt.snapshot_hash(SECOND_AS_OF, mt.snapshot_tables(con, SECOND_AS_OF))
    load_rows(con, BATCH_2, "februari.csv")
    after = mt.snapshot_hash(SECOND_AS_OF, mt.snapshot_tables(con, SECOND_AS_OF))
    assert before != after


def test_hash_ignores_an_ingest_that_leaves_the_figures_unchanged(con):
    # 09 starts on 1 Mar 2026: loading it changes nothing in the figures as of 5 Jan 2026.
    before = mt.snapshot_hash(FIRST_AS_OF, mt.snapshot_tables(con, FIRST_AS_OF))
    load_rows(con, BATCH_2[-1:], "maret.csv")
    assert mt.snapshot_hash(FIRST_AS_OF, mt.snapshot_tables(con, FIRST_AS_OF)) == before


def test_hash_changes_with_the_as_of_date(con):
    tables = mt.snapshot_tables(con, FIRST_AS_OF)
    assert mt.snapshot_hash(FIRST_AS_OF, tables) != mt.snapshot_hash(SECOND_AS_OF, tables)


def test_canonical_text_ignores_row_and_column_order(con):
    tables = mt.snapshot_tables(con, FIRST_AS_OF)
    shuffled = {name: frame.sample(frac=1, random_state=7)[list(reversed(frame.columns))]
                for name, frame in tables.items()}
    assert mt.snapshot_hash(FIRST_AS_OF, shuffled) == mt.snapshot_hash(FIRST_AS_OF, tables)


def test_one_changed_cell_changes_the_hash(con):
    tables = mt.snapshot_tables(con, FIRST_AS_OF)
    changed = {name: frame.copy() for name, frame in tables.items()}
    changed["meeting_desa"].loc[0, "protected_workers"] += 1
    assert mt.snapshot_hash(FIRST_AS_OF, changed) != mt.snapshot_hash(FIRST_AS_OF, tables)


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), (float("nan"), ""), (pd.NA, ""), (5, "5"), (5.0, "5"), (13.333333333333334, "13.333333"),
    (13.3333334, "13.333333"), (-0.0000001, "0"), (0.1 + 0.2, "0.3"), (True, "true"),
    (date(2026, 1, 5), "2026-01-05"), (pd.Timestamp("2026-01-05"), "2026-01-05"), ("a\tb\nc", "a\\tb\\nc"),
])
def test_canonical_value(value, text):
    assert mt.canonical_value(value) == text


def test_tampered_figures_fail_verification(con):
    meeting = mt.create_meeting(con, FIRST, as_of=FIRST_AS_OF)
    con.execute("update meeting_desa set protected_workers = protected_workers + 1 where kode_desa = ?", [MAS])
    assert not mt.verify(con, meeting)


# --- meetings and their frozen figures

def test_meeting_records_date_as_of_batches_and_author(two_meetings):
    con, first, second = two_meetings
    meeting = mt.get_meeting(con, second)
    assert (meeting.meeting_date, meeting.as_of, meeting.batch_ids, meeting.created_by) == (
        SECOND, SECOND_AS_OF, "1,2", "sekretariat")
    assert mt.list_meetings(con)["meeting_id"].tolist() == [second, first]  # newest first
    assert mt.previous_meeting(con, second).meeting_id == first
    assert mt.previous_meeting(con, first) is None


def test_as_of_defaults_to_the_latest_data_date(con):
    meeting = mt.get_meeting(con, mt.create_meeting(con, FIRST))
    assert meeting.as_of == meeting.data_as_of == date(2026, 1, 2)  # latest TGL KEPESERTAAN of batch 1


def test_one_meeting_a_day(con):
    mt.create_meeting(con, FIRST, as_of=FIRST_AS_OF)
    with pytest.raises(mt.MeetingExists):
        mt.create_meeting(con, FIRST, as_of=SECOND_AS_OF)
    assert len(mt.list_meetings(con)) == 1


def test_figures_survive_a_new_ingest_and_a_withdrawal(con):
    first = mt.create_meeting(con, FIRST, as_of=SECOND_AS_OF)
    frozen = mt.snapshot(con, first)
    result = load_rows(con, BATCH_2, "februari.csv")
    assert mt.snapshot_hash(SECOND_AS_OF, mt.snapshot_tables(con, SECOND_AS_OF)) != mt.get_meeting(
        con, first).snapshot_sha256  # the live figures moved ...
    ingest.withdraw_batch(con, result.batch_id, actor="test")
    for name, frame in mt.snapshot(con, first).items():  # ... the meeting's did not
        pd.testing.assert_frame_equal(frame, frozen[name])
    assert mt.verify(con, first)


def test_snapshot_desa_add_up_to_the_headline(two_meetings):
    con, _, second = two_meetings
    tables = mt.snapshot(con, second)
    kpi, desa, kecamatan = tables["meeting_kpi"].iloc[0], tables["meeting_desa"], tables["meeting_kecamatan"]
    assert desa["enrolled_workers"].sum() == kecamatan["enrolled_workers"].sum() == kpi["participants"] == 8
    assert desa["lapsed_workers"].sum() == kecamatan["lapsed_workers"].sum() == kpi["lapsed_workers"] == 2
    assert desa["protected_workers"].sum() == kpi["protected_workers"] == 5
    assert len(desa) == 70 and len(kecamatan) == 7


# --- since the last meeting (hand-computed, see the module docstring)

def test_since_last_meeting_headline(two_meetings):
    con, first, second = two_meetings
    since = mt.since_last(con, second)
    assert since.before.meeting_id == first
    rows = since.headline.set_index("measure")
    assert rows.loc["participants", ["before", "now", "change"]].tolist() == [5, 8, 3]  # new enrolments
    assert rows.loc["lapsed_workers", ["before", "now", "change"]].tolist() == [0, 2, 2]
    assert rows.loc["protected_workers", ["before", "now", "change"]].tolist() == [4, 5, 1]
    assert rows.loc["coverage_pct", "before"] == pytest.approx(100 * 4 / 29)
    assert rows.loc["coverage_pct", "change"] == pytest.approx(100 / 29)
    assert rows.loc["gap_workers", "change"] == -1


@pytest.mark.parametrize(("kode", "protected", "new", "lapsed"), [
    (SUKAWATI, (2, 3), 3, 2),
    (UBUD, (2, 2), 0, 0),
    ("51.04.02", (0, 0), 0, 0),
])
def test_since_last_meeting_by_kecamatan(two_meetings, kode, protected, new, lapsed):
    con, _, second = two_meetings
    row = mt.since_last(con, second).kecamatan.set_index("kode_kecamatan").loc[kode]
    assert (row["protected_before"], row["protected_now"]) == protected
    assert row["protected_change"] == protected[1] - protected[0]
    assert (row["new_enrolments"], row["newly_lapsed"]) == (new, lapsed)


@pytest.mark.parametrize(("kode", "protected", "coverage", "new", "lapsed", "classes", "move"), [
    (BATUBULAN, (2, 1), (100 * 2 / 15, 100 / 15), 1, 2, (4, 3), "down"),
    (KETEWEL, (0, 2), (0.0, 50.0), 2, 0, (0, 5), "up"),
    (MAS, (2, 2), (20.0, 20.0), 0, 0, (5, 5), "same"),
    ("51.04.02.2001", (0, 0), (None, None), 0, 0, (6, 6), "no_data"),  # no sasaran: the 'no data' class
])
def test_since_last_meeting_by_desa(two_meetings, kode, protected, coverage, new, lapsed, classes, move):
    con, _, second = two_meetings
    row = mt.since_last(con, second).desa.set_index("kode_desa").loc[kode]
    assert (row["protected_before"], row["protected_now"]) == protected
    for got, expected in zip((row["coverage_pct_before"], row["coverage_pct_now"]), coverage):
        assert pd.isna(got) if expected is None else got == pytest.approx(expected)
    assert (row["new_enrolments"], row["newly_lapsed"]) == (new, lapsed)
    assert (row["class_before"], row["class_now"], row["class_move"]) == (*classes, move)


def test_desa_moving_class_and_sectors_still_at_zero(two_meetings):
    con, _, second = two_meetings
    since = mt.since_last(con, second)
    assert since.moved_up["kode_desa"].tolist() == [KETEWEL]
    assert since.moved_down["kode_desa"].tolist() == [BATUBULAN]
    zero = since.still_zero[["kode_desa", "sektor", "sasaran_workers", "gap_workers"]]
    assert zero.values.tolist() == [[BATUBULAN, "pedagang_kecil", 5, 5], [MAS, "petani", 2, 2]]
    assert since.zero_by_sector.values.tolist() == [["pedagang_kecil", 1, 5], ["petani", 1, 2]]


def test_first_meeting_has_nothing_to_compare(two_meetings):
    con, first, _ = two_meetings
    since = mt.since_last(con, first)
    assert since.before is None
    assert since.headline["change"].isna().all() and since.headline.set_index("measure").loc["participants", "now"] == 5
    # Against nothing, every cell at zero now counts as still at zero.
    assert set(since.still_zero["sektor"]) == {"pedagang_kecil", "nelayan", "petani"}


def test_compare_with_a_chosen_earlier_meeting(two_meetings):
    con, first, second = two_meetings
    third = mt.create_meeting(con, THIRD, as_of=SECOND_AS_OF)
    assert mt.since_last(con, third).before.meeting_id == second
    since = mt.since_last(con, third, previous_id=first)
    assert since.before.meeting_id == first
    assert since.headline.set_index("measure").loc["participants", "change"] == 3


@pytest.mark.parametrize(("before", "now", "move"), [(0, 1, "up"), (3, 3, "same"), (5, 4, "down"),
                                                     (6, 2, "no_data"), (2, 6, "no_data")])
def test_class_move(before, now, move):
    assert mt.class_move(before, now) == move


# --- actions (tindak lanjut)

def add(con, meeting_id, due, what="Sosialisasi kelompok nelayan", **extra):
    params = {"level": "desa", "kode_wilayah": KETEWEL, "who": "Camat Sukawati", "actor": "sekretariat",
              "now": NOON} | extra
    return mt.add_action(con, meeting_id, what=what, due_date=due, **params)


def test_action_is_recorded_with_version_one_and_a_log_row(two_meetings):
    con, first, _ = two_meetings
    action = mt.get_action(con, add(con, first, date(2026, 1, 20)))
    assert (action["wilayah"], action["status"], action["version"], action["created_by"]) == (
        "Ketewel (Sukawati)", "baru", 1, "sekretariat")
    assert mt.action_log(con, action["action_id"])[["version", "status"]].values.tolist() == [[1, "baru"]]


def test_overdue_and_carried_to_the_next_meeting(two_meetings):
    con, first, second = two_meetings
    late = add(con, first, date(2026, 1, 20), "Late")                # open, due before the 2nd meeting
    early = add(con, first, date(2026, 2, 28), "Not yet due")        # open, due after it
    done = add(con, first, date(2026, 1, 20), "Done in between")
    mt.update_action(con, done, 1, status="selesai", due_date=date(2026, 1, 20), who="Camat Sukawati",
                     now=datetime(2026, 1, 25, 9, 0))
    at_first = mt.actions_for(con, first).set_index("what")
    assert not at_first["is_overdue"].any() and not at_first["is_carried"].any()
    agenda = mt.actions_for(con, second).set_index("what")
    assert set(agenda.index) == {"Late", "Not yet due", "Done in between"}
    assert agenda["is_carried"].all()
    assert agenda["is_overdue"].to_dict() == {"Late": True, "Not yet due": False, "Done in between": False}
    assert agenda.index[0] == "Late"  # overdue first
    # A third meeting no longer lists what was closed before the second one.
    third = mt.create_meeting(con, THIRD, as_of=SECOND_AS_OF)
    new = add(con, third, date(2026, 2, 17), "Agreed at the third")
    agenda = mt.actions_for(con, third).set_index("what")
    assert set(agenda.index) == {"Late", "Not yet due", "Agreed at the third"}
    assert not agenda.loc["Agreed at the third", "is_carried"] and late and early and new


def test_actions_persist_across_an_app_restart_and_a_new_ingest(tmp_path):
    path = tmp_path / "store.duckdb"
    con = db.connect(path)
    fill(con)
    meeting = mt.create_meeting(con, FIRST, as_of=FIRST_AS_OF)
    action = add(con, meeting, date(2026, 1, 20))
    mt.update_action(con, action, 1, status="berjalan", due_date=date(2026, 1, 27), who="Camat Sukawati",
                     note="Jadwal disepakati", actor="bappeda")
    con.close()

    con = db.connect(path)  # the app restarts: a new process opens the same file
    mt.ensure_meeting_tables(con)  # idempotent on a store that has them
    load_rows(con, BATCH_2, "februari.csv")
    saved = mt.get_action(con, action)
    assert (saved["status"], saved["note"], saved["version"], saved["updated_by"]) == (
        "berjalan", "Jadwal disepakati", 2, "bappeda")
    assert pd.Timestamp(saved["due_date"]).date() == date(2026, 1, 27)
    assert mt.verify(con, meeting)
    second = mt.create_meeting(con, SECOND, as_of=SECOND_AS_OF)
    assert mt.actions_for(con, second)["action_id"].tolist() == [action]
    assert db.next_id(con, "meeting_action_seq") > action  # ids continue, never reused
    con.close()


def test_a_stale_version_is_a_conflict_not_an_overwrite(two_meetings):
    con, first, _ = two_meetings
    action = add(con, first, date(2026, 1, 20))
    # Two people open version 1; the first saves, the second's save must not land.
    assert mt.update_action(con, action, 1, status="berjalan", due_date=date(2026, 1, 20), who="Camat Sukawati",
                            note="Undangan dikirim", actor="camat") == 2
    with pytest.raises(mt.ActionConflict) as caught:
        mt.update_action(con, action, 1, status="batal", due_date=date(2026, 1, 20), who="BPJS", actor="bpjs")
    assert caught.value.current["updated_by"] == "camat" and caught.value.current["version"] == 2
    saved = mt.get_action(con, action)
    assert (saved["status"], saved["who"], saved["version"]) == ("berjalan", "Camat Sukawati", 2)
    assert len(mt.action_log(con, action)) == 2
    # Having seen version 2, the second person may save on top of it.
    assert mt.update_action(con, action, 2, status="batal", due_date=date(2026, 1, 20), who="BPJS",
                            actor="bpjs") == 3


def test_a_save_racing_an_open_transaction_is_a_conflict(two_meetings):
    con, first, _ = two_meetings
    action = add(con, first, date(2026, 1, 20))
    one, two = con.cursor(), con.cursor()
    one.execute("begin transaction")
    db.fetch_value(one, "meeting_action_update", action_id=action, version=1, status="berjalan",
                   due_date=date(2026, 1, 20), who="A", note=None, now=NOON, actor="a")
    with pytest.raises(mt.ActionConflict) as caught:
        mt.update_action(two, action, 1, status="selesai", due_date=date(2026, 1, 20), who="B", actor="b")
    assert caught.value.current is None  # being saved right now: no settled state to show
    one.execute("commit")
    assert mt.get_action(con, action)["who"] == "A"


def test_closing_and_reopening_sets_and_clears_closed_at(two_meetings):
    con, first, _ = two_meetings
    action = add(con, first, date(2026, 1, 20))
    mt.update_action(con, action, 1, status="selesai", due_date=date(2026, 1, 20), who="X", now=NOON)
    mt.update_action(con, action, 2, status="batal", due_date=date(2026, 1, 20), who="X",
                     now=datetime(2026, 1, 9, 8, 0))
    assert mt.get_action(con, action)["closed_at"] == pd.Timestamp(NOON)  # closed once, stays the first time
    mt.update_action(con, action, 3, status="berjalan", due_date=date(2026, 1, 20), who="X")
    assert pd.isna(mt.get_action(con, action)["closed_at"])


@pytest.mark.parametrize(("changes", "message"), [
    ({"what": "  "}, "required"),
    ({"who": ""}, "required"),
    ({"what": "Hubungi 5104011505900001 di Ketewel"}, "NIK"),
    ({"what": "x" * 501}, "at most"),
    ({"kode_wilayah": "51.04.09.9999"}, "unknown desa"),
    ({"level": "provinsi"}, "level"),
    ({"status": "done"}, "status"),
])
def test_bad_actions_are_refused(two_meetings, changes, message):
    con, first, _ = two_meetings
    params = {"level": "desa", "kode_wilayah": KETEWEL, "what": "Sosialisasi", "who": "Camat",
              "due_date": date(2026, 1, 20)} | changes
    with pytest.raises(ValueError, match=message):
        mt.add_action(con, first, **params)
    assert mt.actions_for(con, first).empty


def test_unknown_action_and_meeting(two_meetings):
    con, _, _ = two_meetings
    with pytest.raises(mt.ActionNotFound):
        mt.update_action(con, 999, 1, status="selesai", due_date=date(2026, 1, 1), who="X")
    with pytest.raises(mt.MeetingNotFound):
        mt.add_action(con, 999, level="kecamatan", kode_wilayah=SUKAWATI, what="x", who="y",
                      due_date=date(2026, 1, 1))


def test_text_is_trimmed_and_single_spaced():
    assert mt.clean_text("  Rapat   dengan\tkepala desa \n  lalu  ", 100, "what") == "Rapat dengan kepala desa\nlalu"
    assert mt.clean_text(" ", 100, "note", required=False) is None


# --- rows that could not be placed on the map

def load_with_rejections(con, name: str, problems: list[tuple[int, str, str]]) -> int:
    """A batch of one good row plus rejected rows (row_number, field, reason_code)."""
    accepted = enrolment_frame([("11", MAS, "petani", "JKK JKM", "2026-01-02", "2026-12-31", "APBD")])
    rejections = pd.DataFrame([(r, f, c, c, c) for r, f, c in problems],
                              columns=["row_number", "field", "reason_code", "reason_id", "reason_en"])
    raw = type("Raw", (), {"file_name": name, "sha256": name * 4})()
    rows = len({r for r, _, _ in problems}) + 1
    return ingest.commit_extract(con, raw, Validated(accepted, rejections, rows), loaded_by="test").batch_id


def test_unlocated_rows_are_counted_per_active_batch(con):
    kept = load_with_rejections(con, "maret.csv", [
        (3, "DESA/KELURAHAN", "desa_unknown"),
        (4, "DESA/KELURAHAN", "desa_ambiguous"), (4, "NIK", "nik_invalid"),  # both: one unplaced row
        (5, "TGL AKHIR", "date_invalid"),                                     # placed fine, bad otherwise
        (6, "KECAMATAN", "kecamatan_mismatch"),
        (7, "NIK", "nik_scientific"),
        (8, "DESA/KELURAHAN", "desa_missing"),
    ])
    gone = load_with_rejections(con, "april.csv", [(2, "DESA/KELURAHAN", "desa_unknown")])
    ingest.withdraw_batch(con, gone, actor="test")
    found = mt.unlocated_by_batch(con).set_index("batch_id")
    assert gone not in found.index
    row = found.loc[kept]
    assert (row["unlocated_rows"], row["bad_nik_rows"], row["unplaced_rows"], row["rows_rejected"]) == (4, 2, 5, 6)
    assert found.drop(kept)["unplaced_rows"].eq(0).all()  # batch 1 had no rejections
