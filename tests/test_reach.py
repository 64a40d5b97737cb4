"""Who is reached: sex and age from the NIK, grouped per desa/kecamatan/region, small cells hidden from viewers."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pandas as pd
import pytest

from jamsostek.analysis import reach
from jamsostek.ingest import load as ingest
from jamsostek.ingest.validate import Validated
from jamsostek.store import db
from tests.conftest import AS_OF, BATUBULAN, MAS, SASARAN, enrolment_frame, load_sasaran

ALL = dict(kecamatan=None, sektor=None, program=None, sumber=None)
PROTECTED = ("JKK JKM", "2025-11-03", "2026-12-31", "APBD")
# NIK (digits 7-12 = DDMMYY, day + 40 for women), desa; age on AS_OF = 10 Jan 2026 worked out by hand.
PEOPLE = [
    ("5104011505900001", MAS),  # L, 15-05-1990: 35
    ("5104015505900002", MAS),  # P, 15-05-1990: 35
    ("5104015101060003", MAS),  # P, 11-01-2006: 19 (birthday tomorrow)
    ("5104011001060004", MAS),  # L, 10-01-2006: 20 (birthday today)
    ("5104013102900005", MAS),  # L, 31-02-1990: no such date, age unknown
    ("5104013501900006", MAS),  # day 35: neither a man's (01-31) nor a woman's (41-71) day
    ("5104010101200007", MAS),  # L, 01-01-20: 2020 would be 6 years old, so 1920: 106
    ("5104010101150008", MAS),  # L, 01-01-2015: 11
    ("5104011505900009", BATUBULAN),  # L, 35
]
LAPSED = ("5104011505900010", MAS)  # L, 35, but paid only to 31 Dec 2025: not counted


@pytest.fixture
def store():
    con = db.memory()
    load_sasaran(con, SASARAN)
    rows = [(str(i).zfill(2), desa, "petani", *PROTECTED) for i, (_, desa) in enumerate(PEOPLE, 1)]
    rows.append(("10", LAPSED[1], "petani", "JKK JKM", "2025-11-03", "2025-12-31", "APBD"))
    frame = enrolment_frame(rows)
    frame["nik"] = [n for n, _ in PEOPLE] + [LAPSED[0]]
    raw = SimpleNamespace(file_name="reach.csv", sha256=hashlib.sha256(b"reach").hexdigest())
    empty = pd.DataFrame(columns=["row_number", "field", "reason_code", "reason_id", "reason_en"])
    ingest.commit_extract(con, raw, Validated(frame, empty, len(frame)), loaded_by="test")
    yield con
    con.close()


def rows(store):
    return db.run_query(store, "protected_by_sex_age", as_of=AS_OF, **ALL)


def test_sex_and_age_come_from_the_nik(store):
    got = rows(store)
    mas = got[got["kode_desa"] == MAS]
    cells = {(s if isinstance(s, str) else None, None if pd.isna(a) else int(a)): n
             for s, a, n in zip(mas["jenis_kelamin"], mas["umur"], mas["protected_workers"])}
    assert cells == {("L", 35): 1, ("P", 35): 1, ("P", 19): 1, ("L", 20): 1, ("L", None): 1, (None, None): 1,
                     ("L", 106): 1, ("L", 11): 1}
    assert got.loc[got["kode_desa"] == BATUBULAN, "protected_workers"].sum() == 1
    assert got["protected_workers"].sum() == 9  # the lapsed worker is not protected


def test_query_follows_the_filters(store):
    assert db.run_query(store, "protected_by_sex_age", as_of=AS_OF, **{**ALL, "kecamatan": "51.04.01"}
                        )["protected_workers"].sum() == 1  # Batubulan only
    assert db.run_query(store, "protected_by_sex_age", as_of=AS_OF, **{**ALL, "sumber": "CSR"}).empty


@pytest.mark.parametrize("age, group", [(11, "< 25"), (24, "< 25"), (25, "25–34"), (44, "35–44"), (64, "55–64"),
                                        (65, "≥ 65"), (106, "≥ 65"), (None, "?"), (float("nan"), "?")])
def test_age_groups(age, group):
    assert reach.age_group(age) == group


def test_grouped_per_desa_and_region(store):
    grouped = reach.group_ages(rows(store), "desa")
    mas = grouped[grouped["kode_desa"] == MAS].set_index(["jenis_kelamin", "umur_kelompok"])["protected_workers"]
    assert mas[("L", "< 25")] == 2 and mas[("L", "35–44")] == 1 and mas[("L", "≥ 65")] == 1
    assert mas[("L", "?")] == 1 and mas[("P", "< 25")] == 1 and mas[("?", "?")] == 1
    assert mas[("P", "55–64")] == 0  # every known group is listed, zeros included
    assert ("P", "?") not in mas.index  # unknown rows only where someone has them
    region = reach.group_ages(rows(store), "region")
    assert region["protected_workers"].sum() == 9


def test_viewers_see_no_cell_under_five(store):
    table = reach.sex_age_table(reach.group_ages(rows(store), "region"), show_small=False)
    assert (table.isin([reach.HIDDEN]) | ~table.apply(lambda c: c.between(1, 4))).all().all()
    assert table.loc["< 25", "L"] == reach.HIDDEN and table.loc["< 25", "total"] == reach.HIDDEN
    assert table.loc["25–34", "L"] == 0  # nobody: a zero reveals no one
    full = reach.sex_age_table(reach.group_ages(rows(store), "region"), show_small=True)
    assert full.loc["< 25", "L"] == 2 and full.loc["< 25", "P"] == 1 and full.loc["< 25", "total"] == 3
    assert full.loc["35–44", "total"] == 3  # two men (Mas, Batubulan) and one woman


def test_a_single_hidden_cell_takes_the_next_smallest_with_it():
    grouped = pd.DataFrame({"jenis_kelamin": ["L", "L", "P"], "umur_kelompok": ["25–34", "35–44", "35–44"],
                            "protected_workers": [12, 3, 7]})
    table = reach.sex_age_table(grouped, show_small=False)
    # 3 alone would come back as total - 12 - 7: the 7 is hidden as well.
    assert table.loc["35–44", "L"] == reach.HIDDEN and table.loc["35–44", "P"] == reach.HIDDEN
    assert table.loc["25–34", "L"] == 12 and table.loc["25–34", "total"] == 12


def test_sex_summary_hides_the_share_with_a_hidden_count(store):
    grouped = reach.group_ages(rows(store), "kecamatan")
    shown = reach.sex_summary(grouped, "kecamatan", show_small=False).set_index("kecamatan")
    full = reach.sex_summary(grouped, "kecamatan", show_small=True).set_index("kecamatan")
    assert (full.loc["Ubud", "L"], full.loc["Ubud", "P"]) == (5, 2)  # Mas; the day-35 NIK has no sex
    assert full.loc["Ubud", "women_pct"] == pytest.approx(100 * 2 / 7)
    assert shown.loc["Ubud", "L"] == 5 and shown.loc["Ubud", "P"] == reach.HIDDEN
    assert pd.isna(shown.loc["Ubud", "women_pct"])  # 5 men and a share would give the 2 women back


def test_display_writes_hidden_cells_as_under_five():
    frame = pd.DataFrame({"kecamatan": ["Ubud"], "L": [reach.HIDDEN], "P": [1234], "women_pct": [55.5]})
    out = reach.display(frame, "id")
    assert out.iloc[0].tolist() == ["Ubud", "< 5", "1.234", 55.5]
    assert list(out.columns) == ["Kecamatan", "Laki-laki", "Perempuan", "% perempuan"]


# --- on the pages (the app's shared session store: the shipped sample) ------------------------------
from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.test_pages import DASHBOARD, TIMEOUT, app_store, open_app, query  # noqa: E402,F401


def test_ringkasan_shows_who_is_protected_with_small_cells_hidden(app_store, query):
    at = open_app("pages/ringkasan.py")
    assert "Siapa yang terlindungi" in [s.value for s in at.subheader]
    as_of = at.date_input(key="flt_as_of").value
    got = query("protected_by_sex_age", as_of=as_of, **ALL)
    table = reach.sex_age_table(reach.group_ages(got, "region"), show_small=False)
    shown = reach.display(table.rename_axis("umur_kelompok").reset_index(), "id")
    reach_frames = [d.value for d in at.dataframe if "Laki-laki" in d.value.columns]
    assert len(reach_frames) == 2 and any(f.equals(shown) for f in reach_frames)
    for frame in reach_frames:  # no count of 1-4 in either table (Gianyar's counts are all large)
        assert not set(frame.drop(columns=frame.columns[0]).astype(str).to_numpy().ravel()) & {"1", "2", "3", "4"}
    assert any("< 5" in c.value and "NIK" in c.value for c in at.caption)


def _desa_panel(role: str | None):
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    if role:
        at.session_state["_auth_role"], at.session_state["_auth_user"] = role, f"test.{role}"
    at.run()
    at.switch_page("pages/peta.py")
    at.session_state["peta_map"] = {"selection": {"points": [{"location": MAS}]}}
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    (frame,) = [d.value for d in at.dataframe if "Laki-laki" in d.value.columns]
    return at, frame


@pytest.mark.parametrize("role, small", [(None, False), ("admin", True)])
def test_desa_panel_by_sex_and_age(app_store, query, role, small):
    at, frame = _desa_panel(role)
    got = query("protected_by_sex_age", as_of=at.date_input(key="flt_as_of").value, **ALL)
    table = reach.sex_age_table(reach.group_ages(got[got["kode_desa"] == MAS], "desa"), show_small=small)
    assert frame.equals(reach.display(table.rename_axis("umur_kelompok").reset_index(), "id"))
    assert (table == reach.HIDDEN).any().any() != small  # Mas has small cells: hidden from viewers only


def test_nobody_protected_gives_zeros_not_errors(store):
    empty = db.run_query(store, "protected_by_sex_age", as_of=AS_OF, **{**ALL, "sumber": "CSR"})
    table = reach.sex_age_table(reach.group_ages(empty, "region"), show_small=False)
    assert table.to_numpy().sum() == 0 and list(table.columns) == ["L", "P", "total"]
    assert reach.sex_summary(reach.group_ages(empty, "kecamatan"), "kecamatan", show_small=False).empty
