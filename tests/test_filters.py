"""URL <-> filters: known values round-trip, anything else falls back to the default and is reported."""

from __future__ import annotations

from datetime import date

import pytest

from jamsostek.analysis import filters as flt
from jamsostek.analysis.filters import Filters, from_query_params, to_query_params

DEFAULT = date(2026, 11, 20)
KECAMATAN = ["51.04.01", "51.04.02", "51.04.05"]


def parse(qp, **kwargs):
    return from_query_params(qp, default_as_of=DEFAULT, kecamatan_codes=KECAMATAN, **kwargs)


def test_empty_url_gives_defaults():
    assert parse({}) == (Filters(as_of=DEFAULT), "id", [])


def test_every_key_read():
    qp = {"tanggal": "2026-01-10", "kec": "51.04.05", "sektor": "petani", "program": "JKM",
          "sumber": "APBDES", "lang": "en"}
    filters, lang, rejected = parse(qp)
    assert filters == Filters(date(2026, 1, 10), "51.04.05", "petani", "JKM", "APBDES")
    assert (lang, rejected) == ("en", [])


def test_params_are_exactly_what_queries_take():
    f = Filters(date(2026, 1, 10), kecamatan="51.04.01")
    assert f.params() == {"as_of": date(2026, 1, 10), "kecamatan": "51.04.01", "sektor": None,
                          "program": None, "sumber": None}


def test_week_before():
    assert Filters(date(2026, 1, 10), sektor="petani").week_before() == Filters(date(2026, 1, 3), sektor="petani")


@pytest.mark.parametrize("filters, lang", [
    (Filters(DEFAULT), "id"),
    (Filters(date(2025, 11, 3), "51.04.01", "nelayan", "JKK", "MANDIRI"), "en"),
    (Filters(date(2026, 2, 28), sumber="CSR"), "id"),
])
def test_round_trip(filters, lang):
    assert parse(to_query_params(filters, lang)) == (filters, lang, [])


def test_url_form_is_short():
    assert to_query_params(Filters(DEFAULT), "id") == {"tanggal": "2026-11-20"}
    assert to_query_params(Filters(DEFAULT, kecamatan="51.04.01"), "en") == {
        "tanggal": "2026-11-20", "kec": "51.04.01", "lang": "en"}


HOSTILE = [
    "';DROP TABLE participant;--",
    "<script>alert(1)</script>",
    "51.04.99",  # well formed, not a kecamatan of the region
    "51.04.01 ",  # near miss
    "x" * 10_000,
    "\x00",
    "../../etc/passwd",
    "Petani",  # labels are not codes
    "%27%20OR%201%3D1",
]


@pytest.mark.parametrize("key", ["kec", "sektor", "program", "sumber", "lang"])
@pytest.mark.parametrize("value", HOSTILE)
def test_unknown_codes_fall_back_and_are_reported(key, value):
    filters, lang, rejected = parse({key: value})
    assert (filters, lang, rejected) == (Filters(DEFAULT), "id", [key])


@pytest.mark.parametrize("value", [
    "2026-13-45", "2026-02-30", "20260110", "10/01/2026", "2026-1-10", "today", "9999-12-31",
    "2013-12-31",  # before BPJS Ketenagakerjaan
    "2028-01-01",  # more than a year past the data
    "2026-01-10T00:00", " 2026-01-10", "2026-01-10;DROP", "１２３４-01-01", "x" * 5000,
])
def test_bad_dates_fall_back(value):
    filters, _, rejected = parse({"tanggal": value})
    assert (filters.as_of, rejected) == (DEFAULT, ["tanggal"])


@pytest.mark.parametrize("value, expected", [
    ("2014-01-01", date(2014, 1, 1)),
    ("2026-11-20", DEFAULT),
    ("2027-11-21", date(2027, 11, 21)),  # a year ahead: who lapses next year
])
def test_dates_in_range_accepted(value, expected):
    assert parse({"tanggal": value})[0].as_of == expected


@pytest.mark.parametrize("key", ["tanggal", "kec", "sektor", "program", "sumber", "lang"])
def test_empty_value_means_default_without_notice(key):
    assert parse({key: ""}) == (Filters(DEFAULT), "id", [])


def test_repeated_key_uses_last_value_and_lists_are_read():
    filters, _, rejected = parse({"kec": ["51.04.01", "51.04.02"], "sektor": []})
    assert (filters.kecamatan, filters.sektor, rejected) == ("51.04.02", None, [])


def test_several_bad_values_all_reported_in_order():
    _, _, rejected = parse({"lang": "fr", "kec": "x", "tanggal": "y", "sumber": "BOS"})
    assert rejected == ["tanggal", "kec", "sumber", "lang"]


def test_unrelated_keys_ignored():
    assert parse({"desa": "51.04.01.2001", "utm_source": "wa"}) == (Filters(DEFAULT), "id", [])


def test_non_string_values_do_not_raise():
    _, _, rejected = parse({"kec": 51, "sektor": None})
    assert rejected == ["kec"]


def test_lang_default_used():
    assert parse({}, lang_default="en")[1] == "en"


@pytest.mark.parametrize("value, ok", [("51.04.01.2001", True), ("51.04.01.9999", False), ("", True)])
def test_clean_code_for_page_keys(value, ok):
    code, valid = flt.clean_code(value, ["51.04.01.2001"])
    assert valid is ok and code == (value or None if ok else None)
