"""Job titles (JENIS PEKERJAAN) as extracts write them, mapped to the sector keys of domain.SECTORS.

Titles follow the wording of the Dukcapil/BPJS occupation lists ("PETANI/PEKEBUN",
"BURUH HARIAN LEPAS", "NELAYAN/PERIKANAN") plus Balinese customary roles. Informal titles
outside the seven launch sectors map to "lainnya"; anything unknown, formal (PNS, karyawan)
or empty maps to None so that the loader can report it instead of guessing.
"""

from __future__ import annotations

import re

from jamsostek.domain import SECTORS

OCCUPATION_ALIASES: dict[str, str] = {
    # pedagang kecil
    "PEDAGANG": "pedagang_kecil",
    "PEDAGANG KECIL": "pedagang_kecil",
    "PEDAGANG PASAR": "pedagang_kecil",
    "PEDAGANG KELILING": "pedagang_kecil",
    "PEDAGANG KAKI LIMA": "pedagang_kecil",
    "PEDAGANG ACUNG": "pedagang_kecil",
    "PEDAGANG CANANG": "pedagang_kecil",
    "PENJUAL CANANG": "pedagang_kecil",
    "PEDAGANG SENI": "pedagang_kecil",
    # petani (farm labour and livestock count as agriculture)
    "PETANI/PEKEBUN": "petani",
    "PETANI": "petani",
    "PEKEBUN": "petani",
    "PETANI PENGGARAP": "petani",
    "BURUH TANI/PERKEBUNAN": "petani",
    "PETERNAK": "petani",
    # buruh harian
    "BURUH HARIAN LEPAS": "buruh_harian",
    "BURUH HARIAN": "buruh_harian",
    "BURUH LEPAS": "buruh_harian",
    "BURUH": "buruh_harian",
    "BURUH ANGKUT": "buruh_harian",
    "BURUH PASAR": "buruh_harian",
    # nelayan
    "NELAYAN/PERIKANAN": "nelayan",
    "NELAYAN": "nelayan",
    "BURUH NELAYAN/PERIKANAN": "nelayan",
    # tukang bangunan
    "TUKANG BANGUNAN": "tukang_bangunan",
    "TUKANG BATU": "tukang_bangunan",
    "TUKANG KAYU": "tukang_bangunan",
    "TUKANG LAS/PANDAI BESI": "tukang_bangunan",
    "TUKANG LISTRIK": "tukang_bangunan",
    "TUKANG CAT": "tukang_bangunan",
    "BURUH BANGUNAN": "tukang_bangunan",
    "KULI BANGUNAN": "tukang_bangunan",
    # pengrajin
    "PENGRAJIN": "pengrajin",
    "PERAJIN": "pengrajin",
    "PENGRAJIN PERAK": "pengrajin",
    "PENGRAJIN KAYU": "pengrajin",
    "PENGRAJIN BAMBU": "pengrajin",
    "PENGRAJIN ANYAMAN": "pengrajin",
    "PEMAHAT": "pengrajin",
    "PEMAHAT BATU": "pengrajin",
    "TUKANG UKIR": "pengrajin",
    "PENGUKIR": "pengrajin",
    "PELUKIS": "pengrajin",
    # pekerja adat
    "PEKERJA ADAT": "pekerja_adat",
    "PEMANGKU": "pekerja_adat",
    "PEMANGKU PURA": "pekerja_adat",
    "PRAJURU ADAT": "pekerja_adat",
    "PRAJURU DESA ADAT": "pekerja_adat",
    "BENDESA ADAT": "pekerja_adat",
    "KELIAN ADAT": "pekerja_adat",
    "PENYARIKAN": "pekerja_adat",
    "PECALANG": "pekerja_adat",
    "SERATI BANTEN": "pekerja_adat",
    # other informal work
    "SOPIR": "lainnya",
    "TUKANG OJEK": "lainnya",
    "OJEK ONLINE": "lainnya",
    "PENJAHIT": "lainnya",
    "TUKANG JAHIT": "lainnya",
    "MEKANIK": "lainnya",
    "MONTIR": "lainnya",
    "TUKANG CUKUR": "lainnya",
    "PENATA RIAS": "lainnya",
    "JURU MASAK": "lainnya",
    "PEMBANTU RUMAH TANGGA": "lainnya",
    "PEMANDU WISATA": "lainnya",
    "TUKANG PARKIR": "lainnya",
    "TUKANG SERVIS": "lainnya",
    "SENIMAN": "lainnya",
    "PENARI": "lainnya",
    "WIRASWASTA": "lainnya",
    "PEKERJAAN LAINNYA": "lainnya",
}

# First words that decide the sector of titles not listed above ("PEDAGANG SAYUR").
# Checked longest first, so "BURUH TANI" wins over "BURUH".
_KEYWORDS: dict[str, str] = {
    "PEDAGANG": "pedagang_kecil",
    "PENJUAL": "pedagang_kecil",
    "PETANI": "petani",
    "BURUH TANI": "petani",
    "NELAYAN": "nelayan",
    "BURUH NELAYAN": "nelayan",
    "BURUH BANGUNAN": "tukang_bangunan",
    "BURUH": "buruh_harian",
    "TUKANG BANGUNAN": "tukang_bangunan",
    "PENGRAJIN": "pengrajin",
    "PERAJIN": "pengrajin",
    "PEMANGKU": "pekerja_adat",
    "PRAJURU": "pekerja_adat",
}

_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")


def normalise(text: object) -> str:
    """Upper-case a title and turn punctuation and runs of spaces into single spaces."""
    if text is None or text != text:  # None or NaN
        return ""
    return _NOT_ALNUM.sub(" ", str(text).upper()).strip()


def _lookup() -> dict[str, str]:
    table = {normalise(title): sector for title, sector in OCCUPATION_ALIASES.items()}
    # Sector keys and their labels are accepted too ("buruh_harian", "Pedagang kecil").
    for key, labels in SECTORS.items():
        table.setdefault(normalise(key), key)
        table.setdefault(normalise(labels["id"]), key)
    return table


_TABLE = _lookup()
_PREFIXES = sorted(((normalise(k), v) for k, v in _KEYWORDS.items()), key=lambda kv: -len(kv[0]))


def sector_for(text: object) -> str | None:
    """Sector key for a job title as written in an extract, or None if empty or unknown."""
    key = normalise(text)
    if not key:
        return None
    if key in _TABLE:
        return _TABLE[key]
    for prefix, sector in _PREFIXES:
        if key == prefix or key.startswith(prefix + " "):
            return sector
    return None
