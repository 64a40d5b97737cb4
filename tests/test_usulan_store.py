"""Candidate lists in the store: verified on the way in against the store, overridden with a note,
registered once, enrolled when an extract holds the NIK protected, stalled after USULAN_STALL_WEEKS."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from jamsostek import settings
from jamsostek.access import privacy
from jamsostek.usulan import store as usulan
from tests.conftest import AS_OF, KETEWEL, MAS, load_rows, nik

NEW = nik("20")  # born 15 May 1990, not in the fixture's store


def cands(rows):
    return pd.DataFrame([(i + 2, n, f"Calon {i}", s, "") for i, (n, s) in enumerate(rows)],
                        columns=usulan.CANDIDATE_COLUMNS)


@pytest.fixture
def proposed(store):
    # 01 protected on AS_OF; 02 lapsed and 03 JKK only (neither protected); NEW unknown to the store.
    usulan.propose(store, MAS, cands([(nik("01"), "petani"), (nik("02"), "petani"), (NEW, "pengrajin"),
                                      (nik("03"), "pedagang_kecil")]), "desa.mas", AS_OF, "usulan_mas.csv")
    return store


def test_a_list_is_verified_against_the_store(proposed):
    got = usulan.candidates(proposed, MAS, AS_OF)
    assert list(got["decided_status"]) == ["rejected", "verified", "verified", "verified"]
    assert list(got["reasons"]) == ["already_protected", "", "", ""]
    assert got["registered_at"].isna().all() and got["enrolled_on"].isna().all()


def test_a_nik_proposed_in_another_list_is_rejected_there(proposed):
    usulan.propose(proposed, KETEWEL, cands([(NEW, "nelayan")]), "desa.ketewel", AS_OF)
    got = usulan.candidates(proposed, KETEWEL, AS_OF)
    assert (got.loc[0, "status"], got.loc[0, "reasons"]) == ("rejected", "proposed_elsewhere")


def test_the_funnel_moves_from_proposed_to_enrolled(proposed):
    funnel = lambda day: usulan.funnel(proposed, day).set_index("kode_desa").loc[MAS]  # noqa: E731
    before = funnel(AS_OF)
    assert [before[c] for c in ("proposed_workers", "verified_workers", "registered_workers",
                                "enrolled_workers")] == [4, 3, 0, 0]
    assert usulan.register(proposed, "dinas.data", MAS) == 3
    assert usulan.register(proposed, "dinas.data", MAS) == 0  # once only
    load_rows(proposed, [("20", MAS, "pengrajin", "JKK JKM", "2026-01-05", "2099-12-31", "APBD")], name="later.csv")
    after = funnel(AS_OF)
    assert [after[c] for c in ("registered_workers", "enrolled_workers", "stalled_workers")] == [3, 1, 0]
    enrolled = usulan.candidates(proposed, MAS, AS_OF).set_index("nik").loc[NEW]
    assert enrolled["enrolled_on"] == pd.Timestamp("2026-01-05") and enrolled["enrolled_batch_id"] == 2
    # 02 and 03 are still not protected USULAN_STALL_WEEKS weeks (and a day) after registration: stalled.
    late = date.today() + timedelta(weeks=settings.USULAN_STALL_WEEKS, days=1)
    assert funnel(late)["stalled_workers"] == 2
    assert funnel(date.today() + timedelta(weeks=settings.USULAN_STALL_WEEKS))["stalled_workers"] == 0


def test_an_override_needs_a_note_and_is_audited_without_the_nik(proposed):
    with pytest.raises(ValueError, match="note"):
        usulan.override(proposed, 1, 2, "verified", " ", "dinas.data")
    usulan.override(proposed, 1, 2, "verified", f"JKM berakhir bulan ini ({nik('01')})", "dinas.data")
    row = usulan.candidates(proposed, MAS, AS_OF).iloc[0]
    assert (row["status"], row["decided_status"], row["override_by"]) == ("rejected", "verified", "dinas.data")
    assert nik("01") not in row["override_note"]
    audit = privacy.audit_log(proposed)
    assert list(audit["action"][:2]) == ["usulan_override", "usulan_propose"]
    assert not any(n in " ".join(audit["detail"].astype(str)) for n in (nik("01"), NEW, "Calon"))


def test_an_invalid_nik_cannot_be_accepted_and_a_bad_list_stores_nothing(store):
    usulan.propose(store, MAS, cands([("123", "petani")]), "desa.mas", AS_OF)
    with pytest.raises(ValueError, match="invalid or repeated"):
        usulan.override(store, 1, 2, "verified", "yakin", "dinas.data")
    with pytest.raises(ValueError):
        usulan.propose(store, MAS, cands([]), "desa.mas", AS_OF)
    assert len(usulan.candidates(store, None, AS_OF)) == 1


def test_the_times_can_be_given_for_a_round_built_ahead(store):
    from datetime import datetime
    usulan.propose(store, MAS, cands([(NEW, "petani"), ("123", "petani")]), "contoh", AS_OF,
                   at=datetime(2026, 1, 5, 9))
    usulan.override(store, 1, 3, "rejected", "bukan NIK", "contoh", at=datetime(2026, 1, 6, 10))
    usulan.register(store, "contoh", MAS, at=datetime(2026, 1, 7, 11))
    got = usulan.candidates(store, MAS, AS_OF)
    assert list(got["proposed_at"]) == [pd.Timestamp("2026-01-05 09:00")] * 2
    assert got.loc[0, "registered_at"] == pd.Timestamp("2026-01-07 11:00") and pd.isna(got.loc[1, "registered_at"])
