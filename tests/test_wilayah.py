"""Real geography and desa-name matching."""

from __future__ import annotations

import pytest

from jamsostek.geo.wilayah import DesaMatcher, kecamatan_list, load_wilayah, normalise


def test_gianyar_has_7_kecamatan_and_70_desa():
    wilayah = load_wilayah("51.04")
    assert len(wilayah) == 70 and wilayah["kode_desa"].is_unique
    assert kecamatan_list("51.04")["kecamatan"].tolist() == [
        "Sukawati", "Blahbatuh", "Gianyar", "Tampaksiring", "Ubud", "Tegallalang", "Payangan"]


def test_province_has_716_desa():
    assert len(load_wilayah("51")) == 716


@pytest.mark.parametrize("region", ["51.04", "51"])
def test_every_desa_code_begins_with_its_kecamatan_code(region):
    # The peserta_where macro (jamsostek/store/sql/schema.sql) filters a kecamatan by this prefix.
    wilayah = load_wilayah(region)
    pairs = zip(wilayah["kode_desa"], wilayah["kode_kecamatan"])
    assert [desa for desa, kecamatan in pairs if not desa.startswith(kecamatan + ".")] == []


@pytest.mark.parametrize("text, expected", [
    ("DS. BATUBULAN KANGIN", "BATUBULANKANGIN"),
    ("Kel. Ubud", "UBUD"),
    ("Desa  Mas ", "MAS"),
    ("Kelusa", "KELUSA"),  # a name starting like a prefix keeps its letters
    (None, ""),
])
def test_normalise(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("desa, kecamatan, kode, reason", [
    ("DS. BATUBULAN KANGIN", "Sukawati", "51.04.01.2009", None),
    ("Singekerta", "", "51.04.05.2003", None),       # BPS spelling
    ("Beresela", "Payangan", "51.04.07.2009", None),  # BPS spelling
    ("Kel. Ubud", "UBUD", "51.04.05.1005", None),
    ("tegal lalang", None, "51.04.06.2002", None),   # alias
    ("Mas", "Sukawati", None, "kecamatan_mismatch"),
    ("Kuta", "", None, "desa_unknown"),
    ("", "Ubud", None, "desa_missing"),
])
def test_matcher(desa, kecamatan, kode, reason):
    match = DesaMatcher("51.04").match(desa, kecamatan)
    assert (match.kode_desa, match.reason) == (kode, reason)


def test_same_desa_name_in_two_kecamatan_needs_the_kecamatan():
    matcher = DesaMatcher("51")
    names = load_wilayah("51").assign(key=lambda f: f["desa"].map(normalise))
    twice = names[names["key"].duplicated(keep=False)].sort_values("kode_desa").iloc[0]
    assert matcher.match(twice["desa"]).reason == "desa_ambiguous"
    assert matcher.match(twice["desa"], twice["kecamatan"]).kode_desa is not None
