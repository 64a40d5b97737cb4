"""Cell text before the rules: one Unicode form, ASCII digits, invisible characters gone, foreign letters named."""

from __future__ import annotations

import pandas as pd
import pytest

from jamsostek.ingest.cells import clean, clean_column, foreign_letters


@pytest.mark.parametrize("text, expected", [
    ("５１０４０１１５０５９００００１", "5104011505900001"),      # full-width digits
    ("٥١٠٤٠١١٥٠٥٩٠٠٠٠١", "5104011505900001"),                   # Arabic-Indic digits
    ("५१०४०११५०५९००००१", "5104011505900001"),                   # Devanagari digits
    ("5104\u200b0115\u200d05900001\ufeff", "5104011505900001"),  # zero-width characters
    ("Ｍａｓ", "Mas"), ("\u00a0Batubulan\u00a0 Kangin ", "Batubulan Kangin"), ("Peliatan", "Peliatan"),
])
def test_clean(text, expected):
    assert clean(text) == expected


def test_clean_column_keeps_the_index_and_maps_missing_to_empty():
    column = pd.Series(["Ｍａｓ", None, "Ｍａｓ"], index=[5, 6, 7])
    assert clean_column(column).to_dict() == {5: "Mas", 6: "", 7: "Mas"}


@pytest.mark.parametrize("text, foreign", [("Mаs", True), ("Μas", True), ("Mas", False), ("Sébatu", False),
                                           ("", False), ("5104", False)])
def test_foreign_letters(text, foreign):
    assert foreign_letters(text) is foreign
