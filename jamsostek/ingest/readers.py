"""Read an uploaded BPJS Ketenagakerjaan extract (CSV or XLSX) safely into text cells plus a header map.

Every cell stays text exactly as in the file (stripped, empty -> ""): types are the validator's job.
Untrusted input: sizes are checked before parsing, rows are counted while reading, zip bombs are
refused before openpyxl opens the workbook, and formulas are never evaluated.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd

from jamsostek import settings
from jamsostek.domain import REQUIRED_FIELDS
from jamsostek.i18n import LANGS, fmt_int, t
from jamsostek.ingest import headers
from jamsostek.ingest.cells import ROUNDED_MARK

MB = 1024 * 1024
HEAD_CHARS = 65536  # the header and its separator are looked for in the first 64 KB
HEADER_SEARCH_ROWS = 10  # the header may sit below a title such as "DATA PESERTA BPU GIANYAR"
SEPARATORS = (",", ";", "\t")
MAX_FILE_NAME = 120
ROUNDING_FROM = 1e15  # numbers of 16 digits and more: beyond what Excel stores exactly
RATIO_CHECK_MIN_BYTES = 1 * MB  # tiny XML parts can compress absurdly well without harm
CSV_EXTENSIONS, XLSX_EXTENSIONS = {".csv", ".txt", ".tsv"}, {".xlsx"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls, and also any password-protected .xlsx
SIGNATURES = {b"%PDF": "PDF", b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"PK\x03\x04": "ZIP/XLSX"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

FIELDS, CANONICAL = headers.FIELDS, headers.CANONICAL


@dataclass(frozen=True)
class Limits:
    """Ceilings for one extract, browser and command line alike (settings.EXTRACT_MAX_*); bulk.py passes others."""

    max_bytes: int = settings.EXTRACT_MAX_MB * MB  # raw file size, checked before any parsing
    max_rows: int = settings.EXTRACT_MAX_ROWS  # data rows, counted while reading: reading stops at the first extra
    max_sheets: int = 5  # XLSX sheets (a participant export has one or two)
    max_xlsx_uncompressed_bytes: int = 200 * MB  # sum of the zip directory's uncompressed sizes
    max_compression_ratio: int = 100  # per zip entry; sheets measured 10-25x, bombs ~1000x (Apache POI uses 100)
    max_columns: int = 60  # header cells after trailing blanks are dropped


class ExtractError(Exception):
    """A file that cannot be read, with what to do about it in Indonesian (str) and English.

    `headers`: for column problems, the header names as read_extract sees them, i.e. the keys a manual
    mapping (header_override) must use. Without a header row they are a participant's cells: mask them.
    """

    def __init__(self, code: str, message_id: str, message_en: str, headers: tuple[str, ...] = ()):
        super().__init__(code, message_id, message_en, headers)  # all in args: the error survives pickling
        self.code, self.message_id, self.message_en, self.headers = code, message_id, message_en, headers

    def __str__(self) -> str:
        return self.message_id


@dataclass
class RawExtract:
    """Text cells of one extract (original headers plus `_row`) and how its headers map to fields."""

    rows: pd.DataFrame
    file_name: str
    sha256: str
    encoding: str | None = None
    separator: str | None = None
    sheet: str | None = None
    header_map: dict[str, str] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    first_data_row: int = 2

    def fields(self) -> pd.DataFrame:
        """The rows with mapped columns named by their field (what validate.Validator takes)."""
        return self.rows.rename(columns=self.header_map)


def size_text(n: int) -> str:
    """A size as an officer reads it, rounded up: 51 MB, 12 KB."""
    unit, scale = ("MB", MB) if n >= MB else ("KB", 1024) if n >= 1024 else ("byte", 1)
    return f"{-(-n // scale)} {unit}"  # rounded up: a file just over the limit never reads "50 MB, batas 50 MB"


def both(key: str, **values: object) -> tuple[str, str]:
    """A catalogue label in (Indonesian, English), for a value that itself is text in two languages."""
    return tuple(t(key, lang, **values) for lang in LANGS)


def _show(value: object, lang: int) -> object:
    if isinstance(value, tuple):  # (Indonesian, English)
        return value[lang]
    if isinstance(value, int):
        return fmt_int(value, LANGS[lang])  # 100.000 / 100,000
    return value


def extract_error(code: str, headers: list[str] | None = None, **values: object) -> ExtractError:
    """ExtractError with both texts of the catalogue's `ingest.file.<code>` filled in."""
    texts = [t(f"ingest.file.{code}", lang, **{k: _show(v, i) for k, v in values.items()})
             for i, lang in enumerate(LANGS)]
    return ExtractError(code, *texts, headers=tuple(headers or ()))


