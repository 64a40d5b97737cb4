"""Labels complete in both languages; number, money and date formats give exact strings."""

from __future__ import annotations

import re
import string
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest
from babel import Locale
from babel.numbers import format_decimal, format_percent

from jamsostek import domain, i18n
from jamsostek.i18n import (
    fmt_date,
    fmt_date_short,
    fmt_int,
    fmt_num,
    fmt_pct,
    fmt_rp,
    fmt_rp_short,
    fmt_signed,
    funding_label,
    month_ticks,
    plotly_separators,
    sector_label,
    t,
)


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _forms(entry, lang: str) -> list[str]:
    value = entry[lang]
    return list(value.values()) if isinstance(value, dict) else [value]


@pytest.mark.parametrize("key", sorted(i18n.LABELS))
def test_every_label_has_both_languages_with_same_placeholders(key):
    entry = i18n.LABELS[key]
    assert set(entry) == set(i18n.LANGS)
    forms = [text for lang in i18n.LANGS for text in _forms(entry, lang)]
    assert all(isinstance(text, str) and text.strip() for text in forms)
    assert len({frozenset(_placeholders(text)) for text in forms}) == 1, forms


PLURAL_KEYS = sorted(i18n.PLURAL_KEYS)


@pytest.mark.parametrize("key", PLURAL_KEYS)
@pytest.mark.parametrize("lang", i18n.LANGS)
def test_plural_labels_have_every_form_the_language_needs(key, lang):
    # CLDR: Indonesian has one form ('other'), English 'one' and 'other'; {count} picks and is shown.
    value = i18n.LABELS[key][lang]
    needed = {"other"} | (set(Locale.parse(lang).plural_form.tags) if isinstance(value, dict) else set())
    assert set(value) == needed if isinstance(value, dict) else lang == "id"
    assert all("{count}" in text for text in _forms(i18n.LABELS[key], lang))


def test_some_labels_are_plural():
    assert {"upload.commit", "upload.committed"} <= set(PLURAL_KEYS)


@pytest.mark.parametrize(
    "count, lang, expected",
    [(1, "en", "Load 1 row into the dashboard"), (2, "en", "Load 2 rows into the dashboard"),
     (0, "en", "Load 0 rows into the dashboard"), (1136, "en", "Load 1,136 rows into the dashboard"),
     (1, "id", "Muat 1 baris ke dasbor"), (1136, "id", "Muat 1.136 baris ke dasbor")],
)
def test_plural_label_picks_its_form_by_count(count, lang, expected):
    assert t("upload.commit", lang, count=count) == expected


def test_plural_label_needs_a_count():
    for lang in i18n.LANGS:
        with pytest.raises(TypeError, match="count"):
            t("upload.commit", lang)


def test_label_keys_are_area_dot_name():
    assert all(re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", key) for key in i18n.LABELS)


@pytest.mark.parametrize(
    "key, lang, fmt, expected",
    [
        ("app.title", "id", {}, "Dasbor Cakupan Jamsostek Pekerja Rentan Gianyar"),
        ("app.title", "en", {}, "Gianyar Vulnerable Workers Jamsostek Coverage Dashboard"),
        ("page.upload", "id", {}, "Unggah Data"),
        ("filter.all", "en", {}, "All"),
        ("metric.lapsing", "id", {"days": 30}, "Berakhir dalam 30 hari"),
        ("ind.sub.of_target", "en", {"now": "8,360", "target": "13,200"}, "8,360 of the 13,200 target"),
        ("download.xlsx", "id", {}, "Unduh XLSX"),
    ],
)
def test_t(key, lang, fmt, expected):
    assert t(key, lang, **fmt) == expected


def test_t_defaults_to_indonesian():
    assert t("page.summary") == "Ringkasan"


def test_t_unknown_key_raises():
    with pytest.raises(KeyError, match="no.such"):
        t("no.such")


def test_t_missing_placeholder_value_raises():
    with pytest.raises(KeyError):
        t("metric.lapsing", "id")


def test_unknown_language_raises():
    with pytest.raises(ValueError):
        t("app.title", "fr")
    with pytest.raises(ValueError):
        fmt_int(1, "de")


@pytest.mark.parametrize("code", sorted(domain.SECTORS))
@pytest.mark.parametrize("lang", i18n.LANGS)
def test_sector_label_for_every_sector(code, lang):
    assert sector_label(code, lang) == domain.SECTORS[code][lang]


@pytest.mark.parametrize(
    "code, lang, expected",
    [("petani", "id", "Petani"), ("nelayan", "en", "Fishers"), ("pekerja_adat", "id", "Pekerja adat")],
)
def test_sector_label(code, lang, expected):
    assert sector_label(code, lang) == expected


@pytest.mark.parametrize(
    "code, lang, expected",
    [("APBD", "id", "APBD (kabupaten)"), ("MANDIRI", "en", "Self-paid"), ("APBDES", "id", "APBDes (desa)")],
)
def test_funding_label(code, lang, expected):
    assert funding_label(code, lang) == expected


def test_unknown_codes_raise():
    with pytest.raises(KeyError):
        sector_label("pilot")
    with pytest.raises(KeyError):
        funding_label("APBN")


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (1136, "id", "1.136"),
        (1136, "en", "1,136"),
        (0, "id", "0"),
        (999, "id", "999"),
        (13_200, "id", "13.200"),
        (1_234_567, "en", "1,234,567"),
        (-4_500, "id", "-4.500"),
        (1136.0, "id", "1.136"),  # DuckDB sums come back as floats
        (np.int64(8733), "id", "8.733"),
        (2.5, "id", "3"),  # half up, not to even
        (None, "id", "–"),
        (float("nan"), "en", "–"),
        (pd.NA, "id", "–"),
        (float("inf"), "id", "–"),
    ],
)
def test_fmt_int(value, lang, expected):
    assert fmt_int(value, lang) == expected


