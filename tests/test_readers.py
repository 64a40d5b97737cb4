"""Reading extracts safely: encodings, separators, header variants, XLSX cells and hostile files."""

from __future__ import annotations

import csv
import hashlib
import io
import pickle
import random
import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from jamsostek.ingest import readers
from jamsostek.ingest.readers import ExtractError, Limits, read_extract, read_extract_path, sanitise_file_name

HEADER = ["NIK", "NAMA", "JENIS PEKERJAAN", "DESA/KELURAHAN", "PROGRAM", "TGL KEPESERTAAN", "TGL AKHIR",
          "SUMBER IURAN"]
ROW = ["5104011508900001", "Ni Made Sárí", "Petani", "Batubulan", "JKK JKM", "03-11-2025", "31-12-2026", "APBD"]
FIELDS = ["nik", "nama", "pekerjaan", "desa", "program", "tgl_kepesertaan", "tgl_akhir", "sumber_iuran"]


def csv_bytes(rows: list[list[str]], sep: str = ",", encoding: str = "utf-8", newline: str = "\n") -> bytes:
    """CSV text built with the csv module, so quoting is what a real export does."""
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator=newline).writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """A real workbook written by openpyxl, one sheet per entry."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def error_of(data: bytes, name: str = "x.csv", **kwargs) -> ExtractError:
    with pytest.raises(ExtractError) as caught:
        read_extract(data, name, **kwargs)
    return caught.value


@pytest.mark.parametrize("sep", [",", ";", "\t"])
@pytest.mark.parametrize("encoding, recorded", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                                ("cp1252", "cp1252"), ("utf-16", "utf-16")])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_csv_encodings_and_separators(sep, encoding, recorded, newline):
    raw = read_extract(csv_bytes([HEADER, ROW], sep, encoding, newline), "peserta.csv")
    assert (raw.encoding, raw.separator, raw.sheet) == (recorded, sep, None)
    assert raw.rows.drop(columns="_row").iloc[0].tolist() == ROW
    assert raw.rows.columns.tolist() == ["_row", *HEADER]
    assert raw.header_map == dict(zip(HEADER, FIELDS))
    assert raw.first_data_row == 2 and raw.rows["_row"].tolist() == [2]


def test_cells_stay_text_exactly():
    tricky = ["0051040115089000", "5.10401E+15", "=1+1", "Robert'); DROP TABLE participant;--", "  padded  ",
              "1e3", "NaN", "", "TRUE"]
    rows = [[*HEADER, "CATATAN"]] + [[*ROW[:1], *ROW[1:], t] for t in tricky] + [[t, *ROW[1:], ""] for t in tricky]
    frame = read_extract(csv_bytes(rows), "x.csv").rows
    assert frame["CATATAN"].tolist()[: len(tricky)] == [t.strip() for t in tricky]
    assert frame["NIK"].tolist()[len(tricky):] == [t.strip() for t in tricky]
    assert all(str(dtype) == "str" for dtype in frame.drop(columns="_row").dtypes)
    assert frame["_row"].dtype == "int64"


def test_quoted_separators_and_newlines():
    data = ('NIK;NAMA;JENIS PEKERJAAN;DESA/KELURAHAN;PROGRAM;TGL KEPESERTAAN;TGL AKHIR;SUMBER IURAN\n'
            '5104;"Wayan; ""Gede""";Petani;"Mas,\nUbud";JKK;03-11-2025;31-12-2026;APBD\n'
            '5105;Ketut;Nelayan;Ketewel;JKM;03-11-2025;31-12-2026;APBD\n').encode()
    raw = read_extract(data, "x.csv")
    assert raw.separator == ";"
    assert raw.rows["NAMA"].tolist() == ['Wayan; "Gede"', "Ketut"]
    assert raw.rows["DESA/KELURAHAN"].tolist() == ["Mas,\nUbud", "Ketewel"]
    assert raw.rows["_row"].tolist() == [2, 3]  # spreadsheet rows: a quoted line break stays in one row


def test_blank_rows_kept_with_row_numbers_trailing_dropped():
    rows = [HEADER, ROW, [""] * 8, [], ROW, [""] * 8, []]
    frame = read_extract(csv_bytes(rows), "x.csv").rows
    assert frame["_row"].tolist() == [2, 3, 4, 5]
    assert frame["NIK"].tolist() == [ROW[0], "", "", ROW[0]]


