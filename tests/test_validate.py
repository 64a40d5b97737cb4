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
    from jamsostek.ingest import readers

    raw = readers.read_extract_path(settings.SAMPLE_DIR / "peserta_berantakan.csv")
    assert (raw.separator, raw.encoding) == (";", "utf-8-sig")
    found = Validator().validate(raw.fields()).rejections.groupby("row_number")["reason_code"].apply(set)
    expected = pd.read_csv(settings.SAMPLE_DIR / "peserta_berantakan.expected.csv")
    assert sorted(found.index) == sorted(expected["row_number"])
    for row, kind in zip(expected["row_number"], expected["kind"]):
        assert kind in found[row], (row, kind, found[row])


@pytest.mark.parametrize("nik", ["５１０４０１１５０５９００００１", "٥١٠٤٠١١٥٠٥٩٠٠٠٠١", "५१०४०११५०५९००००१",
                                 "5104\u200b011505900001"])
def test_nik_in_other_digit_scripts_is_read_as_its_digits(nik):
    result = check({"nik": nik})
    assert result.rejections.empty and result.accepted["nik"].tolist() == ["5104011505900001"]


@pytest.mark.parametrize("nik", ["5104０11505900001x", "٥١٠٤", "5104011505900001\u0663"])
def test_nik_of_mixed_or_wrong_length_digits_is_a_reported_row_not_a_crash(nik):
    result = check({"nik": nik})
    assert result.accepted.empty and result.rejections["reason_code"].tolist() == ["nik_invalid"]


def test_a_nik_excel_may_have_rounded_is_never_accepted():
    result = check({"nik": "≈5104011505900000"})
    assert result.rejections["reason_code"].tolist() == ["nik_rounded"]
    assert "sebagai Teks lalu ekspor ulang" in result.rejections["reason_id"].iloc[0]


def test_full_width_desa_is_the_desa_and_a_cyrillic_look_alike_is_named():
    assert check({"desa": "Ｍａｓ", "kecamatan": "Ｕｂｕｄ"}).rejections.empty
    result = check({"desa": "Mаs", "kecamatan": "Ubud"})  # Cyrillic а
    assert result.rejections["reason_code"].tolist() == ["desa_script"]
    assert "bukan Latin" in result.rejections["reason_id"].iloc[0]


@pytest.mark.parametrize("desa", ["Abianbase", "Buruan", "Pupuan", "Kedisan"])
def test_a_desa_with_a_namesake_in_another_regency_needs_its_kecamatan(desa):
    result = check({"desa": desa, "kecamatan": ""})
    assert result.rejections["reason_code"].tolist() == ["desa_namesake"]
    assert "kabupaten lain" in result.rejections["reason_id"].iloc[0]


def test_a_namesake_with_its_kecamatan_is_placed():
    result = check({"desa": "Kedisan", "kecamatan": "Tegallalang"})
    assert result.rejections.empty and result.accepted["kode_desa"].str.startswith("51.04.").all()


def test_excel_serials_and_month_names_are_dates_and_far_serials_say_so():
    assert check({"tgl_kepesertaan": "45964", "tgl_akhir": "31 Des 2026"}).rejections.empty
    assert check({"tgl_kepesertaan": "3 Nop 2025"}).accepted["tgl_kepesertaan"].tolist() == [date(2025, 11, 3)]
    result = check({"tgl_akhir": "99999"})
    assert result.rejections["reason_code"].tolist() == ["date_excel_number"]


def test_day_month_order_is_decided_by_the_file():
    # 03/25/2026 can only be month first, so 11/03/2025 in the same file is 3 November.
    us = {"tgl_lahir": "05/15/1990", "tgl_akhir": "12/31/2026"}  # the whole file writes month first
    result = check({**us, "tgl_kepesertaan": "11/03/2025"}, {**us, "nik": "5104011505900002"})
    assert result.rejections.empty
    assert result.accepted["tgl_kepesertaan"].tolist()[0] == date(2025, 11, 3)
    validator = Validator("51.04")
    frame = pd.DataFrame([{**GOOD, "tgl_lahir": "01/05/1990", "tgl_kepesertaan": "11/03/2025",
                           "tgl_akhir": "12/01/2026", "_row": 2}])
    validator.validate(frame)
    assert (validator.date_order, validator.date_order_settled) == ("dmy", False)


def test_counts_add_up_with_blank_and_duplicate_rows_apart():
    blank = {k: "" for k in GOOD}
    result = check({}, blank, {}, {"nik": "bad"}, {"nik": "5104011505900002"})
    assert (len(result.accepted), result.rows_rejected, result.rows_blank, result.rows_duplicate) == (2, 1, 1, 1)
    assert result.rows_total == 5