def invalid_file(line: int | None = None, holds: str | None = None) -> ExtractError:
    """'Not a valid CSV/XLSX file', saying which line to check or what the file holds instead when known."""
    detail = both("ingest.detail.line", line=line) if line else both("ingest.detail.holds", kind=holds) \
        if holds else ("", "")
    return extract_error("invalid_file", detail=detail)


def guess_separator(lines: list[str]) -> str:
    """The separator that splits the header (or a title line above it) into the most cells, quotes respected."""
    return max(SEPARATORS, key=lambda s: max((len(cells) for cells in csv.reader(lines, delimiter=s)), default=0))


def sanitise_file_name(name: str) -> str:
    """Base name safe to show and store: no folders, control/format characters, at most 120 chars."""
    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if not unicodedata.category(c).startswith("C"))  # incl. RTL override
    base = re.sub(r'[<>:"|?*]', "_", base).strip().lstrip(".") or "berkas"
    stem, dot, ext = base.rpartition(".")
    if not dot or len(ext) > 10:
        return base[:MAX_FILE_NAME]
    return stem[: MAX_FILE_NAME - len(ext) - 1] + "." + ext


def read_extract_path(path: Path | str, limits: Limits = Limits(),
                      header_override: dict[str, str] | None = None) -> RawExtract:
    """Read an extract from disk; refuses an oversized file before reading it."""
    path = Path(path)
    check_size(path.stat().st_size, limits)
    return read_extract(path.read_bytes(), path.name, limits, header_override)


def read_extract(data: bytes, file_name: str, limits: Limits = Limits(),
                 header_override: dict[str, str] | None = None,
                 required: tuple[str, ...] = REQUIRED_FIELDS) -> RawExtract:
    """Read CSV or XLSX bytes into text cells; raises ExtractError with advice for the officer.

    `required`: the fields the header must hold (an extract's by default; a candidate list needs fewer)."""
    name = sanitise_file_name(file_name)
    check_size(len(data), limits)
    if not data.strip():
        raise extract_error("empty", name=name)
    ext = Path(name).suffix.lower()
    if ext == ".xls" or data.startswith(OLE_MAGIC):
        raise extract_error("old_excel")
    if ext in CSV_EXTENSIONS:
        result = _read_csv(data, limits, header_override, required)
    elif ext in XLSX_EXTENSIONS:
        result = _read_xlsx(data, limits, header_override, required)
    else:
        raise extract_error("unsupported_type", ext=ext or name)
    result.file_name, result.sha256 = name, hashlib.sha256(data).hexdigest()
    return result


def check_size(n: int, limits: Limits) -> None:
    """Refuses a file larger than the limit, before anything is read."""
    if n > limits.max_bytes:
        raise extract_error("too_large", size=size_text(n), limit=size_text(limits.max_bytes))


