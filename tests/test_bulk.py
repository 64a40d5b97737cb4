"""Streaming ingest (bulk.py) gives what the upload path (ingest.ingest_file) gives, chunk by chunk."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from jamsostek import settings
from jamsostek.ingest import bulk
from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.ingest import readers
from jamsostek.ingest.validate import Validator
from tests.conftest import SASARAN, load_sasaran

SAMPLE = settings.SAMPLE_DIR / "peserta_2026-11-20.csv"
MESSY = settings.SAMPLE_DIR / "peserta_berantakan.csv"
SMALL_CHUNKS = bulk.BulkLimits(chunk_rows=50)  # ten chunks for the messy file
SAMPLE_CHUNKS = bulk.BulkLimits(chunk_rows=4000)  # three for the 11,015-row sample (a chunk costs ~0.1 s)
TABLES = ("batch", "enrolment", "participant", "rejection")


def new_store():
    con = db.memory()
    load_sasaran(con, SASARAN)
    return con


@pytest.fixture
def con():
    con = new_store()
    yield con
    con.close()


def tables(con, drop_file_identity: bool = False) -> dict[str, pd.DataFrame]:
    """Every table a load writes, in a fixed order (load time, and for Parquet the file identity, left out)."""
    out = {}
    for name in TABLES:
        frame = con.execute("select * from query_table($name) order by all", {"name": name}).df()
        drop = ["loaded_at", *(["file_name", "sha256"] if drop_file_identity else [])]
        out[name] = frame.drop(columns=[c for c in drop if c in frame]) if name == "batch" else frame
    return out


def snapshot(con) -> dict:
    """Everything a failed load must leave untouched."""
    return {"version": db.data_version(con), **{k: v.to_dict("list") for k, v in tables(con).items()}}


@cache
def uploaded(path: Path) -> tuple[ingest.IngestResult, dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """A file loaded through the upload path into a fresh store: result, tables, tables without file identity."""
    con = new_store()
    try:
        return ingest.ingest_file(con, path), tables(con), tables(con, drop_file_identity=True)
    finally:
        con.close()


def assert_same_load(small: tuple, big: ingest.IngestResult, big_con, drop_file_identity: bool = False) -> None:
    small_result, small_tables = small[0], small[2 if drop_file_identity else 1]
    counts = ("rows_total", "rows_accepted", "rows_rejected", "batch_id", "already_loaded")
    assert [getattr(big, c) for c in counts] == [getattr(small_result, c) for c in counts]
    pd.testing.assert_frame_equal(big.rejections.reset_index(drop=True),
                                  small_result.rejections.reset_index(drop=True))
    for name, frame in tables(big_con, drop_file_identity).items():
        pd.testing.assert_frame_equal(frame, small_tables[name], obj=name)


def bulk_load(path: Path, limits: bulk.BulkLimits = SMALL_CHUNKS):
    con = new_store()
    return bulk.ingest_bulk(con, path, limits=limits), con


@cache
def bulk_loaded(path: Path, limits: bulk.BulkLimits):
    """bulk_load once per module (a store only read afterwards)."""
    return bulk_load(path, limits)


@pytest.mark.parametrize("path,limits", [(SAMPLE, SAMPLE_CHUNKS), (MESSY, SMALL_CHUNKS)], ids=["sample", "messy"])
def test_shipped_files_load_as_through_the_upload_path(path, limits):
    big, con = bulk_loaded(path, limits)
    assert big.rows_accepted > 300 and big.batch_id == 1
    assert_same_load(uploaded(path), big, con)


def test_messy_file_rejections_are_the_generators_list():
    result, con = bulk_loaded(MESSY, SMALL_CHUNKS)
    found = result.rejections.groupby("row_number")["reason_code"].apply(set)
    expected = pd.read_csv(settings.SAMPLE_DIR / "peserta_berantakan.expected.csv")
    assert sorted(found.index) == sorted(expected["row_number"])
    assert all(kind in found[row] for row, kind in zip(expected["row_number"], expected["kind"]))
    stored = con.execute("select count(distinct row_number) from rejection").fetchone()[0]
    assert stored == len(expected)
    skipped = expected["kind"].isin(["blank_row", "duplicate_row"])
    assert result.rows_rejected == (~skipped).sum()
    assert (result.rows_blank, result.rows_duplicate) == tuple(expected["kind"].value_counts()[k]
                                                               for k in ("blank_row", "duplicate_row"))
    assert result.rows_total == result.rows_accepted + result.rows_rejected + result.rows_blank + result.rows_duplicate


def _messy_text(rows: int = 454) -> str:
    """The messy file's text, cut after `rows` data rows."""
    return "\r\n".join(MESSY.read_bytes().decode("utf-8-sig").split("\r\n")[: rows + 1])


