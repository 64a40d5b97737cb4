"""Bad and hostile uploads: each gets its clear message (Indonesian and English) and leaves the store as it was."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from jamsostek.ingest import batches as batch_admin
from jamsostek.store import db
from jamsostek.reports import downloads as export
from jamsostek.ingest import readers
from jamsostek.ingest import rejections, upload
from tests import extracts as ex

GOOD = ex.csv_bytes(ex.rows(3))


def zip_bomb() -> bytes:
    """A small .xlsx whose one sheet inflates from ~20 KB to 20 MB of zeros (ratio ~1000x)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * readers.MB))
    return out.getvalue()


def rows_200k() -> bytes:
    """200,000 rows (~30 MB, under the size limit) made by repeating one line: twice the row limit."""
    line = (";".join(ex.row(1)) + "\r\n").encode()
    return (";".join(ex.HEADER) + "\r\n").encode() + line * 200_000


def junk() -> bytes:
    return random.Random(6).randbytes(8192)


# name, file name, bytes (or a function making them), expected reader code, words the Indonesian text must hold
REFUSED = [
    ("empty file", "kosong.csv", b"", "empty", "kosong"),
    ("only blanks", "kosong.csv", b" \r\n\r\n  ", "empty", "kosong"),
    ("header only", "judul.csv", ex.csv_bytes([]), "no_data", "hanya berisi judul"),
    ("binary junk renamed .csv", "data.csv", junk, "invalid_file", "bukan berkas CSV/XLSX"),
    ("PNG renamed .csv", "foto.csv", b"\x89PNG\r\n\x1a\n" + bytes(200), "invalid_file", "PNG"),
    ("PDF renamed .xlsx", "surat.xlsx", b"%PDF-1.7\n" + bytes(200), "invalid_file", "bukan berkas"),
    ("text renamed .xlsx", "data.xlsx", GOOD, "invalid_file", "bukan berkas"),
    ("zip bomb .xlsx", "bom.xlsx", zip_bomb, "zip_bomb", "terlalu besar setelah dibuka"),
    ("200k rows", "besar.csv", rows_200k, "too_many_rows", "100.000"),
    ("too many sheets", "banyak.xlsx", lambda: ex.xlsx_bytes(ex.rows(2), sheets=9), "too_many_sheets", "9 lembar"),
    ("old .xls", "lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old_excel", "Excel lama"),
    ("executable", "program.exe", b"MZ" + bytes(100), "unsupported_type", ".exe"),
    ("no header row", "tanpa.csv", ex.csv_bytes(ex.rows(3)[1:], header=ex.rows(1)[0]), "missing_columns",
     "Kolom wajib"),
    ("unclosed quote", "kutip.csv", GOOD + b'"5104011505900009;tanpa akhir\r\n' + GOOD, "invalid_file", "kutip"),
    ("ragged rows", "geser.csv", GOOD + b"1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16\r\n", "ragged_rows", "pemisah"),
]


@pytest.mark.parametrize("name, file_name, data, code, words", REFUSED,
                         ids=[r[0] if isinstance(r, tuple) else None for r in REFUSED])
def test_refused_file_has_a_clear_message_and_changes_nothing(store, name, file_name, data, code, words):
    before = ex.snapshot(store)
    flow = upload.UploadFlow()
    flow.receive(store, data() if callable(data) else data, file_name)
    assert flow.state == upload.FAILED and flow.draft is None
    assert flow.error.code == code, flow.error.message_en
    assert words in flow.error.message_id
    assert flow.error.message_en and flow.error.message_en != flow.error.message_id
    with pytest.raises(upload.UploadRefused):
        flow.commit(store, "dina")
    assert ex.snapshot(store) == before


def test_over_the_size_limit_is_refused_before_reading(store):
    before = ex.snapshot(store)
    flow = upload.UploadFlow(limits=readers.Limits(max_bytes=1024))
    flow.receive(store, GOOD + b"x" * 2048, "besar.csv")
    assert flow.error.code == "too_large" and "batas 1 KB" in flow.error.message_id
    assert ex.snapshot(store) == before


def test_the_default_limits_are_what_the_page_promises():
    limits = readers.Limits()
    assert (limits.max_bytes, limits.max_rows, limits.max_sheets) == (50 * readers.MB, 100_000, 5)


FORMULAS = ["=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "+SUM(1,2)", "@SUM(A1)", "-2+3",
            "=cmd|' /C calc'!A0"]


def formula_cells(csv_bytes: bytes, sep: str = ",") -> list[str]:
    """Cells of a CSV download that a spreadsheet would run as a formula."""
    import csv

    rows = csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig")), delimiter=sep)
    return [cell for row in rows for cell in row if cell.startswith(export.FORMULA_PREFIXES)]


