"""Indonesian-first labels (one catalogue, one `t`) and number, money and date formats.

The catalogue is split by area into `catalogue/*.py`, every module one dict of the same shape
(key -> {"id": ..., "en": ...}); they are merged here into LABELS, and a key defined twice is an error.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from jamsostek import domain
from jamsostek.i18n.catalogue import admin, app, documents, meeting, province, views

LANGS = ("id", "en")
MISSING = "–"  # en dash: an empty cell that is visibly empty, not zero


def _merge(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        twice = merged.keys() & table.keys()
        if twice:
            raise ValueError(f"label keys defined twice: {sorted(twice)}")
        merged.update(table)
    return merged


LABELS = _merge(app.LABELS, admin.LABELS, meeting.LABELS, province.LABELS, documents.LABELS, views.LABELS)


MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
           "Agustus", "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"),
}
MONTHS_SHORT = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
# Money scales: Indonesian "miliar" is 10^9 (a billion), "triliun" 10^12.
_SCALES = {
    "id": ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta")),
    "en": ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")),
}


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
    return lang


def t(key: str, lang: str = "id", **fmt: object) -> str:
    """Label `key` in `lang`, with {placeholders} filled from `fmt`; KeyError if the key is missing."""
    _check_lang(lang)
    if key not in LABELS:
        raise KeyError(f"no label {key!r} in jamsostek.i18n.LABELS")
    return LABELS[key][lang].format(**fmt)


def sector_label(code: str, lang: str = "id") -> str:
    """Display name of a sector code from domain.SECTORS."""
    return domain.SECTORS[code][_check_lang(lang)]


def funding_label(code: str, lang: str = "id") -> str:
    """Display name of a funding source code from domain.FUNDING_SOURCES."""
    return domain.FUNDING_SOURCES[code][_check_lang(lang)]


def _missing(value: object) -> bool:
    # Infinity counts as missing: it only arises from dividing by a zero denominator.
    if isinstance(value, float) and math.isinf(value):
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-likes are not missing scalars
        return False


def _number(value: float, lang: str, digits: int = 0) -> str:
    # Decimal of the shortest repr rounds half up as people expect (2.675 -> 2.68),
    # which binary floats with f-strings do not; no locale module needed.
    q = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)  # no "-0,0"
    text = f"{q:,.{digits}f}"
    if _check_lang(lang) == "id":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def fmt_int(value: object, lang: str = "id") -> str:
    """Whole number with thousands separators: 1.136 (id), 1,136 (en); missing -> '–'."""
    return MISSING if _missing(value) else _number(value, lang)


def fmt_num(value: object, lang: str = "id", digits: int = 1) -> str:
    """Number with `digits` decimals: 1.234,5 (id), 1,234.5 (en); missing -> '–'."""
    return MISSING if _missing(value) else _number(value, lang, digits)


def fmt_pct(value: object, lang: str = "id", digits: int = 1) -> str:
    """Percentage given in points (65.6 means 65.6 %): '65,6 %' (id), '65.6 %' (en)."""
    return MISSING if _missing(value) else f"{_number(value, lang, digits)} %"


def fmt_delta_int(value: object, lang: str = "id") -> str:
    """Signed whole-number change: '+12', '-3', '0'; missing -> '–'."""
    if _missing(value):
        return MISSING
    text = _number(value, lang)
    return f"+{text}" if text[0] not in "-0" else text


def fmt_rp(value: object, lang: str = "id") -> str:
    """Rupiah amount, whole: Rp16.800 (id), Rp16,800 (en); negative as -Rp16.800."""
    if _missing(value):
        return MISSING
    text = _number(value, lang)
    return f"-Rp{text[1:]}" if text.startswith("-") else f"Rp{text}"


def fmt_rp_short(value: object, lang: str = "id", digits: int = 1) -> str:
    """Rupiah in juta/miliar/triliun (million/billion/trillion): 'Rp2,0 miliar'; < 1 juta in full."""
    if _missing(value):
        return MISSING
    amount = Decimal(str(value))
    for size, word in _SCALES[_check_lang(lang)]:
        scaled = (amount / size).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
        if abs(scaled) >= 1:  # after rounding, so 999.96 juta reads "1,0 miliar"
            text = _number(scaled, lang, digits)
            sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
            return f"{sign}Rp{text} {word}"
    return fmt_rp(value, lang)


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


def fmt_date(value: object, lang: str = "id") -> str:
    """Day, full month name, year: '3 November 2025'; 'Desember' in Indonesian."""
    if _missing(value):
        return MISSING
    d = _as_date(value)
    return f"{d.day} {MONTHS[_check_lang(lang)][d.month - 1]} {d.year}"


def fmt_date_short(value: object, lang: str = "id") -> str:
    """Day, short month, year: '3 Nov 2025'; 'Agu', 'Okt', 'Des' in Indonesian."""
    if _missing(value):
        return MISSING
    d = _as_date(value)
    return f"{d.day} {MONTHS_SHORT[_check_lang(lang)][d.month - 1]} {d.year}"


def plotly_separators(lang: str = "id") -> str:
    """Plotly layout.separators (decimal mark, then thousands): ',.' for id, '.,' for en."""
    return ",." if _check_lang(lang) == "id" else ".,"


def join_words(items: list[str], lang: str = "id") -> str:
    """'a', 'a dan b', 'a, b dan c' (no serial comma, as both languages' reports write it)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('desa.and', lang)} {items[-1]}"
