"""The funnel's counts as Rapat and the desa panel show them (analysis/funnel.py)."""

from __future__ import annotations

import pytest

from jamsostek.analysis import funnel

FOUND = {"proposed": 1204, "verified": 980, "registered": 975, "enrolled": 3}


@pytest.mark.parametrize("lang, expected", [
    ("id", "1.204 diusulkan → 980 terverifikasi → 975 didaftarkan → 3 menjadi peserta"),
    ("en", "1,204 proposed → 980 verified → 975 registered → 3 enrolled"),
])
def test_line(lang, expected):
    assert funnel.line(FOUND, lang) == expected


def test_cards_one_per_stage_in_order():
    cards = funnel.cards(FOUND, "id")
    assert [(c.label, c.value) for c in cards] == [("Diusulkan", "1.204"), ("Terverifikasi", "980"),
                                                    ("Didaftarkan", "975"), ("Menjadi peserta", "3")]
    assert all(c.help for c in cards)


def test_counts_reads_the_workers_columns():
    row = {"proposed_workers": 4, "verified_workers": 3, "registered_workers": 2, "enrolled_workers": 1,
           "stalled_workers": 1}
    assert funnel.counts(row) == {"proposed": 4, "verified": 3, "registered": 2, "enrolled": 1}
