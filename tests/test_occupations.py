import pytest

from jamsostek.domain import SECTORS
from jamsostek.ingest.occupations import OCCUPATION_ALIASES, normalise, sector_for
from jamsostek.sample.people import SECTOR_TITLES


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("PEDAGANG", "pedagang_kecil"),
        ("Petani / Pekebun", "petani"),
        ("petani/pekebun", "petani"),
        ("  BURUH   HARIAN  LEPAS ", "buruh_harian"),
        ("Buruh Tani/Perkebunan", "petani"),
        ("NELAYAN/PERIKANAN", "nelayan"),
        ("tukang batu", "tukang_bangunan"),
        ("PENGRAJIN PERAK", "pengrajin"),
        ("Pemangku", "pekerja_adat"),
        ("PRAJURU ADAT", "pekerja_adat"),
        ("SOPIR", "lainnya"),
        ("Penjahit", "lainnya"),
        ("pedagang sayur", "pedagang_kecil"),  # keyword fallback
        ("BURUH NELAYAN", "nelayan"),  # longest keyword wins over BURUH
        ("buruh_harian", "buruh_harian"),  # sector keys themselves
        ("Pekerja adat", "pekerja_adat"),  # sector labels
    ],
)
def test_sector_for_known_titles(text, sector):
    assert sector_for(text) == sector


@pytest.mark.parametrize("text", [None, float("nan"), "", "   ", "-", "xyz", "PNS", "KARYAWAN SWASTA", "PEDAGANGAN"])
def test_sector_for_empty_unknown_or_formal_is_none(text):
    assert sector_for(text) is None


def test_every_alias_maps_to_a_domain_sector():
    assert set(OCCUPATION_ALIASES.values()) <= set(SECTORS)
    assert set(OCCUPATION_ALIASES.values()) == set(SECTORS)


def test_titles_the_sample_writes_map_back_to_their_sector():
    for sector, titles in SECTOR_TITLES.items():
        for title in titles:
            assert sector_for(title) == sector, title


def test_normalise_folds_case_space_and_punctuation():
    assert normalise(" Tukang  las/Pandai-besi ") == "TUKANG LAS PANDAI BESI"
