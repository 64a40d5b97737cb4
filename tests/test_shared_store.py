"""Shared mode: writers take turns under the lock and publish read copies; readers follow the newest."""

from __future__ import annotations

import subprocess
import sys

from jamsostek import settings
from jamsostek.ingest import batches as batch_admin
from jamsostek.plan import scenarios
from jamsostek.store import backup, db, shared

from .conftest import PARTICIPANTS, load_rows
from .test_backup import KPI, cli, make_store

WRITES_EACH = 5


def participants(con) -> int:
    return int(db.run_query(con, "kpi", **KPI).iloc[0]["participants"])


def test_a_write_is_published_and_the_reader_moves_to_it(tmp_path):
    store = make_store(tmp_path / "store.duckdb")
    first = shared.publish(store)
    reader = shared.Reader(store)
    old = reader.connection()
    assert participants(old) == 7 and reader.connection() is old  # no new copy, no new connection

    with shared.writer(store) as con:
        load_rows(con, [("09", *PARTICIPANTS[0][1:])], name="later.csv")

    assert shared.current(store) == first.with_name("00000002.duckdb")
    assert participants(reader.connection()) == 8
    assert participants(old) == 7  # the copy a viewer's run began on is unchanged


def test_a_question_running_on_a_pruned_copy_still_finishes(tmp_path):
    store = make_store(tmp_path / "store.duckdb")
    shared.publish(store)
    reader = shared.Reader(store)
    cursor = reader.connection().cursor()
    first = shared.current(store)
    for _ in range(shared.KEEP_COPIES + 1):
        shared.publish(store)
    assert not first.exists()
    assert sorted(p.name for p in shared.read_dir(store).glob("*.duckdb")) == [
        f"{n:08d}.duckdb" for n in range(3, 3 + shared.KEEP_COPIES)]
    assert participants(cursor) == 7
    cursor.close()


def test_a_read_copy_has_every_table_and_reads_need_no_create(tmp_path):
    store = tmp_path / "store.duckdb"
    db.connect(store).close()  # a store where nobody has saved a scenario or held a meeting yet
    copy = db.connect(shared.publish(store), read_only=True)
    try:
        assert scenarios.list_scenarios(copy).empty  # ensure_scenario_tables must not CREATE here
        assert {"scenario", "meeting", "meeting_action"} <= set(backup.table_names(copy))
    finally:
        copy.close()


def test_writers_in_two_processes_take_turns_and_nothing_is_lost(tmp_path):
    store = make_store(tmp_path / "store.duckdb")
    shared.publish(store)
    script = ("import sys; from jamsostek.store import db, shared\n"
              f"for i in range({WRITES_EACH}):\n"
              "    with shared.writer(sys.argv[1]) as con:\n"
              "        db.execute(con, 'audit_insert', actor=sys.argv[2], action='test', detail=str(i))\n")
    writers = [subprocess.Popen([sys.executable, "-c", script, str(store), name], cwd=settings.ROOT,
                                stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    errors = [w.communicate(timeout=120)[1] for w in writers]
    assert [w.returncode for w in writers] == [0, 0], errors
    audit = backup.read_tables(shared.current(store))["audit_log"]
    assert sorted(audit[audit["action"] == "test"]["actor"]) == ["a"] * WRITES_EACH + ["b"] * WRITES_EACH


def test_a_failed_write_changes_nothing_and_frees_the_lock(tmp_path):
    store = make_store(tmp_path / "store.duckdb")
    first = shared.publish(store)
    try:
        with shared.writer(store) as con, db.transaction(con):
            db.execute(con, "audit_insert", actor="admin.uji", action="half", detail=None)
            raise RuntimeError("the write broke half-way")
    except RuntimeError:
        pass
    assert shared.current(store) != first  # published all the same (a unit of work may commit in steps)
    assert "half" not in set(backup.read_tables(shared.current(store))["audit_log"]["action"])
    with shared.writer(store) as con:  # the lock was given back
        load_rows(con, [("09", *PARTICIPANTS[0][1:])], name="whole.csv")
    assert participants(shared.Reader(store).connection()) == 8


def test_the_ingest_command_publishes_to_the_replicas(tmp_path):
    store = make_store(tmp_path / "store.duckdb")
    reader = shared.Reader(store)
    reader.connection()  # publishes the first copy, as a starting replica does
    extract = settings.SAMPLE_DIR / "peserta_berantakan.csv"
    result = cli("ingest", str(extract), db_path=store)
    assert result.returncode == 3, result.stderr  # partly loaded: the messy sample has rows to reject
    files = batch_admin.batches(reader.connection())["file_name"].tolist()
    assert sorted(files) == sorted(["fixture.csv", extract.name])
