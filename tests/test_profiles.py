"""Column profiles: a mapping chosen once, saved under a name (audited), offered for the next file."""

from __future__ import annotations

import pytest

from jamsostek.ingest import profiles, upload
from tests import extracts as ex

HEADER = [{"DESA/KELURAHAN": "LOKASI", "TGL AKHIR": "MASA IURAN"}.get(h, h) for h in ex.HEADER]


def test_saved_profile_is_offered_for_a_file_with_its_headers_and_maps_it(store):
    flow = upload.UploadFlow()
    flow.receive(store, ex.csv_bytes(ex.rows(3), header=HEADER), "minggu1.csv")
    assert flow.state == upload.FAILED and flow.error.code == "missing_columns"
    mapping = {"LOKASI": "desa", "MASA IURAN": "tgl_akhir", "NAMA": "nama"}
    profiles.save(store, "  Ekspor   cabang ", mapping, "dina")
    assert profiles.profiles(store) == {"Ekspor cabang": mapping}
    assert profiles.matching(store, HEADER) == ["Ekspor cabang"]
    assert profiles.matching(store, ex.HEADER) == []  # a file without LOKASI is not offered it
    flow.remap(store, profiles.load(store, "Ekspor cabang"))
    assert flow.state == upload.PREVIEW and len(flow.draft.checked.accepted) == 3
    actor, action, detail = store.execute("select actor, action, detail from audit_log").fetchone()
    assert (actor, action) == ("dina", "header_profile_save") and "LOKASI=desa" in detail


def test_saving_again_replaces_the_profile(store):
    profiles.save(store, "P", {"LOKASI": "desa", "X": ""}, "dina")
    profiles.save(store, "P", {"LOKASI": "kecamatan"}, "dina")
    assert profiles.profiles(store) == {"P": {"LOKASI": "kecamatan"}}


@pytest.mark.parametrize("name, mapping", [("", {"A": "desa"}), ("P", {"A": "kota"})])
def test_a_profile_without_a_name_or_with_unknown_fields_is_refused(store, name, mapping):
    with pytest.raises(profiles.ProfileError):
        profiles.save(store, name, mapping, "dina")
    assert profiles.profiles(store) == {}
