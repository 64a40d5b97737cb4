"""Cell text as the row rules see it: one Unicode form, ASCII digits, and the scripts its letters use.

Extracts pass through Excel, WhatsApp and copy-paste from PDFs, so a cell may hold full-width letters
(Ｍａｓ), digits of other scripts (٥١٠٤, ५१०४), zero-width spaces or look-alike letters from another
alphabet (Cyrillic а in "Mаs"). Every cell is brought to NFKC first, digits of any script become ASCII
digits, invisible characters go; what still is not Latin is left for the rules to name.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Written by the XLSX reader before a number cell whose digits Excel may have rounded (15 significant
# digits): the cell is never trusted as an identity number, and the mark shows why in the preview.
ROUNDED_MARK = "≈"
_INVISIBLE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                        r"\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """NFKC, digits of every script as 0-9, invisible characters removed, spaces collapsed; ASCII only stripped."""
    if text.isascii():
        return text.strip()
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = "".join(str(unicodedata.decimal(c)) if not c.isascii() and c.isdecimal() else c for c in text)
    return _SPACES.sub(" ", text).strip()


def clean_column(values: pd.Series) -> pd.Series:
    """clean() over a column of text: vectorised for ASCII cells, once per distinct value for the others."""
    text = values.fillna("").astype(str).str.strip()
    if pc.all(pc.string_is_ascii(pa.array(text))).as_py() is not False:  # the common case, in one Arrow pass
        return text
    odd = ~text.str.isascii()
    if odd.any():  # rare (a few cells per file): the per-character work is done only for them
        codes, uniques = pd.factorize(text[odd])
        text[odd] = [clean(u) for u in uniques[codes]]
    return text


def foreign_letters(text: str) -> bool:
    """True when a cell has letters outside the Latin alphabet (e.g. a Cyrillic look-alike)."""
    return not text.isascii() and any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN")
                                      for c in text)
