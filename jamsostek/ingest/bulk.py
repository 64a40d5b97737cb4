"""Large extracts (CSV with millions of rows, Parquet) streamed into the store in one transaction.

DuckDB reads the file in chunks of text cells; every chunk goes through the same Validator as an
upload (same rules, same messages, duplicates remembered across chunks); accepted rows are appended
inside one transaction, so a failure anywhere leaves the store as it was. Memory stays bounded by the
chunk size plus the validator's keys (16 bytes per row). The head of a CSV is read exactly as
readers.py reads an upload (separator, title rows, header mapping), so row numbers and rejections
match the small path. Where DuckDB's reader would number rows differently (empty lines inside the
data) or cannot decode the file (Windows-1252, UTF-16), the file is streamed through Python's csv
module instead, still in chunks.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from jamsostek.access import privacy
from jamsostek.store import db
from jamsostek.ingest import readers
from jamsostek.ingest.load import IngestResult, as_of_date, take_batch
from jamsostek.ingest.validate import Validator

MB = readers.MB
CHUNK_ROWS = 200_000  # ~30 MB of text per chunk; the validator's per-chunk cost is ~1 s per 200k rows
BLOCK_BYTES = 8 * MB  # read size of the checksum/encoding scan
HEAD_BYTES = readers.HEAD_CHARS  # as readers: separator and header are found in the first 64 KB
PARQUET_EXTENSIONS = {".parquet", ".pq"}
MAX_REJECTIONS_KEPT = 1_000_000  # in memory for the report; the store's rejection table keeps them all
_BLANK_LINE = re.compile(rb"\n\r?\n|\r\r")  # an empty line: DuckDB skips it, readers counts it as a row
_CONTENT = re.compile(rb"\S")
_LINE_NO = re.compile(r"Line: (\d+)")


@dataclass(frozen=True)
class BulkLimits:
    """Ceilings for a file loaded from disk by an operator (uploads keep readers.Limits)."""

    max_bytes: int = 20 * 1024 * MB
    max_rows: int = 100_000_000
    max_columns: int = readers.Limits().max_columns
    chunk_rows: int = CHUNK_ROWS

    def reader_limits(self) -> readers.Limits:
        """The same ceilings in the form readers' header functions take."""
        return readers.Limits(max_bytes=self.max_bytes, max_rows=self.max_rows, max_columns=self.max_columns)


@dataclass
class Source:
    """What the scan of a file found: identity, how to read it, and its header."""

    path: Path
    file_name: str
    sha256: str
    kind: str  # "csv" or "parquet"
    header: list[str]
    header_map: dict[str, str]
    first_data_row: int = 2
    encoding: str | None = None
    separator: str | None = None
    skip_lines: int = 0  # physical lines before the first data row (title rows and the header)
    skip_records: int = 0  # the same in CSV records, for the Python reader
    by_duckdb: bool = True
    unmapped: list[str] = field(default_factory=list)


def wants_bulk(path: Path, asked: bool = False) -> bool:
    """True for Parquet (an operator's format, never uploaded), and for CSV when the operator asks (--bulk)."""
    ext = Path(path).suffix.lower()
    return ext in PARQUET_EXTENSIONS or (asked and ext in readers.CSV_EXTENSIONS)


def inspect(con: db.Connection, path: Path, limits: BulkLimits = BulkLimits(),
            header_override: dict[str, str] | None = None) -> Source:
    """Checksum, encoding, separator and header of a file, without loading its rows."""
    path = Path(path)
    size = path.stat().st_size
    readers.check_size(size, limits.reader_limits())
    if size == 0:
        raise readers.extract_error("empty", name=path.name)
    ext = path.suffix.lower()
    if ext in PARQUET_EXTENSIONS:
        return _inspect_parquet(con, path, limits, header_override)
    if ext not in readers.CSV_EXTENSIONS:
        raise readers.extract_error("unsupported_type", ext=ext or path.name)
    return _inspect_csv(path, limits, header_override)


