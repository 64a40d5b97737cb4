"""What the Usulan page shows of stored candidates: sums per kecamatan, masked rows, who may be decided on."""

from __future__ import annotations

import pandas as pd

from jamsostek.analysis import funnel
from jamsostek.usulan import shown

FUNNEL = pd.DataFrame({
    "kode_kecamatan": ["51.04.05", "51.04.01", "51.04.05"], "kecamatan": ["Ubud", "Sukawati", "Ubud"],
    "kode_desa": ["51.04.05.2002", "51.04.01.2001", "51.04.05.2003"], "desa": ["Mas", "Batubulan", "Lodtunduh"],
    "proposed_workers": [10, 4, 6], "verified_workers": [8, 3, 5], "registered_workers": [8, 0, 2],
    "enrolled_workers": [5, 0, 0], "stalled_workers": [1, 0, 2],
})


def candidates(rows):
    """rows: (list, row, nik, nama, status, reasons, decided)."""
    frame = pd.DataFrame(rows, columns=["list_id", "row_number", "nik", "nama", "status", "reasons", "decided_status"])
    return frame.assign(desa="Mas", sektor="petani", override_note=None, registered_at=pd.NaT, enrolled_on=pd.NaT)


def test_the_funnel_sums_per_kecamatan_in_code_order():
    got = funnel.by_kecamatan(FUNNEL)
    assert list(got["kecamatan"]) == ["Sukawati", "Ubud"]
    assert got.loc[1, ["proposed_workers", "verified_workers", "registered_workers", "enrolled_workers",
                       "stalled_workers"]].tolist() == [16, 13, 10, 5, 3]


def test_the_funnel_table_is_headed_in_the_readers_language():
    assert list(funnel.table(FUNNEL, "en", ("desa",)).columns) == \
        ["Desa", "Proposed", "Verified", "Registered", "Enrolled", "Stalled"]


def test_the_funnel_reads_as_one_line_on_a_phone():
    totals = FUNNEL[list(funnel.COLUMNS)].sum()
    assert funnel.totals_line(totals, "id") == "20 diusulkan → 16 terverifikasi → 10 didaftarkan → 5 menjadi peserta · Tertahan 3"


def test_the_masked_table_holds_no_nik_or_name_and_names_the_first_row_of_a_duplicate():
    frame = candidates([(1, 2, "5104011505900021", "Wayan Sudarsana", "verified", "", "verified"),
                        (1, 3, "5104011505900021", "Wayan Sudarsana", "rejected", "duplicate_in_list", "rejected")])
    table = shown.masked_table(frame, "id")
    assert list(table["NIK"]) == ["************0021"] * 2 and list(table["Nama"]) == ["W*** S***"] * 2
    assert list(table["Alasan"]) == ["", "NIK sama dengan baris 2 daftar ini"]
    assert "5104011505900021" not in table.to_csv() and "Sudarsana" not in table.to_csv()


def test_only_reasons_a_person_can_weigh_are_offered_for_a_decision():
    frame = candidates([(1, 2, "5104011505900021", "A", "verified", "", "verified"),
                        (1, 3, "5171011505900022", "B", "flagged", "region_other", "flagged"),
                        (1, 4, "5104011505900023", "C", "rejected", "already_protected", "verified"),
                        (1, 5, "123", "D", "rejected", "nik_invalid", "rejected"),
                        (1, 6, "5104011505900021", "A", "rejected", "duplicate_in_list", "rejected")])
    assert list(shown.decidable(frame)["row_number"]) == [3, 4]


def test_a_candidates_label_names_no_nik_in_full():
    row = candidates([(3, 7, "5104011505900021", "Wayan Sudarsana", "flagged", "region_other", "flagged")])
    label = shown.candidate_label(next(row.itertuples(index=False)), "id")
    assert label == "Daftar 3 · baris 7 · Mas · W*** S*** · 0021 · Perlu diperiksa"


def test_status_counts_keep_every_status():
    judged = pd.DataFrame({"status": ["verified", "verified", "rejected"]})
    assert shown.status_counts(judged) == {"verified": 2, "flagged": 0, "rejected": 1}


def test_the_funnel_against_a_plan_says_what_each_desa_still_has_to_propose():
    allocation = pd.DataFrame({"kode_desa": ["51.04.05.2002", "51.04.05.2002", "51.04.01.2002", "51.04.01.2001"],
                               "sektor": ["petani", "pengrajin", "nelayan", "petani"],
                               "allocated_workers": [6, 4, 7, 0]})
    places = pd.DataFrame({"kode_desa": ["51.04.05.2002", "51.04.05.2003", "51.04.01.2001", "51.04.01.2002"],
                           "desa": ["Mas", "Lodtunduh", "Batubulan", "Ketewel"],
                           "kecamatan": ["Ubud", "Ubud", "Sukawati", "Sukawati"]})
    got = funnel.against_plan(FUNNEL, allocation, places)
    # Ketewel: 7 allocated, nobody proposed; Mas: 10 allocated, 8 verified; Lodtunduh: none allocated,
    # 5 verified (more than planned: 0 to propose); Batubulan: 0 allocated, 4 proposed.
    assert list(got["desa"]) == ["Ketewel", "Mas", "Batubulan", "Lodtunduh"]
    assert list(got["allocated_workers"]) == [7, 10, 0, 0]
    assert list(got["verified_workers"]) == [0, 8, 3, 5]
    assert list(got["to_propose_workers"]) == [7, 2, 0, 0]
    assert list(funnel.plan_table(got, "en").columns)[:3] == ["Desa", "Kecamatan", "Plan allocation"]


def test_a_maps_frame_gets_the_funnel_per_area_and_zeros_elsewhere():
    desa = pd.DataFrame({"kode_desa": ["51.04.05.2002", "51.04.05.2003", "51.04.01.2001", "51.04.02.2001"],
                         "protected_workers": [50, 40, 30, 20]})
    got = funnel.with_funnel(desa, FUNNEL, "kode_desa")
    assert list(got["proposed_workers"]) == [10, 6, 4, 0]
    assert list(got["usulan_enrolled_workers"]) == [5, 0, 0, 0]
    assert list(got["protected_workers"]) == [50, 40, 30, 20]  # everyone protected stays as it was
    kecamatan = pd.DataFrame({"kode_kecamatan": ["51.04.01", "51.04.02", "51.04.05"]})
    got = funnel.with_funnel(kecamatan, FUNNEL, "kode_kecamatan")
    assert list(got["verified_workers"]) == [3, 0, 13] and list(got["registered_workers"]) == [0, 0, 10]
