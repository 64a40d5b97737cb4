"""A candidate list file: the extracts' readers (limits, header spellings), refused all or nothing with rows,
columns and reasons in both languages, never quoting a NIK; the roles that may propose and verify."""

from __future__ import annotations

import io

import openpyxl
import pytest

from jamsostek.access import roles
from jamsostek.ingest import readers
from jamsostek.usulan import propose, store as usulan
from tests.conftest import AS_OF, MAS, nik

MAS_NIK = "5104051508800001"  # Ubud, born 15 Aug 1980


def csv_bytes(header, rows, sep=";"):
    return ("\ufeff" + "\r\n".join(sep.join(r) for r in [header, *rows])).encode("utf-8")


def read(data, name="usulan.csv"):
    return propose.check_list(propose.read_list(data, name), MAS, "51.04")


def test_header_spellings_a_code_or_a_name_and_an_optional_phone():
    data = csv_bytes(["NIK KTP", "Nama Lengkap", "PEKERJAAN", "KEL/DESA", "No. HP"],
                     [[MAS_NIK, "Ni  Made Sari", "Pengrajin perak", "Mas", "0812"],
                      [nik("20"), "Wayan", "petani", "5104052002", ""]])
    got = read(data)
    assert got.ok
    assert got.candidates.values.tolist() == [[2, MAS_NIK, "Ni Made Sari", "pengrajin", "0812"],
                                              [3, nik("20"), "Wayan", "petani", ""]]


def test_an_xlsx_without_a_phone_column_reads_too():
    book = openpyxl.Workbook()
    book.active.append(["NIK", "NAMA", "SEKTOR", "DESA"])
    book.active.append([MAS_NIK, "Ketut", "Pilot", "51.04.05.2002"])
    buffer = io.BytesIO()
    book.save(buffer)
    got = read(buffer.getvalue(), "usulan.xlsx")
    # An unknown sector is no refusal: verification rejects the candidate with its reason.
    assert got.ok and got.candidates.values.tolist() == [[2, MAS_NIK, "Ketut", "Pilot", ""]]


def test_a_bad_list_names_rows_columns_and_reasons_and_stores_nothing(store):
    data = csv_bytes(["NIK", "NAMA", "SEKTOR", "DESA"],
                     [[MAS_NIK, "Ketut", "petani", "Mas"], ["", "Made", "petani", "Mas"],
                      [nik("21"), "", "petani", "Celuk"], [nik("22"), "Nyoman", "petani", "Atlantis"]])
    got = read(data)
    assert not got.ok and got.candidates.empty
    assert got.problems[["row_number", "column"]].values.tolist() == [[3, "NIK"], [4, "NAMA"], [4, "DESA"],
                                                                      [5, "DESA"]]
    assert list(got.problems["reason_id"][:3]) == [
        "NIK kosong.", "NAMA kosong.", "Baris ini untuk desa lain: satu daftar untuk satu desa (Mas)."]
    assert got.problems.loc[3, "reason_en"] == "Desa not known in this region."
    assert not any(nik("22") in text for text in got.problems.astype(str).values.ravel())
    assert usulan.candidates(store, None, AS_OF).empty  # nothing proposed


def test_a_file_without_the_needed_columns_is_refused_in_both_languages():
    with pytest.raises(readers.ExtractError) as error:
        propose.read_list(csv_bytes(["NIK", "NAMA", "DESA"], [[MAS_NIK, "Ketut", "Mas"]]), "usulan.csv")
    assert error.value.code == "missing_columns"
    assert "JENIS PEKERJAAN" in error.value.message_id and "JENIS PEKERJAAN" in error.value.message_en
    assert MAS_NIK not in error.value.message_id + error.value.message_en


def test_the_extract_limits_apply():
    big = csv_bytes(["NIK", "NAMA", "SEKTOR", "DESA"], [[MAS_NIK, "K", "petani", "Mas"]] * 5_001)
    with pytest.raises(readers.ExtractError) as error:
        propose.read_list(big, "usulan.csv")
    assert error.value.code == "too_many_rows"


def test_a_checked_list_is_stored_and_verified(store):
    got = read(csv_bytes(["NIK", "NAMA", "SEKTOR", "DESA"], [[MAS_NIK, "Ketut", "petani", "Mas"],
                                                             [MAS_NIK, "Ketut", "petani", "Mas"]]))
    usulan.propose(store, MAS, got.candidates, "desa.mas", AS_OF, "usulan.csv")
    stored = usulan.candidates(store, MAS, AS_OF)
    assert list(stored["reasons"]) == ["", "duplicate_in_list"]


@pytest.mark.parametrize("role, propose_ok, verify_ok", [
    (None, False, False), (roles.VIEWER, False, False), (roles.NOTULIS, False, False),
    (roles.PERENCANA, False, False), (roles.PENGUSUL, True, False), (roles.ADMIN, True, True),
])
def test_who_may_propose_and_verify(role, propose_ok, verify_ok):
    assert roles.can(role, roles.USULAN_PROPOSE) is propose_ok
    assert roles.can(role, roles.USULAN_VERIFY) is verify_ok
    assert roles.can(role, roles.DETAIL_VIEW) is (role == roles.ADMIN)  # the detail lists and downloads
