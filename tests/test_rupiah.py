"""Rupiah amounts typed the ways people type them."""

import pytest

from jamsostek.plan.rupiah import MAX_RP, parse_rupiah


@pytest.mark.parametrize("text, expected", [
    ("2.000.000.000", 2_000_000_000), ("Rp2.000.000.000", 2_000_000_000), ("Rp 2.000.000.000", 2_000_000_000),
    ("rp. 16.800", 16_800), ("2,000,000,000", 2_000_000_000), ("2 000 000 000", 2_000_000_000),
    ("2000000000", 2_000_000_000), ("0", 0), (" 16800 ", 16_800), (16_800, 16_800),
    ("2 miliar", 2_000_000_000), ("1,5 miliar", 1_500_000_000), ("1.5 miliar", 1_500_000_000),
    ("500 juta", 500_000_000), ("500juta", 500_000_000), ("2 billion", 2_000_000_000), ("Rp1 M", 10**9),
    ("0,25 juta", 250_000),
])
def test_readable_amounts(text, expected):
    assert parse_rupiah(text) == expected


@pytest.mark.parametrize("text", [
    "", "abc", "2.000.000,50", "2.00.000", "1.5.0 miliar", "-5", "1e9", "2 kilo", "1,2345678 ribu",
    str(MAX_RP + 1), None, True, 1.5, "١٢٣", "2..000",
])
def test_unreadable_amounts(text):
    assert parse_rupiah(text) is None


def test_m_follows_the_language():
    from jamsostek.plan.rupiah import uses_abbreviation

    assert parse_rupiah("2M", "en") == 2_000_000 and parse_rupiah("2 M") == 2_000_000_000  # miliar in Indonesian
    assert parse_rupiah("1.5bn", "en") == 1_500_000_000 and parse_rupiah("500 jt") == 500_000_000
    assert uses_abbreviation("2M") and uses_abbreviation("500 jt") and not uses_abbreviation("2 miliar")
    assert not uses_abbreviation("2.000.000.000")
