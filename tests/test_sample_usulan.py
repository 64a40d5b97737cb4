"""The sample store's usulan round (sample/usulan.py): deterministic, every planted fault with its reason,
the funnel's counts computed by hand, enrolment once the messy extract is uploaded, no NIK in the audit."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from jamsostek import settings
from jamsostek.access import privacy
from jamsostek.ingest import load as ingest
from jamsostek.sample import extracts, usulan as sample
from jamsostek.store import db
from jamsostek.usulan import store as usulan
from jamsostek.sample import store as sample_store

AS_OF = extracts.SAMPLE_AS_OF
STAGES = ["proposed_workers", "verified_workers", "registered_workers", "enrolled_workers", "stalled_workers"]
# By hand from sample.ROUND and sample.FAULTS: Pering 6 plain + 5 rejected; Tulikup 4 plain, 3 rejected,
# 1 flagged; Taro 4 plain, 1 rejected, 1 flagged accepted by the verifier; Kenderan 5 from the messy
# extract, 1 flagged, its 5 verified registered. Nobody enrolled: the store holds none of them protected.
FUNNEL = {
    "Pering": [11, 6, 0, 0, 0],
    "Tulikup": [8, 4, 0, 0, 0],
    "Taro": [6, 5, 0, 0, 0],
    "Kenderan": [6, 5, 5, 0, 0],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample_usulan")
    sample_store.build_sample_store(folder / "a.duckdb")
    sample_store.build_sample_store(folder / "b.duckdb")
    return folder


@pytest.fixture(scope="module")
def con(built):
    con = db.connect(built / "a.duckdb", read_only=True)
    yield con
    con.close()


def every_candidate(path):
    con = db.connect(path, read_only=True)
    try:
        return usulan.candidates(con, as_of=AS_OF)
    finally:
        con.close()


def test_two_builds_hold_the_same_round(built):
    a, b = every_candidate(built / "a.duckdb"), every_candidate(built / "b.duckdb")
    assert len(a) == 31
    pd.testing.assert_frame_equal(a, b)


def test_the_round_is_marked_as_sample_data_at_fixed_times(con):
    got = usulan.candidates(con, as_of=AS_OF)
    assert set(got["proposed_by"]) == {"contoh"}
    assert set(got["proposed_at"]) == {pd.Timestamp("2026-10-26 09:00")}
    assert set(got["registered_at"].dropna()) == {pd.Timestamp("2026-11-02 11:00")}
    files = con.execute("select source_file from usulan_list order by list_id").fetchall()
    assert [f for (f,) in files] == [f"CONTOH-usulan-{d.name}.csv" for d in sample.ROUND]


@pytest.mark.parametrize("desa, row, status, reasons", sample.FAULTS)
def test_each_planted_fault_gives_its_reason(con, desa, row, status, reasons):
    got = usulan.candidates(con, as_of=AS_OF).set_index(["desa", "row_number"]).loc[(desa, row)]
    assert (got["status"], got["reasons"]) == (status, reasons)


def test_every_reason_code_is_planted_and_the_rest_are_verified(con):
    from jamsostek.usulan import verify
    assert {reason for *_, reason in sample.FAULTS} == set(verify.REASONS)
    got = usulan.candidates(con, as_of=AS_OF)
    planted = set((d, r) for d, r, *_ in sample.FAULTS) | {
        ("Kenderan", 7)}  # Kenderan's Denpasar newcomer, flagged and left so
    rest = got[[(d, r) not in planted for d, r in zip(got["desa"], got["row_number"])]]
    assert len(rest) == 19 and set(rest["status"]) == {"verified"}


def test_the_verifier_accepted_one_flag_with_a_note(con):
    got = usulan.candidates(con, as_of=AS_OF)
    decided = got[got["override_status"].notna()]
    assert list(zip(decided["desa"], decided["row_number"], decided["decided_status"])) == [("Taro", 7, "verified")]
    assert decided.iloc[0]["override_note"] == sample.OVERRIDE_NOTE


def test_the_funnel_counts(con):
    funnel = usulan.funnel(con, AS_OF).set_index("desa")
    assert {desa: funnel.loc[desa, STAGES].tolist() for desa in funnel.index} == FUNNEL


def test_the_desa_have_a_gap(con):
    desa = db.run_query(con, "coverage_by_desa", as_of=AS_OF, kecamatan=None, sektor=None, program=None,
                        sumber=None).set_index("desa")
    assert (desa.loc[list(FUNNEL), "gap_workers"] > 0).all()


def test_the_messy_extract_enrols_kenderans_registered(built, tmp_path):
    path = tmp_path / "later.duckdb"
    shutil.copy(built / "a.duckdb", path)
    con = db.connect(path)
    try:
        ingest.ingest_file(con, settings.SAMPLE_DIR / extracts.MESSY_FILE, loaded_by="sample")
        funnel = usulan.funnel(con, AS_OF).set_index("desa")
        assert funnel.loc["Kenderan", STAGES].tolist() == [6, 5, 5, 5, 0]
        assert funnel.loc["Pering", "enrolled_workers"] == 0
    finally:
        con.close()


def test_the_audit_names_no_nik_and_no_name(con):
    got = usulan.candidates(con, as_of=AS_OF)
    log = privacy.audit_log(con)
    assert log["action"].value_counts()[[privacy.USULAN_PROPOSE, privacy.USULAN_OVERRIDE, privacy.USULAN_EXPORT]
                                        ].tolist() == [4, 1, 1]
    audit = " ".join(log["detail"].astype(str))
    assert not any(n in audit for n in got["nik"]) and not any(n in audit for n in got["nama"])