def _inspect_csv(path: Path, limits: BulkLimits, override: dict[str, str] | None) -> Source:
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if not head.strip():
        raise readers.extract_error("empty", name=path.name)
    cut = head[: head.rfind(b"\n") + 1] or head  # never split a multi-byte character at the cut
    text, encoding = readers.decode(cut)  # refuses PDFs, images, binary junk as an upload would
    sep = readers.guess_separator(readers.head_lines(text))
    records, line_ends = _head_records(text, sep)
    probe = readers.build(iter(records), limits.reader_limits(), override, encoding=encoding, separator=sep)
    at = probe.first_data_row - 2  # index of the header record
    header = list(probe.rows.columns[1:])
    header_end = _byte_offset_after_lines(cut, line_ends[at]) if encoding != "utf-16" else 0
    sha256, utf8, blank_inside, quotes_odd = _scan(path, header_end, nul_allowed=encoding == "utf-16")
    if encoding.startswith("utf-8") and not utf8:
        encoding = "cp1252"  # as readers: what Indonesian-locale Excel writes as "CSV"
    # An odd number of quotes means one is never closed: DuckDB's serial reader then drops the last
    # record without a word, where Python's csv (and so readers) keeps it as one long cell.
    by_duckdb = encoding in ("utf-8", "utf-8-sig") and not blank_inside and not quotes_odd
    return Source(path, readers.sanitise_file_name(path.name), sha256, "csv", header, probe.header_map,
                  probe.first_data_row, encoding, sep, line_ends[at], at + 1, by_duckdb, probe.unmapped)


def _head_records(text: str, sep: str) -> tuple[list[list[str]], list[int]]:
    """The first records of the head (cells stripped) and the physical line each one ends on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    records, ends = [], []
    try:
        for record in itertools.islice(reader, readers.HEADER_SEARCH_ROWS + 2):
            records.append([cell.strip() for cell in record])
            ends.append(reader.line_num)
    except csv.Error:
        pass  # a long quoted cell cut at 64 KB: the records before it are enough to find the header
    return records, ends


def _byte_offset_after_lines(data: bytes, lines: int) -> int:
    offset = 0
    for _ in range(lines):
        found = data.find(b"\n", offset)
        if found < 0:
            return len(data)
        offset = found + 1
    return offset


def _scan(path: Path, header_end: int, nul_allowed: bool = False) -> tuple[str, bool, bool, bool]:
    """One pass over the bytes: SHA-256, all UTF-8?, an empty line before later data?, an odd quote count?"""
    sha = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, pending, blank_inside, tail, offset, quotes = True, False, False, b"", 0, 0
    with path.open("rb") as handle:
        while block := handle.read(BLOCK_BYTES):
            sha.update(block)
            quotes += block.count(b'"')
            if not nul_allowed and b"\x00" in block:
                raise readers.invalid_file()
            if utf8:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    utf8 = False
            if not blank_inside:
                data, base = tail + block, offset - len(tail)
                if pending and _CONTENT.search(data):
                    blank_inside = True
                for match in _BLANK_LINE.finditer(data, max(0, header_end - base)):
                    pending = True
                    if _CONTENT.search(data, match.end()):
                        blank_inside = True
                        break
                tail = data[-2:]
            offset += len(block)
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return sha.hexdigest(), utf8, blank_inside, quotes % 2 == 1


def _inspect_parquet(con: db.Connection, path: Path, limits: BulkLimits, override: dict[str, str] | None) -> Source:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(BLOCK_BYTES):
            sha.update(block)
    try:
        names = _relation(con, "bulk_read_parquet", path=str(path)).columns
    except db.Error as error:
        raise readers.invalid_file() from error
    header = readers.header_names(list(names), limits.reader_limits())
    header_map, unmapped = readers.map_headers(header, override)
    readers.require_fields(header, header_map)
    return Source(path, readers.sanitise_file_name(path.name), sha.hexdigest(), "parquet", header, header_map,
                  unmapped=unmapped)


def _relation(con: db.Connection, name: str, **params):
    # db.run_query for a statement whose result is streamed instead of fetched whole.
    sql = db.load_statement(name)
    if set(params) != db.sql_params(sql):
        raise TypeError(f"parameters do not match {name}.sql: {sorted(params)} vs {sorted(db.sql_params(sql))}")
    return con.sql(sql, params=params)


def chunks(con: db.Connection, source: Source, limits: BulkLimits = BulkLimits()) -> Iterator[pd.DataFrame]:
    """The file's rows as DataFrames of text cells (header names as columns, `_row` as in readers)."""
    if source.kind == "parquet":
        frames = _duckdb_frames(con, "bulk_read_parquet", limits, path=str(source.path))
    elif source.by_duckdb:
        columns = {f"c{i}": "varchar" for i in range(len(source.header))}
        frames = _duckdb_frames(con, "bulk_read_csv", limits, path=str(source.path), skip=source.skip_lines,
                                delim=source.separator, columns=columns)
    else:
        frames = _python_frames(source, limits)
    return _numbered(frames, source, limits)


