"""Sasaran versions: the estimate and official tables an admin uploads (named, dated, audited), one active.

An official table (CSV or XLSX) has one row per desa x sector: the desa by Kemendagri code (51.04.05.2002,
or its 10 digits) or by name (with the kecamatan when names repeat), the sector as a code of domain.SECTORS
or its name, and a whole number of workers. Validation is all or nothing, like an extract's: every row
with a problem is listed (row number as the spreadsheet shows it, column, reason) and nothing is stored.
A desa of the region with no row at all is a problem too; a desa's sector without a row counts 0.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd

from jamsostek import domain
from jamsostek.access import privacy
from jamsostek.geo import wilayah
from jamsostek.ingest.readers import sanitise_file_name
from jamsostek.store import db

MAX_BYTES = 5 * 1024 * 1024  # 716 desa x 8 sectors is ~200 KB as CSV
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 20_000
ESTIMATE = "estimate"
OFFICIAL = "official"
def _normal(text: str) -> str:
    """Comparable header or sector name: upper case, punctuation (. _ / -) as spaces, spaces collapsed."""
    return " ".join(re.sub(r"[\W_]+", " ", str(text).upper()).split())


COLUMNS = {  # field -> headers accepted (compared after _normal)
    "kode_desa": ("KODE DESA", "KODE_DESA", "KODE WILAYAH", "KODE"),
    "desa": ("DESA", "DESA/KELURAHAN", "NAMA DESA", "KELURAHAN"),
    "kecamatan": ("KECAMATAN",),
    "sektor": ("SEKTOR", "SECTOR"),
    "sasaran_workers": ("SASARAN", "SASARAN_WORKERS", "JUMLAH", "JUMLAH PEKERJA", "WORKERS"),
}
REASONS = {  # code -> (Indonesian, English)
    "file_type": ("Jenis berkas tidak didukung: simpan sebagai .csv atau .xlsx.",
                  "Unsupported file: save as .csv or .xlsx."),
    "file_size": ("Berkas terlalu besar (batas 5 MB).", "File too large (limit 5 MB)."),
    "file_unreadable": ("Berkas tidak dapat dibaca sebagai CSV/XLSX.", "The file cannot be read as CSV/XLSX."),
    "too_many_rows": ("Terlalu banyak baris (batas 20.000).", "Too many rows (limit 20,000)."),
    "column_missing": ("Kolom tidak ada: {name}. Perlu KODE DESA atau DESA, SEKTOR, dan SASARAN.",
                       "Column missing: {name}. Needed: KODE DESA or DESA, SEKTOR and SASARAN."),
    "desa_code_unknown": ("Kode desa '{value}' bukan desa wilayah ini.",
                          "Desa code '{value}' is not a desa of this region."),
    "desa_unknown": ("Desa '{value}' tidak dikenal (periksa ejaan atau isi KECAMATAN).",
                     "Desa '{value}' is not known (check the spelling or fill in KECAMATAN)."),
    "sector_unknown": ("Sektor '{value}' tidak dikenal; pakai: {allowed}.",
                       "Sector '{value}' is not known; use: {allowed}."),
    "count_invalid": ("Jumlah '{value}' bukan bilangan bulat ≥ 0.", "Count '{value}' is not a whole number ≥ 0."),
    "duplicate": ("Desa dan sektor yang sama sudah ada di baris {first}.",
                  "The same desa and sector are already in row {first}."),
    "desa_missing": ("{count} desa tanpa baris: {names}.", "{count} desa without a row: {names}."),
}


PROBLEM_COLUMNS = ["row_number", "column", "value", "reason_id", "reason_en"]


@dataclass(frozen=True)
class Checked:
    """The cells of a valid table, or the problems of an invalid one (row, column, reason in id and en)."""

    cells: pd.DataFrame  # kode_desa, sektor, sasaran_workers: every desa x sector of the region
    problems: pd.DataFrame  # row_number, column, value, reason_id, reason_en

    @property
    def ok(self) -> bool:
        """True when the table can be stored."""
        return self.problems.empty


def _problem(row: int | None, column: str, value: str, code: str, **values) -> dict:
    texts = [text.format(value=value, **values) for text in REASONS[code]]
    return dict(zip(PROBLEM_COLUMNS, (row, column, value, *texts)))


def read_table(data: bytes, file_name: str) -> tuple[pd.DataFrame, list[dict]]:
    """Text cells of a CSV/XLSX table (headers as in the file), or the problem that stops reading it."""
    ext = Path(sanitise_file_name(file_name)).suffix.lower()
    if len(data) > MAX_BYTES:
        return pd.DataFrame(), [_problem(None, "", "", "file_size")]
    try:
        if ext in (".csv", ".txt"):
            rows = _csv_rows(data)
        elif ext == ".xlsx":
            rows = _xlsx_rows(data)
        else:
            return pd.DataFrame(), [_problem(None, "", ext, "file_type")]
    except (ValueError, KeyError, zipfile.BadZipFile, csv.Error, UnicodeDecodeError, OSError):
        return pd.DataFrame(), [_problem(None, "", "", "file_unreadable")]
    if len(rows) > MAX_ROWS + 1:
        return pd.DataFrame(), [_problem(None, "", "", "too_many_rows")]
    if not rows:
        return pd.DataFrame(), [_problem(None, "", "", "file_unreadable")]
    header, body = [str(h).strip() for h in rows[0]], rows[1:]
    width = len(header)
    body = [(list(r) + [""] * width)[:width] for r in body]
    frame = pd.DataFrame(body, columns=header, dtype=str)
    frame.insert(0, "_row", range(2, len(body) + 2))
    return frame, []


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    separator = max((";", ",", "\t"), key=text.split("\n", 1)[0].count)
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    return [[c.strip() for c in r] for r in rows if any(c.strip() for c in r)]


def _xlsx_rows(data: bytes) -> list[list[str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # refuse a zip bomb before openpyxl unpacks it
        if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ValueError("unpacked too large")
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        rows = []
        for values in book.worksheets[0].iter_rows(values_only=True):
            cells = ["" if v is None else str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()
                     for v in values]
            if any(cells):
                rows.append(cells)
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        book.close()


def _columns(frame: pd.DataFrame) -> dict[str, str]:
    by_header = {_normal(h): h for h in frame.columns if h != "_row"}
    found = {}
    for field, names in COLUMNS.items():
        for name in names:
            if _normal(name) in by_header:
                found[field] = by_header[_normal(name)]
                break
    return found


def _sector_names() -> dict[str, str]:
    names = {_normal(code): code for code in domain.SECTORS}
    names |= {_normal(label[lang]): code for code, label in domain.SECTORS.items() for lang in ("id", "en")}
    return names


def _count(text: str) -> int | None:
    cleaned = text.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):  # 1.234 as Indonesian thousands
        cleaned = cleaned.replace(".", "")
    return int(cleaned) if re.fullmatch(r"\d+", cleaned) else None


def _desa_code(text: str, known: set[str]) -> str | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 10:
        code = f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
        return code if code in known else None
    return text.strip() if text.strip() in known else None


def check_table(frame: pd.DataFrame, region: str | None = None) -> Checked:
    """Validate a read table against the region's desa and the sectors (see the module docstring)."""
    empty = pd.DataFrame(columns=["kode_desa", "sektor", "sasaran_workers"])
    columns = _columns(frame)
    missing = [f for f in ("sektor", "sasaran_workers") if f not in columns]
    if "kode_desa" not in columns and "desa" not in columns:
        missing.insert(0, "kode_desa")
    if missing:
        problems = [_problem(None, COLUMNS[f][0], "", "column_missing", name=COLUMNS[f][0]) for f in missing]
        return Checked(empty, pd.DataFrame(problems, columns=PROBLEM_COLUMNS))
    desa = wilayah.load_wilayah(region)
    known = set(desa["kode_desa"])
    matcher, sectors = wilayah.DesaMatcher(region), _sector_names()
    allowed = ", ".join(domain.SECTORS)
    rows, problems, seen = [], [], {}
    for record in frame.to_dict("records"):
        row = int(record["_row"])
        if "kode_desa" in columns and record[columns["kode_desa"]].strip():
            value = record[columns["kode_desa"]]
            code = _desa_code(value, known)
            if code is None:
                problems.append(_problem(row, columns["kode_desa"], value, "desa_code_unknown"))
        else:
            value = record.get(columns.get("desa", ""), "")
            code = matcher.match(value, record.get(columns.get("kecamatan", ""), "")).kode_desa
            if code is None:
                problems.append(_problem(row, columns.get("desa", COLUMNS["desa"][0]), value, "desa_unknown"))
        sector_text = record[columns["sektor"]]
        sector = sectors.get(_normal(sector_text))
        if sector is None:
            problems.append(_problem(row, columns["sektor"], sector_text, "sector_unknown", allowed=allowed))
        count_text = record[columns["sasaran_workers"]]
        count = _count(count_text)
        if count is None:
            problems.append(_problem(row, columns["sasaran_workers"], count_text, "count_invalid"))
        if code and sector:
            if (code, sector) in seen:
                problems.append(_problem(row, columns["sektor"], sector_text, "duplicate", first=seen[(code, sector)]))
            seen.setdefault((code, sector), row)
        if code and sector and count is not None:
            rows.append((code, sector, count))
    named = {c for c, _ in seen}
    absent = desa[~desa["kode_desa"].isin(named)]
    if len(absent) and not problems:
        names = ", ".join(absent["desa"].head(10)) + (" …" if len(absent) > 10 else "")
        problems.append(_problem(None, "", "", "desa_missing", count=len(absent), names=names))
    if problems:
        return Checked(empty, pd.DataFrame(problems, columns=PROBLEM_COLUMNS))
    grid = desa[["kode_desa"]].merge(pd.DataFrame({"sektor": list(domain.SECTORS)}), how="cross")
    given = pd.DataFrame(rows, columns=["kode_desa", "sektor", "sasaran_workers"])
    cells = grid.merge(given, on=["kode_desa", "sektor"], how="left").fillna({"sasaran_workers": 0})
    return Checked(cells.astype({"sasaran_workers": "int64"}), pd.DataFrame(columns=PROBLEM_COLUMNS))


