"""Privacy walk: every page (globbed) as a viewer on the sample data shows no NIK and no participant name.

Everything a viewer can reach is collected: every element of every page (titles, text, tables, charts,
widgets' options), every download's bytes, the address bar, and the log records written meanwhile.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from pypdf import PdfReader
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from jamsostek import settings
from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.access import privacy

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


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    """The shipped sample in a tmp store, with the names and NIKs it holds."""
    folder = tmp_path_factory.mktemp("walk")
    path = ingest.ensure_store(folder / "jamsostek.duckdb")
    con = db.connect(path)
    names = [r[0] for r in con.execute("select distinct nama from enrolment where nama <> ''").fetchall()]
    niks = {r[0] for r in con.execute("select nik from enrolment").fetchall()}
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
        self.active, self.texts = True, []

    def record(self, data) -> None:
        if self.active:
            content = data() if callable(data) else data
            self.texts.append(document_text(content if isinstance(content, bytes) else str(content).encode()))


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
    parts = [str(node.proto) for node in _walk(at._tree) if getattr(node, "proto", None) is not None]
    parts += [df.value.to_csv() for df in at.dataframe]
    parts += [f"{k}={v}" for k, v in at.query_params.items()]
    return "\n".join(parts)


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


def assert_private(text: str, names: list[str], niks: set[str]) -> None:
    assert not any(nik in text for nik in niks), "a participant's NIK is shown"
    found = privacy.find_personal_data(text, names)
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
    assert downloads.texts or page in ADMIN_PAGES or page == "pages/rapat.py", "the walk read no download"
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