@pytest.mark.parametrize(
    "value, lang, digits, expected",
    [
        (65.6, "id", 1, "65,6%"),
        (65.6, "en", 1, "65.6%"),
        (65.60, "id", 2, "65,60%"),
        (100, "id", 1, "100,0%"),
        (0, "en", 0, "0%"),
        (2.675, "en", 2, "2.68%"),  # half up on the decimal value, not the binary float
        (-0.04, "id", 1, "0,0%"),  # no negative zero
        (1234.5, "id", 1, "1.234,5%"),
        (np.float64(21.44), "id", 1, "21,4%"),
        (None, "id", 1, "–"),
    ],
)
def test_fmt_pct(value, lang, digits, expected):
    assert fmt_pct(value, lang, digits=digits) == expected


@pytest.mark.parametrize(
    "value, lang, expected",
    [(1234.56, "id", "1.234,6"), (1234.56, "en", "1,234.6"), (None, "en", "–")],
)
def test_fmt_num(value, lang, expected):
    assert fmt_num(value, lang) == expected


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (16_800, "id", "Rp16.800"),
        (16_800, "en", "Rp16,800"),
        (604_800, "id", "Rp604.800"),
        (659_265_600, "id", "Rp659.265.600"),
        (-16_800, "id", "-Rp16.800"),
        (0, "id", "Rp0"),
        (None, "id", "–"),
    ],
)
def test_fmt_rp(value, lang, expected):
    assert fmt_rp(value, lang) == expected


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (2_000_000_000, "id", "Rp2,0 miliar"),
        (2_000_000_000, "en", "Rp2.0 billion"),
        (2_660_000_000, "id", "Rp2,7 miliar"),
        (1_000_000_000, "en", "Rp1.0 billion"),
        (659_265_600, "id", "Rp659,3 juta"),
        (659_265_600, "en", "Rp659.3 million"),
        (1_500_000_000_000, "id", "Rp1,5 triliun"),
        (3_000_000_000_000, "en", "Rp3.0 trillion"),
        (999_960_000, "id", "Rp1,0 miliar"),  # rounds up into the next unit
        (1_250_000_000_000_000, "id", "Rp1.250,0 triliun"),
        (604_800, "id", "Rp604.800"),  # below one juta: in full
        (-2_000_000_000, "id", "-Rp2,0 miliar"),
        (float("nan"), "id", "–"),
    ],
)
def test_fmt_rp_short(value, lang, expected):
    assert fmt_rp_short(value, lang) == expected


@pytest.mark.parametrize(
    "value, lang, expected",
    [(12, "id", "+12"), (-3, "id", "-3"), (0, "en", "0"), (1136, "id", "+1.136"), (1136, "en", "+1,136"),
     (None, "id", "–")],
)
def test_fmt_signed_whole(value, lang, expected):
    assert fmt_signed(value, lang) == expected