def test_title_rows_above_header_and_trailing_empty_cells():
    rows = [["DATA PESERTA BPU GIANYAR", "", ""], [], [*HEADER, "", ""], [*ROW, "", ""]]
    raw = read_extract(csv_bytes(rows, ";"), "x.csv")
    assert raw.first_data_row == 4 and raw.rows["_row"].tolist() == [4]
    assert raw.rows.columns.tolist() == ["_row", *HEADER]


@pytest.mark.parametrize("header, field", [
    ("NIK", "nik"), ("No. NIK", "nik"), ("nik_ktp", "nik"), ("Nomor Induk Kependudukan", "nik"),
    ("Nama Peserta", "nama"), ("NAMA LENGKAP", "nama"), ("NO. KPJ", "no_kpj"), ("Nomor KPJ", "no_kpj"),
    ("KPJ", "no_kpj"), ("Tgl. Lahir", "tgl_lahir"), ("TANGGAL LAHIR", "tgl_lahir"), ("L/P", "jenis_kelamin"),
    ("JK", "jenis_kelamin"), ("Jenis  Kelamin", "jenis_kelamin"), ("PEKERJAAN", "pekerjaan"),
    ("Sektor", "pekerjaan"), ("DESA", "desa"), ("Kelurahan", "desa"), ("DESA_KELURAHAN", "desa"),
    ("Kec.", "kecamatan"), ("Program Kepesertaan", "program"), ("TMT", "tgl_kepesertaan"),
    ("Tgl Daftar", "tgl_kepesertaan"), ("Tanggal Kepesertaan", "tgl_kepesertaan"), ("IURAN S/D", "tgl_akhir"),
    ("Bayar Sampai", "tgl_akhir"), ("TGL AKHIR IURAN", "tgl_akhir"), ("Status Kepesertaan", "status"),
    ("Sumber Dana", "sumber_iuran"), ("PEMBAYAR", "sumber_iuran"), ("Upah", "penghasilan"),
    ("penghasilan", "penghasilan"), ("KETERANGAN", None), ("NIKAH", None),
])
def test_header_variants(header, field):
    mapped, unmapped = readers.map_headers([header])
    assert mapped == ({header: field} if field else {})
    assert unmapped == ([] if field else [header])


def test_header_override_wins_and_can_ignore():
    header = ["NO IDENTITAS", "NIK", "PEKERJAAN", "DESA", "PROGRAM", "TMT", "S/D", "DANA", "SEKTOR"]
    override = {"NO IDENTITAS": "nik", "S/D": "tgl_akhir", "DANA": "sumber_iuran", "SEKTOR": ""}
    raw = read_extract(csv_bytes([header, ["1"] * 9]), "x.csv", header_override=override)
    assert raw.header_map == {"NO IDENTITAS": "nik", "PEKERJAAN": "pekerjaan", "DESA": "desa",
                              "PROGRAM": "program", "TMT": "tgl_kepesertaan", "S/D": "tgl_akhir",
                              "DANA": "sumber_iuran"}
    assert raw.unmapped == ["NIK", "SEKTOR"]
    with pytest.raises(ValueError):
        readers.map_headers(["NIK"], {"NIK": "not_a_field"})


def test_missing_required_columns_are_listed():
    error = error_of(csv_bytes([["NIK", "NAMA", "DESA", "PROGRAM"], ["1", "a", "b", "c"]]))
    assert error.code == "missing_columns"
    assert "JENIS PEKERJAAN, TGL KEPESERTAAN, TGL AKHIR, SUMBER IURAN" in error.message_id
    assert "NIK, NAMA, DESA, PROGRAM" in error.message_id and "NIK, NAMA, DESA, PROGRAM" in error.message_en
    assert error.headers == ("NIK", "NAMA", "DESA", "PROGRAM")
    assert str(error) == error.message_id


def test_a_single_known_word_does_not_make_a_header():
    error = error_of(csv_bytes([["A", "B", "C"], ["x", "DESA", "y"], ["1", "2", "3"]]))
    assert error.code == "missing_columns" and error.headers == ("A", "B", "C")


def test_missing_columns_message_hides_numbers_of_a_data_row():
    error = error_of(csv_bytes([ROW, ROW]))  # no header row: the first data row is shown as headers
    assert error.code == "missing_columns" and ROW[0] not in error.message_id + error.message_en
    assert "Petani" in error.message_id


def test_duplicate_mapping_is_refused():
    error = error_of(csv_bytes([[*HEADER, "NO NIK"], [*ROW, "x"]]))
    assert error.code == "duplicate_column" and "'NIK' dan 'NO NIK'" in error.message_id
    assert error.headers == (*HEADER, "NO NIK")


