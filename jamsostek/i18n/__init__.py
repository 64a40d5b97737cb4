"""Indonesian-first labels: one catalogue, one `t`, plural forms; the formats live in formats.py.

The catalogue is split by area into `catalogue/*.py`, every module one dict of the same shape
(key -> {"id": ..., "en": ...}); they are merged here into LABELS, and a key defined twice is an error.
A language's value is a text, or its plural forms by CLDR category ({"one": ..., "other": ...}).
"""

from __future__ import annotations

from jamsostek import domain
from jamsostek.i18n import formats
from jamsostek.i18n.catalogue import (access, admin, app, documents, indicators, ingest, meeting, province, rates, reach,
                                      sasaran, startup, usulan, views)
# The formats are re-exported so callers write i18n.fmt_int(...) as before.
from jamsostek.i18n.formats import (  # noqa: F401
    LANGS, MISSING, fmt_date, fmt_date_short, fmt_int, fmt_month, fmt_month_year, fmt_num, fmt_pct, fmt_rp, fmt_rp_short,
    fmt_signed, is_missing, language_tag, month_ticks, plotly_separators)

Label = str | dict[str, str]  # a text, or plural forms by CLDR category ("one", "other")


def _merge(*tables: dict[str, dict[str, Label]]) -> dict[str, dict[str, Label]]:
    merged: dict[str, dict[str, Label]] = {}
    for table in tables:
        twice = merged.keys() & table.keys()
        if twice:
            raise ValueError(f"label keys defined twice: {sorted(twice)}")
        merged.update(table)
    return merged


LABELS = _merge(app.LABELS, admin.LABELS, access.LABELS, meeting.LABELS, province.LABELS, documents.LABELS,
                startup.LABELS, ingest.LABELS, indicators.LABELS,
                sasaran.LABELS, reach.LABELS, rates.LABELS, usulan.LABELS, views.LABELS)
PLURAL_KEYS = frozenset(key for key, entry in LABELS.items() if any(isinstance(v, dict) for v in entry.values()))


def t(key: str, lang: str = "id", **fmt: object) -> str:
    """Label `key` in `lang`, with {placeholders} filled from `fmt`; KeyError if the key is missing.

    A plural label ({"one": ..., "other": ...}) picks its form by the number `count`, and {count}
    in it reads as a whole number of the language (1.136 / 1,136).
    """
    formats.check_lang(lang)
    if key not in LABELS:
        raise KeyError(f"no label {key!r} in jamsostek.i18n.LABELS")
    text = LABELS[key][lang]
    if key in PLURAL_KEYS:
        if "count" not in fmt:
            raise TypeError(f"label {key!r} has plural forms: pass count=")
        if isinstance(text, dict):  # Indonesian needs one form only, so its value may stay a text
            text = text.get(formats.plural_category(fmt["count"], lang), text["other"])
        fmt = fmt | {"count": formats.fmt_int(fmt["count"], lang)}
    return text.format(**fmt)


def sector_label(code: str, lang: str = "id") -> str:
    """Display name of a sector code from domain.SECTORS."""
    return domain.SECTORS[code][formats.check_lang(lang)]


def funding_label(code: str, lang: str = "id") -> str:
    """Display name of a funding source code from domain.FUNDING_SOURCES."""
    return domain.FUNDING_SOURCES[code][formats.check_lang(lang)]


def setting_problem(problem, lang: str = "id") -> str:
    """What is wrong with one setting (a settings.Problem), in `lang`."""
    return t(f"settings.{problem.reason}", lang, name=problem.name, value=problem.value, known=", ".join(problem.known))


def join_words(items: list[str], lang: str = "id") -> str:
    """'a', 'a dan b', 'a, b dan c' (no serial comma, as both languages' reports write it)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('desa.and', lang)} {items[-1]}"
