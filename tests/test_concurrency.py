"""Viewers reading while an admin commits and withdraws batches see the old or the new data, never a mixture.

Like the app: one connection to a file store, a cursor per query (ui.context), readers in threads.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest

from jamsostek.ingest import batches as batch_admin
from jamsostek.store import consistent
from jamsostek.store import db
from jamsostek.ingest import upload
from tests import extracts as ex
from tests.conftest import PARTICIPANTS, SASARAN, load_rows, load_sasaran

AS_OF = date(2026, 1, 10)
FILTERS = dict(kecamatan=None, sektor=None, program=None, sumber=None)
READERS, CYCLES = 4, 3
BATCH_ROWS = 3_000


def kpi(run) -> tuple:
    return tuple(run("kpi", as_of=AS_OF, lapsing_days=30, **FILTERS).iloc[0])


def by_desa(run) -> tuple:
    frame = run("coverage_by_desa", as_of=AS_OF, **FILTERS)
    return tuple(map(tuple, frame.astype(str).itertuples(index=False)))


def answer(cursor) -> tuple:
    """What a page shows: the headline figures and coverage per desa, as plain tuples."""
    run = lambda name, **params: db.run_query(cursor, name, **params)  # noqa: E731
    return kpi(run), by_desa(run)


def page(cursor) -> tuple:
    """A page as the app renders it: every question at the version read first; start again if it moved."""
    while True:
        version = db.data_version(cursor)
        run = lambda name, **params: consistent.run_at_version(cursor, version, name, **params)  # noqa: E731
        try:
            return kpi(run), by_desa(run)
        except consistent.StaleVersion:
            continue


@pytest.fixture
def con(tmp_path):
    con = db.connect(tmp_path / "store.duckdb")
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    yield con
    con.close()


def commit(cursor, data: bytes) -> int:
    flow = upload.UploadFlow()
    flow.receive(cursor, data, "minggu.csv")
    return flow.commit(cursor, "dina").batch_id


def test_readers_see_old_or_new_data_while_batches_come_and_go(con):
    data = ex.csv_bytes(ex.rows(BATCH_ROWS, first=5000))
    old = answer(con.cursor())
    batch_admin.withdraw(con, commit(con.cursor(), data), "dina")  # learn the "new" answer, then go back
    assert answer(con.cursor()) == old
    cursor = con.cursor()
    batch = commit(cursor, data)
    new = answer(cursor)
    batch_admin.withdraw(cursor, batch, "dina")
    assert new != old and new[0][0] == old[0][0] + BATCH_ROWS

    done, errors, seen = threading.Event(), [], []

    def read() -> None:
        cursor = con.cursor()
        try:
            while not done.is_set():
                # Each question on its own sees a whole state, old or new...
                assert kpi(run := lambda n, **p: db.run_query(cursor, n, **p)) in (old[0], new[0])
                assert by_desa(run) in (old[1], new[1])
                # ...and a page pinned to one version never mixes them.
                got = page(cursor)
                assert got in (old, new), "a page mixed the data before and after a commit"
                seen.append(got == new)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            cursor.close()

    def write() -> None:
        cursor = con.cursor()
        try:
            for _ in range(CYCLES):
                batch_admin.withdraw(cursor, commit(cursor, data), "dina")
        except BaseException as error:
            errors.append(error)
        finally:
            cursor.close()
            done.set()

    threads = [threading.Thread(target=read) for _ in range(READERS)] + [threading.Thread(target=write)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads)
    assert not errors, errors
    assert seen, "the readers never ran"
    assert answer(con.cursor()) == old
    assert len(batch_admin.batches(con)) == 1 + 2 + CYCLES


def test_a_second_connection_reads_committed_data_only(tmp_path):
    """Another process-like reader (read-only is refused while the app holds the file) via a cursor."""
    con = db.connect(tmp_path / "store.duckdb")
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    writer, reader = con.cursor(), con.cursor()
    old = answer(reader)
    writer.execute("begin transaction")
    writer.execute("delete from participant")
    assert answer(reader) == old  # uncommitted work of another cursor is invisible
    writer.execute("rollback")
    assert answer(reader) == old
    con.close()


def test_a_page_pinned_to_an_old_version_is_told_to_start_again(con):
    cursor = con.cursor()
    version = db.data_version(cursor)
    before = consistent.run_at_version(cursor, version, "kpi", as_of=AS_OF, lapsing_days=30, **FILTERS)
    commit(con.cursor(), ex.csv_bytes(ex.rows(5, first=7000)))
    with pytest.raises(consistent.StaleVersion) as stale:
        consistent.run_at_version(cursor, version, "kpi", as_of=AS_OF, lapsing_days=30, **FILTERS)
    assert (stale.value.wanted, stale.value.found) == (version, version + 1)
    after = consistent.run_at_version(cursor, version + 1, "kpi", as_of=AS_OF, lapsing_days=30, **FILTERS)
    assert after.iloc[0]["protected_workers"] == before.iloc[0]["protected_workers"] + 5
    cursor.execute("select 1")  # the cursor is usable again: no transaction left open


def page_with_an_ingest_between_its_questions():
    """An app page (AppTest script) whose first run sees a batch committed between its two questions."""
    from datetime import date

    import streamlit as st

    from jamsostek.ingest import upload
    from jamsostek.ui import context
    from tests import extracts as ex

    filters = dict(as_of=date(2026, 1, 10), kecamatan=None, sektor=None, program=None, sumber=None)
    version = context.begin_run().version
    kpi = context.run("kpi", lapsing_days=30, **filters)
    if not st.session_state.get("ingested"):
        st.session_state["ingested"] = True
        flow = upload.UploadFlow()
        context.with_cursor(flow.receive, ex.csv_bytes(ex.rows(5, first=7000)), "minggu.csv")
        context.with_cursor(flow.commit, "dina")
    by_desa = context.run("coverage_by_desa", **filters)
    st.session_state.setdefault("shown", []).append(
        (version, int(kpi.iloc[0]["protected_workers"]), int(by_desa["protected_workers"].sum())))


def test_a_page_run_reads_one_data_version_when_an_ingest_comes_between_its_questions(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    path = tmp_path / "store.duckdb"
    con = db.connect(path)
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    before = db.data_version(con)
    protected_before = int(db.run_query(con, "kpi", as_of=AS_OF, lapsing_days=30, **FILTERS).iloc[0]["protected_workers"])
    con.close()
    monkeypatch.setenv("JAMSOSTEK_DB", str(path))
    at = AppTest.from_function(page_with_an_ingest_between_its_questions, default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    # The first run stopped at its second question (the store had moved on) and started again: what was
    # shown came from one version, the new one, in both questions.
    assert at.session_state["shown"] == [(before + 1, protected_before + 5, protected_before + 5)]
