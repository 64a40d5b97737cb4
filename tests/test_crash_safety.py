"""Crash safety: a process killed (SIGKILL) inside an ingest or a withdrawal leaves the store exactly as before.

The child process pauses deterministically inside the transaction, after every write and before the
commit: the test wraps db.execute in the child only, so the app carries no test hook. The parent waits
for the child's signal file, kills it, then reopens the store and compares it with a snapshot.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jamsostek.store import db
from jamsostek.ingest import upload
from tests import extracts as ex
from tests.conftest import PARTICIPANTS, SASARAN, load_rows, load_sasaran

ROOT = Path(__file__).resolve().parent.parent
BIG_ROWS = 30_000
READY_TIMEOUT_S = 180

CHILD = r'''
import sys, time
from pathlib import Path
from jamsostek.ingest import batches as batch_admin, upload
from jamsostek.store import db

store, extract, ready, mode = sys.argv[1:5]
if mode.startswith("pause"):
    original = db.execute
    def execute(con, name, **params):
        original(con, name, **params)
        if name == "data_version_bump":  # the last write inside the transaction: nothing committed yet
            Path(ready).write_text("in transaction")
            time.sleep(600)
    db.execute = execute
con = db.connect(store)
if mode.endswith("withdraw"):
    batch_admin.withdraw(con, int(extract), "child")
else:
    flow = upload.UploadFlow()
    flow.receive(con, Path(extract).read_bytes(), Path(extract).name)
    print(flow.commit(con, "child").batch_id)
con.close()
'''


def start(script: Path, *args: str) -> subprocess.Popen:
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(script), *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_ready(child: subprocess.Popen, ready: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not ready.exists():
        if child.poll() is not None:
            raise AssertionError(f"child ended before the pause: {child.communicate()[1].decode()[-2000:]}")
        if time.monotonic() > deadline:
            child.kill()
            raise AssertionError("child never reached the pause inside the transaction")
        time.sleep(0.05)


def snapshot(path: Path) -> dict:
    con = db.connect(path)
    try:
        return ex.snapshot(con)
    finally:
        con.close()


@pytest.fixture
def world(tmp_path):
    """A file store with one committed batch, a big extract, and the child script."""
    store = tmp_path / "store.duckdb"
    con = db.connect(store)
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    con.close()
    extract = tmp_path / "besar.csv"
    extract.write_bytes(ex.csv_bytes(ex.rows(BIG_ROWS, first=1000)))
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    return store, extract, script, tmp_path / "ready"


def kill_inside(script: Path, store: Path, what: object, ready: Path, mode: str) -> None:
    child = start(script, store, what, ready, mode)
    try:
        wait_ready(child, ready)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
    assert child.returncode == -signal.SIGKILL


def test_ingest_killed_inside_its_transaction_leaves_the_store_as_before(world):
    store, extract, script, ready = world
    before = snapshot(store)
    kill_inside(script, store, extract, ready, "pause")
    assert snapshot(store) == before
    # The next run works, and loads the whole file.
    child = start(script, store, extract, ready, "run")
    out, err = child.communicate(timeout=READY_TIMEOUT_S)
    assert child.returncode == 0, err.decode()[-2000:]
    con = db.connect(store)
    try:
        assert con.execute("select count(*) from enrolment where batch_id = ?", [int(out)]).fetchone()[0] == BIG_ROWS
        assert db.data_version(con) == before["data_version"] + 1
    finally:
        con.close()


def test_withdrawal_killed_inside_its_transaction_leaves_the_store_as_before(world):
    store, extract, script, ready = world
    con = db.connect(store)
    flow = upload.UploadFlow()
    flow.receive(con, ex.csv_bytes(ex.rows(500)), "kecil.csv")
    batch = flow.commit(con, "dina").batch_id
    con.close()
    before = snapshot(store)
    kill_inside(script, store, batch, ready, "pause-withdraw")
    assert snapshot(store) == before
    child = start(script, store, batch, ready, "run-withdraw")
    _, err = child.communicate(timeout=READY_TIMEOUT_S)
    assert child.returncode == 0, err.decode()[-2000:]
    after = snapshot(store)
    assert after["data_version"] == before["data_version"] + 1 and after["participant"][0] == 8