def add_version(con: db.Connection, cells: pd.DataFrame, name: str, kind: str, data_date: date | None,
                actor: str, source_file: str | None = None, activate: bool = False) -> int:
    """Store cells as a new named, dated version (audited); optionally make it the active one. Returns its id."""
    if not name.strip():
        raise ValueError("a sasaran version needs a name")
    with db.transaction(con):
        version_id = _insert(con, cells, name.strip(), kind, data_date, actor, source_file)
        if kind == OFFICIAL:
            total = int(cells["sasaran_workers"].sum())
            privacy.record_audit(con, actor, privacy.SASARAN_UPLOAD,
                                 f"version {version_id}: {name.strip()} ({source_file}), {total} workers")
        if activate:
            _activate(con, version_id, actor)
    return version_id


def _insert(con, cells, name, kind, data_date, actor, source_file) -> int:
    db.stage(con, "staged_version_cells", cells)
    db.execute(con, "sasaran_version_insert", version_name=name, kind=kind, data_date=data_date, actor=actor,
               source_file=source_file)
    return int(db.fetch_value(con, "sasaran_version_last"))


def _activate(con: db.Connection, version_id: int, actor: str) -> None:
    db.execute(con, "sasaran_activate", version_id=version_id)
    db.execute(con, "data_version_bump")
    privacy.record_audit(con, actor, privacy.SASARAN_ACTIVATE, f"version {version_id}")


def activate(con: db.Connection, version_id: int, actor: str) -> None:
    """Make a stored version the active sasaran (every page and document then uses it), audited."""
    if version_id not in set(versions(con)["version_id"]):
        raise ValueError(f"no sasaran version {version_id}")
    with db.transaction(con):
        _activate(con, version_id, actor)


def versions(con: db.Connection) -> pd.DataFrame:
    """Every stored version, newest first (queries/sasaran_versions.sql)."""
    return db.run_query(con, "sasaran_versions")


def load_estimate(con: db.Connection, cells: pd.DataFrame) -> None:
    """Inside a reference load: store the estimate as a version and make it active (the store is new)."""
    _insert(con, cells, ESTIMATE_NAME, ESTIMATE, None, "system", None)
    db.execute(con, "sasaran_activate", version_id=int(db.fetch_value(con, "sasaran_version_last")))


ESTIMATE_NAME = "Estimasi statistik publik"
