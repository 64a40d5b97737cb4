"""Read rupiah amounts as people type them: 2.000.000.000, Rp2.000.000.000, 2 miliar, 1,5 miliar, 500 juta."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_RP = 10**15  # a thousand trillion: anything larger is a typo, not a regency budget
SCALES = {"ribu": 10**3, "rb": 10**3, "juta": 10**6, "jt": 10**6, "miliar": 10**9, "milyar": 10**9,
          "m": 10**9, "triliun": 10**12, "t": 10**12, "thousand": 10**3, "million": 10**6,
          "billion": 10**9, "trillion": 10**12}
# Short scale letters mean other things in English: "2M" is two million there, "2 M" two miliar in Indonesian.
SCALES_EN = SCALES | {"k": 10**3, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "t": 10**12}
ABBREVIATIONS = {"m", "mn", "b", "bn", "k", "t", "rb", "jt"}  # worth showing how they were read
_GROUPED = re.compile(r"[0-9]{1,3}(?:[.,  \u00a0][0-9]{3})*")  # thousands marks between groups of three
_DECIMAL = re.compile(r"[0-9]+(?:[.,][0-9]+)?")  # before a scale word: one decimal mark, either kind


def parse_rupiah(text: object, lang: str = "id") -> int | None:
    """Whole rupiah from typed text ('Rp2.000.000.000', '2,000,000,000', '1,5 miliar', '500 juta'); None if unreadable.

    Without a scale word every '.' ',' or space is a thousands mark between groups of three; with one
    (juta, miliar, ...) the number may carry a decimal mark, either ',' or '.'. Fractions of a rupiah
    and amounts above MAX_RP are refused. Scale letters follow `lang`: "M" is miliar in Indonesian and
    million in English (use uses_abbreviation() to tell the reader how it was read).
    """
    if not isinstance(text, (str, int)) or isinstance(text, bool):
        return None
    cleaned = re.sub(r"^\s*rp\.?\s*", "", str(text).strip().lower())
    match = re.fullmatch(r"(.+?)\s*([a-z]+)", cleaned)
    scales = SCALES_EN if lang == "en" else SCALES
    if match and match.group(2) in scales:
        number, scale = match.group(1), scales[match.group(2)]
        if not _DECIMAL.fullmatch(number):
            return None
        try:
            amount = Decimal(number.replace(",", ".")) * scale
        except InvalidOperation:
            return None
    elif _GROUPED.fullmatch(cleaned) or (cleaned.isascii() and cleaned.isdigit()):
        amount = Decimal(re.sub(r"[^0-9]", "", cleaned))
    else:
        return None
    if amount != amount.to_integral_value() or amount > MAX_RP:
        return None
    return int(amount)


def uses_abbreviation(text: object) -> bool:
    """Whether the amount was typed with a short scale letter (2M, 500 jt) whose reading is worth showing."""
    match = re.fullmatch(r".*?[0-9.,\s]([a-z]+)\s*", str(text).strip().lower())
    return bool(match) and match.group(1) in ABBREVIATIONS