def _variant(lines: list[str], at: int, new: list[str]) -> str:
    return "\r\n".join(lines[:at] + new + lines[at + 1:])


# name -> (bytes of the first 100 messy rows with something awkward, read by DuckDB?)
# The rest go through Python's csv module: DuckDB would number, decode or end them differently.
def _variants() -> dict[str, tuple[bytes, bool]]:
    text = _messy_text(80)
    lines = text.split("\r\n")
    return {
        "title_rows": (("DATA PESERTA BPU GIANYAR;;;\r\n\r\n" + text).encode(), True),
        "lf_endings": (text.replace("\r\n", "\n").encode(), True),
        "trailing_blank_lines": ((text + "\r\n\r\n\r\n").encode(), True),
        "quoted_line_break": (text.replace("Kuta;Kuta", '"Ku\nta";Kuta', 1).encode(), True),
        "short_row": (_variant(lines, 5, [";".join(lines[5].split(";")[:6])]).encode(), True),
        "blank_lines_inside": (_variant(lines, 40, ["", "", lines[40]]).encode(), False),
        "blank_line_then_empty_cells": ((text + "\r\n\r\n;;;\r\n").encode(), False),
        "cp1252": (text.replace("I WAYAN", "I WAYAN \u00c9").encode("cp1252", errors="replace"), False),
        "utf16": (text.encode("utf-16"), False),
        "cr_endings": (text.replace("\r\n", "\r").encode(), True),
    }


