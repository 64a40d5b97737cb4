"""Usulan verification: a status and reasons per candidate, from hand-computed NIKs."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from jamsostek.usulan import verify as v

ON = date(2026, 12, 2)
WOMAN_1980 = "5104055508800001"   # Gianyar, day 55 = 15 + 40: a woman born 15 Aug 1980 -> 46
MAN_18_TODAY = "5104010212080002"  # born 2 Dec 2008: 18 on ON (a birthday counts on its day)
MAN_17 = "5104010312080003"        # born 3 Dec 2008: still 17 on ON
MAN_1960 = "5104050101600004"      # born 1 Jan 1960: 66
DENPASAR = "5171011203900005"      # Kota Denpasar (5171), born 12 Mar 1990: 36, moved in
FEB_31 = "5104053102900006"        # 31 Feb: no date


def table(rows):
    return pd.DataFrame([(i + 2, nik, sektor) for i, (nik, sektor) in enumerate(rows)],
                        columns=["row_number", "nik", "sektor"])


@pytest.mark.parametrize("nik, born", [
    (WOMAN_1980, date(1980, 8, 15)), (MAN_18_TODAY, date(2008, 12, 2)), (MAN_1960, date(1960, 1, 1)),
    ("5104050101300001", date(1930, 1, 1)),  # 2030 would be after ON: the 1900s
    ("5104050101260001", date(2026, 1, 1)), (FEB_31, None), ("510405010130000", None), ("51040501013000０1", None),
])
def test_birth_date_from_the_nik(nik, born):
    assert v.birth_date(nik, ON) == born


def test_reasons_and_statuses_per_candidate():
    got = v.verify(table([
        (WOMAN_1980, "petani"), (MAN_18_TODAY, "pengrajin"), (MAN_17, "petani"), (MAN_1960, "nelayan"),
        (DENPASAR, "buruh_harian"), (FEB_31, "petani"), ("12345", "petani"), (WOMAN_1980, "petani"),
        ("5104050505850007", "pilot"), ("5104050606860008", "petani"), ("5104050707870009", "petani"),
    ]), ON, protected={"5104050606860008"}, proposed_elsewhere={"5104050707870009"})
    assert list(got["status"]) == ["verified", "verified", "rejected", "rejected", "flagged", "rejected",
                                   "rejected", "rejected", "rejected", "rejected", "rejected"]
    assert list(got["reasons"]) == ["", "", "age_out_of_range", "age_out_of_range", "region_other",
                                    "nik_invalid", "nik_invalid", "duplicate_in_list", "sector_unknown",
                                    "already_protected", "proposed_elsewhere"]
    assert list(got["age_years"][:5]) == [46, 18, 17, 66, 36]


def test_a_flag_does_not_hide_a_rejection():
    got = v.verify(table([("5171010101500001", "petani")]), ON)  # Denpasar and 76 years old
    assert got.loc[0, "status"] == "rejected" and got.loc[0, "reasons"] == "age_out_of_range;region_other"


def test_the_age_limits_come_from_the_settings_or_the_caller():
    assert v.verify(table([(MAN_17, "petani")]), ON, ages=(17, 65)).loc[0, "status"] == "verified"
    assert v.reason_text("age_out_of_range", "en") == "Age outside the programme's limits (18–65 years)"
    assert v.reason_text("duplicate_in_list", "id", first=4) == "NIK sama dengan baris 4 daftar ini"


def test_reason_texts_exist_in_both_languages_and_quote_no_nik():
    for code, (text_id, text_en) in v.REASONS.items():
        assert text_id and text_en and "{nik" not in text_id + text_en


@hsettings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.text(max_size=20), st.text(max_size=12)), max_size=8))
def test_hostile_cells_get_a_status_never_an_error(rows):
    got = v.verify(table(rows), ON)
    assert set(got["status"]) <= set(v.STATUSES)
    assert all(set(filter(None, r.split(";"))) <= set(v.REASONS) for r in got["reasons"])
