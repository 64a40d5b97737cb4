"""Lists to act on: rows per desa x sector to enrol, the desa table, and the workbook per kecamatan."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from jamsostek.plan import allocation as al
from jamsostek import domain, i18n, settings
from jamsostek.plan import lists as plan_lists

C = settings.CONTRIBUTION_RP_PER_MONTH


def gianyar_cells(seed: int = 3) -> pd.DataFrame:
    """The 70 real desa x 8 sectors with seeded sasaran and protected counts."""
    wilayah = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
    grid = wilayah.merge(pd.DataFrame({"sektor": list(domain.SECTORS)}), how="cross")
    rng = np.random.default_rng(seed)
    grid["sasaran_workers"] = rng.integers(0, 300, len(grid))
    grid["protected_workers"] = (grid["sasaran_workers"] * rng.uniform(0, 0.5, len(grid))).astype(int)
    return grid[list(al.CELL_COLUMNS)]


@pytest.fixture(scope="module")
def plan() -> al.Plan:
    return al.plan(gianyar_cells(), al.PlanInput(budget_rp=2_000_000_000, months=12, rule="weights"))


def small_plan(n_workers: int) -> al.Plan:
    cells = pd.DataFrame({
        "kode_desa": ["51.04.01.2001", "51.04.01.2001", "51.04.05.2002"], "desa": ["Batubulan", "Batubulan", "Mas"],
        "kode_kecamatan": ["51.04.01", "51.04.01", "51.04.05"], "kecamatan": ["Sukawati", "Sukawati", "Ubud"],
        "sektor": ["petani", "nelayan", "pengrajin"], "sasaran_workers": [10, 4, 6], "protected_workers": [2, 0, 6],
    })
    return al.plan(cells, al.PlanInput(budget_rp=n_workers * 12 * C, months=12))


def test_rows_are_only_cells_with_workers_to_enrol(plan):
    rows = plan_lists.enrolment_rows(plan)
    assert (rows["allocated_workers"] > 0).all()
    assert rows["allocated_workers"].sum() == plan.new_workers
    assert (rows["allocated_workers"] <= rows["gap_workers"]).all()
    assert rows["kode_kecamatan"].is_monotonic_increasing


def test_small_plan_rows_by_hand():
    rows = plan_lists.enrolment_rows(small_plan(5))
    # Gaps 8 (petani) and 4 (nelayan) in Batubulan, none in Mas. Signposts gap / (k + 1/2): petani 16, 5.3,
    # 3.2, 2.3; nelayan 8, 2.7, 1.6. The five largest: 16 p, 8 n, 5.3 p, 3.2 p, 2.7 n -> petani 3, nelayan 2.
    assert rows[["desa", "sektor", "allocated_workers"]].values.tolist() == [
        ["Batubulan", "petani", 3], ["Batubulan", "nelayan", 2]]


def test_desa_list_totals_and_sector_columns(plan):
    table = plan_lists.desa_list(plan, "id")
    total = i18n.t("col.total_to_enrol", "id")
    sectors = [c for c in table.columns if c not in (i18n.t("col.kecamatan"), i18n.t("col.kode_desa"),
                                                     i18n.t("col.desa"), total)]
    assert set(sectors) <= {i18n.sector_label(s) for s in domain.SECTORS}
    assert (table[sectors].sum(axis=1) == table[total]).all()
    assert table[total].sum() == plan.new_workers
    assert table[i18n.t("col.kode_desa")].is_unique


def test_desa_list_in_english_names_sectors_in_english():
    table = plan_lists.desa_list(small_plan(5), "en")
    assert list(table.columns) == ["District (kecamatan)", "Village code", "Village (desa)", "Total to enrol",
                                   "Farmers", "Fishers"]


def read_sheets(content: bytes) -> dict[str, pd.DataFrame]:
    """Each sheet's table, found below its title and note by its header row."""
    book = load_workbook(io.BytesIO(content), read_only=True)
    out = {}
    for ws in book.worksheets:
        values = list(ws.values)
        header = next(i for i, row in enumerate(values) if row and row[0] == i18n.t("col.kode_desa"))
        rows = [row for row in values[header + 1:] if any(v is not None for v in row)]
        out[ws.title] = pd.DataFrame(rows, columns=values[header])
    return out


def test_workbook_has_one_sheet_per_kecamatan_and_adds_up(plan):
    content = plan_lists.workbook(plan, "id", title="Rencana", note="catatan")
    sheets = read_sheets(content)
    wilayah = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
    expected = wilayah.drop_duplicates("kode_kecamatan").sort_values("kode_kecamatan")["kecamatan"].tolist()
    assert list(sheets) == expected
    to_enrol = i18n.t("col.to_enrol")
    assert sum(int(sheet[to_enrol].sum()) for sheet in sheets.values()) == plan.new_workers
    first = sheets[expected[0]]
    assert list(first.columns) == [i18n.t(k) for k in ("col.kode_desa", "col.desa", "col.sector", "col.sasaran",
                                                          "col.protected_now", "col.gap", "col.to_enrol")]
    assert set(first[i18n.t("col.sector")]) <= {i18n.sector_label(s) for s in domain.SECTORS}


def test_every_kecamatan_gets_a_sheet_even_with_nothing_to_enrol():
    sheets = read_sheets(plan_lists.workbook(small_plan(3), "id"))
    assert list(sheets) == ["Sukawati", "Ubud"]
    assert sheets["Ubud"].empty and sheets["Sukawati"][i18n.t("col.to_enrol")].sum() == 3


def test_workbook_is_reproducible(plan):
    assert plan_lists.workbook(plan, "id", title="x") == plan_lists.workbook(plan, "id", title="x")


def test_workbook_of_a_plan_without_cells_is_refused():
    empty = pd.DataFrame(columns=list(al.CELL_COLUMNS))
    with pytest.raises(ValueError, match="no cells"):
        plan_lists.workbook(al.plan(empty, al.PlanInput(budget_rp=0, months=1)))
