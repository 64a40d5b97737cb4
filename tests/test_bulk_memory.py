"""Bulk ingest holds one chunk at a time: a loaded chunk's rows are not kept alive until the commit."""

from __future__ import annotations

import gc
import weakref

import pytest

from jamsostek import settings
from jamsostek.ingest import bulk
from jamsostek.store import db
from jamsostek.ingest.validate import Validator
from tests.conftest import SASARAN, load_sasaran

MESSY = settings.SAMPLE_DIR / "peserta_berantakan.csv"  # accepted and rejected rows in every chunk


@pytest.fixture
def con():
    con = db.memory()
    load_sasaran(con, SASARAN)
    yield con
    con.close()


def test_earlier_chunks_are_released_inside_the_transaction(con, monkeypatch):
    checked_frames: list[weakref.ref] = []
    alive_at_each_chunk: list[int] = []
    validate = Validator.validate

    def watching(self, rows):
        gc.collect()
        alive_at_each_chunk.append(sum(ref() is not None for ref in checked_frames))
        checked = validate(self, rows)
        checked_frames.append(weakref.ref(checked.accepted))
        return checked

    monkeypatch.setattr(Validator, "validate", watching)
    result = bulk.ingest_bulk(con, MESSY, limits=bulk.BulkLimits(chunk_rows=50))
    assert len(alive_at_each_chunk) >= 5 and result.rows_accepted > 0
    assert alive_at_each_chunk == [0] * len(alive_at_each_chunk)
    loaded = con.execute("select count(*) from enrolment where batch_id = ?", [result.batch_id]).fetchone()[0]
    kept = con.execute("select count(distinct row_number) from rejection where batch_id = ?",
                       [result.batch_id]).fetchone()[0]
    assert (loaded, kept) == (result.rows_accepted, result.rows_rejected + result.rows_blank + result.rows_duplicate)
