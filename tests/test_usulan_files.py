"""The registration file (verified candidates, the extract template's column names) and the kepala desa's
list (everyone, decision and reason in Indonesian, NIK masked)."""

from __future__ import annotations

import io

import pandas as pd

from jamsostek.usulan import files, store as usulan
from tests.conftest import AS_OF, KETEWEL, MAS, nik

WOMAN = "5104055508800001"  # born 15 Aug 1980, day 55 = 15 + 40


def proposed(store):
    rows = [(2, WOMAN, "Ni Made Sari", "pengrajin", "0812"), (3, nik("01"), "Wayan", "petani", ""),
            (4, "5171011203900005", "Ketut", "petani", "")]
    usulan.propose(store, MAS, pd.DataFrame(rows, columns=usulan.CANDIDATE_COLUMNS), "desa.mas", AS_OF)
    usulan.propose(store, KETEWEL, pd.DataFrame([(2, nik("30"), "Nyoman", "nelayan", "")],
                                                 columns=usulan.CANDIDATE_COLUMNS), "desa.ketewel", AS_OF)
    return usulan.candidates(store, None, AS_OF)


def test_the_registration_file_holds_the_verified_only(store):  # by desa code: Ketewel, then Mas
    frame = files.registration_frame(proposed(store), AS_OF)
    assert list(frame.columns) == files.REGISTRATION_COLUMNS
    assert frame.values.tolist() == [
        [1, nik("30"), "Nyoman", "15-05-1990", "L", "", "Nelayan", KETEWEL, "Ketewel", "Sukawati", "JKK JKM"],
        [2, WOMAN, "Ni Made Sari", "15-08-1980", "P", "0812", "Pengrajin", MAS, "Mas", "Ubud", "JKK JKM"],
    ]


def test_the_kepala_desa_list_says_who_and_why_with_the_nik_masked(store):
    candidates = proposed(store)
    usulan.override(store, 1, 4, "verified", "pindah ke Mas 2024", "dinas.data")
    frame = files.letter_frame(usulan.candidates(store, None, AS_OF), MAS)
    assert frame[["NAMA", "NIK", "KEPUTUSAN"]].values.tolist() == [
        ["Ni Made Sari", "************0001", "Diterima"], ["Wayan", "************0001", "Tidak diterima"],
        ["Ketut", "************0005", "Diterima"]]
    assert list(frame["ALASAN"]) == ["", "Sudah terlindungi JKK dan JKM",
                                     "NIK terbit di luar Kabupaten Gianyar (pindahan?); "
                                     "Diputuskan verifikator: pindah ke Mas 2024"]
    text = files.letter_csv(candidates, MAS).decode("utf-8-sig")
    assert WOMAN not in text and pd.read_csv(io.StringIO(text)).shape == (3, 6)