@pytest.mark.parametrize(
    "value, lang, expected",
    [(1.25, "id", "+1,3"), (-1.25, "id", "-1,3"), (0.04, "id", "0,0"), (-0.04, "en", "0.0"), (0.05, "en", "+0.1"),
     (float("nan"), "id", "–")],
)
def test_fmt_signed_with_one_decimal(value, lang, expected):
    # A change that rounds to zero carries no sign: "+0,0" and "-0,0" would claim a direction.
    assert fmt_signed(value, lang, 1) == expected


@pytest.mark.parametrize(
    "days, lang, most, expected",
    [(["2025-11-03", "2026-01-20"], "id", 8, ["Nov 2025", "Des 2025", "Jan 2026"]),
     (["2025-11-03", "2026-01-20"], "en", 8, ["Nov 2025", "Dec 2025", "Jan 2026"]),
     (["2025-01-05", "2025-12-31"], "id", 4, ["Jan 2025", "Apr 2025", "Jul 2025", "Okt 2025"]),
     ([], "id", 8, [])],
)
def test_month_ticks(days, lang, most, expected):
    ticks, labels = month_ticks(pd.Series(pd.to_datetime(days)), lang, most)
    assert labels == expected
    assert ticks == [pd.Timestamp(f"1 {label}".replace("Okt", "Oct").replace("Des", "Dec")).date()
                     for label in labels]


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, pd.NaT, np.nan, float("inf"), -float("inf")])
def test_is_missing(value):
    assert i18n.is_missing(value)


@pytest.mark.parametrize("value", [0, 0.0, "", "x", [1, 2], date(2026, 1, 1)])
def test_is_not_missing(value):
    assert not i18n.is_missing(value)


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("value", [0, 7, 1136, 2_500_000, 65.6, 2.5, -4_500])
def test_numbers_agree_with_babel(value, lang):
    # Babel's own CLDR formatting is the oracle (on values whose rounding is not a half).
    assert fmt_num(value, lang) == format_decimal(value, format="#,##0.0", locale=lang)
    assert fmt_pct(value, lang) == format_percent(value / 100, format="#,##0.0%", locale=lang)


ID_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
ID_SHORT = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()


@pytest.mark.parametrize("month", range(1, 13))
def test_indonesian_month_names(month):
    d = date(2026, month, 15)
    assert fmt_date(d, "id") == f"15 {ID_MONTHS[month - 1]} 2026"
    assert fmt_date_short(d, "id") == f"15 {ID_SHORT[month - 1]} 2026"


@pytest.mark.parametrize(
    "value, lang, expected, expected_short",
    [
        (date(2025, 11, 3), "id", "3 November 2025", "3 Nov 2025"),
        (date(2025, 11, 3), "en", "3 November 2025", "3 Nov 2025"),
        (date(2025, 12, 31), "id", "31 Desember 2025", "31 Des 2025"),
        (date(2025, 12, 31), "en", "31 December 2025", "31 Dec 2025"),
        (date(2026, 8, 1), "id", "1 Agustus 2026", "1 Agu 2026"),
        (date(2026, 8, 1), "en", "1 August 2026", "1 Aug 2026"),
        (datetime(2025, 10, 14, 9, 30), "id", "14 Oktober 2025", "14 Okt 2025"),
        (pd.Timestamp("2026-05-02"), "en", "2 May 2026", "2 May 2026"),
        (np.datetime64("2026-05-02"), "id", "2 Mei 2026", "2 Mei 2026"),
        (None, "id", "–", "–"),
        (pd.NaT, "en", "–", "–"),
    ],
)
def test_fmt_date(value, lang, expected, expected_short):
    assert fmt_date(value, lang) == expected
    assert fmt_date_short(value, lang) == expected_short


@pytest.mark.parametrize("lang, expected", [("id", ",."), ("en", ".,")])
def test_plotly_separators(lang, expected):
    assert plotly_separators(lang) == expected


def test_plotly_separators_match_number_format():
    # Plotly takes the decimal mark first, then the thousands separator.
    for lang in i18n.LANGS:
        decimal_mark, thousands = plotly_separators(lang)
        assert fmt_num(1234.5, lang) == f"1{thousands}234{decimal_mark}5"
