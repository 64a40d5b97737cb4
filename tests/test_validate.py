"""Row rules: each kind of bad input with its reason, and good rows shaped for the store."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from jamsostek.ingest.validate import REASONS, Validator, parse_dates, reason_text

GOOD = {
    "nik": "5104011505900001", "nama": "Wayan Contoh", "no_kpj": "90000000001", "tgl_lahir": "15-05-1990",
    "jenis_kelamin": "L", "pekerjaan": "PETANI/PEKEBUN", "desa": "Batubulan", "kecamatan": "Sukawati",
    "program": "JKK, JKM", "tgl_kepesertaan": "03-11-2025", "tgl_akhir": "31-12-2026", "status": "AKTIF",
    "sumber_iuran": "APBD", "penghasilan": "1.500.000",
}


def check(*rows: dict):
    frame = pd.DataFrame([{**GOOD, **row} for row in rows])
    frame["_row"] = range(2, len(frame) + 2)
    return Validator("51.04").validate(frame)


def test_good_row_is_shaped_for_the_store():
    result = check({})
    assert result.rejections.empty and len(result.accepted) == 1
    row = result.accepted.iloc[0]
    assert (row["sektor"], row["kode_desa"], row["jkk"], row["jkm"], row["jht"]) == (
        "petani", "51.04.01.2001", True, True, False)
    assert row["tgl_kepesertaan"] == date(2025, 11, 3) and row["penghasilan_rp"] == 1_500_000


@pytest.mark.parametrize("change, code", [
    ({"nik": "5,10401E+15"}, "nik_scientific"),
    ({"nik": "5.10401E+15"}, "nik_scientific"),
    ({"nik": "510401150590001"}, "nik_invalid"),       # 15 digits
    ({"nik": "51040115059000A1"}, "nik_invalid"),
    ({"nik": "5104013505900001"}, "nik_invalid"),      # day 35 is no day (women add 40)
    ({"nik": "5104011513900001"}, "nik_invalid"),      # month 13
    ({"nik": ""}, "nik_missing"),
    ({"desa": "Kuta"}, "desa_unknown"),
    ({"desa": "Mas"}, "kecamatan_mismatch"),
    ({"desa": ""}, "desa_missing"),
    ({"pekerjaan": ""}, "occupation_unknown"),
    ({"program": "BPJS KESEHATAN"}, "program_unknown"),
    ({"program": ""}, "program_unknown"),
    ({"sumber_iuran": "APBN"}, "funding_unknown"),
    ({"tgl_kepesertaan": "31-02-2026"}, "date_invalid"),
    ({"tgl_kepesertaan": "kemarin"}, "date_invalid"),
    ({"tgl_akhir": "2026/13/01"}, "date_invalid"),
    ({"tgl_akhir": "01-01-1900"}, "date_invalid"),
    ({"tgl_akhir": "01-10-2025"}, "dates_reversed"),
])
def test_each_bad_value_is_rejected_with_its_reason(change, code):
    result = check(change)
    assert result.accepted.empty
    assert result.rejections["reason_code"].tolist() == [code]
    assert result.rejections["row_number"].tolist() == [2]


@pytest.mark.parametrize("change", [
    {"nik": " 5104011505900001 "}, {"nik": "'5104011505900001"}, {"desa": "DS. BATUBULAN", "kecamatan": ""},
    {"program": "jkk+jkm"}, {"sumber_iuran": "apbd"}, {"tgl_akhir": "2026-12-31"}, {"tgl_akhir": "31/12/2026"},
    {"nik": "5104015505900001", "jenis_kelamin": "P"}, {"penghasilan": "Rp 1.500.000,00"},
])
def test_forms_people_write_are_accepted(change):
    result = check(change)
    assert result.rejections.empty, result.rejections.to_dict("records")


def test_blank_duplicate_and_repeated_rows():
    blank = {k: "" for k in GOOD}
    other_person = {"nik": "5104011505900002"}
    result = check({}, blank, {}, {"nama": "Orang Lain", "tgl_akhir": "30-06-2026"}, other_person)
    codes = dict(zip(result.rejections["row_number"], result.rejections["reason_code"]))
    assert codes == {3: "blank_row", 4: "duplicate_row", 5: "nik_repeated"}
    assert "baris 2" in result.rejections.set_index("row_number").loc[5, "reason_id"]
    assert result.accepted["row_number"].tolist() == [2, 6]


def test_one_row_with_several_problems_lists_each():
    result = check({"desa": "Kuta", "sumber_iuran": "APBN"})
    assert sorted(result.rejections["reason_code"]) == ["desa_unknown", "funding_unknown"]
    assert result.rows_rejected == 1


def test_duplicates_are_remembered_across_chunks_of_one_file():
    validator = Validator("51.04")
    first = pd.DataFrame([{**GOOD, "_row": 2}])
    second = pd.DataFrame([{**GOOD, "tgl_akhir": "30-06-2026", "_row": 3}])
    assert validator.validate(first).rejections.empty
    assert validator.validate(second).rejections["reason_code"].tolist() == ["nik_repeated"]


def test_messages_never_quote_a_nik():
    result = check({"nik": "5104011505900001X"}, {"nik": "5,10401E+15"})
    for text in result.rejections["reason_id"].tolist() + result.rejections["reason_en"].tolist():
        assert "5104" not in text and "E+15" not in text


def test_every_reason_has_both_languages():
    for code, (id_text, en_text) in REASONS.items():
        assert id_text and en_text and reason_text(code, "x", "id") and reason_text(code, "x", "en")


def test_parse_dates_rejects_impossible_days():
    parsed = parse_dates(pd.Series(["29-02-2024", "29-02-2025", "3-11-2025", ""]))
    assert parsed.dt.date.tolist()[0] == date(2024, 2, 29)
    assert parsed.isna().tolist() == [False, True, False, True]


def test_messy_sample_rejections_match_the_generators_list():
    """Every bad row the generator planted is found, for the reason it planted, and nothing else."""
    from jamsostek import settings
    from jamsostek.ingest import load as ingest
    from jamsostek.ingest import readers

    raw = readers.read_extract_path(settings.SAMPLE_DIR / "peserta_berantakan.csv")
    assert (raw.separator, raw.encoding) == (";", "utf-8-sig")
    found = Validator().validate(raw.fields()).rejections.groupby("row_number")["reason_code"].apply(set)
    expected = pd.read_csv(settings.SAMPLE_DIR / "peserta_berantakan.expected.csv")
    assert sorted(found.index) == sorted(expected["row_number"])
    for row, kind in zip(expected["row_number"], expected["kind"]):
        assert kind in found[row], (row, kind, found[row])
