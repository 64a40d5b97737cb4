"""Extract dates decide: a record is replaced only by a batch as of a later date, whatever the loading order.

The three-file case of issue 14: extracts as of 3 November (A), 10 November (B) and 20 November (C),
loaded A, C, B. B comes last but is older than C: it changes nothing C says, fills in what only A had,
and the preview says how many records it will not override. Withdrawing C gives B's records back.
"""

from __future__ import annotations

from datetime import date

from jamsostek.ingest import batches, upload
from jamsostek.ingest import load as ingest
from jamsostek.store import db
from tests import extracts as ex
from tests.conftest import SASARAN, load_sasaran

PERSON, ONLY_IN_A_AND_B = 0, 1


def paid_until(con) -> dict[str, date]:
    rows = con.execute("select nik, tgl_akhir from participant order by nik").fetchall()
    return {nik: end for nik, end in rows}


def file(name: str, ends: dict[int, str], start: str = "03-11-2025") -> tuple[bytes, str]:
    return ex.csv_bytes([ex.row(i, start=start, end=end) for i, end in ends.items()]), name


A = file("peserta_2025-11-03.csv", {PERSON: "30-11-2025", ONLY_IN_A_AND_B: "30-11-2025"})
B = file("peserta_2025-11-10.csv", {PERSON: "31-12-2025", ONLY_IN_A_AND_B: "31-12-2025", 2: "31-12-2025"})
C = file("peserta_2025-11-20.csv", {PERSON: "31-03-2026", 3: "31-03-2026"})


def commit(con, data: tuple[bytes, str]) -> upload.Draft:
    flow = upload.UploadFlow()
    flow.receive(con, *data)
    draft = flow.draft
    flow.commit(con, "dina")
    return draft


def test_an_older_extract_loaded_last_changes_nothing_a_newer_one_says(store):
    commit(store, A)
    commit(store, C)
    draft_b = commit(store, B)
    assert draft_b.as_of == date(2025, 11, 10) and draft_b.not_overridden == 1
    older = next(n for n in draft_b.notices if n.code == "older_extract")
    assert "1 peserta" in older.message_id and "10 November 2025" in older.message_id
    ends = paid_until(store)
    assert ends[ex.nik(PERSON)] == date(2026, 3, 31)           # C (20 Nov) stands
    assert ends[ex.nik(ONLY_IN_A_AND_B)] == date(2025, 12, 31)  # B (10 Nov) replaces A (3 Nov)
    assert ends[ex.nik(2)] == date(2025, 12, 31) and ends[ex.nik(3)] == date(2026, 3, 31)


def test_the_loading_order_does_not_matter():
    stores = []
    for order in ((A, B, C), (A, C, B), (C, B, A)):
        con = db.memory()
        load_sasaran(con, SASARAN)
        for data in order:
            commit(con, data)
        stores.append(con.execute("select * exclude (batch_id) from participant order by nik").fetchall())
        ingest.rebuild_participants(con)  # the repair gives what the incremental loads gave
        assert con.execute("select * exclude (batch_id) from participant order by nik").fetchall() == stores[-1]
    assert stores[0] == stores[1] == stores[2]


def test_withdrawing_the_newest_gives_back_what_it_replaced(store):
    loaded = [commit(store, data) for data in (A, C, B)]
    assert loaded
    c_batch = int(batches.active_batches(store).query("file_name == 'peserta_2025-11-20.csv'")["batch_id"].iloc[0])
    batches.withdraw(store, c_batch, "dina")
    ends = paid_until(store)
    assert ends[ex.nik(PERSON)] == date(2025, 12, 31)  # back to B, the newest still loaded
    assert ex.nik(3) not in ends


def test_as_of_comes_from_the_name_else_the_latest_start_else_what_was_asked(store):
    flow = upload.UploadFlow()
    flow.receive(store, ex.csv_bytes(ex.rows(2, start="07-01-2026")), "ekstrak minggu ini.csv")
    assert flow.draft.as_of == date(2026, 1, 7)
    flow.choose(store, as_of=date(2026, 1, 9))
    assert flow.draft.as_of == date(2026, 1, 9)
    result = flow.commit(store, "dina")
    assert result.as_of == date(2026, 1, 9)
    assert store.execute("select extract_date from batch where batch_id = ?", [result.batch_id]).fetchone()[0] \
        == date(2026, 1, 9)


def test_a_name_older_than_the_data_does_not_win():
    import pandas as pd

    accepted = pd.DataFrame({"tgl_kepesertaan": [date(2025, 11, 25)]})
    assert ingest.as_of_date("peserta_2025-11-20.csv", accepted) == date(2025, 11, 25)
    assert ingest.as_of_date("peserta_2025-11-30.csv", accepted) == date(2025, 11, 30)
