"""The Usulan page: counts for everyone, no NIK or name for a viewer; the masked verification table for the
admin only; English through the catalogue."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from jamsostek.store import db
from jamsostek.usulan import store as usulan
from tests.test_pages import DASHBOARD, TIMEOUT, app_store  # noqa: F401

PAGE = "pages/usulan.py"
LODTUNDUH = "51.04.05.2001"  # Lodtunduh (Ubud)
NIKS = ["5104055708819871", "5104051203959872", "1234"]
NAMES = ["Ni Luh Sekarwangi", "Komang Wirasatya", "Gede Tanpanik"]


@pytest.fixture(scope="module")
def proposed(app_store):  # noqa: F811
    con = db.connect(app_store)
    rows = [(i + 2, n, m, "petani", "") for i, (n, m) in enumerate(zip(NIKS, NAMES))]
    usulan.propose(con, LODTUNDUH, pd.DataFrame(rows, columns=usulan.CANDIDATE_COLUMNS), "desa.lodtunduh",
                   date.today(), "usulan.csv")
    con.close()
    return app_store


def open_page(role=None, user=None):
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    if role:
        at.session_state["_auth_role"], at.session_state["_auth_user"] = role, user
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def everything(at) -> str:
    texts = [e.value for kind in (at.markdown, at.caption, at.info, at.subheader, at.selectbox) for e in kind
             if isinstance(getattr(e, "value", None), str)]
    frames = [d.value.astype(str).to_csv() for d in at.dataframe]
    options = [" ".join(map(str, s.options)) for s in at.selectbox]
    return " ".join(texts + frames + options)


def test_a_viewer_sees_the_funnel_counts_and_no_person(proposed):
    at = open_page()
    assert at.title[0].value == "Usulan"
    (desa,) = [d.value for d in at.dataframe if "Desa" in d.value.columns]
    row = desa.set_index("Desa").loc["Lodtunduh"]
    assert (row["Diusulkan"], row["Lolos verifikasi"], row["Didaftarkan"], row["Terdaftar"]) == (3, 2, 0, 0)
    assert "Verifikasi" not in [s.value for s in at.subheader]
    shown = everything(at)
    assert not any(n in shown for n in NIKS[:2] + NAMES)


def test_an_admin_sees_the_candidates_masked_with_their_status(proposed):
    at = open_page("admin", "dinas.data")
    assert "Verifikasi" in [s.value for s in at.subheader]
    (table,) = [d.value for d in at.dataframe if "Status" in d.value.columns]
    mine = table[table["Desa"] == "Lodtunduh"]
    assert list(mine["NIK"]) == ["************9871", "************9872", "****"]
    assert list(mine["Nama"]) == ["N*** L*** S***", "K*** W***", "G*** T***"]
    assert list(mine["Status"]) == ["Lolos", "Lolos", "Ditolak"]
    assert not any(n in everything(at) for n in NIKS[:2] + NAMES)


def test_the_page_in_english(proposed):
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception and at.title[0].value == "Candidates"
    assert any("Proposed" in d.value.columns for d in at.dataframe)