def test_error_headers_are_the_keys_an_override_needs():
    rows = [["Daftar peserta"], ["NIK", "NIK", "", "Pekerjaan", "Desa", "Program", "Mulai", "Akhir", "Dana"],
            ["1", "2", "3", "4", "5", "6", "7", "8", "9"]]
    headers = error_of(csv_bytes(rows)).headers
    assert headers == ("NIK", "NIK (2)", "KOLOM 3", "Pekerjaan", "Desa", "Program", "Mulai", "Akhir", "Dana")
    override = {"NIK": "", "NIK (2)": "nik", "KOLOM 3": "nama", "Mulai": "tgl_kepesertaan", "Akhir": "tgl_akhir",
                "Dana": "sumber_iuran"}
    raw = read_extract(csv_bytes(rows), "x.csv", header_override=override)
    assert raw.rows[["NIK (2)", "KOLOM 3"]].iloc[0].tolist() == ["2", "3"] and raw.first_data_row == 3


def test_repeated_unmapped_headers_get_suffixes():
    raw = read_extract(csv_bytes([[*HEADER, "CATATAN", "", "CATATAN", "_row"], [*ROW, "a", "b", "c", "d"]]), "x.csv")
    assert raw.unmapped == ["CATATAN", "KOLOM 10", "CATATAN (2)", "_row (2)"]
    assert raw.rows["CATATAN (2)"].tolist() == ["c"]


@pytest.mark.parametrize("data, code", [
    (b"", "empty"), (b"  \r\n\n", "empty"),
    (",".join(HEADER).encode() + b"\n", "no_data"), (",".join(HEADER).encode() + b"\n,,,\n\n", "no_data"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "invalid_file"),
    (random.Random(7).randbytes(4096), "invalid_file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "invalid_file"),
    (b"PK\x03\x04" + bytes(100), "invalid_file"),
    ("NIK,NAMA\n1,\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14".encode(), "invalid_file"),
    (b'NIK,"NAMA\n' + b"x" * 200_000, "invalid_file"),  # unclosed quote swallows the rest: field too large
])
def test_hostile_or_empty_csv(data, code):
    error = error_of(data)
    assert error.code == code
    assert error.message_id and error.message_en and error.message_id != error.message_en


def test_a_nul_byte_marks_binary_content():
    assert error_of(csv_bytes([HEADER, ROW]).replace(b"Petani", b"Pet\x00ni")).code == "invalid_file"


def test_junk_message_says_not_valid():
    assert "bukan berkas CSV/XLSX yang valid" in error_of(random.Random(1).randbytes(2048)).message_id


@pytest.mark.parametrize("name, code", [("data.xls", "old_excel"), ("data.XLS", "old_excel"),
                                        ("data.pdf", "unsupported_type"), ("data.docx", "unsupported_type"),
                                        ("data", "unsupported_type"), ("data.xlsm", "unsupported_type"),
                                        ("data.csv.exe", "unsupported_type")])
def test_unsupported_extensions(name, code):
    error = error_of(csv_bytes([HEADER, ROW]), name)
    assert error.code == code and ".xlsx atau .csv" in error.message_id


@pytest.mark.parametrize("name", ["x.csv", "x.xlsx"])
def test_old_or_password_protected_excel_content(name):
    assert error_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), name).code == "old_excel"


def test_size_limit_checked_before_parsing(tmp_path):
    data = b"\x00" * 2048  # junk: only the size check can give "too_large"
    error = error_of(data, limits=Limits(max_bytes=1024))
    assert error.code == "too_large" and "2 KB, batas 1 KB" in error.message_id
    big = error_of(b"x" * (62 * readers.MB), limits=Limits())
    assert "Berkas terlalu besar: 62 MB, batas 50 MB. Pisahkan berkas per kecamatan." == big.message_id
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    with pytest.raises(ExtractError, match="terlalu besar"):
        read_extract_path(path, Limits(max_bytes=1024))


