"""Privacy walk: every page (globbed) as a viewer on the sample data shows no NIK and no participant name.

Everything a viewer can reach is collected: every element of every page (titles, text, tables, charts,
widgets' options), every download's bytes, the address bar, and the log records written meanwhile.
Before the walk a NIK and a participant's name are planted in every free text a person can put in: the
file name of a batch, a scenario's name (which also starts like a spreadsheet formula), a meeting's title,
an action's text, person and note, and the names of who recorded them; and a candidate list (usulan) with
a candidate's NIK and a participant's name, its file name, and a verifier's note.
"""

from __future__ import annotations

import io
import logging
import os
import re
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow as pa
import pytest
import streamlit as st
from pypdf import PdfReader
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from jamsostek import settings
from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.access import privacy
from jamsostek.meetings import weekly as mt
from jamsostek.plan import allocation as al
from jamsostek.plan import scenarios
from jamsostek.usulan import store as usulan
from jamsostek.sample import store as sample_builder

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
ADMIN_PAGES = ("pages/unggah.py", "pages/riwayat.py")
TIMEOUT = 180
SAMPLE_READY = all((settings.SAMPLE_DIR / n).exists() for n in (*ingest.SAMPLE_FILES, ingest.SAMPLE_SASARAN))
pytestmark = pytest.mark.skipif(not SAMPLE_READY, reason="the shipped sample (data/sample) is not there")

# URL values that look like attacks: they must give a notice, never an exception or an echo.
HOSTILE_URL = {"kec": "' OR 1=1;--", "sektor": "petani'; DROP TABLE participant;--", "tanggal": "1; select nik",
               "desa": "51.04.01.2001' union select nik from participant--", "lang": "<script>"}


PLANTED_NIK = "5104052508607000"  # NIK-shaped, not a participant's: masked as any NIK must be
CANDIDATE_NIK = "5104051505900777"  # a candidate's (verified, registered): never shown to a viewer
FORMULA = "=cmd|'/c calc'!A1"
FORMULA_PAGES = ("pages/rencana.py", "pages/rapat.py")  # scenario comparison tables, the minutes' actions


def plant(con: db.Connection, folder: Path, name: str) -> None:
    """A NIK and a participant's name in every free text a person can put in, as they would type it."""
    extract = folder / f"peserta_{PLANTED_NIK}_{name}.csv"
    lines = (settings.SAMPLE_DIR / "peserta_2026-11-20.csv").read_text(encoding="utf-8").splitlines()
    extract.write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")  # a new file: a new batch
    assert ingest.ingest_file(con, extract, loaded_by=f"{name} {PLANTED_NIK}").batch_id
    cells = db.run_query(con, "gap_desa_sector", as_of=date(2026, 11, 20), kecamatan=None, sektor=None,
                         program=None, sumber=None)
    plan = al.plan(cells, al.PlanInput(budget_rp=10 * 12 * settings.CONTRIBUTION_RP_PER_MONTH, months=12))
    scenarios.save(con, f"{FORMULA} peserta {PLANTED_NIK} {name}", plan, as_of=date(2026, 11, 20),
                   saved_by=f"{name} {PLANTED_NIK}")
    meeting = mt.create_meeting(con, date(2026, 11, 24), title=f"Rapat dengan {name}", created_by=name)
    action = mt.add_action(con, meeting, level="kecamatan", kode_wilayah="51.04.05", what=f"Kunjungi {name}",
                           who=name, due_date=date(2026, 12, 1), note=f"{FORMULA} {name}", actor=name)
    mt.update_action(con, action, 1, status="berjalan", due_date=date(2026, 12, 1), who=f"{name} dan camat",
                     note=f"{FORMULA} telepon {name}", actor=name)
    candidates = pd.DataFrame([(2, CANDIDATE_NIK, f"Calon {name}", "petani", "081234567"),
                               (3, PLANTED_NIK, name, "petani", "")], columns=usulan.CANDIDATE_COLUMNS)
    list_id = usulan.propose(con, "51.04.05.2002", candidates, f"desa {name}", date(2026, 11, 20),
                             f"usulan_{PLANTED_NIK}_{name}.csv")
    usulan.override(con, list_id, 3, "rejected", f"{FORMULA} {name} {PLANTED_NIK}", name)
    usulan.register(con, name)


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    """The shipped sample in a tmp store with planted free texts, and the names and NIKs it holds."""
    folder = tmp_path_factory.mktemp("walk")
    path = sample_builder.ensure_store(folder / "jamsostek.duckdb")
    con = db.connect(path)
    names = [r[0] for r in con.execute("select distinct nama from enrolment where nama <> ''").fetchall()]
    plant(con, folder, sorted(names)[len(names) // 2].title())  # as a person types it, not as stored
    niks = {r[0] for r in con.execute("select nik from enrolment").fetchall()} | {PLANTED_NIK, CANDIDATE_NIK}
    niks |= {r[0] for r in con.execute("select nik from usulan_candidate").fetchall()}  # the sample round's
    con.close()
    saved = {k: os.environ.get(k) for k in (settings.ENV_DB, settings.ENV_CACHE_DIR, "JAMSOSTEK_ADMINS")}
    os.environ[settings.ENV_DB], os.environ[settings.ENV_CACHE_DIR] = str(path), str(folder / "cache")
    os.environ.pop("JAMSOSTEK_ADMINS", None)
    yield path, names, niks
    for key, value in saved.items():
        os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)


class Downloads:
    """Text of every download button drawn while `active` (deferred data is generated, as a click would).

    Documents are read as a person would read them: PDF text (pypdf), every XLSX cell, CSV as text.
    An image (the meeting card) is left out: it carries only aggregates drawn as pixels.
    """

    def __init__(self) -> None:
        self.active, self.texts, self.sheets = True, [], []

    def record(self, data) -> None:
        if self.active:
            content = data() if callable(data) else data
            content = content if isinstance(content, bytes) else str(content).encode()
            self.texts.append(document_text(content))
            if not content.startswith((b"%PDF", b"\x89PNG")):
                self.sheets.append(self.texts[-1])  # what a spreadsheet opens: CSV and XLSX


def document_text(content: bytes) -> str:
    if content.startswith(b"%PDF"):
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    if content.startswith(b"PK"):
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None)
    if content.startswith(b"\x89PNG"):
        return ""
    return content.decode("utf-8", errors="replace")


