"""Backup and restore: a store backed up while the app reads it, restored elsewhere, equal table by table."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from datetime import datetime, timezone

import pandas as pd
import pytest

from jamsostek import settings
from jamsostek.store import backup, db, shared

from .conftest import AS_OF, PARTICIPANTS, SASARAN, load_rows, load_sasaran

KPI = dict(as_of=AS_OF, lapsing_days=30, kecamatan=None, sektor=None, program=None, sumber=None)


def make_store(path):
    """A file store holding the shared fixture (6 protected of 8 participants on AS_OF: see test_queries)."""
    con = db.connect(path)
    try:
        load_sasaran(con, SASARAN)
        load_rows(con, PARTICIPANTS)
        db.execute(con, "audit_insert", actor="admin.uji", action="upload", detail="fixture.csv")
    finally:
        con.close()
    return path


def protected(path) -> int:
    """Protected workers on AS_OF, read straight from a store file."""
    con = db.connect(path, read_only=True)
    try:
        return int(db.run_query(con, "kpi", **KPI).iloc[0]["protected_workers"])
    finally:
        con.close()


def cli(*args, db_path, **env):
    """`python -m jamsostek ...` in its own process, as the nightly timer runs it."""
    environ = os.environ | {settings.ENV_DB: str(db_path), settings.ENV_CACHE_DIR: str(Path(db_path).parent / "cache")} | env
    return subprocess.run([sys.executable, "-m", "jamsostek", *args], cwd=settings.ROOT, env=environ,
                          capture_output=True, text=True, timeout=120)


def test_backup_while_the_app_reads_then_restore_elsewhere_gives_every_table_back(tmp_path):
    store = make_store(tmp_path / "live" / "store.duckdb")
    shared.publish(store)  # shared mode, as deployed: the app reads published copies
    reader, stop, answers, errors = shared.Reader(store), threading.Event(), [], []

    def app_reads():
        while not stop.is_set():
            cursor = reader.connection().cursor()
            try:
                answers.append(int(db.run_query(cursor, "kpi", **KPI).iloc[0]["protected_workers"]))
            except Exception as error:  # any error a viewer would see
                errors.append(repr(error))
            finally:
                cursor.close()

    thread = threading.Thread(target=app_reads)
    thread.start()
    try:
        made = cli("backup", "--dir", str(tmp_path / "backups"), db_path=store)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert made.returncode == 0, made.stderr
    assert not errors and answers
    assert set(answers) == {protected(store)}
    copy = tmp_path / "backups" / made.stdout.strip().rsplit("/", 1)[-1]
    assert copy.exists() and copy.name.startswith("jamsostek-") and copy.name.endswith("-v1.duckdb")

    elsewhere = tmp_path / "elsewhere" / "store.duckdb"
    elsewhere.parent.mkdir()  # the new machine's store folder (settings refuse a store in a missing folder)
    restored = cli("restore", str(copy), "--user", "admin.uji", db_path=elsewhere)
    assert restored.returncode == 0, restored.stderr

    before, after = backup.read_tables(store), backup.read_tables(elsewhere)
    assert set(after) == set(before) and {"participant", "enrolment", "batch", "audit_log"} <= set(before)
    for name in sorted(set(before) - {"meta", "audit_log"}):
        pd.testing.assert_frame_equal(after[name], before[name], check_dtype=True, obj=name)
    # The restore is audited, and the data version moves on so no cache serves the replaced data.
    audit = after["audit_log"]
    assert len(audit) == len(before["audit_log"]) + 1
    assert audit[audit["action"] == "restore"][["actor", "detail"]].values.tolist() == [["admin.uji", copy.name]]
    pd.testing.assert_frame_equal(audit[audit["action"] != "restore"].reset_index(drop=True),
                                  before["audit_log"].reset_index(drop=True))
    version = dict(zip(after["meta"]["key"], after["meta"]["value"]))["data_version"]
    assert int(version) == 2


def test_restore_over_a_store_keeps_the_replaced_one_and_readers_switch(tmp_path):
    store = make_store(tmp_path / "store.duckdb")
    shared.publish(store)
    copy = backup.backup(store, tmp_path / "b", keep=3)
    with shared.writer(store) as con:  # a later upload that the restore takes back
        load_rows(con, [("09", *PARTICIPANTS[0][1:])], name="later.csv")
    reader = shared.Reader(store)
    assert int(db.run_query(reader.connection(), "kpi", **KPI).iloc[0]["participants"]) == 8

    kept = backup.restore(copy, store, actor="admin.uji")

    assert int(db.run_query(reader.connection(), "kpi", **KPI).iloc[0]["participants"]) == 7
    assert len(backup.read_tables(kept)["participant"]) == 9  # nothing is lost by restoring
    con = db.connect(store, read_only=True)
    try:
        assert db.data_version(con) == 3  # past the replaced store's 2
    finally:
        con.close()


def test_retention_keeps_the_newest_backups(tmp_path):
    store = make_store(tmp_path / "store.duckdb")
    made = [backup.backup(store, tmp_path / "b", keep=2, now=datetime(2026, 11, day, 2, 30, tzinfo=timezone.utc))
            for day in (1, 2, 3)]
    (tmp_path / "b" / "notes.txt").write_text("not a backup: never pruned")
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == sorted(
        [made[1].name, made[2].name, "notes.txt"])
    assert made[2].name == "jamsostek-20261103T023000Z-v1.duckdb"
    with pytest.raises(backup.BackupError, match="at least 1"):
        backup.backup(store, tmp_path / "b", keep=0)


def test_restore_refuses_a_file_that_is_not_a_store_and_leaves_the_store_alone(tmp_path):
    store = make_store(tmp_path / "store.duckdb")
    before = backup.read_tables(store)
    bogus = tmp_path / "peserta.duckdb"
    bogus.write_text("NIK,NAMA\n")
    result = cli("restore", str(bogus), db_path=store)
    assert result.returncode == 1
    assert "not a readable DuckDB store" in result.stderr and "Traceback" not in result.stderr
    empty = db.connect(tmp_path / "other.duckdb")  # a DuckDB file, but with no jamsostek tables
    empty.execute("drop table participant")
    empty.close()
    with pytest.raises(backup.BackupError, match="not a jamsostek store"):
        backup.restore(tmp_path / "other.duckdb", store, actor="cli")
    after = backup.read_tables(store)
    assert all(after[name].equals(before[name]) for name in before)


def test_backup_says_what_to_do_when_a_single_process_app_holds_the_store(tmp_path):
    store = make_store(tmp_path / "store.duckdb")
    holder = subprocess.Popen(  # an app started without JAMSOSTEK_SHARED keeps the store open read-write
        [sys.executable, "-c", "import sys, time; from jamsostek.store import db; c = db.connect(sys.argv[1]);"
         " print('open', flush=True); time.sleep(60)", str(store)],
        cwd=settings.ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        result = cli("backup", "--dir", str(tmp_path / "b"), db_path=store)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert "JAMSOSTEK_SHARED=1" in result.stderr and "Traceback" not in result.stderr
    assert not list((tmp_path / "b").glob(backup.PATTERN))
