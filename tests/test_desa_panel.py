"""Desa panel: its two questions (desa_sectors, desa_trend) with hand-computed answers, click parsing, trend figure."""

from __future__ import annotations

import pandas as pd
import pytest

from jamsostek.store import db
from jamsostek.analysis import desa_panel
from tests.conftest import AS_OF, BATUBULAN, KETEWEL, MAS, PARTICIPANTS, SASARAN, load_rows, load_sasaran

ALL = {"kecamatan": None, "sektor": None, "program": None, "sumber": None}
NO_ONE = "51.04.07.2001"  # a desa with neither sasaran nor participants in the fixture
CODES = [BATUBULAN, KETEWEL, MAS]


def sectors(store, code, **filters):
    frame = db.run_query(store, "desa_sectors", kode_desa=code, as_of=AS_OF, days=30, **(ALL | filters))
    return {r.sektor: (r.sasaran_workers, r.protected_workers, r.gap_workers, r.lapsing_workers, r.is_reached)
            for r in frame.itertuples()}


@pytest.mark.parametrize("code, filters, expected", [
    # sasaran, protected on AS_OF, gap, lapsing within 30 days, reached
    (BATUBULAN, {}, {"petani": (10, 1, 9, 0, True), "pedagang_kecil": (5, 1, 4, 1, True)}),
    (MAS, {}, {"pengrajin": (8, 1, 7, 1, True), "petani": (2, 0, 2, 0, False), "lainnya": (0, 1, 0, 0, True)}),
    (KETEWEL, {}, {"nelayan": (4, 1, 3, 0, True)}),  # participant 05 starts after AS_OF
    (MAS, {"sektor": "petani"}, {"petani": (2, 0, 2, 0, False)}),
    (BATUBULAN, {"sumber": "MANDIRI"}, {"petani": (10, 0, 10, 0, False), "pedagang_kecil": (5, 1, 4, 1, True)}),
    (NO_ONE, {}, {}),
])
def test_desa_sectors(store, code, filters, expected):
    assert sectors(store, code, **filters) == expected


def test_a_zero_sasaran_is_no_sector_to_reach():
    con = db.memory()
    load_sasaran(con, [*SASARAN, (KETEWEL, "petani", 0)])  # inland-style zero row, nobody enrolled
    load_rows(con, PARTICIPANTS)
    assert sectors(con, KETEWEL) == {"nelayan": (4, 1, 3, 0, True)}
    con.close()


def test_desa_sectors_coverage_and_order(store):
    frame = db.run_query(store, "desa_sectors", kode_desa=MAS, as_of=AS_OF, days=30, **ALL)
    assert frame["sektor"].tolist() == ["pengrajin", "petani", "lainnya"]  # largest gap first
    assert frame["coverage_pct"].tolist()[:2] == [12.5, 0.0] and pd.isna(frame["coverage_pct"].iloc[2])


def test_desa_sectors_add_up_to_the_desa_row(store):
    desa = db.run_query(store, "coverage_by_desa", as_of=AS_OF, **ALL).set_index("kode_desa")
    for code in CODES:
        frame = db.run_query(store, "desa_sectors", kode_desa=code, as_of=AS_OF, days=30, **ALL)
        assert frame["protected_workers"].sum() == desa.loc[code, "protected_workers"]
        assert frame["sasaran_workers"].sum() == desa.loc[code, "sasaran_workers"]


def test_desa_trend_batubulan(store):
    frame = db.run_query(store, "desa_trend", kode_desa=BATUBULAN, as_of=AS_OF, **ALL)
    assert len(frame) == 10  # 7-day weeks ending on 10 Jan 2026, back to 2-8 Nov 2025 (first enrolment anywhere)
    first, lapsed, last = frame.iloc[0], frame.iloc[8], frame.iloc[-1]
    assert (first["new_workers"], first["protected_workers"]) == (2, 2)
    assert lapsed["week_end"] == pd.Timestamp("2026-01-03") and lapsed["protected_workers"] == 1  # 02 ended
    # This week (4-10 Jan): 04 enrolled (03 has no JKM); protected on 10 Jan: 01 and 04.
    assert last["week_end"] == pd.Timestamp(AS_OF) and (last["new_workers"], last["protected_workers"]) == (1, 2)
    assert frame["new_workers"].sum() == 3  # participants 01, 02 and 04 (with JKK and JKM), once each


def test_desa_trend_shares_the_time_axis_and_sums_to_the_region(store):
    region = db.run_query(store, "enrolments_by_week", as_of=AS_OF, **ALL).set_index("week_start")
    weeks = [db.run_query(store, "desa_trend", kode_desa=code, as_of=AS_OF, **ALL).set_index("week_start")
             for code in CODES]
    empty = db.run_query(store, "desa_trend", kode_desa=NO_ONE, as_of=AS_OF, **ALL)
    assert all(w.index.equals(region.index) for w in weeks) and len(empty) == len(region)
    assert (empty["protected_workers"] == 0).all()
    for column in ("new_workers", "protected_workers"):
        assert (sum(w[column] for w in weeks) == region[column]).all()


