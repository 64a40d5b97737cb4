"""Downloads of the tables on screen: CSV (UTF-8 with BOM) and formatted, deterministic XLSX."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timezone
from decimal import Decimal
from numbers import Real
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

# Spreadsheets run cell text starting with these as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
INT_FORMAT = "#,##0"  # Excel shows the viewer's own separators: 1.136 in Indonesian Excel
DECIMAL_FORMAT = "#,##0.0"
PCT_FORMAT = "0.0"  # coverage is stored in points (65.6), the header carries the "%"
DATE_FORMAT = "d mmm yyyy"
DATETIME_FORMAT = "d mmm yyyy hh:mm"
MIN_WIDTH, MAX_WIDTH = 8, 50
MAX_ROWS, MAX_COLS, MAX_CELL_CHARS = 1_048_576, 16_384, 32_767
_PCT_COLUMN = re.compile(r"%|pct|persen", re.IGNORECASE)
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Stands in for "no time given": the earliest time a zip entry can carry. openpyxl cannot
# leave the document dates out, so a fixed placeholder keeps the bytes reproducible.
NO_TIME = datetime(1980, 1, 1)


def _is_number(value: object) -> bool:
    return isinstance(value, (Real, Decimal)) and not isinstance(value, bool)


def neutralise(value: object) -> object:
    """Text a spreadsheet would run as a formula, prefixed with ' so it stays text; else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV of `df` (no index), UTF-8 with BOM, comma-separated, formula-like text neutralised.

    The BOM makes Excel read the file as UTF-8 instead of the ANSI code page. The separator stays
    ',' (RFC 4180) because the CSV is the machine-readable download (pandas, DuckDB, Sheets, R):
    Indonesian-locale Excel expects ';' and reads '.' as thousands, so people who open tables in
    Excel get the XLSX download, whose numbers and dates do not depend on the viewer's locale.
    """
    safe = df.copy()
    for i in range(safe.shape[1]):
        column = safe.iloc[:, i]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)):
            safe.isetitem(i, column.astype(object).map(neutralise, na_action="ignore"))
    safe.columns = [neutralise(str(c)) for c in df.columns]
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def sheet_name(name: object, taken: set[str]) -> str:
    """Excel-safe, unique sheet name (<= 31 chars, none of []:*?/\\); records it in `taken`."""
    base = ILLEGAL_CHARACTERS_RE.sub("", _SHEET_FORBIDDEN.sub("_", str(name)))
    base = base[:31].strip().strip("'") or "Sheet"  # Excel rejects a leading/trailing apostrophe
    candidate, n = base, 1
    # Excel compares sheet names case-insensitively and reserves "History".
    while candidate.lower() in taken or candidate.lower() == "history":
        n += 1
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def to_xlsx_bytes(
    sheets: Mapping[str, pd.DataFrame],
    *,
    title: str | None = None,
    note: str | None = None,
    generated_at: datetime | None = None,
    number_formats: Mapping[str, str] | None = None,
) -> bytes:
    """Workbook with one sheet per table: optional title/note rows, frozen bold header, typed cells.

    Pass raw numbers and dates (not i18n-formatted strings) so cells stay numeric; the index is
    not written. `number_formats` maps a column name to an Excel format, overriding the defaults.
    The same input gives the same bytes: document and zip times are `generated_at` (or NO_TIME).
    """
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for name, df in sheets.items():
        ws = wb.create_sheet(sheet_name(name, taken))
        _write_sheet(ws, df, title, note, number_formats or {})
    when = _utc_naive(generated_at) or NO_TIME
    wb.properties.creator = "jamsostek"
    wb.properties.title = title
    wb.properties.created = wb.properties.modified = when
    out = io.BytesIO()
    ExcelWriter(wb, _FixedTimeZip(out, when)).save()  # not wb.save(): it stamps "modified" with now
    return out.getvalue()


def _write_sheet(ws, df: pd.DataFrame, title, note, overrides: Mapping[str, str]) -> None:
    row = 1
    for text, font in ((title, Font(bold=True, size=14)), (note, Font(italic=True))):
        if text:
            _put(ws.cell(row, 1), text, None).font = font
            row += 1
    header = row + 1 if row > 1 else row  # a blank row keeps Excel's sort/filter region off the title
    if header + len(df) > MAX_ROWS or df.shape[1] > MAX_COLS:
        raise ValueError(f"table of {df.shape} does not fit on one Excel sheet")
    widths = []
    for j, column in enumerate(df.columns, 1):
        _put(ws.cell(header, j), str(column), None).font = Font(bold=True)
        widths.append(len(str(column)))
    formats = [_number_format(df.iloc[:, j], str(c), overrides) for j, c in enumerate(df.columns)]
    for i, values in enumerate(df.itertuples(index=False, name=None), header + 1):
        for j, value in enumerate(values):
            cell = _put(ws.cell(i, j + 1), value, formats[j])
            widths[j] = max(widths[j], _display_len(cell.value))
    ws.freeze_panes = ws.cell(header + 1, 1)
    if df.shape[1]:
        last = get_column_letter(df.shape[1])
        ws.auto_filter.ref = f"A{header}:{last}{header + len(df)}"
    for j, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def _put(cell, value: object, number_format: str | None):
    value = _plain(value)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_CHARS]
        cell.value = neutralise(text)
        cell.data_type = "s"  # never a formula, whatever the text
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = DATE_FORMAT if value.time() == time(0) else DATETIME_FORMAT
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
        elif _is_number(value) and number_format:
            cell.number_format = number_format
    return cell


def _plain(value: object) -> object:
    """A value openpyxl writes natively: None, str, bool, int, float, Decimal, date or datetime."""
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, float) and not np.isfinite(value):
        return None  # NaN and ±inf would make invalid XML numbers
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # Excel has no time zones: keep the local wall time
    if isinstance(value, (str, bool, int, float, Decimal, date)):
        return value
    return str(value)


def _number_format(column: pd.Series, name: str, overrides: Mapping[str, str]) -> str:
    if name in overrides:
        return overrides[name]
    if _PCT_COLUMN.search(name):
        return PCT_FORMAT
    # DuckDB sums arrive as floats: whole-valued columns are counts and get no decimals.
    numbers = [v for v in column.dropna() if _is_number(v)]
    whole = all(float(v).is_integer() for v in numbers if np.isfinite(float(v)))
    return INT_FORMAT if whole else DECIMAL_FORMAT


def _display_len(value: object) -> int:
    if isinstance(value, date):
        return 17 if isinstance(value, datetime) and value.time() != time(0) else 11
    if _is_number(value):
        return len(f"{value:,.1f}")
    return max((len(line) for line in str(value).splitlines()), default=0) if value is not None else 0


def _utc_naive(moment: datetime | None) -> datetime | None:
    # Document properties are read as UTC and openpyxl wants them without tzinfo.
    if moment is not None and moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


class _FixedTimeZip(ZipFile):
    """Zip archive whose entries carry one fixed time, so identical workbooks are identical bytes."""

    def __init__(self, file, when: datetime):
        super().__init__(file, "w", ZIP_DEFLATED, allowZip64=True)
        self._date_time = max(when, NO_TIME).timetuple()[:6]

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = ZipInfo(zinfo_or_arcname, date_time=self._date_time)
            zinfo_or_arcname.compress_type = ZIP_DEFLATED
            zinfo_or_arcname.external_attr = 0o600 << 16
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl adds worksheets from temporary files, whose mtime would leak into the zip.
        with open(filename, "rb") as f:
            self.writestr(arcname or str(filename), f.read(), compress_type, compresslevel)
