"""Minutes of a meeting: XLSX and PDF carry the frozen figures, the actions and the snapshot hash."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from jamsostek.store import db
from jamsostek.meetings import minutes
from jamsostek.meetings import weekly as mt
from tests.conftest import KETEWEL, SUKAWATI, load_rows
from tests.test_meetings import BATCH_2, FIRST, FIRST_AS_OF, NOON, SECOND, SECOND_AS_OF, fill


@pytest.fixture(scope="module")
def meeting():
    """Two meetings on the two-batch fixture, one overdue and one done action: (since, agenda)."""
    con = db.memory()
    fill(con)
    first = mt.create_meeting(con, FIRST, as_of=FIRST_AS_OF, created_by="sekretariat", now=NOON)
    load_rows(con, BATCH_2, "februari.csv")
    second = mt.create_meeting(con, SECOND, as_of=SECOND_AS_OF, title="Rapat mingguan", now=NOON)
    mt.add_action(con, first, level="desa", kode_wilayah=KETEWEL, what="Sosialisasi kelompok nelayan",
                  who="Camat Sukawati", due_date=date(2026, 1, 20), now=NOON)
    done = mt.add_action(con, first, level="kecamatan", kode_wilayah=SUKAWATI, what="Data sasaran diperbarui",
                         who="Bappeda", due_date=date(2026, 1, 30), now=NOON)
    mt.update_action(con, done, 1, status="selesai", due_date=date(2026, 1, 30), who="Bappeda",
                     now=datetime(2026, 1, 28, 10, 0))
    yield mt.since_last(con, second), mt.actions_for(con, second)
    con.close()


def test_xlsx_has_every_table_and_the_hash_on_each_sheet(meeting):
    since, agenda = meeting
    book = load_workbook(io.BytesIO(minutes.to_xlsx(since, agenda, "id")))
    assert book.sheetnames == ["Rapat", "Angka utama", "Tindak lanjut", "Per kecamatan", "Desa pindah kelas",
                               "Kelompok masih nol", "Per desa"]
    for sheet in book.worksheets:
        assert sheet["A1"].value == "Rapat 3 Februari 2026 · Rapat mingguan"
        assert since.now.snapshot_sha256 in sheet["A2"].value and "2 Februari 2026" in sheet["A2"].value
    facts = {row[0]: row[1] for row in book["Rapat"].iter_rows(min_row=5, values_only=True)}
    assert facts["SHA-256 angka"] == since.now.snapshot_sha256
    assert facts["Dibandingkan dengan"] == "Rapat 6 Januari 2026" and facts["Batch data"] == "1,2"
    actions = list(book["Tindak lanjut"].iter_rows(min_row=5, values_only=True))
    header = list(book["Tindak lanjut"].iter_rows(min_row=4, max_row=4, values_only=True))[0]
    rows = [dict(zip(header, row)) for row in actions]
    assert [(r["Tindakan"], r["Status"], r["Terlambat"]) for r in rows] == [
        ("Sosialisasi kelompok nelayan", "Baru", "ya"), ("Data sasaran diperbarui", "Selesai", "tidak")]
    moves = list(book["Desa pindah kelas"].iter_rows(min_row=5, values_only=True))
    assert [(r[0], r[-1]) for r in moves] == [("Batubulan", "turun"), ("Ketewel", "naik")]


def test_xlsx_headline_numbers_stay_numbers(meeting):
    since, agenda = meeting
    book = load_workbook(io.BytesIO(minutes.to_xlsx(since, agenda, "en")))
    rows = list(book["Headline figures"].iter_rows(min_row=5, values_only=True))
    assert rows[0] == ("Participants enrolled", 5, 8, 3)
    assert rows[1] == ("Lapsed participants", 0, 2, 2)


def test_xlsx_is_reproducible(meeting):
    since, agenda = meeting
    assert minutes.to_xlsx(since, agenda, "id") == minutes.to_xlsx(since, agenda, "id")


@pytest.mark.parametrize(("lang", "words"), [
    ("id", ["Notulen: Rapat 3 Februari 2026", "Sosialisasi kelompok nelayan", "Per kecamatan", "Sukawati",
            "Sektor yang masih nol", "Pedagang kecil", "Status per 5 Februari 2026"]),
    ("en", ["Minutes: Meeting of 3 February 2026", "Sosialisasi kelompok nelayan", "By district",
            "Sectors still at zero", "Small traders", "Status as of 5 February 2026"]),
])
def test_pdf_holds_figures_actions_and_the_full_hash(meeting, lang, words):
    since, agenda = meeting
    pdf = minutes.to_pdf(since, agenda, lang, printed_on=date(2026, 2, 5))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    compact = text.replace("\n", "").replace(" ", "")
    assert since.now.snapshot_sha256 in compact
    for word in words:
        assert word.replace(" ", "") in compact, word


def test_localize_names_classes_statuses_and_sectors(meeting):
    since, agenda = meeting
    moved = minutes.localize(since.moved_down, minutes.MOVE_COLUMNS, "id")
    assert moved.iloc[0].tolist()[-3:] == ["10–14,9%", "5–9,9%", "turun"]
    zero = minutes.localize(since.zero_by_sector, minutes.ZERO_SECTOR_COLUMNS, "en")
    assert zero.columns.tolist()[:2] == ["Sector", "Villages"]
    assert zero.iloc[0, 0] == "Small traders"


def test_the_minutes_carry_the_usulan_funnel_between_the_meeting_dates_when_there_is_one(meeting):
    since, agenda = meeting
    assert since.funnel is None  # no list in the fixture: no sheet, no section
    assert "Usulan calon peserta" not in load_workbook(io.BytesIO(minutes.to_xlsx(since, agenda, "id"))).sheetnames
    counted = dataclasses.replace(since, funnel={"proposed_workers": 12, "verified_workers": 9,
                                                 "registered_workers": 7, "enrolled_workers": 3})
    book = load_workbook(io.BytesIO(minutes.to_xlsx(counted, agenda, "id")))
    rows = list(book["Usulan calon peserta"].iter_rows(min_row=5, values_only=True))
    assert rows == [("Diusulkan", 12), ("Terverifikasi", 9), ("Didaftarkan", 7), ("Menjadi peserta", 3)]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(minutes.to_pdf(counted, agenda, "id"))).pages)
    assert "Usulan calon peserta sejak rapat lalu" in text
    assert "12 diusulkan → 9 terverifikasi → 7 didaftarkan → 3 menjadi peserta" in " ".join(text.split())
    assert "tidak dibekukan" in text  # live counts, said so in the frozen record
