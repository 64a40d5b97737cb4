"""Which desa x sector groups to show first: the ones nobody in is protected, then the largest gaps."""

from __future__ import annotations

import pandas as pd


def zero_groups(cells: pd.DataFrame) -> pd.DataFrame:
    """Groups (gap_desa_sector rows) with a sasaran and not one protected worker, largest sasaran first."""
    zero = cells[(cells["sasaran_workers"] > 0) & (cells["protected_workers"] == 0)]
    return zero.sort_values(["sasaran_workers", "kode_desa", "sektor"], ascending=[False, True, True],
                            ignore_index=True)


def heatmap_cells(cells: pd.DataFrame, top_desa: int | None) -> pd.DataFrame:
    """The cells of the `top_desa` desa with the largest gap plus every desa holding a zero group.

    A top-15 cut by gap alone hid all of the sample's zero-coverage groups (small desa, small gaps):
    they are the ones a meeting asks about first, so they always stay in the grid."""
    if not top_desa:
        return cells
    withtarget = cells[cells["sasaran_workers"] > 0]
    by_gap = withtarget.groupby("kode_desa")["gap_workers"].sum().sort_values(ascending=False, kind="stable")
    keep = set(by_gap.index[:top_desa]) | set(zero_groups(cells)["kode_desa"])
    return cells[cells["kode_desa"].isin(keep)]
