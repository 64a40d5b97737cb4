"""Hostile input, generated: whatever bytes, CSV/XLSX shapes or Unicode arrive, the answer is a clear refusal
(readers.ExtractError) or a report of every row, never another exception, and a refusal changes nothing.
Also: a file gives the same counts through the browser path and the command-line path.

Runs are bounded (max_examples, no deadline) so the suite stays fast; hypothesis keeps no database here.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from jamsostek import settings as app_settings
from jamsostek.ingest import bulk, readers, upload
from jamsostek.ingest import load as ingest
from jamsostek.ingest.validate import Validator
from jamsostek.store import db
from tests import extracts as ex
from tests.conftest import SASARAN, load_sasaran

BOUNDED = settings(max_examples=25, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
# Printable text of any script (control characters make a file binary junk: test_random_bytes covers that).
PRINTABLE = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20)
SEPARATORS = st.sampled_from([",", ";", "\t"])


def outcome(data: bytes, name: str):
    """The checked file, or the refusal; any other exception fails the test."""
    try:
        raw = readers.read_extract(data, name)
    except readers.ExtractError as error:
        assert error.message_id and error.message_en and error.code
        return error
    checked = Validator("51.04").validate(raw.fields())
    assert checked.rows_total == len(raw.rows)
    assert checked.rows_total == (len(checked.accepted) + checked.rows_rejected + checked.rows_blank
                                  + checked.rows_duplicate)
    assert set(checked.rejections["row_number"]) | set(checked.accepted["row_number"]) == set(raw.rows["_row"])
    return checked


@BOUNDED
@given(data=st.binary(max_size=2000), name=st.sampled_from(["x.csv", "x.xlsx", "x.txt", "x.tsv", "x.pdf"]))
def test_random_bytes(data, name):
    outcome(data, name)


@BOUNDED
@given(sep=SEPARATORS, header=st.permutations(ex.HEADER).map(lambda h: h[: 9 + len(h) % 6]),
       cells=st.lists(st.lists(TEXT, min_size=0, max_size=16), max_size=12))
def test_random_csv_structures(sep, header, cells):
    out = io.StringIO()
    csv.writer(out, delimiter=sep).writerows([header, *cells])
    outcome(out.getvalue().encode("utf-8"), "acak.csv")


VALUE = st.one_of(st.none(), TEXT, st.integers(-10**18, 10**18), st.floats(allow_nan=True), st.booleans())


@BOUNDED
@given(cells=st.lists(st.lists(VALUE, max_size=15), max_size=8))
def test_random_xlsx_structures(cells):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(ex.HEADER)
    for record in cells:
        ws.append([openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                   for v in record])
    data = io.BytesIO()
    book.save(data)
    outcome(data.getvalue(), "acak.xlsx")


@BOUNDED
@given(column=st.sampled_from(ex.HEADER), values=st.lists(PRINTABLE, min_size=1, max_size=10))
def test_random_unicode_in_every_column_is_a_reported_row(column, values):
    key = column.replace("/", "_").replace(" ", "_")
    records = [ex.row(i, **{key: v.replace("\r", " ").replace("\n", " ")}) for i, v in enumerate(values)]
    checked = outcome(ex.csv_bytes(records), "unicode.csv")
    assert not isinstance(checked, readers.ExtractError)
    for text in checked.rejections["reason_id"]:
        assert ex.nik(0)[:12] not in text  # never the NIK in a reason


@pytest.fixture(scope="module")
def store():
    con = db.memory()
    load_sasaran(con, SASARAN)
    yield con
    con.close()


@BOUNDED
@given(data=st.one_of(st.binary(max_size=500), st.lists(st.lists(TEXT, max_size=14), max_size=5).map(
    lambda rows: ex.csv_bytes(rows))))
def test_a_refused_or_rejected_upload_leaves_the_store_as_it_was(store, data):
    before = ex.snapshot(store)
    flow = upload.UploadFlow()
    flow.receive(store, data, "acak.csv")
    assert flow.state in (upload.PREVIEW, upload.FAILED)
    if flow.state == upload.PREVIEW and not flow.draft.can_commit:
        with pytest.raises(upload.UploadRefused):
            flow.commit(store, "dina")
    if flow.state != upload.COMMITTED:
        assert ex.snapshot(store) == before


def _counts(result) -> tuple[int, ...]:
    return (result.rows_total, result.rows_accepted, result.rows_rejected, result.rows_blank,
            result.rows_duplicate)


FILES = sorted(p for p in app_settings.SAMPLE_DIR.iterdir() if p.name.startswith("peserta_")
               and not p.name.endswith(".expected.csv"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_same_file_gives_the_same_counts_in_the_browser_and_on_the_command_line(path, tmp_path):
    browser, command_line, streamed = (db.memory() for _ in range(3))
    for con in (browser, command_line, streamed):
        load_sasaran(con, SASARAN)
    flow = upload.UploadFlow()
    flow.receive(browser, path.read_bytes(), path.name)
    shown = flow.draft.checked
    via_browser = (shown.rows_total, len(shown.accepted), shown.rows_rejected, shown.rows_blank,
                   shown.rows_duplicate)
    assert _counts(flow.commit(browser, "dina")) == via_browser
    assert _counts(ingest.ingest_file(command_line, path)) == via_browser
    if path.suffix == ".csv":
        assert _counts(bulk.ingest_bulk(streamed, path)) == via_browser
    assert sum(via_browser[1:]) == via_browser[0]