def _duckdb_frames(con: db.Connection, name: str, limits: BulkLimits, **params) -> Iterator[pd.DataFrame]:
    try:
        batches = _relation(con, name, **params).to_arrow_reader(limits.chunk_rows)
        for batch in batches:
            yield batch.to_pandas()
    except (db.Error, pa.ArrowException) as error:  # DuckDB's errors may reach us through Arrow
        raise _read_error(str(error), len(params.get("columns", ()))) from error


def _read_error(message: str, width: int) -> readers.ExtractError:
    line = _LINE_NO.search(message)
    if "Expected Number of Columns" in message and line:
        return readers.extract_error("ragged_rows", rows=line.group(1), width=width)
    return readers.invalid_file(line=int(line.group(1)) if line else None)


def _python_frames(source: Source, limits: BulkLimits) -> Iterator[pd.DataFrame]:
    width = len(source.header)
    with source.path.open("rb") as raw, io.TextIOWrapper(raw, encoding=source.encoding, newline="") as text:
        reader = csv.reader(text, delimiter=source.separator, strict=True)  # as readers: unclosed quote = error
        try:
            for _ in itertools.islice(reader, source.skip_records):
                pass
            while block := list(itertools.islice(reader, limits.chunk_rows)):
                rows, ragged = [], []
                for i, record in enumerate(block):
                    cells = [cell.strip() for cell in record]
                    if len(cells) > width and any(cells[width:]):
                        ragged.append(i)
                    rows.append((cells + [""] * width)[:width])
                if ragged:
                    raise _RaggedAt(ragged)
                yield pd.DataFrame(rows, columns=[f"c{i}" for i in range(width)], dtype="str")
        except csv.Error as error:
            raise readers.invalid_file(line=reader.line_num) from error


class _RaggedAt(Exception):
    """Positions (within the current chunk) of rows with more cells than the header."""


def _numbered(frames: Iterator[pd.DataFrame], source: Source, limits: BulkLimits) -> Iterator[pd.DataFrame]:
    # Row numbers as readers gives them; blank rows at the very end are dropped (readers ignores them),
    # so blank rows are held back until a later row shows that data follows them.
    next_row, held, any_data = source.first_data_row, None, False
    try:
        for frame in frames:
            frame.columns = source.header
            frame.insert(0, "_row", np.arange(next_row, next_row + len(frame), dtype=np.int64))
            next_row += len(frame)
            if held is not None:
                frame, held = pd.concat([held, frame], ignore_index=True), None
            filled = np.flatnonzero(~_blank(frame[source.header]))
            if not len(filled):
                held = frame
                continue
            if frame["_row"].iat[filled[-1]] - source.first_data_row >= limits.max_rows:
                raise readers.extract_error("too_many_rows", limit=limits.max_rows)
            if filled[-1] + 1 < len(frame):
                held = frame.iloc[filled[-1] + 1:].reset_index(drop=True)
            any_data = True
            yield frame.iloc[: filled[-1] + 1]
    except _RaggedAt as ragged:
        rows = [str(next_row + i) for i in ragged.args[0]]  # raised while reading the chunk starting at next_row
        raise readers.extract_error("ragged_rows", rows=", ".join(rows[:5]) + (" ..." if len(rows) > 5 else ""),
                             width=len(source.header)) from None
    if not any_data:
        raise readers.extract_error("no_data")


def _blank(cells: pd.DataFrame) -> np.ndarray:
    empty = np.ones(len(cells), dtype=bool)
    for column in cells:
        empty &= cells[column].fillna("").astype(str).str.strip().eq("").to_numpy(dtype=bool)
    return empty


class _NothingAccepted(Exception):
    """Every row was rejected: the transaction is rolled back and no batch is recorded."""


