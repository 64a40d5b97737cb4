"""Which field a column header means: a synonym table (data/reference/header_synonyms.csv) matched by tokens.

Headers are compared as sets of words, so punctuation, word order and the usual abbreviations do
not matter: `KEL/DESA`, `DESA KELURAHAN` and `Kelurahan / Desa` are one header; `TGL AKHIR IURAN`
and `TANGGAL AKHIR IURAN` too (abbreviations in data/reference/header_abbreviations.csv). A new
spelling seen in a real export is one line in the CSV, not a code change.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from jamsostek import settings
from jamsostek.domain import EXTRACT_COLUMNS

SYNONYMS_CSV = settings.REFERENCE_DIR / "header_synonyms.csv"
ABBREVIATIONS_CSV = settings.REFERENCE_DIR / "header_abbreviations.csv"
FIELDS = frozenset(EXTRACT_COLUMNS.values())
CANONICAL = {f: h for h, f in EXTRACT_COLUMNS.items()}  # field -> header shown in messages
_UNTIL = re.compile(r"\bS\s*/\s*D\b")  # "IURAN S/D": sampai dengan, before "/" splits it


@cache
def _abbreviations() -> dict[str, str]:
    table = pd.read_csv(ABBREVIATIONS_CSV, dtype=str)
    return dict(zip(table["short"], table["long"]))


def tokens(header: str) -> tuple[str, ...]:
    """A header as sorted words, abbreviations written out: 'Tgl. Akhir Iuran' -> (AKHIR, IURAN, TANGGAL)."""
    text = _UNTIL.sub(" SAMPAI ", str(header).upper())
    words = re.sub(r"[\W_]+", " ", text).split()
    return tuple(sorted(w for word in words for w in _abbreviations().get(word, word).split()))


@cache
def synonyms() -> dict[tuple[str, ...], str]:
    """Token key -> field, from the synonym table; a key claimed by two fields is an error in the table."""
    table = pd.read_csv(SYNONYMS_CSV, dtype=str)
    if unknown := set(table["field"]) - FIELDS:
        raise ValueError(f"{SYNONYMS_CSV.name} names unknown fields: {sorted(unknown)}")
    found: dict[tuple[str, ...], str] = {}
    for field, header in zip(table["field"], table["header"]):
        key = tokens(header)
        if found.setdefault(key, field) != field:
            raise ValueError(f"{SYNONYMS_CSV.name}: '{header}' means both {found[key]} and {field}")
    return found


def field_for(header: str) -> str | None:
    """The field a header means, or None when the table does not know it."""
    return synonyms().get(tokens(header))


def field_named(name: str) -> str | None:
    """A field given by a person: its key (desa), its template header (DESA/KELURAHAN) or any synonym."""
    text = name.strip()
    return text.lower() if text.lower() in FIELDS else field_for(text)