@pytest.fixture
def downloads(monkeypatch):
    recorder = Downloads()
    original = DeltaGenerator.download_button

    def record(self, label, data, *args, **kwargs):
        recorder.record(data)
        return original(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", record)
    monkeypatch.setattr(st, "download_button", lambda *a, **k: record(st._main, *a, **k))
    return recorder


def page_text(at: AppTest) -> str:
    """Every element of the rendered app as text (protos include tables' bytes and charts' JSON)."""
    parts = [proto_text(node.proto) for node in _walk(at._tree) if getattr(node, "proto", None) is not None]
    parts += [df.value.to_csv() for df in at.dataframe]
    parts += [f"{k}={v}" for k, v in at.query_params.items()]
    return "\n".join(parts)


def proto_text(message) -> str:
    """A proto as text, with each Arrow table it carries read as that table (CSV) rather than as a byte dump.

    An Arrow buffer puts a column's strings side by side with nothing between them, so numbers such as
    "1.221" and "350" next to each other can form 16 digits in a row that no reader would ever see.
    """
    copy, tables = type(message)(), []
    copy.CopyFrom(message)
    _read_tables(copy, tables)
    return "\n".join([str(copy), *tables])


def _read_tables(message, tables: list[str]) -> None:
    for field, value in list(message.ListFields()):
        if field.type == field.TYPE_MESSAGE:
            for item in value if field.is_repeated else [value]:
                _read_tables(item, tables)
        elif field.type == field.TYPE_BYTES and not field.is_repeated:
            try:
                tables.append(pa.ipc.open_stream(value).read_pandas().to_csv())
            except (pa.ArrowInvalid, OSError):
                continue  # not an Arrow table: left in the text as it is
            message.ClearField(field.name)


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def open_page(page: str, **query) -> AppTest:
    """The page through dashboard.py; a page not (yet) in the navigation is run on its own,
    as a deep link to it would be."""
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    try:
        at.switch_page(page)
    except ValueError:
        at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
        for key, value in query.items():
            at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


_DIGIT_RUN = re.compile(r"\d{16,}")


def shown_niks(text: str, niks: set[str]) -> set[str]:
    """The NIKs of `niks` anywhere in text, also inside a longer run of digits (one pass over the text)."""
    windows = {run[i:i + 16] for run in _DIGIT_RUN.findall(text) for i in range(len(run) - 15)}
    return windows & niks


def assert_private(text: str, names: list[str], niks: set[str]) -> None:
    assert not shown_niks(text, niks), "a participant's NIK is shown"
    found = privacy.find_personal_data(text, privacy.NameIndex(names))
    assert found == [], found[:10]


@pytest.mark.parametrize("page", PAGES)
def test_viewer_sees_no_nik_and_no_name(sample_store, downloads, caplog, page):
    _, names, niks = sample_store
    caplog.set_level(logging.DEBUG)
    texts = []
    for query in ({}, {"lang": "en", "kec": "51.04.05", "desa": "51.04.05.2002"}, HOSTILE_URL):
        at = open_page(page, **query)
        texts.append(page_text(at))
        downloads.active = False  # documents are read once, in the default view: they are slow to build
    texts += downloads.texts
    assert downloads.texts or page in ADMIN_PAGES, "the walk read no download"
    # Text that starts like a formula is kept as text in every export: it reads '=cmd..., never =cmd...
    assert not any(re.search(r"(?m)(^|[\t,\"])=cmd", text) for text in downloads.sheets)
    if page in FORMULA_PAGES:  # the planted formula is there, as text
        assert any(f"'{FORMULA}" in text for text in downloads.sheets)
    texts += [record.getMessage() for record in caplog.records]
    assert_private("\n".join(texts), names, niks)


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_admin_pages_show_a_viewer_only_the_sign_in_form(sample_store, page):
    at = open_page(page)
    assert not at.file_uploader and not at.dataframe and not at.toggle
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
    assert any("hanya untuk admin data" in i.value for i in at.info)


def test_hostile_url_values_give_a_notice_and_are_not_echoed(sample_store):
    at = open_page("pages/ringkasan.py", **HOSTILE_URL)
    assert any("diabaikan" in w.value for w in at.warning)
    shown = page_text(at)
    assert "DROP TABLE" not in shown and "union select" not in shown and "<script>" not in shown
