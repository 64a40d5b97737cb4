"""Numbers, percentages, money, dates and month ticks as CLDR writes them, through Babel.

Indonesian first: 1.136 · 65,6% · Rp16.800 · 3 November 2025 · Des 2025; English: 1,136 · 65.6% ·
Rp16,800 · 3 November 2025 · Dec 2025. One rule for a missing value (None, NaN, NaT, infinity): '–'.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

LANGS = ("id", "en")
MISSING = "–"  # en dash: an empty cell that is visibly empty, not zero
# Money scales: Indonesian "miliar" is 10^9 (a billion), "triliun" 10^12.
SCALES = {
    "id": ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta")),
    "en": ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")),
}
MONTH_TICKS_MOST = 8  # at most this many month labels on a time axis, evenly thinned


def check_lang(lang: str) -> str:
    """`lang` itself when it is one of LANGS; ValueError otherwise."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
    return lang


@cache
def locale(lang: str) -> Locale:
    """The Babel locale of a language code ('id' or 'en')."""
    return Locale.parse(check_lang(lang))


def language_tag(lang: str) -> str:
    """BCP 47 tag of the documents' language (PDF /Lang): 'id-ID', 'en-GB'."""
    return {"id": "id-ID", "en": "en-GB"}[check_lang(lang)]


def plural_category(count: float, lang: str) -> str:
    """CLDR plural category of `count` in `lang`: Indonesian is always 'other', English 'one' for 1."""
    return locale(lang).plural_form(abs(count))


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT, pd.NA and infinity (which only arises from dividing by zero)."""
    if isinstance(value, float) and math.isinf(value):
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-likes are not missing scalars
        return False


@cache
def _pattern(digits: int, percent: bool = False) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * digits if digits else "") + ("%" if percent else ""))


def _rounded(value: object, digits: int) -> Decimal:
    # Decimal of the shortest repr rounds half up as people expect (2.675 -> 2.68), where binary
    # floats and Babel's default half-even would not; a rounded zero has no sign ("-0,0").
    q = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return abs(q) if q == 0 else q


def _number(value: object, lang: str, digits: int = 0) -> str:
    return _pattern(digits).apply(_rounded(value, digits), locale(lang))


def fmt_int(value: object, lang: str = "id") -> str:
    """Whole number with thousands separators: 1.136 (id), 1,136 (en); missing -> '–'."""
    return MISSING if is_missing(value) else _number(value, lang)


def fmt_num(value: object, lang: str = "id", digits: int = 1) -> str:
    """Number with `digits` decimals: 1.234,5 (id), 1,234.5 (en); missing -> '–'."""
    return MISSING if is_missing(value) else _number(value, lang, digits)


def fmt_pct(value: object, lang: str = "id", digits: int = 1) -> str:
    """Percentage given in points (65.6 means 65.6 %), as CLDR writes it: '65,6%' (id), '65.6%' (en)."""
    if is_missing(value):
        return MISSING
    return _pattern(digits, percent=True).apply(_rounded(value, digits) / 100, locale(lang))


def fmt_signed(value: object, lang: str = "id", digits: int = 0) -> str:
    """A change with its sign: '+12', '-3', '+1,5'; a change that rounds to zero has none: '0', '0,0'."""
    if is_missing(value):
        return MISSING
    rounded = _rounded(value, digits)
    text = _number(rounded, lang, digits)
    return f"+{text}" if rounded > 0 else text


def fmt_rp(value: object, lang: str = "id") -> str:
    """Rupiah amount, whole: Rp16.800 (id), Rp16,800 (en); negative as -Rp16.800."""
    if is_missing(value):
        return MISSING
    text = _number(value, lang)
    return f"-Rp{text[1:]}" if text.startswith("-") else f"Rp{text}"


def fmt_rp_short(value: object, lang: str = "id", digits: int = 1) -> str:
    """Rupiah in juta/miliar/triliun (million/billion/trillion): 'Rp2,0 miliar'; < 1 juta in full."""
    if is_missing(value):
        return MISSING
    amount = Decimal(str(value))
    for size, word in SCALES[check_lang(lang)]:
        scaled = _rounded(amount / size, digits)
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
    return MISSING if is_missing(value) else format_date(_as_date(value), "d MMMM y", locale=locale(lang))


def fmt_date_short(value: object, lang: str = "id") -> str:
    """Day, short month, year: '3 Nov 2025'; 'Agu', 'Okt', 'Des' in Indonesian."""
    return MISSING if is_missing(value) else format_date(_as_date(value), "d MMM y", locale=locale(lang))


def fmt_month(value: object, lang: str = "id") -> str:
    """Short month and year, as on a time axis: 'Des 2025' (id), 'Dec 2025' (en)."""
    return MISSING if is_missing(value) else format_date(_as_date(value), "MMM y", locale=locale(lang))


def fmt_month_year(value: object, lang: str = "id") -> str:
    """Full month and year, as a plan's months are named: 'Desember 2025' (id), 'December 2025' (en)."""
    return MISSING if is_missing(value) else format_date(_as_date(value), "LLLL y", locale=locale(lang)).capitalize()


def month_ticks(days: pd.Series, lang: str = "id", most: int = MONTH_TICKS_MOST) -> tuple[list[date], list[str]]:
    """First-of-month ticks across `days` (at most `most`, evenly thinned), labelled 'Nov 2025' / 'Des 2025'.

    Plotly has no Indonesian locale, so time axes get their tick labels from here.
    """
    if days.empty:
        return [], []
    start, end = pd.Timestamp(days.min()), pd.Timestamp(days.max())
    months = pd.date_range(start.to_period("M").to_timestamp(), end, freq="MS")
    if len(months) > most:  # keep labels apart on long ranges
        months = months[:: -(-len(months) // most)]
    return [m.date() for m in months], [fmt_month(m, lang) for m in months]


def plotly_separators(lang: str = "id") -> str:
    """Plotly layout.separators (decimal mark, then thousands) from the locale: ',.' (id), '.,' (en)."""
    symbols = locale(lang).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]
