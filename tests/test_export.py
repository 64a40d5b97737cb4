"""CSV and XLSX downloads: values, types, layout and the formula-injection guard, read back."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timedelta, timezone

import numpy as np
import openpyxl
import pandas as pd
import pytest

from jamsostek.reports import downloads as export

ATTACKS = ["=HYPERLINK(\"http://x\",\"klik\")", "+1", "-2 cmd", "@SUM(A1:A2)", "\tTAB", "\rCR"]


@pytest.fixture
def desa_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Desa": ["Celuk", "Mas", "Ketewel"],
            "Sasaran": [1200, 950, 40],
            "Terlindungi": [800.0, 300.0, 12.0],  # DuckDB sums arrive as floats
            "Cakupan %": [66.666, 31.6, 30.0],
            "Kesenjangan": [400, 650, -3],
            "Per tanggal": pd.to_datetime(["2025-11-03", "2025-11-03", "2025-12-31"]),
        }
    )


def _read_xlsx(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize(
    "value, expected",
    [(text, "'" + text) for text in ATTACKS]
    + [("Celuk", "Celuk"), ("", ""), ("1+1", "1+1"), (" =1", " =1"), (-2, -2), (None, None), (3.5, 3.5)],
)
def test_neutralise(value, expected):
    assert export.neutralise(value) == expected


def test_csv_has_bom_header_and_values(desa_table):
    data = export.to_csv_bytes(desa_table)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Desa,Sasaran,Terlindungi,Cakupan %,Kesenjangan,Per tanggal"
    assert lines[1] == "Celuk,1200,800.0,66.666,400,2025-11-03"
    assert lines[3] == "Ketewel,40,12.0,30.0,-3,2025-12-31"  # negative numbers stay numbers


def test_csv_keeps_non_ascii_text():
    df = pd.DataFrame({"Desa": ["Pejeng Kangin – Tampaksiring", "Ñ"]})
    assert pd.read_csv(io.BytesIO(export.to_csv_bytes(df)), encoding="utf-8-sig")["Desa"].tolist() == [
        "Pejeng Kangin – Tampaksiring",
        "Ñ",
    ]


def test_csv_guards_text_cells_and_headers():
    df = pd.DataFrame({"Catatan": ATTACKS, "=Kolom": range(len(ATTACKS)), "Angka": [-1] * len(ATTACKS)})
    back = pd.read_csv(io.BytesIO(export.to_csv_bytes(df)), encoding="utf-8-sig", keep_default_na=False)
    assert list(back.columns) == ["Catatan", "'=Kolom", "Angka"]
    assert back["Catatan"].tolist() == ["'" + text for text in ATTACKS]
    assert back["Angka"].tolist() == [-1] * len(ATTACKS)


def test_csv_guards_pandas_string_dtype_and_keeps_missing():
    df = pd.DataFrame({"x": pd.array(["=1", None, "ok"], dtype="string"), "n": [1, 2, 3]})
    lines = export.to_csv_bytes(df).decode("utf-8-sig").splitlines()
    assert lines == ["x,n", "'=1,1", ",2", "ok,3"]


def test_csv_does_not_change_the_input(desa_table):
    before = desa_table.copy()
    export.to_csv_bytes(pd.DataFrame({"a": ["=1"]}))
    export.to_csv_bytes(desa_table)
    pd.testing.assert_frame_equal(desa_table, before)


def test_xlsx_values_types_and_number_formats(desa_table):
    ws = _read_xlsx(export.to_xlsx_bytes({"Desa": desa_table}))["Desa"]
    assert [c.value for c in ws[1]] == list(desa_table.columns)
    assert all(c.font.bold for c in ws[1])
    celuk = {h: c for h, c in zip(desa_table.columns, ws[2])}
    assert celuk["Desa"].value == "Celuk"
    assert celuk["Sasaran"].value == 1200 and celuk["Sasaran"].number_format == "#,##0"
    assert celuk["Terlindungi"].value == 800 and celuk["Terlindungi"].number_format == "#,##0"
    assert celuk["Cakupan %"].value == pytest.approx(66.666) and celuk["Cakupan %"].number_format == "0.0"
    assert celuk["Per tanggal"].value == datetime(2025, 11, 3)
    assert celuk["Per tanggal"].is_date and celuk["Per tanggal"].number_format == "d mmm yyyy"
    negative = ws.cell(4, 5)
    assert negative.value == -3 and negative.data_type == "n" and negative.number_format == "#,##0"
    assert ws.max_row == 4
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F4"


def test_xlsx_decimal_and_override_formats():
    df = pd.DataFrame({"Iuran (juta)": [1.5, 2.25], "Rasio": [0.5, 0.25]})
    ws = _read_xlsx(export.to_xlsx_bytes({"a": df}, number_formats={"Rasio": "0.00%"}))["a"]
    assert ws["A2"].number_format == "#,##0.0"
    assert ws["B2"].number_format == "0.00%"


def test_xlsx_title_and_note_rows_then_frozen_header(desa_table):
    data = export.to_xlsx_bytes(
        {"Desa": desa_table}, title="Cakupan per desa", note="Data contoh (sintetis)"
    )
    ws = _read_xlsx(data)["Desa"]
    assert ws["A1"].value == "Cakupan per desa" and ws["A1"].font.bold
    assert ws["A2"].value == "Data contoh (sintetis)" and ws["A2"].font.italic
    assert ws["A3"].value is None  # spacer keeps Excel's filter region off the title
    assert ws["A4"].value == "Desa" and ws["A5"].value == "Celuk"
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:F7"


def test_xlsx_note_only():
    ws = _read_xlsx(export.to_xlsx_bytes({"a": pd.DataFrame({"x": [1]})}, note="catatan"))["a"]
    assert [ws["A1"].value, ws["A2"].value, ws["A3"].value, ws["A4"].value] == ["catatan", None, "x", 1]
    assert ws.freeze_panes == "A4"


def test_xlsx_guard_on_cells_headers_and_title():
    df = pd.DataFrame({"Catatan": ATTACKS, "@Kolom": [-1.5] * len(ATTACKS)})
    ws = _read_xlsx(export.to_xlsx_bytes({"a": df}, title="=1+1"))["a"]
    assert ws["A1"].value == "'=1+1"
    assert ws["A3"].value == "Catatan" and ws["B3"].value == "'@Kolom"
    cells = [ws.cell(row, 1) for row in range(4, 4 + len(ATTACKS))]
    # XML readers turn a stored CR into LF; what matters is the leading apostrophe.
    assert [c.value for c in cells] == ["'" + text.replace("\r", "\n") for text in ATTACKS]
    assert all(c.data_type == "s" for c in cells)
    numbers = [ws.cell(row, 2) for row in range(4, 4 + len(ATTACKS))]
    assert all(c.value == -1.5 and c.data_type == "n" for c in numbers)


def test_xlsx_has_no_formulas():
    df = pd.DataFrame({"x": ["=1+1", "=HYPERLINK(\"http://x\")"]})
    with zipfile.ZipFile(io.BytesIO(export.to_xlsx_bytes({"a": df}))) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml


@pytest.mark.parametrize(
    "names, expected",
    [
        (["Ringkasan", "Desa"], ["Ringkasan", "Desa"]),
        (["Cakupan [desa]: a/b\\c*?"], ["Cakupan _desa__ a_b_c__"]),
        (["Kesenjangan per desa dan sektor 2026"], ["Kesenjangan per desa dan sektor"]),
        (["Desa", "desa", "DESA"], ["Desa", "desa (2)", "DESA (3)"]),
        (["x" * 40, "x" * 35], ["x" * 31, "x" * 27 + " (2)"]),
        (["'kutip'", ""], ["kutip", "Sheet"]),
        (["History"], ["History (2)"]),
    ],
)
def test_sheet_names_are_excel_safe_and_unique(names, expected):
    taken: set[str] = set()
    got = [export.sheet_name(name, taken) for name in names]
    assert got == expected
    assert all(len(name) <= 31 for name in got)


def test_xlsx_one_sheet_per_table_in_order(desa_table):
    sheets = {"Desa": desa_table, "desa": desa_table.head(1), "Sektor/Program": pd.DataFrame({"a": [1]})}
    wb = _read_xlsx(export.to_xlsx_bytes(sheets))
    assert wb.sheetnames == ["Desa", "desa (2)", "Sektor_Program"]
    assert wb["desa (2)"].max_row == 2


def test_xlsx_missing_values_are_empty_cells():
    df = pd.DataFrame(
        {
            "a": [1.0, np.nan, np.inf],
            "b": pd.array([None, "x", None], dtype="string"),
            "c": [pd.NaT, pd.Timestamp("2026-01-02"), pd.NaT],
            "d": pd.array([1, None, 3], dtype="Int64"),
        }
    )
    ws = _read_xlsx(export.to_xlsx_bytes({"a": df}))["a"]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [
        [1, None, None, 1],
        [None, "x", datetime(2026, 1, 2), None],
        [None, None, None, 3],
    ]


def test_xlsx_dates_times_and_time_zones():
    df = pd.DataFrame(
        {
            "tanggal": [date(2025, 11, 3)],
            "dimuat": [datetime(2025, 11, 3, 8, 30)],
            "wita": [pd.Timestamp("2025-11-03 08:30", tz="Asia/Makassar")],
        }
    )
    ws = _read_xlsx(export.to_xlsx_bytes({"a": df}))["a"]
    assert ws["A2"].value == datetime(2025, 11, 3) and ws["A2"].number_format == "d mmm yyyy"
    assert ws["B2"].value == datetime(2025, 11, 3, 8, 30) and ws["B2"].number_format == "d mmm yyyy hh:mm"
    assert ws["C2"].value == datetime(2025, 11, 3, 8, 30)  # local wall time kept


def test_xlsx_strips_characters_xml_cannot_hold():
    ws = _read_xlsx(export.to_xlsx_bytes({"a": pd.DataFrame({"x": ["a\x00b\x1fc"]})}))["a"]
    assert ws["A2"].value == "abc"


def test_xlsx_column_widths_are_bounded(desa_table):
    df = pd.DataFrame({"a": ["x"], "long": ["y" * 500], "Kesenjangan per desa": [1]})
    ws = _read_xlsx(export.to_xlsx_bytes({"a": df}))["a"]
    assert ws.column_dimensions["A"].width == export.MIN_WIDTH
    assert ws.column_dimensions["B"].width == export.MAX_WIDTH
    assert ws.column_dimensions["C"].width == len("Kesenjangan per desa") + 2


def test_xlsx_is_deterministic(desa_table):
    first = export.to_xlsx_bytes({"Desa": desa_table}, title="t")
    second = export.to_xlsx_bytes({"Desa": desa_table.copy()}, title="t")
    assert first == second
    props = _read_xlsx(first).properties
    assert props.creator == "jamsostek" and props.title == "t"
    assert props.created == props.modified == export.NO_TIME
    with zipfile.ZipFile(io.BytesIO(first)) as z:  # no entry may carry the time of writing
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_xlsx_generated_at_sets_document_and_zip_times():
    wita = timezone(timedelta(hours=8))
    at = datetime(2026, 3, 2, 9, 0, tzinfo=wita)
    data = export.to_xlsx_bytes({"a": pd.DataFrame({"x": [1]})}, generated_at=at)
    props = _read_xlsx(data).properties
    assert props.created == props.modified == datetime(2026, 3, 2, 1, 0)  # stored in UTC
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {info.date_time for info in z.infolist()} == {(2026, 3, 2, 1, 0, 0)}
    assert data == export.to_xlsx_bytes({"a": pd.DataFrame({"x": [1]})}, generated_at=at)
    assert data != export.to_xlsx_bytes({"a": pd.DataFrame({"x": [1]})}, generated_at=at + timedelta(days=1))


def test_xlsx_needs_a_sheet():
    with pytest.raises(ValueError):
        export.to_xlsx_bytes({})