@pytest.mark.parametrize("name", list(_variants()))
def test_awkward_csv_files_load_as_through_the_upload_path(tmp_path, name):
    data, by_duckdb = _variants()[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(data)
    with new_store() as con:
        assert bulk.inspect(con, path).by_duckdb == by_duckdb
    big, con = bulk_load(path, bulk.BulkLimits(chunk_rows=30))  # three chunks
    assert_same_load(uploaded(path), big, con)


def test_unclosed_quote_refuses_the_file_in_both_paths(tmp_path):
    lines = _messy_text().split("\r\n")
    path = tmp_path / "unclosed_quote.csv"
    path.write_bytes(_variant(lines, 60, ['"' + lines[60]]).encode())  # the rest of the file would be one cell
    before = snapshot(con := new_store())
    with pytest.raises(readers.ExtractError) as small:
        ingest.ingest_file(con, path)
    with pytest.raises(readers.ExtractError) as big:
        bulk.ingest_bulk(con, path, limits=SMALL_CHUNKS)
    assert big.value.code == small.value.code == "invalid_file"
    assert str(big.value) == str(small.value) and "periksa tanda kutip" in str(big.value)
    assert snapshot(con) == before


@pytest.mark.parametrize("name", ["ragged_rows", "ragged_rows_python"])
def test_ragged_row_refuses_the_file_with_the_same_message(tmp_path, name):
    lines = _messy_text().split("\r\n")
    if name == "ragged_rows_python":
        lines = lines[:100] + [""] + lines[100:]  # a blank line inside sends the file to the Python reader
    path = tmp_path / f"{name}.csv"
    path.write_text(_variant(lines, 300, [lines[300] + ";x;y"]), encoding="utf-8")
    before = snapshot(con := new_store())
    with pytest.raises(readers.ExtractError) as small:
        ingest.ingest_file(con, path)
    with pytest.raises(readers.ExtractError) as big:
        bulk.ingest_bulk(con, path, limits=SMALL_CHUNKS)
    assert big.value.code == small.value.code == "ragged_rows"
    assert (big.value.message_id, big.value.message_en) == (small.value.message_id, small.value.message_en)
    assert "Rows 301 have" in big.value.message_en
    assert snapshot(con) == before


def _records(path: Path, encoding: str, separator: str) -> tuple[list[str], list[list[str]]]:
    records = list(csv.reader(io.StringIO(path.read_text(encoding=encoding), newline=""), delimiter=separator))
    return records[0], records[1:]


def write_parquet(path: Path, header: list[str], rows: list[list[str]], types: dict | None = None) -> Path:
    columns = {}
    for i, name in enumerate(header):
        cells = [r[i] for r in rows]
        columns[name] = (types or {}).get(name, lambda c: pa.array(c, pa.string()))(cells)
    pq.write_table(pa.table(columns), path)
    return path


@pytest.mark.parametrize("path,encoding,separator", [(SAMPLE, "utf-8", ","), (MESSY, "utf-8-sig", ";")],
                         ids=["sample", "messy"])
def test_parquet_of_the_same_rows_loads_the_same(tmp_path, path, encoding, separator):
    header, rows = _records(path, encoding, separator)
    parquet = write_parquet(tmp_path / "extract.parquet", header, rows)
    big, con = bulk_load(parquet, SMALL_CHUNKS if path == MESSY else SAMPLE_CHUNKS)
    assert big.file_name == "extract.parquet"
    assert_same_load(uploaded(path), big, con, drop_file_identity=True)


def _typed_date(cells: list[str]) -> pa.Array:
    return pa.array([datetime.strptime(c, "%d-%m-%Y").date() for c in cells], pa.date32())


def _typed_timestamp(cells: list[str]) -> pa.Array:
    return pa.array([datetime.strptime(c, "%d-%m-%Y") for c in cells], pa.timestamp("us"))


def test_parquet_with_typed_columns_loads_the_same(tmp_path):
    """Dates stored as dates or as midnight timestamps, and numbers as integers, read as the text would."""
    header, rows = _records(SAMPLE, "utf-8", ",")
    types = {"TGL LAHIR": _typed_date, "TGL KEPESERTAAN": _typed_timestamp, "TGL AKHIR": _typed_date,
             "NIK": lambda c: pa.array([int(v) for v in c], pa.int64()),
             "PENGHASILAN": lambda c: pa.array([int(v) if v else None for v in c], pa.int64())}
    big, con = bulk_load(write_parquet(tmp_path / "typed.parquet", header, rows, types), SAMPLE_CHUNKS)
    assert_same_load(uploaded(SAMPLE), big, con, drop_file_identity=True)


def test_same_file_twice_changes_nothing(con, tmp_path):
    path = tmp_path / "first_80.csv"
    path.write_text(_messy_text(80), encoding="utf-8")
    first = bulk.ingest_bulk(con, path, limits=SMALL_CHUNKS)
    before = snapshot(con)
    again = bulk.ingest_bulk(con, path, limits=SMALL_CHUNKS)
    assert again.already_loaded and again.batch_id == first.batch_id == 1
    assert (again.rows_accepted, again.rows_rejected) == (0, 0)
    assert snapshot(con) == before
    assert ingest.ingest_file(con, path).already_loaded  # the same file, whichever path it takes
    assert snapshot(con) == before


def test_a_chunk_that_fails_midway_leaves_the_store_unchanged(con, monkeypatch):
    ingest.ingest_file(con, SAMPLE)  # an earlier batch: 230 of its participants the messy file would update
    before = snapshot(con)
    calls, validate = [], Validator.validate

    def fail_on_fourth(self, rows):
        calls.append(len(rows))
        if len(calls) == 4:
            raise RuntimeError("disk full")
        return validate(self, rows)

    monkeypatch.setattr(Validator, "validate", fail_on_fourth)
    with pytest.raises(RuntimeError, match="disk full"):
        bulk.ingest_bulk(con, MESSY, limits=SMALL_CHUNKS)
    assert len(calls) == 4  # three chunks were written inside the transaction before the fault
    assert snapshot(con) == before
    monkeypatch.setattr(Validator, "validate", validate)
    assert bulk.ingest_bulk(con, MESSY, limits=SMALL_CHUNKS).rows_accepted == 370  # loads once the fault is gone


def test_a_file_with_no_acceptable_row_records_no_batch(tmp_path, con):
    lines = _messy_text().split("\r\n")
    # Every way the messy file writes the programmes ("JKK, JKM", "JKK,JKM,JHT", "jkk, jkm") made unknown.
    bad = [re.sub(r"(?i)jkk\s*,\s*jkm(\s*,\s*jht)?", "BPJS KESEHATAN", line) for line in lines[1:4]]
    path = tmp_path / "all_bad.csv"
    path.write_text("\r\n".join([lines[0], *bad]), encoding="utf-8")
    before = snapshot(con)
    small = ingest.ingest_file(new_store(), path)
    big = bulk.ingest_bulk(con, path, limits=bulk.BulkLimits(chunk_rows=2))
    assert big.batch_id is None and big.rows_rejected == small.rows_rejected == 3
    pd.testing.assert_frame_equal(big.rejections, small.rejections)
    assert snapshot(con) == before


def test_too_many_rows_is_refused_before_anything_is_kept(con):
    before = snapshot(con)
    with pytest.raises(readers.ExtractError) as error:
        bulk.ingest_bulk(con, MESSY, limits=bulk.BulkLimits(chunk_rows=50, max_rows=120))
    assert error.value.code == "too_many_rows"
    assert snapshot(con) == before


def test_wants_bulk_for_parquet_and_for_csv_when_asked(tmp_path):
    header, rows = _records(MESSY, "utf-8-sig", ";")
    parquet = write_parquet(tmp_path / "a.parquet", header, rows[:3])
    assert bulk.wants_bulk(parquet)
    assert not bulk.wants_bulk(MESSY)  # one set of limits: a CSV is read as an upload unless --bulk
    assert bulk.wants_bulk(MESSY, asked=True)
    assert not bulk.wants_bulk(settings.SAMPLE_DIR / "peserta_2025-11-03_perdana.xlsx", asked=True)


def test_later_batch_updates_participants_as_the_upload_path_does():
    """The snapshot, then the messy file: its payments replace earlier records of the same NIK."""
    small_con, big_con = new_store(), new_store()
    for c in (small_con, big_con):
        ingest.ingest_file(c, SAMPLE)
    small = ingest.ingest_file(small_con, MESSY)
    big = bulk.ingest_bulk(big_con, MESSY, limits=SMALL_CHUNKS)
    assert big.batch_id == small.batch_id == 2
    updated = "select count(*) from participant where batch_id = 2 and nik in (select nik from enrolment where batch_id = 1)"
    assert big_con.execute(updated).fetchone()[0] == 230  # data/sample/README.md: payments by earlier participants
    assert_same_load((small, tables(small_con)), big, big_con)


def test_cli_ingest_streams_parquet_and_big_csv_with_the_same_summary(tmp_path, monkeypatch, capsys):
    from benchmarks import scale
    from jamsostek.cli import main

    store, cut = tmp_path / "store.duckdb", tmp_path / "first_80.csv"
    scale.new_store(store)  # exists: the CLI does not build the sample store first
    cut.write_text(_messy_text(80), encoding="utf-8")
    header, rows = _records(cut, "utf-8", ";")
    parquet = write_parquet(tmp_path / "first_80.parquet", header, rows)
    monkeypatch.setenv(settings.ENV_DB, str(store))
    monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path / "cache"))
    routed = []
    real = bulk.ingest_bulk
    monkeypatch.setattr(bulk, "ingest_bulk", lambda *a, **k: routed.append(a[1]) or real(*a, **k))
    assert main(["ingest", str(parquet), str(cut), str(tmp_path / "missing.csv")]) == 3  # partly loaded
    out, err = capsys.readouterr()
    assert routed == [parquet]  # the small CSV takes the upload path (wants_bulk: test above)
    summary = "69 baris dimuat, 9 ditolak, 2 kosong, 0 ganda persis (jumlah 80 baris)"
    parquet_part, csv_part = out.split("first_80.csv: ")
    assert parquet_part.startswith(f"first_80.parquet: {summary}\n       2  desa_namesake")
    assert csv_part.startswith(summary) and parquet_part.count("\n  ") == csv_part.count("\n  ")  # same reasons
    assert out.count("laporan / report:") == 2
    assert "missing.csv" in err and "Traceback" not in err