def test_row_limit_stops_reading():
    line = ",".join(ROW).encode() + b"\n"
    data = ",".join(HEADER).encode() + b"\n" + line * 200_000
    error = error_of(data)
    assert error.code == "too_many_rows" and "lebih dari 100.000" in error.message_id
    assert len(read_extract(data[: len(data) // 2 - 2 * len(line)], "x.csv").rows) == 99_998


def test_column_limit():
    header = [*HEADER, *(f"C{i}" for i in range(10)), "", ""]  # trailing empty header cells do not count
    assert read_extract(csv_bytes([header, header]), "x.csv", Limits(max_columns=18)).rows.shape == (1, 19)
    assert error_of(csv_bytes([header, header]), limits=Limits(max_columns=17)).code == "too_many_columns"
    assert error_of(xlsx_bytes({"Data": [header, header]}), "x.xlsx",
                    limits=Limits(max_columns=17)).code == "too_many_columns"


def test_ragged_rows_are_refused_with_row_numbers():
    error = error_of(csv_bytes([HEADER, ROW, [*ROW, "extra"], ROW, [*ROW, ""]]))
    assert error.code == "ragged_rows" and "Baris 3 " in error.message_id


def test_xlsx_cells_become_text():
    rows = [
        ["LAPORAN PESERTA"], [],
        [*HEADER, "PENGHASILAN", "CATATAN"],
        [5104011508900001, "Wayan", "Petani", "Mas", "JKK JKM", datetime(2025, 11, 3), date(2026, 12, 31),
         "APBD", 2_000_000.0, 1.5],
        [5104011508900002.0, "  Made ", "Nelayan", "Ketewel", "JKK", datetime(2025, 11, 3, 14, 30), "31-12-2026",
         "CSR", 16800, "=1+1"],
        [],
        ["5104011508900003", "Ketut", "Tukang", "Ubud", "JKM", "03-11-2025", "31-12-2026", "MANDIRI", "",
         "'; DROP TABLE x;--"],
    ]
    raw = read_extract(xlsx_bytes({"Peserta": rows}), "peserta.xlsx")
    frame = raw.rows
    assert (raw.sheet, raw.encoding, raw.separator, raw.first_data_row) == ("Peserta", None, None, 4)
    assert frame["_row"].tolist() == [4, 5, 6, 7]
    assert frame["NIK"].tolist() == ["5104011508900001", "5104011508900002", "", "5104011508900003"]
    assert frame["NAMA"].tolist() == ["Wayan", "Made", "", "Ketut"]
    assert frame["TGL KEPESERTAAN"].tolist() == ["03-11-2025", "03-11-2025", "", "03-11-2025"]
    assert frame["TGL AKHIR"].tolist()[0] == "31-12-2026"
    assert frame["PENGHASILAN"].tolist() == ["2000000", "16800", "", ""]
    # A formula is never evaluated: openpyxl wrote no cached value, so the cell reads empty.
    assert frame["CATATAN"].tolist() == ["1.5", "", "", "'; DROP TABLE x;--"]
    assert raw.header_map["PENGHASILAN"] == "penghasilan" and raw.unmapped == ["CATATAN"]


@pytest.mark.parametrize("value, text", [
    (None, ""), ("  x ", "x"), (16800, "16800"), (2_000_000.0, "2000000"), (1.5, "1.5"), (-0.25, "-0.25"),
    (5.104011508900001e15, "≈5104011508900001"), (1e20, "≈100000000000000000000"), (5104011508900001, "5104011508900001"),
    (5104011508900010, "≈5104011508900010"), (True, "TRUE"),
    (datetime(2025, 11, 3, 14, 30), "03-11-2025"), (date(1980, 8, 15), "15-08-1980"),
])
def test_cell_text(value, text):
    assert readers.cell_text(value) == text


def test_xlsx_numbers_as_excel_writes_them():
    # Excel stores every number as a double and writes big ones in E notation.
    values = ["5.1040115089000016E+15", "16800", "0.1", "2.5E-2", "45964", "1E+3", "-7", "2000000.5"]
    xml = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           + '<row r="1">' + "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
                                     for i, h in enumerate(HEADER)) + "</row>"
           + '<row r="3">' + "".join(f'<c r="{chr(65 + i)}3"><v>{v}</v></c>' for i, v in enumerate(values))
           + "</row></sheetData></worksheet>")
    frame = read_extract(with_sheet_xml(xml.encode()), "x.xlsx").rows
    assert frame["_row"].tolist() == [2, 3]  # the row absent from the XML is a blank spreadsheet row
    assert frame.drop(columns="_row").iloc[1].tolist() == [
        "≈5104011508900002", "16800", "0.1", "0.025", "45964", "1000", "-7", "2000000.5"]


def test_xlsx_picks_sheet_with_recognised_header():
    data = xlsx_bytes({"Ringkasan": [["KECAMATAN", "JUMLAH"], ["Ubud", 3]], "Data": [HEADER, ROW],
                       "Data lama": [HEADER, ROW, ROW]})
    raw = read_extract(data, "x.xlsx")
    assert raw.sheet == "Data" and len(raw.rows) == 1


def test_xlsx_sheet_limit():
    data = xlsx_bytes({f"S{i}": [HEADER, ROW] for i in range(6)})
    error = error_of(data, "x.xlsx")
    assert error.code == "too_many_sheets" and "6 lembar" in error.message_id
    assert read_extract(data, "x.xlsx", Limits(max_sheets=6)).sheet == "S0"


def test_xlsx_row_limit():
    data = xlsx_bytes({"Data": [HEADER] + [ROW] * 30})
    assert error_of(data, "x.xlsx", limits=Limits(max_rows=20)).code == "too_many_rows"


def zip_with(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return out.getvalue()


def test_zip_bomb_total_size_refused_before_openpyxl(monkeypatch):
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("openpyxl must not open a bomb"))
    noise = random.Random(3).randbytes(8 * readers.MB)  # incompressible: only the total trips
    data = zip_with({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": noise})
    error = error_of(data, "x.xlsx", limits=Limits(max_xlsx_uncompressed_bytes=5 * readers.MB))
    assert error.code == "zip_bomb"


def test_zip_bomb_compression_ratio_refused(monkeypatch):
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("openpyxl must not open a bomb"))
    data = zip_with({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": bytes(20 * readers.MB)})
    assert len(data) < 200_000
    assert error_of(data, "x.xlsx").code == "zip_bomb"  # 20 MB is under the 200 MB total: the ratio trips


@pytest.mark.parametrize("data", [
    b"not a zip at all", zip_with({"hello.txt": b"hi"}),
    zip_with({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<broken"}),
])
def test_invalid_xlsx(data):
    assert error_of(data, "x.xlsx").code == "invalid_file"


def with_sheet_xml(sheet_xml: bytes) -> bytes:
    """A real workbook whose first sheet's XML is replaced."""
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes({"Data": [HEADER, ROW]}))) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    return zip_with(entries | {"xl/worksheets/sheet1.xml": sheet_xml})


LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"""


def test_malformed_sheet_xml():
    assert error_of(with_sheet_xml(b"<worksheet><sheetData><row><c>"), "x.xlsx").code == "invalid_file"


def test_xml_entity_bomb_stopped_by_defusedxml():
    # openpyxl only uses defusedxml when it is installed (today through fpdf2): keep it pinned.
    assert openpyxl.xml.DEFUSEDXML
    error = error_of(with_sheet_xml(LAUGHS), "x.xlsx")
    causes = [error.__cause__, error.__cause__.__cause__]
    assert error.code == "invalid_file" and "EntitiesForbidden" in repr(causes)


def test_blank_rows_count_towards_the_row_limit():
    rows = [HEADER, ROW] + [[]] * 5 + [ROW]
    assert len(read_extract(csv_bytes(rows), "x.csv", Limits(max_rows=7)).rows) == 7
    assert error_of(csv_bytes(rows), limits=Limits(max_rows=6)).code == "too_many_rows"
    assert len(read_extract(csv_bytes(rows[:2] + [[]] * 50), "x.csv", Limits(max_rows=1)).rows) == 1


def test_error_pickles_and_str_is_indonesian():
    error = pickle.loads(pickle.dumps(error_of(b"")))
    assert (error.code, str(error)) == ("empty", error.message_id) and "kosong" in str(error)


def test_reading_stops_at_the_row_limit():
    records = iter([HEADER] + [ROW] * 1_000)
    with pytest.raises(ExtractError, match="lebih dari 100"):
        readers.build(records, Limits(max_rows=100), None)
    assert len(list(records)) == 1_000 - 101  # the rest of the file was never read


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd", "passwd"), ("C:\\x\\y.csv", "y.csv"), ("..\\..\\data.csv", "data.csv"),
    ("/tmp/a/b.xlsx", "b.xlsx"), ("pes\x00er\nta\u202e.csv", "peserta.csv"), ("..", "berkas"),
    ("  .hidden.csv", "hidden.csv"), ('a<b>:"c"|?*.csv', "a_b___c____.csv"), ("", "berkas"),
])
def test_file_names_are_sanitised(name, expected):
    assert sanitise_file_name(name) == expected


def test_long_file_names_keep_extension():
    name = sanitise_file_name("x" * 300 + ".xlsx")
    assert len(name) == 120 and name.endswith(".xlsx")


def test_file_name_and_sha256_recorded(tmp_path):
    data = csv_bytes([HEADER, ROW])
    raw = read_extract(data, "C:\\Users\\op\\Desktop\\peserta ubud.csv")
    assert raw.file_name == "peserta ubud.csv" and raw.sha256 == hashlib.sha256(data).hexdigest()
    path = tmp_path / "dari disk.csv"
    path.write_bytes(data)
    assert read_extract_path(path).file_name == "dari disk.csv"