def head_lines(text: str) -> list[str]:
    """The lines where a header may be: the first HEADER_SEARCH_ROWS lines of the first 64 KB."""
    return text[:HEAD_CHARS].splitlines()[:HEADER_SEARCH_ROWS]


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of CSV bytes: UTF-8 (with or without BOM), UTF-16 or Windows-1252; refuses binaries."""
    for magic, kind in SIGNATURES.items():
        if data.startswith(magic):
            raise invalid_file(holds=kind)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        first = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        for encoding in (first, "cp1252"):  # cp1252: what Indonesian-locale Excel writes as "CSV"
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise invalid_file()
    sample = text[:65536]
    if "\x00" in text or len(_CONTROL.findall(sample)) > len(sample) / 100:
        raise invalid_file()
    return text, encoding


def _read_csv(data: bytes, limits: Limits, override: dict[str, str] | None,
              required: tuple[str, ...] = REQUIRED_FIELDS) -> RawExtract:
    text, encoding = decode(data)
    sep = guess_separator(head_lines(text))

    def records() -> Iterator[list[str]]:
        # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
        try:
            for record in reader:
                yield [cell.strip() for cell in record]
        except csv.Error as exc:  # e.g. an unclosed quote swallowing the rest of the file
            raise invalid_file(line=reader.line_num) from exc

    return build(records(), limits, override, required, encoding=encoding, separator=sep)


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuses a zip that is no workbook, or one that would inflate past the limits (a zip bomb)."""
    # The directory's sizes can be trusted: zipfile never inflates an entry past its declared size
    # (it fails the CRC check instead), so checking them here bounds what openpyxl can inflate.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise invalid_file() from exc
    if "[Content_Types].xml" not in {i.filename for i in infos}:
        raise invalid_file()
    total = sum(i.file_size for i in infos)
    ratio = max((i.file_size // max(i.compress_size, 1) for i in infos if i.file_size > RATIO_CHECK_MIN_BYTES),
                default=0)
    if total > limits.max_xlsx_uncompressed_bytes or ratio > limits.max_compression_ratio:
        raise extract_error("zip_bomb", size=size_text(total), ratio=ratio,
                            limit=size_text(limits.max_xlsx_uncompressed_bytes), max_ratio=limits.max_compression_ratio)


def cell_text(value: object) -> str:
    """An XLSX cell as the text Excel shows; a long number that may have been rounded gets ROUNDED_MARK."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows them
    if isinstance(value, (int, float)) and abs(value) >= ROUNDING_FROM and (isinstance(value, float) or
                                                                           value % 10 == 0):
        # Excel keeps 15 significant digits: a 16-digit NIK typed as a number has lost its last digit (it
        # reads 0, or E notation gives a float), and what is left cannot tell. Sixteen significant digits
        # in a whole number were written by a program and are exact.
        return ROUNDED_MARK + f"{value:.0f}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number without ".0", as Excel shows it
    if isinstance(value, (datetime, date)):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


def _read_xlsx(data: bytes, limits: Limits, override: dict[str, str] | None,
               required: tuple[str, ...] = REQUIRED_FIELDS) -> RawExtract:
    check_zip(data, limits)
    try:
        # data_only: cached values only, formulas are never evaluated; read_only: rows are streamed.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # any parser failure on untrusted bytes means "not a valid workbook"
        raise invalid_file() from exc
    try:
        if len(book.sheetnames) > limits.max_sheets:
            raise extract_error("too_many_sheets", count=len(book.sheetnames), limit=limits.max_sheets)

        def rows(ws) -> Iterator[list[str]]:
            for row in ws.iter_rows(values_only=True, max_col=limits.max_columns + 1):
                yield [cell_text(v) for v in row]

        def score(ws) -> int:
            return max((_score(r, override) for r in itertools.islice(rows(ws), HEADER_SEARCH_ROWS)), default=0)

        if not book.worksheets:
            raise invalid_file()
        sheet = max(book.worksheets, key=score)  # first sheet with the most recognised headers
        return build(rows(sheet), limits, override, required, sheet=sheet.title)
    except ExtractError:
        raise
    except Exception as exc:  # rows are parsed lazily: malformed XML surfaces here
        raise invalid_file() from exc
    finally:
        book.close()


def _field(header: str, override: dict[str, str]) -> str | None:
    if header in override:
        return override[header] or None  # "" means: ignore this column
    found = headers.field_for(header)
    return None if found in override.values() else found  # a manual choice beats a guess


def _score(cells: list[str], override: dict[str, str] | None) -> int:
    return len({f for c in cells if c and (f := _field(c, override or {}))})


def map_headers(header: list[str], override: dict[str, str] | None = None) -> tuple[dict[str, str], list[str]]:
    """Header -> field for recognised headers (override wins), and the unrecognised headers."""
    override = {k.strip(): v for k, v in (override or {}).items()}
    if unknown := {v for v in override.values() if v} - FIELDS:
        raise ValueError(f"header_override names unknown fields: {sorted(unknown)}")
    mapped: dict[str, str] = {}
    for name in header:
        if (found := _field(name, override)) in mapped.values():
            first = next(h for h, f in mapped.items() if f == found)
            raise extract_error("duplicate_column", header, first=first, second=name, field=CANONICAL[found])
        if found:
            mapped[name] = found
    return mapped, [h for h in header if h not in mapped]


def require_fields(header: list[str], header_map: dict[str, str],
                   required: tuple[str, ...] = REQUIRED_FIELDS) -> None:
    """Refuses a header without every required field, naming what is missing, what is not understood, the fix."""
    if missing := [CANONICAL[f] for f in required if f not in header_map.values()]:
        # Digit runs masked: with no header row, the "headers" found are a participant's NIK and KPJ.
        shown = [re.sub(r"\d{6,}", "…", h)[:40] for h in header]
        unknown = [s for h, s in zip(header, shown) if h not in header_map]
        columns = both("ingest.detail.unknown", unknown=", ".join(f"'{h}'" for h in unknown[:20])) if unknown \
            else both("ingest.detail.found", found=", ".join(shown[:20]) or "-")
        raise extract_error("missing_columns", header, missing=", ".join(missing), columns=columns,
                            example=unknown[0] if unknown else "KOLOM")


def header_names(cells: list[str], limits: Limits) -> list[str]:
    """Column names from a header row: trailing blanks dropped, blanks named KOLOM n, repeats numbered."""
    while cells and not cells[-1]:
        cells = cells[:-1]  # Excel exports often end each line with empty cells
    if len(cells) > limits.max_columns:
        raise extract_error("too_many_columns", count=len(cells), limit=limits.max_columns)
    names: list[str] = []
    for i, cell in enumerate(cells, start=1):
        base = name = cell or f"KOLOM {i}"
        for k in itertools.count(2):  # repeated headers get " (2)", " (3)"; `_row` is ours
            if name not in names and name != "_row":
                break
            name = f"{base} ({k})"
        names.append(name)
    return names


def build(records: Iterable[list[str]], limits: Limits, override: dict[str, str] | None,
          required: tuple[str, ...] = REQUIRED_FIELDS, **source: str | None) -> RawExtract:
    """Find the header, map it, then collect data rows with their spreadsheet row numbers."""
    records = iter(records)
    head = list(itertools.islice(records, HEADER_SEARCH_ROWS))
    scores = [_score(r, override) for r in head]
    if max(scores, default=0) >= 2:  # one recognised cell is no header: a data row may hold the word "DESA"
        at = scores.index(max(scores))
    else:
        at = next((i for i, r in enumerate(head) if any(r)), 0)
    header = header_names(head[at] if head else [], limits)
    header_map, unmapped = map_headers(header, override)
    require_fields(header, header_map, required)
    width, rows, ragged, blank_from = len(header), [], [], None
    for number, cells in enumerate(itertools.chain(head[at + 1:], records), start=at + 2):
        if len(cells) > width and any(cells[width:]):
            ragged.append(number)
        cells = (cells + [""] * width)[:width]
        if not any(cells):  # blank rows are kept only if data follows: trailing ones are noise
            blank_from = blank_from or number  # a run is held as its first number, not as rows
            continue
        blank_from = blank_from or number
        if len(rows) + number - blank_from >= limits.max_rows:  # stop: never read a huge file to refuse it
            raise extract_error("too_many_rows", limit=limits.max_rows)
        rows += [[n, *[""] * width] for n in range(blank_from, number)] + [[number, *cells]]
        blank_from = None
    if ragged:
        raise extract_error("ragged_rows", rows=", ".join(map(str, ragged[:5])) + (" ..." if len(ragged) > 5 else ""),
                     width=width)
    if not rows:
        raise extract_error("no_data")
    columns = list(zip(*rows))
    frame = pd.DataFrame({name: pd.Series(col, dtype="str") for name, col in zip(header, columns[1:])})
    frame.insert(0, "_row", pd.Series(columns[0], dtype="int64"))
    return RawExtract(frame, "", "", header_map=header_map, unmapped=unmapped, first_data_row=at + 2, **source)