def ingest_bulk(con: db.Connection, path: Path, loaded_by: str = "cli", is_sample: bool = False,
                region: str | None = None, limits: BulkLimits = BulkLimits(),
                header_override: dict[str, str] | None = None, as_of: date | None = None,
                date_order: str | None = None) -> IngestResult:
    """Stream a large CSV or Parquet extract into the store as one batch: all of it, or on any error nothing."""
    reader = con.cursor()  # reads the file while `con` writes inside its transaction
    try:
        source = inspect(reader, Path(path), limits, header_override)
        existing = db.fetch_value(con, "batch_find", sha256=source.sha256)
        if existing is not None:
            return IngestResult(source.file_name, source.sha256, int(existing), 0, 0, 0, already_loaded=True)
        return _load(con, reader, source, loaded_by, is_sample, Validator(region, date_order), limits, as_of)
    finally:
        reader.close()


@dataclass
class _Tally:
    rows_total: int = 0
    rows_accepted: int = 0
    rows_rejected: int = 0
    rows_blank: int = 0
    rows_duplicate: int = 0
    latest_start: object = None
    rejections: list[pd.DataFrame] = field(default_factory=list)
    rejections_kept: int = 0


def _load(con: db.Connection, reader: db.Connection, source: Source, loaded_by: str, is_sample: bool,
          validator: Validator, limits: BulkLimits, as_of: date | None) -> IngestResult:
    tally = _Tally()
    result = IngestResult(source.file_name, source.sha256, None, 0, 0, 0)
    try:
        with db.transaction(con):
            batch_id = db.next_id(con, "batch_seq")
            db.execute(con, "batch_insert", batch_id=batch_id, file_name=privacy.scrub(con, source.file_name), sha256=source.sha256,
                       rows_total=0, rows_accepted=0, rows_rejected=0, rows_blank=0, rows_duplicate=0,
                       extract_date=None, is_sample=is_sample, loaded_by=loaded_by)
            for chunk in chunks(reader, source, limits):
                _take_chunk(con, batch_id, validator.validate(chunk.rename(columns=source.header_map)), tally)
            if not tally.rows_accepted:
                raise _NothingAccepted
            starts = pd.DataFrame({"tgl_kepesertaan": [tally.latest_start]})
            result.as_of = as_of_date(source.file_name, starts, as_of)
            db.execute(con, "batch_totals", batch_id=batch_id, rows_total=tally.rows_total,
                       rows_accepted=tally.rows_accepted, rows_rejected=tally.rows_rejected,
                       rows_blank=tally.rows_blank, rows_duplicate=tally.rows_duplicate, extract_date=result.as_of)
            result.not_overridden = int(db.fetch_value(con, "batch_not_overriding", batch_id=batch_id))
            take_batch(con, batch_id)
            result.batch_id = batch_id
    except _NothingAccepted:
        pass
    result.rows_total, result.rows_accepted, result.rows_rejected = \
        tally.rows_total, tally.rows_accepted, tally.rows_rejected
    result.rows_blank, result.rows_duplicate = tally.rows_blank, tally.rows_duplicate
    result.rejections = pd.concat(tally.rejections, ignore_index=True) if tally.rejections else _no_rejections()
    return result


def _take_chunk(con: db.Connection, batch_id: int, checked, tally: _Tally) -> None:
    tally.rows_total += checked.rows_total
    tally.rows_accepted += len(checked.accepted)
    tally.rows_rejected += checked.rows_rejected
    tally.rows_blank += checked.rows_blank
    tally.rows_duplicate += checked.rows_duplicate
    if len(checked.accepted):
        latest = checked.accepted["tgl_kepesertaan"].max()
        tally.latest_start = latest if tally.latest_start is None else max(tally.latest_start, latest)
        db.append_frame(con, "enrolment", "bulk_enrolment_rows", checked.accepted.assign(batch_id=batch_id))
    if len(checked.rejections):
        db.append_frame(con, "rejection", "bulk_rejection_rows", checked.rejections.assign(batch_id=batch_id))
        if tally.rejections_kept < MAX_REJECTIONS_KEPT:
            tally.rejections.append(checked.rejections)
            tally.rejections_kept += len(checked.rejections)


def _no_rejections() -> pd.DataFrame:
    columns = ["row_number", "field", "reason_code", "reason_id", "reason_en"]
    return pd.DataFrame(columns=columns).astype({"row_number": int})