def test_formula_cells_stay_text_and_are_neutralised_in_every_download(store):
    records = ex.rows(len(FORMULAS))
    for record, formula in zip(records, FORMULAS):
        record[ex.HEADER.index("NAMA")] = formula
    records.append(ex.row(90, DESA_KELURAHAN="=1+1", NAMA="@SUM(1)"))
    flow = upload.UploadFlow()
    flow.receive(store, ex.csv_bytes(records), "rumus.csv")
    assert formula_cells(ex.csv_bytes(records), ";"), "the test file must hold formula cells"
    for shown in (rejections.table(flow.draft.checked.rejections), upload.preview(flow.draft.raw),
                  upload.mapping_table(flow.draft.raw)):
        assert formula_cells(export.to_csv_bytes(shown)) == []
    batch = flow.commit(store, "dina").batch_id
    stored = [r[0] for r in store.execute("select nama from enrolment where batch_id = ? order by row_number",
                                          [batch]).fetchall()]
    assert stored == FORMULAS  # kept exactly as typed: data, never evaluated


def test_formulas_in_an_xlsx_are_never_evaluated(store):
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(ex.HEADER)
    ws.append(ex.row(1, NAMA="=1+1"))
    ws.append(ex.row(2))
    ws["B2"] = "=1+1"  # a real formula cell, with no cached value
    out = io.BytesIO()
    book.save(out)
    flow = upload.UploadFlow()
    flow.receive(store, out.getvalue(), "rumus.xlsx")
    batch = flow.commit(store, "dina").batch_id
    names = [r[0] for r in store.execute("select nama from enrolment where batch_id = ?", [batch]).fetchall()]
    assert "2" not in names


SQL_NAMES = ["Robert'); DROP TABLE participant;--", "' OR '1'='1", "x\"; delete from batch; --",
             "1; update meta set value = '999' where key = 'data_version'"]


def test_sql_looking_names_are_stored_as_data(store):
    records = ex.rows(len(SQL_NAMES))
    for record, name in zip(records, SQL_NAMES):
        record[ex.HEADER.index("NAMA")] = name
    version = db.data_version(store)
    flow = upload.UploadFlow()
    flow.receive(store, ex.csv_bytes(records), "sql.csv")
    batch = flow.commit(store, "dina").batch_id
    stored = [r[0] for r in store.execute("select nama from enrolment where batch_id = ? order by row_number",
                                          [batch]).fetchall()]
    assert stored == SQL_NAMES
    assert db.data_version(store) == version + 1
    assert store.execute("select count(*) from participant").fetchone()[0] == 8 + len(SQL_NAMES)
    assert len(batch_admin.batches(store)) == 2


def test_sql_looking_desa_is_a_rejection_not_a_query(store):
    before = ex.snapshot(store)
    flow = upload.UploadFlow()
    flow.receive(store, ex.csv_bytes(ex.rows(2, DESA_KELURAHAN="x' OR 1=1; DROP TABLE wilayah;--")), "sql.csv")
    assert [n.code for n in flow.draft.notices] == ["nothing_accepted"]
    assert set(flow.draft.checked.rejections["reason_code"]) == {"desa_unknown"}
    assert store.execute("select count(*) from wilayah").fetchone()[0] == 70
    assert ex.snapshot(store) == before


@pytest.mark.parametrize("given, stored", [
    ("../../etc/passwd.csv", "passwd.csv"),
    ("..\\..\\Windows\\System32\\data.csv", "data.csv"),
    ("C:\\Users\\dina\\Desktop\\peserta.csv", "peserta.csv"),
    ("/tmp/../../root/.ssh/peserta.csv", "peserta.csv"),
    ("\u202evsc.exe.csv", "vsc.exe.csv"),
    ("<script>alert(1)</script>.csv", "script_.csv"),
    ("a" * 300 + ".csv", "a" * 116 + ".csv"),
])
def test_path_like_file_names_are_reduced_to_a_safe_base_name(store, tmp_path, monkeypatch, given, stored):
    monkeypatch.chdir(tmp_path)  # nothing may be written anywhere: the folder must stay empty
    flow = upload.UploadFlow()
    flow.receive(store, GOOD, given)
    assert flow.file_name == readers.sanitise_file_name(given)
    assert flow.state == upload.PREVIEW, flow.error and flow.error.message_en
    batch = flow.commit(store, "dina").batch_id
    name = store.execute("select file_name from batch where batch_id = ?", [batch]).fetchone()[0]
    assert "/" not in name and "\\" not in name and not name.startswith(".") and "\u202e" not in name
    assert name == stored
    assert list(tmp_path.iterdir()) == []


def test_duplicate_upload_is_refused_and_changes_nothing(store):
    first = upload.UploadFlow()
    first.receive(store, GOOD, "a.csv")
    first.commit(store, "dina")
    before = ex.snapshot(store)
    again = upload.UploadFlow()
    again.receive(store, GOOD, "a (1).csv")
    assert [n.code for n in again.draft.notices] == ["duplicate"]
    assert "sudah dimuat" in again.draft.notices[0].message_id
    with pytest.raises(upload.UploadRefused):
        again.commit(store, "dina")
    assert ex.snapshot(store) == before


def test_file_for_another_regency_is_refused_and_changes_nothing(store):
    before = ex.snapshot(store)
    flow = upload.UploadFlow()
    flow.receive(store, ex.csv_bytes(ex.rows(20, places=ex.DENPASAR)), "peserta_denpasar.csv")
    assert [n.code for n in flow.draft.notices] == ["other_region"]
    assert "tampaknya untuk kabupaten lain" in flow.draft.notices[0].message_id
    with pytest.raises(upload.UploadRefused):
        flow.commit(store, "dina")
    assert ex.snapshot(store) == before
