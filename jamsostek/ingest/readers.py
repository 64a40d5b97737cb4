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

from jamsostek.domain import EXTRACT_COLUMNS, REQUIRED_FIELDS

MB = 1024 * 1024
HEADER_SEARCH_ROWS = 10  # the header may sit below a title such as "DATA PESERTA BPU GIANYAR"
SEPARATORS = (",", ";", "\t")
MAX_FILE_NAME = 120
RATIO_CHECK_MIN_BYTES = 1 * MB  # tiny XML parts can compress absurdly well without harm
CSV_EXTENSIONS, XLSX_EXTENSIONS = {".csv", ".txt", ".tsv"}, {".xlsx"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls, and also any password-protected .xlsx
SIGNATURES = {b"%PDF": "PDF", b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"PK\x03\x04": "ZIP/XLSX"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Reason code -> (Indonesian, English): what is wrong and what the officer can do.
_SAVE = ("Buka di Excel lalu simpan sebagai .xlsx atau .csv.", "Open it in Excel and save it as .xlsx or .csv.")
_SPLIT = ("Pisahkan berkas per kecamatan.", "Split the file by kecamatan.")
MESSAGES: dict[str, tuple[str, str]] = {
    "too_large": ("Berkas terlalu besar: {size}, batas {limit}. " + _SPLIT[0],
                  "File too large: {size}, limit {limit}. " + _SPLIT[1]),
    "empty": ("Berkas {name} kosong. Ekspor ulang data peserta.", "File {name} is empty. Export the data again."),
    "unsupported_type": ("Jenis berkas '{ext}' tidak didukung. " + _SAVE[0],
                         "File type '{ext}' is not supported. " + _SAVE[1]),
    "old_excel": ("Berkas ini format Excel lama (.xls) atau Excel berkunci kata sandi. Buka di Excel, hapus "
                  "kata sandinya bila ada, lalu simpan sebagai .xlsx atau .csv.",
                  "This is an old Excel file (.xls) or a password-protected workbook. Open it in Excel, remove "
                  "any password, and save it as .xlsx or .csv."),
    "invalid_file": ("Isi berkas bukan berkas CSV/XLSX yang valid{detail}. " + _SAVE[0],
                     "The content is not a valid CSV/XLSX file{detail}. " + _SAVE[1]),
    "zip_bomb": ("Isi XLSX terlalu besar setelah dibuka ({size}, rasio {ratio}x; batas {limit}, {max_ratio}x). "
                 "Simpan data peserta saja sebagai .csv atau pisahkan per kecamatan.",
                 "XLSX content too large once unpacked ({size}, ratio {ratio}x; limits {limit}, {max_ratio}x). "
                 "Save only the participant data as .csv or split it by kecamatan."),
    "too_many_sheets": ("Berkas berisi {count} lembar (sheet), batas {limit}. Simpan lembar data peserta saja "
                        "ke berkas baru.", "The workbook has {count} sheets, limit {limit}. Save only the "
                        "participant sheet to a new file."),
    "too_many_columns": ("Terlalu banyak kolom: {count}, batas {limit}. Hapus kolom yang tidak diperlukan.",
                         "Too many columns: {count}, limit {limit}. Delete the columns not needed."),
    "too_many_rows": ("Terlalu banyak baris: lebih dari {limit}. " + _SPLIT[0],
                      "Too many rows: more than {limit}. " + _SPLIT[1]),
    "missing_columns": ("Kolom wajib tidak ditemukan: {missing}. Judul kolom yang ada: {found}. Ganti judul "
                        "kolom sesuai templat atau pilih pemetaan kolom secara manual.",
                        "Required columns not found: {missing}. Headers found: {found}. Rename the headers "
                        "as in the template or map the columns manually."),
    "duplicate_column": ("Kolom '{first}' dan '{second}' sama-sama berarti {field}. Hapus atau ganti nama salah "
                         "satunya, atau pilih pemetaan kolom secara manual.",
                         "Columns '{first}' and '{second}' both mean {field}. Delete or rename one of them, "
                         "or map the columns manually."),
    "ragged_rows": ("Baris {rows} berisi lebih banyak sel daripada judul kolom ({width}). Periksa tanda pemisah "
                    "dan tanda kutip di baris tersebut.", "Rows {rows} have more cells than the header "
                    "({width}). Check the separators and quotes in those rows."),
    "no_data": ("Berkas hanya berisi judul kolom, tanpa data peserta. Ekspor ulang datanya.",
                "The file holds only a header, no participant rows. Export the data again."),
}

# Header variants seen in exports, besides the canonical names in domain.EXTRACT_COLUMNS.
HEADER_VARIANTS: dict[str, tuple[str, ...]] = {
    "nik": ("NO NIK", "NIK KTP", "NOMOR NIK", "NO KTP", "NOMOR INDUK KEPENDUDUKAN"),
    "nama": ("NAMA PESERTA", "NAMA LENGKAP", "NAMA TENAGA KERJA"),
    "no_kpj": ("NO. KPJ", "NOMOR KPJ", "KPJ", "NO KARTU"),
    "tgl_lahir": ("TANGGAL LAHIR",),
    "jenis_kelamin": ("JK", "L/P", "JENIS KELAMIN (L/P)"),
    "pekerjaan": ("PEKERJAAN", "SEKTOR", "JENIS PEKERJAAN/SEKTOR"),
    "desa": ("DESA", "KELURAHAN", "DESA KELURAHAN", "KELURAHAN/DESA"),
    "kecamatan": ("KEC",),
    "program": ("PROGRAM KEPESERTAAN", "PROGRAM BPJS"),
    "tgl_kepesertaan": ("TANGGAL KEPESERTAAN", "TGL DAFTAR", "TANGGAL DAFTAR", "TMT"),
    "tgl_akhir": ("TGL AKHIR IURAN", "TANGGAL AKHIR", "IURAN S/D", "BAYAR SAMPAI"),
    "status": ("STATUS KEPESERTAAN",),
    "sumber_iuran": ("SUMBER DANA", "PEMBAYAR"),
    "penghasilan": ("UPAH",),
}
FIELDS = set(EXTRACT_COLUMNS.values())
CANONICAL = {f: h for h, f in EXTRACT_COLUMNS.items()}  # field -> header shown in messages


def normalise_header(text: str) -> str:
    """Comparable header: upper case, punctuation (. _ / -) as spaces, spaces collapsed."""
    return " ".join(re.sub(r"[\W_]+", " ", text.upper()).split())


_ALIASES = {normalise_header(h): f for h, f in EXTRACT_COLUMNS.items()}
_ALIASES |= {normalise_header(f): f for f in FIELDS}  # our own exports use field names
_ALIASES |= {normalise_header(v): f for f, vs in HEADER_VARIANTS.items() for v in vs}


@dataclass(frozen=True)
class Limits:
    """Ceilings for one upload; issue 7 (streaming big files) will pass other values."""

    max_bytes: int = 50 * MB  # raw upload size, checked before any parsing
    max_rows: int = 100_000  # data rows, counted while reading: reading stops at the first extra row
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


def _size(n: int) -> str:
    unit, scale = ("MB", MB) if n >= MB else ("KB", 1024) if n >= 1024 else ("byte", 1)
    return f"{-(-n // scale)} {unit}"  # rounded up: a file just over the limit never reads "50 MB, batas 50 MB"


def _show(value: object, lang: int) -> object:
    if isinstance(value, tuple):  # (Indonesian, English)
        return value[lang]
    if isinstance(value, int):
        return f"{value:,}".replace(",", "." if lang == 0 else ",")  # 100.000 / 100,000
    return value


def _error(code: str, headers: list[str] | None = None, **values: object) -> ExtractError:
    """ExtractError with both texts of MESSAGES[code] filled in."""
    texts = [t.format(**{k: _show(v, lang) for k, v in values.items()}) for lang, t in enumerate(MESSAGES[code])]
    return ExtractError(code, *texts, headers=tuple(headers or ()))


def _invalid(detail: tuple[str, str] = ("", "")) -> ExtractError:
    return _error("invalid_file", detail=detail)


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
    _check_size(path.stat().st_size, limits)
    return read_extract(path.read_bytes(), path.name, limits, header_override)


def read_extract(data: bytes, file_name: str, limits: Limits = Limits(),
                 header_override: dict[str, str] | None = None) -> RawExtract:
    """Read CSV or XLSX bytes into text cells; raises ExtractError with advice for the officer."""
    name = sanitise_file_name(file_name)
    _check_size(len(data), limits)
    if not data.strip():
        raise _error("empty", name=name)
    ext = Path(name).suffix.lower()
    if ext == ".xls" or data.startswith(OLE_MAGIC):
        raise _error("old_excel")
    if ext in CSV_EXTENSIONS:
        result = _read_csv(data, limits, header_override)
    elif ext in XLSX_EXTENSIONS:
        result = _read_xlsx(data, limits, header_override)
    else:
        raise _error("unsupported_type", ext=ext or name)
    result.file_name, result.sha256 = name, hashlib.sha256(data).hexdigest()
    return result


def _check_size(n: int, limits: Limits) -> None:
    if n > limits.max_bytes:
        raise _error("too_large", size=_size(n), limit=_size(limits.max_bytes))


def _decode(data: bytes) -> tuple[str, str]:
    for magic, kind in SIGNATURES.items():
        if data.startswith(magic):
            raise _invalid((f" (isinya {kind})", f" (it holds {kind})"))
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
            raise _invalid()
    sample = text[:65536]
    if "\x00" in text or len(_CONTROL.findall(sample)) > len(sample) / 100:
        raise _invalid()
    return text, encoding


def _read_csv(data: bytes, limits: Limits, override: dict[str, str] | None) -> RawExtract:
    text, encoding = _decode(data)
    lines = text[:65536].splitlines()[:HEADER_SEARCH_ROWS]
    # The separator splits the header (or a title line above it) into the most cells, quotes respected.
    sep = max(SEPARATORS, key=lambda s: max((len(cells) for cells in csv.reader(lines, delimiter=s)), default=0))

    def records() -> Iterator[list[str]]:
        # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
        try:
            for record in reader:
                yield [cell.strip() for cell in record]
        except csv.Error as exc:  # e.g. an unclosed quote swallowing the rest of the file
            n = reader.line_num
            raise _invalid((f" (baris {n} tidak terbaca: periksa tanda kutip)",
                            f" (line {n} unreadable: check the quotes)")) from exc

    return _build(records(), limits, override, encoding=encoding, separator=sep)


def _check_zip(data: bytes, limits: Limits) -> None:
    # The directory's sizes can be trusted: zipfile never inflates an entry past its declared size
    # (it fails the CRC check instead), so checking them here bounds what openpyxl can inflate.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise _invalid() from exc
    if "[Content_Types].xml" not in {i.filename for i in infos}:
        raise _invalid()
    total = sum(i.file_size for i in infos)
    ratio = max((i.file_size // max(i.compress_size, 1) for i in infos if i.file_size > RATIO_CHECK_MIN_BYTES),
                default=0)
    if total > limits.max_xlsx_uncompressed_bytes or ratio > limits.max_compression_ratio:
        raise _error("zip_bomb", size=_size(total), ratio=ratio, limit=_size(limits.max_xlsx_uncompressed_bytes),
                     max_ratio=limits.max_compression_ratio)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows them
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a NIK stored as a number keeps the digits Excel holds, without ".0"
    if isinstance(value, (datetime, date)):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


def _read_xlsx(data: bytes, limits: Limits, override: dict[str, str] | None) -> RawExtract:
    _check_zip(data, limits)
    try:
        # data_only: cached values only, formulas are never evaluated; read_only: rows are streamed.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # any parser failure on untrusted bytes means "not a valid workbook"
        raise _invalid() from exc
    try:
        if len(book.sheetnames) > limits.max_sheets:
            raise _error("too_many_sheets", count=len(book.sheetnames), limit=limits.max_sheets)

        def rows(ws) -> Iterator[list[str]]:
            for row in ws.iter_rows(values_only=True, max_col=limits.max_columns + 1):
                yield [_cell_text(v) for v in row]

        def score(ws) -> int:
            return max((_score(r, override) for r in itertools.islice(rows(ws), HEADER_SEARCH_ROWS)), default=0)

        if not book.worksheets:
            raise _invalid()
        sheet = max(book.worksheets, key=score)  # first sheet with the most recognised headers
        return _build(rows(sheet), limits, override, sheet=sheet.title)
    except ExtractError:
        raise
    except Exception as exc:  # rows are parsed lazily: malformed XML surfaces here
        raise _invalid() from exc
    finally:
        book.close()


def _field(header: str, override: dict[str, str]) -> str | None:
    if header in override:
        return override[header] or None  # "" means: ignore this column
    found = _ALIASES.get(normalise_header(header))
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
            raise _error("duplicate_column", header, first=first, second=name, field=CANONICAL[found])
        if found:
            mapped[name] = found
    return mapped, [h for h in header if h not in mapped]


def _header_names(cells: list[str], limits: Limits) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]  # Excel exports often end each line with empty cells
    if len(cells) > limits.max_columns:
        raise _error("too_many_columns", count=len(cells), limit=limits.max_columns)
    names: list[str] = []
    for i, cell in enumerate(cells, start=1):
        base = name = cell or f"KOLOM {i}"
        for k in itertools.count(2):  # repeated headers get " (2)", " (3)"; `_row` is ours
            if name not in names and name != "_row":
                break
            name = f"{base} ({k})"
        names.append(name)
    return names


def _build(records: Iterable[list[str]], limits: Limits, override: dict[str, str] | None,
           **source: str | None) -> RawExtract:
    """Find the header, map it, then collect data rows with their spreadsheet row numbers."""
    records = iter(records)
    head = list(itertools.islice(records, HEADER_SEARCH_ROWS))
    scores = [_score(r, override) for r in head]
    if max(scores, default=0) >= 2:  # one recognised cell is no header: a data row may hold the word "DESA"
        at = scores.index(max(scores))
    else:
        at = next((i for i, r in enumerate(head) if any(r)), 0)
    header = _header_names(head[at] if head else [], limits)
    header_map, unmapped = map_headers(header, override)
    if missing := [CANONICAL[f] for f in REQUIRED_FIELDS if f not in header_map.values()]:
        # Digit runs masked: with no header row, the "headers" found are a participant's NIK and KPJ.
        found = ", ".join(re.sub(r"\d{6,}", "…", h)[:40] for h in header[:20]) or "-"
        raise _error("missing_columns", header, missing=", ".join(missing), found=found)
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
            raise _error("too_many_rows", limit=limits.max_rows)
        rows += [[n, *[""] * width] for n in range(blank_from, number)] + [[number, *cells]]
        blank_from = None
    if ragged:
        raise _error("ragged_rows", rows=", ".join(map(str, ragged[:5])) + (" ..." if len(ragged) > 5 else ""),
                     width=width)
    if not rows:
        raise _error("no_data")
    columns = list(zip(*rows))
    frame = pd.DataFrame({name: pd.Series(col, dtype="str") for name, col in zip(header, columns[1:])})
    frame.insert(0, "_row", pd.Series(columns[0], dtype="int64"))
    return RawExtract(frame, "", "", header_map=header_map, unmapped=unmapped, first_data_row=at + 2, **source)
