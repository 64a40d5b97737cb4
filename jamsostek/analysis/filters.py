"""The shared view filters and their URL form: parse untrusted query parameters, write them back.

A link copied from the address bar reopens the same view. Anything in the URL that is not a known
value (a typo, an old code, an injection attempt) falls back to the default and is reported, never
raised: the caller shows a notice and rewrites the URL with what was actually used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from jamsostek import domain, i18n

# URL keys, short and Indonesian because they are what people see in a shared link.
KEY_DATE, KEY_KECAMATAN, KEY_SECTOR, KEY_PROGRAM, KEY_FUNDING, KEY_LANG = (
    "tanggal", "kec", "sektor", "program", "sumber", "lang")
FILTER_KEYS = (KEY_DATE, KEY_KECAMATAN, KEY_SECTOR, KEY_PROGRAM, KEY_FUNDING)
MAX_VALUE_CHARS = 40  # longer than any code or date: anything bigger is rejected unread
# BPJS Ketenagakerjaan (as such) started in 2014; a date before it cannot be meant.
EARLIEST_DATE = date(2014, 1, 1)
FUTURE_DAYS = 366  # looking ahead (who lapses next year) is allowed, further is a typo
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

SECTOR_CODES = tuple(domain.SECTORS)
PROGRAM_CODES = tuple(domain.PROGRAMS)
FUNDING_CODES = tuple(domain.FUNDING_SOURCES)


@dataclass(frozen=True)
class Filters:
    """What the whole app is filtered by; None means all."""

    as_of: date
    kecamatan: str | None = None
    sektor: str | None = None
    program: str | None = None
    sumber: str | None = None

    def params(self) -> dict:
        """The five filter parameters every question in queries/ takes."""
        return {"as_of": self.as_of, "kecamatan": self.kecamatan, "sektor": self.sektor,
                "program": self.program, "sumber": self.sumber}

    def with_(self, **changes) -> Filters:
        """A copy with some fields changed (e.g. a week earlier for deltas)."""
        return replace(self, **changes)

    def week_before(self) -> Filters:
        """The same view seven days earlier."""
        return replace(self, as_of=self.as_of - timedelta(days=7))


def raw_value(qp: Mapping, key: str) -> str | None:
    """The URL's value for `key` as text, or None when absent; a repeated key gives its last value."""
    if key not in qp:
        return None
    value = qp[key]
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    return value if isinstance(value, str) else None if value is None else str(value)


def clean_code(value: str | None, allowed: Iterable[str]) -> tuple[str | None, bool]:
    """(code, ok): the value if it is exactly one of `allowed`; empty means all; else (None, False)."""
    if value is None or value == "":
        return None, True
    if len(value) > MAX_VALUE_CHARS:
        return None, False
    return (value, True) if value in set(allowed) else (None, False)


def parse_date(value: str | None, *, default: date, earliest: date = EARLIEST_DATE,
               latest: date | None = None) -> tuple[date, bool]:
    """(date, ok): an ISO date YYYY-MM-DD within [earliest, latest]; otherwise (default, False)."""
    if value is None or value == "":
        return default, True
    latest = latest or default + timedelta(days=FUTURE_DAYS)
    if len(value) > MAX_VALUE_CHARS or not _ISO_DATE.fullmatch(value):
        return default, False
    try:
        parsed = date.fromisoformat(value)
    except ValueError:  # 2026-13-45, 2026-02-30
        return default, False
    return (parsed, True) if earliest <= parsed <= latest else (default, False)


def from_query_params(qp: Mapping, *, default_as_of: date, kecamatan_codes: Iterable[str],
                      lang_default: str = "id") -> tuple[Filters, str, list[str]]:
    """(filters, lang, rejected URL keys) from untrusted query parameters; bad values take defaults."""
    rejected: list[str] = []

    def code(key: str, allowed: Iterable[str]) -> str | None:
        value, ok = clean_code(raw_value(qp, key), allowed)
        if not ok:
            rejected.append(key)
        return value

    as_of, ok = parse_date(raw_value(qp, KEY_DATE), default=default_as_of)
    if not ok:
        rejected.append(KEY_DATE)
    filters = Filters(
        as_of=as_of,
        kecamatan=code(KEY_KECAMATAN, kecamatan_codes),
        sektor=code(KEY_SECTOR, SECTOR_CODES),
        program=code(KEY_PROGRAM, PROGRAM_CODES),
        sumber=code(KEY_FUNDING, FUNDING_CODES),
    )
    lang = code(KEY_LANG, i18n.LANGS) or lang_default
    return filters, lang, rejected


def to_query_params(filters: Filters, lang: str) -> dict[str, str]:
    """URL form of a view: the date always (a link pins its day), other filters only when set."""
    params = {KEY_DATE: filters.as_of.isoformat()}
    for key, value in ((KEY_KECAMATAN, filters.kecamatan), (KEY_SECTOR, filters.sektor),
                       (KEY_PROGRAM, filters.program), (KEY_FUNDING, filters.sumber)):
        if value:
            params[key] = value
    if lang != "id":
        params[KEY_LANG] = lang
    return params


