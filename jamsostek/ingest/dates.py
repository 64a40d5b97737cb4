"""Dates as extracts write them: 03-11-2025, 3/11/25, 2025-11-03, 3 Nov 2025, 3 Nop 2025, Excel serials.

Day and month order is a property of the file, not of each cell: Indonesian files write day first,
but a file saved by an English-locale Excel writes month first. `file_order` decides it from the
file's own dates (a first number above 12 can only be a day); when no date settles it, day first
stands and the upload asks the officer to confirm.
"""

from __future__ import annotations

import re

import pandas as pd

DMY, MDY = "dmy", "mdy"
FIRST_DATE, LAST_DATE = pd.Timestamp("2015-01-01"), pd.Timestamp("2100-12-31")
# Excel counts days from 1899-12-30 (its 1900 leap-year bug included); a date cell saved as a number
# arrives as such a count. Only counts inside the window of plausible dates are read as dates.
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
SERIAL_WINDOW = ((FIRST_DATE - EXCEL_EPOCH).days, (LAST_DATE - EXCEL_EPOCH).days)
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_NAMED = re.compile(r"^(\d{1,2})[\s\-./]*([A-Za-z]{3,9})\.?[\s\-./,]*(\d{4})$")
_DAY_FIRST = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%y", "%d/%m/%y")
MONTHS = {name: number for number, names in enumerate((
    ("JAN", "JANUARI", "JANUARY"), ("FEB", "FEBRUARI", "PEBRUARI", "FEBRUARY", "PEB"),
    ("MAR", "MARET", "MARCH"), ("APR", "APRIL"), ("MEI", "MAY"), ("JUN", "JUNI", "JUNE"),
    ("JUL", "JULI", "JULY"), ("AGU", "AGT", "AGS", "AGUSTUS", "AUG", "AUGUST"),
    ("SEP", "SEPT", "SEPTEMBER"), ("OKT", "OKTOBER", "OCT", "OCTOBER"),
    ("NOV", "NOP", "NOVEMBER", "NOPEMBER"), ("DES", "DESEMBER", "DEC", "DECEMBER"),
), start=1) for name in names}


def _formats(order: str) -> tuple[str, ...]:
    first = _DAY_FIRST if order == DMY else tuple(f.replace("%d", "#").replace("%m", "%d").replace("#", "%m")
                                                  for f in _DAY_FIRST)
    return (*first, "%Y-%m-%d", "%Y/%m/%d")


def _named(text: pd.Series) -> pd.Series:
    parts = text.str.upper().str.extract(_NAMED)
    month = parts[1].map(MONTHS)
    iso = parts[2] + "-" + month.astype("Int64").astype(str).str.zfill(2) + "-" + parts[0].str.zfill(2)
    return pd.to_datetime(iso.where(month.notna()), format="%Y-%m-%d", errors="coerce")


def _serial(text: pd.Series) -> pd.Series:
    number = pd.to_numeric(text.where(text.str.match(_SERIAL.pattern)), errors="coerce")
    inside = number.between(*SERIAL_WINDOW)
    return (EXCEL_EPOCH + pd.to_timedelta(number.where(inside).floordiv(1), unit="D")).astype("datetime64[s]")


def parse_dates(text: pd.Series, order: str = DMY) -> pd.Series:
    """Each text as a date (NaT where it is none, or outside 2015-2100); `order` for 03/11/2025-style dates."""
    text = text.fillna("").astype(str).str.strip()
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[s]")
    for fmt in _formats(order):
        todo = out.isna() & text.ne("")
        if not todo.any():
            break
        out[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce")
    for reader in (_named, _serial):
        todo = out.isna() & text.ne("")
        if todo.any():
            out[todo] = reader(text[todo])
    return out.where((out >= FIRST_DATE) & (out <= LAST_DATE))


def is_excel_serial(text: pd.Series) -> pd.Series:
    """Cells that look like an Excel day count (a number of five digits), in or out of the window."""
    return text.fillna("").astype(str).str.match(_SERIAL.pattern)


def file_order(*columns: pd.Series) -> tuple[str, bool]:
    """(order, settled): day first unless the file's dates show month first; settled when a date shows it."""
    seen = pd.concat([c.fillna("").astype(str).drop_duplicates() for c in columns], ignore_index=True)
    parts = seen.str.strip().str.extract(_NUMERIC).dropna()
    first, second = parts[0].astype(int), parts[1].astype(int)
    if ((first > 12) & (second <= 12)).any():
        return DMY, True
    if ((second > 12) & (first <= 12)).any():
        return MDY, True
    return DMY, not (first != second).any()  # 05/05 reads the same either way
