"""Zero groups first: hand-made cells with known answers."""

import pandas as pd

from jamsostek.analysis import gaps

CELLS = pd.DataFrame({
    "kode_desa": ["A", "A", "B", "C", "D", "E"],
    "desa": ["Aa", "Aa", "Bb", "Cc", "Dd", "Ee"],
    "sektor": ["petani", "nelayan", "petani", "petani", "petani", "petani"],
    "sasaran_workers": [500, 40, 300, 30, 0, 10],
    "protected_workers": [10, 0, 20, 0, 0, 5],
    "gap_workers": [490, 40, 280, 30, 0, 5],
})


def test_zero_groups_have_a_sasaran_and_nobody_protected():
    zero = gaps.zero_groups(CELLS)
    assert list(zip(zero["kode_desa"], zero["sektor"])) == [("A", "nelayan"), ("C", "petani")]  # D has no sasaran


def test_heatmap_keeps_the_zero_groups_beyond_the_top():
    assert sorted(gaps.heatmap_cells(CELLS, 1)["kode_desa"].unique()) == ["A", "C"]  # top 1 by gap is A; C is zero
    assert sorted(gaps.heatmap_cells(CELLS, 2)["kode_desa"].unique()) == ["A", "B", "C"]
    assert len(gaps.heatmap_cells(CELLS, None)) == len(CELLS)
