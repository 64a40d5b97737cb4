"""Dates as extracts write them, and the day/month order decided per file."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from jamsostek.ingest.dates import DMY, MDY, file_order, is_excel_serial, parse_dates


@pytest.mark.parametrize("text, expected", [
    ("03-11-2025", date(2025, 11, 3)), ("3/11/25", date(2025, 11, 3)), ("2025-11-03", date(2025, 11, 3)),
    ("3 Nov 2025", date(2025, 11, 3)), ("3 Nop 2025", date(2025, 11, 3)), ("3 November 2025", date(2025, 11, 3)),
    ("03-Des-2025", date(2025, 12, 3)), ("17 Agustus 2026", date(2026, 8, 17)), ("1 Mei 2026", date(2026, 5, 1)),
    ("5 Oct 2025", date(2025, 10, 5)),
    ("46336", date(2026, 11, 10)), ("45964", date(2025, 11, 3)), ("45964.5", date(2025, 11, 3)),  # Excel serials
])
def test_forms_that_are_read(text, expected):
    assert parse_dates(pd.Series([text])).iloc[0].date() == expected


@pytest.mark.parametrize("text", ["99999", "30000", "3 Foo 2025", "31 Nov 2025", "kemarin", "", "1900-01-01"])
def test_forms_that_are_not_dates(text):
    assert pd.isna(parse_dates(pd.Series([text])).iloc[0])


def test_month_first_order():
    assert parse_dates(pd.Series(["11/03/2025"]), MDY).iloc[0].date() == date(2025, 11, 3)
    assert parse_dates(pd.Series(["11/03/2025"]), DMY).iloc[0].date() == date(2025, 3, 11)


@pytest.mark.parametrize("cells, expected", [
    (["11/03/2025", "25/03/2025"], (DMY, True)),   # a day above 12 settles day first
    (["11/03/2025", "03/25/2025"], (MDY, True)),   # a second number above 12 settles month first
    (["11/03/2025", "01/02/2025"], (DMY, False)),  # nothing settles it: day first, but ask
    (["05/05/2025", "2025-11-03"], (DMY, True)),   # reads the same either way
    ([], (DMY, True)),
])
def test_file_order(cells, expected):
    assert file_order(pd.Series(cells, dtype="str")) == expected


def test_excel_serials_are_recognised_in_and_out_of_the_window():
    assert is_excel_serial(pd.Series(["46336", "99999", "46336.5", "3-11-2025", ""])).tolist() == [
        True, True, True, False, False]