@pytest.mark.parametrize("event, expected", [
    ({"selection": {"points": [{"location": MAS, "z": 3}]}}, MAS),
    ({"selection": {"points": [{"lat": -8.5, "lon": 115.3}, {"location": KETEWEL}]}}, KETEWEL),  # a border line
    ({"selection": {"points": [{"location": "51.99.99.9999"}]}}, None),  # not a known desa
    ({"selection": {"points": [{"location": ["x"]}]}}, None),
    ({"selection": {"points": []}}, None),
    ({"selection": None}, None),
    ({}, None),
    (None, None),
    ("51.04.05.2002", None),
])
def test_selected_location(event, expected):
    assert desa_panel.selected_location(event, CODES) == expected


@pytest.mark.parametrize("value, expected", [
    (MAS, MAS), ("51.04.05.2002 ", None), ("", None), (None, None), (["51.04.05.2002"], None),
    ("' or 1=1 --", None),
])
def test_valid_code_from_the_url(value, expected):
    assert desa_panel.valid_code(value, CODES) == expected


def test_sector_names(store):
    frame = db.run_query(store, "desa_sectors", kode_desa=MAS, as_of=AS_OF, days=30, **ALL)
    assert desa_panel.sector_names(frame, "id") == (["Pengrajin", "Lainnya"], ["Petani"])
    assert desa_panel.sector_names(frame, "en") == (["Artisans", "Other informal"], ["Farmers"])


@pytest.mark.parametrize("lang, hover, ticks", [
    ("id", "10 Januari 2026<br>Pekerja terlindungi: 2", ["Nov 2025", "Des 2025", "Jan 2026"]),
    ("en", "10 January 2026<br>Protected workers: 2", ["Nov 2025", "Dec 2025", "Jan 2026"]),
])
def test_trend_figure(store, lang, hover, ticks):
    weeks = db.run_query(store, "desa_trend", kode_desa=BATUBULAN, as_of=AS_OF, **ALL)
    fig = desa_panel.trend_figure(weeks, lang)
    (line,) = fig.data
    assert list(line.y) == weeks["protected_workers"].tolist()
    assert line.customdata[-1] == hover
    assert list(fig.layout.xaxis.ticktext) == ticks
    assert fig.layout.yaxis.title.text == ("Pekerja" if lang == "id" else "Workers")


DESA = pd.DataFrame({"kode_desa": [MAS, KETEWEL], "desa": ["Mas", "Ketewel"], "kecamatan": ["Ubud", "Sukawati"],
                     "coverage_pct": [20.0, 50.0]})
LAPSING = pd.DataFrame({"kode_desa": [KETEWEL], "lapsing_workers": [3]})


def test_facts_of_a_desa_without_lapsing_participants():
    row = desa_panel.facts(DESA, LAPSING, MAS)
    assert (row["desa"], row["kecamatan"], row["coverage_pct"], row["lapsing_workers"], row["kabupaten"]) == (
        "Mas", "Ubud", 20.0, 0, None)
    assert desa_panel.place_line(row, MAS, "en") == f"District (kecamatan): Ubud · {MAS}"


def test_facts_in_a_province_name_the_kabupaten():
    wilayah = pd.DataFrame({"kode_desa": [MAS, KETEWEL], "kabupaten": ["Kabupaten Gianyar"] * 2})
    row = desa_panel.facts(DESA, LAPSING, KETEWEL, wilayah)
    assert (row["lapsing_workers"], row["kabupaten"]) == (3, "Kabupaten Gianyar")
    assert desa_panel.place_line(row, KETEWEL, "id") == f"Kecamatan: Sukawati · Kabupaten Gianyar · {KETEWEL}"


def test_the_usulan_funnel_line_of_a_desa_with_candidates_only(store):
    from jamsostek.usulan import store as usulan
    from tests.conftest import nik

    rows = [(2, nik("20"), "Calon A", "pengrajin", ""), (3, nik("01"), "Calon B", "petani", ""),  # 01 protected
            (4, nik("21"), "Calon C", "pengrajin", "")]
    usulan.propose(store, MAS, pd.DataFrame(rows, columns=usulan.CANDIDATE_COLUMNS), "desa.mas", AS_OF)
    usulan.register(store, "dinas.data", MAS)
    load_rows(store, [("20", MAS, "pengrajin", "JKK JKM", "2026-01-05", "2026-12-31", "APBD")], name="later.csv")
    funnel = usulan.funnel(store, AS_OF)
    assert desa_panel.funnel_line(funnel, MAS, "id") == (
        "3 diusulkan → 2 terverifikasi → 2 didaftarkan → 1 menjadi peserta")
    assert desa_panel.funnel_line(funnel, MAS, "en") == "3 proposed → 2 verified → 2 registered → 1 enrolled"
    assert desa_panel.funnel_line(funnel, KETEWEL) is None  # no candidate: nothing shown
