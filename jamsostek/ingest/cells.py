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

# Written by the XLSX reader before a number cell whose digits Excel may have rounded (15 significant
# digits): the cell is never trusted as an identity number, and the mark shows why in the preview.
ROUNDED_MARK = "≈"
_INVISIBLE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                        r"\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """NFKC, digits of every script as 0-9, invisible characters removed, runs of spaces as one."""
    if text.isascii():
        return _SPACES.sub(" ", text).strip() if "  " in text or "\t" in text else text.strip()
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = "".join(str(unicodedata.decimal(c)) if not c.isascii() and c.isdecimal() else c for c in text)
    return _SPACES.sub(" ", text).strip()


def clean_column(values: pd.Series) -> pd.Series:
    """clean() over a column of text, once per distinct value."""
    text = values.fillna("").astype(str)
    codes, uniques = pd.factorize(text, use_na_sentinel=False)
    cleaned = pd.Series([clean(u) for u in uniques], dtype="str")
    return pd.Series(cleaned.to_numpy()[codes], index=values.index, dtype="str")


def foreign_letters(text: str) -> bool:
    """True when a cell has letters outside the Latin alphabet (e.g. a Cyrillic look-alike)."""
    return not text.isascii() and any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN")
                                      for c in text)