# --- Page options in the address: everything else that changes what a page shows -------------------------
# A page option is one URL key with its allowed values. Each reads from untrusted text like the filters:
# an unknown value is dropped and reported, never raised or echoed back. Values are written only when they
# differ from the page's default, so a plain link stays short.
KEY_LAYOUT = "tampilan"
LAYOUT_VALUES = {"ponsel": "phone", "lebar": "desktop", "layar": "screen"}  # Indonesian in the link
_DIGITS = re.compile(r"[0-9]{1,15}")


@dataclass(frozen=True)
class Option:
    """One page option in the URL: its key, allowed values (text) or a checker, and the default."""

    key: str
    values: tuple[str, ...] = ()
    default: str = ""
    number: tuple[int, int] | None = None  # whole numbers in [low, high] instead of fixed values
    pattern: str | None = None  # text matching this regular expression instead of fixed values

    def read(self, qp: Mapping) -> tuple[str | None, bool]:
        """(value, ok) of this option in the URL: None when absent or rejected (ok False when rejected)."""
        value = raw_value(qp, self.key)
        if value is None or value == "":
            return None, True
        if len(value) > MAX_VALUE_CHARS:
            return None, False
        if self.number is not None:
            low, high = self.number
            ok = bool(_DIGITS.fullmatch(value)) and low <= int(value) <= high
            return (str(int(value)), True) if ok else (None, False)
        if self.pattern is not None:
            return (value, True) if re.fullmatch(self.pattern, value) else (None, False)
        return (value, True) if value in self.values else (None, False)


def layout_from_url(qp: Mapping) -> str | None:
    """The layout the address asks for ('phone', 'desktop', 'screen'), or None to follow the browser."""
    value = raw_value(qp, KEY_LAYOUT)
    return LAYOUT_VALUES.get(value) if value else None


# The page options, one table so the shell keeps them in the address and tests check them in one place.
# Values are the codes the pages use (the same in both languages); numbers are whole and bounded.
PAGE_OPTIONS: dict[str, Option] = {option.key: option for option in (
    Option(KEY_LAYOUT, tuple(LAYOUT_VALUES)),
    # Peta: the measure, the level, the colour classes.
    Option("ukuran", ("coverage_pct", "gap_workers", "protected_workers", "usulan_enrolled_workers"), "coverage_pct"),
    Option("tingkat", ("desa", "kecamatan", "kabupaten")),
    Option("kelas", ("sasaran", "tetap", "kuantil"), "sasaran"),
    # Sektor: how many desa the heatmap shows (0 = all).
    Option("baris", ("15", "30", "0"), "15"),
    # Rapat: the open tab.
    Option("tab", ("since", "actions", "map", "minutes"), "since"),
    # Rencana: the inputs that change the plan (rupiah as whole numbers, months, the rule, renewals first).
    Option("anggaran", number=(0, 10**15)),
    Option("apbdes", number=(0, 10**15)),
    Option("dbhcht", number=(0, 10**15)),
    Option("csr", number=(0, 10**15)),
    Option("bulan", number=(1, 60)),
    Option("iuran", number=(1, 10**9)),
    Option("aturan", ("gap", "coverage", "weights", "mix"), "gap"),
    Option("perpanjang", ("ya", "tidak"), "ya"),
    Option("mulai", pattern=r"20[0-9]{2}-(0[1-9]|1[0-2])"),  # the plan's first month, YYYY-MM
    Option("sasaran", number=(0, 100)),
    # Usulan: the saved scenario whose allocation the funnel is compared with (its id).
    Option("skenario", number=(1, 10**9)),
)}


def read_options(qp: Mapping) -> tuple[dict[str, str], list[str]]:
    """(values, rejected keys) of the page options in untrusted query parameters."""
    values, rejected = {}, []
    for key, option in PAGE_OPTIONS.items():
        value, ok = option.read(qp)
        if value is not None:
            values[key] = value
        elif not ok:
            rejected.append(key)
    return values, rejected


def describe(filters: Filters, lang: str, *, region: str, kecamatan_names: Mapping[str, str]) -> str:
    """The view in words, for the page body, chart titles, legends and downloads:
    'Kec. Ubud · sektor Petani · per 20 November 2026', or 'Seluruh Kabupaten Gianyar · per ...'."""
    t = i18n.t
    parts = [t("view.kecamatan", lang, name=kecamatan_names.get(filters.kecamatan, filters.kecamatan))
             if filters.kecamatan else t("view.whole_region", lang, region=region)]
    if filters.sektor:
        parts.append(t("view.sector", lang, name=i18n.sector_label(filters.sektor, lang)))
    if filters.program:
        parts.append(t("view.program", lang, name=filters.program))
    if filters.sumber:
        parts.append(t("view.funding", lang, name=i18n.funding_label(filters.sumber, lang)))
    parts.append(t("view.as_of", lang, date=i18n.fmt_date(filters.as_of, lang)))
    return " · ".join(parts)


def file_tags(filters: Filters) -> list[str]:
    """Parts of a download's file name that say which filters made it (the date is added by the caller)."""
    return [value for value in (filters.kecamatan, filters.sektor, filters.program, filters.sumber) if value]
