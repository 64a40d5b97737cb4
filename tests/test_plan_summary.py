"""What the Rencana page shows: cards, before/after tables and maps, the inverse question, comparisons."""

from __future__ import annotations

import re
from datetime import date, datetime

import pandas as pd
import pytest

from jamsostek.plan import allocation as al
from jamsostek import i18n, settings
from jamsostek.analysis import maps
from jamsostek.geo import boundaries
from jamsostek.plan import summary as plan_summary
from jamsostek.plan import scenarios
from tests.test_plan_lists import gianyar_cells

C = settings.CONTRIBUTION_RP_PER_MONTH


@pytest.fixture(scope="module")
def cells() -> pd.DataFrame:
    return gianyar_cells()


@pytest.fixture(scope="module")
def plan(cells) -> al.Plan:
    return al.plan(cells, al.PlanInput(budget_rp=2_000_000_000, months=12, renew_workers=1_136))


def test_kecamatan_table_headers_and_totals(plan):
    table = plan_summary.kecamatan_table(plan, "en")
    assert list(table.columns) == ["District (kecamatan)", "To enrol", "Coverage now %", "Coverage after %", "Gap",
                                   "Gap after", "Protected now", "Target population"]  # area and change first
    assert table["To enrol"].sum() == plan.new_workers
    assert table["Coverage after %"].tolist() == pytest.approx(
        (100 * (table["Protected now"] + table["To enrol"]) / table["Target population"]).tolist())
    assert (table["Gap after"] == table["Gap"] - table["To enrol"]).all()
    assert (table["Coverage after %"] >= table["Coverage now %"]).all()


def test_map_frames_cover_every_desa_and_carry_the_after_figures(plan, cells):
    desa = cells.drop_duplicates("kode_desa")[["kode_desa", "desa", "kode_kecamatan", "kecamatan"]]
    extra = pd.DataFrame([{"kode_desa": "51.04.99.2001", "desa": "Tanpa sasaran", "kode_kecamatan": "51.04.99",
                           "kecamatan": "X"}])
    now, after = plan_summary.map_frames(plan, pd.concat([desa, extra]))
    assert len(now) == len(after) == len(desa) + 1
    by_desa = plan.by_desa().set_index("kode_desa")
    joined = after.set_index("kode_desa").loc[by_desa.index]
    assert (joined["protected_workers"] == by_desa["protected_after"]).all()
    assert (joined["gap_workers"] == by_desa["gap_after"]).all()
    assert joined["coverage_pct"].tolist() == pytest.approx(by_desa["coverage_pct_after"].tolist(), nan_ok=True)
    assert (now.set_index("kode_desa").loc[by_desa.index, "protected_workers"] == by_desa["protected_workers"]).all()
    missing = after.set_index("kode_desa").loc["51.04.99.2001"]
    assert missing["sasaran_workers"] == 0 and pd.isna(missing["coverage_pct"])


@pytest.mark.parametrize("after_pct, expected", [
    ([3.0, 15.0, None], None),  # within the map's usual classes (15,0% is the top class's floor)
    ([3.0, 15.1], maps.PLAN_COVERAGE_BREAKS),  # one desa beyond: both maps in the wider classes
])
def test_plan_maps_widen_their_classes_only_when_the_plan_needs_it(after_pct, expected):
    after = pd.DataFrame({"coverage_pct": after_pct, "sasaran_workers": [100] * len(after_pct)})
    assert plan_summary.map_breaks(after) == expected


def test_wider_classes_colour_a_high_after_map_in_several_classes():
    values = [0, 3, 12, 30, 60]
    assert maps.classify(values, "coverage_pct").tolist() == [0, 2, 4, 5, 5]  # 30% and 60% look the same
    assert maps.classify(values, "coverage_pct", breaks=maps.PLAN_COVERAGE_BREAKS).tolist() == [0, 1, 3, 4, 5]
    labels = [b.label("id") for b in maps.class_breaks("coverage_pct", breaks=maps.PLAN_COVERAGE_BREAKS)]
    assert labels[-2] == "≥ 50%" and labels[4] == "25–49,9%"


def test_before_after_maps_share_their_classes_and_name_the_view(plan, cells, tmp_path, monkeypatch):
    monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path))
    shapes, borders = boundaries.plotly_geojson("desa"), boundaries.plotly_geojson("kecamatan")
    desa = cells.drop_duplicates("kode_desa")[["kode_desa", "desa", "kode_kecamatan", "kecamatan"]]
    view = "Ubud · per 3 Desember 2026"
    now, after = plan_summary.before_after_maps(plan, desa, shapes, borders, "id", view, width=520, height=560)
    legends = [[a.text for a in fig.layout.annotations] for fig in (now, after)]
    assert all(view in legend for legend in legends)
    # One colour is one range on both maps: the same classes, only the counts in brackets differ.
    assert [re.sub(r" \(\d+\)$", "", text) for text in legends[0]] == \
        [re.sub(r" \(\d+\)$", "", text) for text in legends[1]]
    assert legends[0] != legends[1]  # the plan moves desa up a class


def test_cards_in_indonesian(plan):
    cards = {card.key: card for card in plan_summary.cards(plan, "id")}
    assert cards["funded"].value == i18n.fmt_int(plan.funded_workers, "id")
    assert cards["funded"].value == f"{plan.funded_workers:,}".replace(",", ".")
    assert cards["new"].value == i18n.fmt_int(plan.new_workers) and "1.136 perpanjangan" == cards["new"].delta
    assert cards["leftover"].value == i18n.fmt_rp(plan.leftover_rp)
    assert cards["coverage"].value == i18n.fmt_pct(plan.coverage_pct_after)
    assert cards["coverage"].delta.startswith("+") and i18n.fmt_pct(plan.coverage_pct_before) in cards["coverage"].delta
    assert i18n.fmt_rp(plan_summary.full_cost_rp(plan)) in cards["full_cost"].help


def test_full_cost_counts_gaps_and_renewals(plan, cells):
    gap = int(al.prepare_cells(cells)["gap_workers"].sum())
    assert plan_summary.full_cost_rp(plan) == (gap + 1_136) * 12 * C


@pytest.mark.parametrize("target", [30.0, 45.5, 100])
def test_inverse_budget_reaches_the_target_and_a_worker_less_does_not(plan, cells, target):
    answer = plan_summary.inverse(plan, target)
    p = plan.input
    assert answer.budget_rp == al.budget_for_coverage(cells, target, 12, C, renew_workers=1_136)
    assert answer.budget_rp == (answer.new_workers + answer.renewal_workers) * 12 * C
    enough = al.plan(cells, al.PlanInput(budget_rp=answer.budget_rp, months=12, renew_workers=p.renew_workers))
    short = al.plan(cells, al.PlanInput(budget_rp=answer.budget_rp - 1, months=12, renew_workers=p.renew_workers))
    assert enough.coverage_pct_after >= target > short.coverage_pct_after
    text = plan_summary.inverse_text(answer, plan, "id")
    assert i18n.fmt_rp(answer.budget_rp) in text and "1.136 perpanjangan" in text


def saved(name: str, plan: al.Plan) -> scenarios.Scenario:
    return scenarios.Scenario(1, name, datetime(2026, 1, 1), date(2026, 11, 20), {"APBD": plan.input.budget_rp},
                              {"kecamatan": None, "sektor": None}, plan, plan_summary.full_cost_rp(plan))


def test_comparison_side_by_side(plan, cells):
    other = al.plan(cells, al.PlanInput(budget_rp=1_000_000_000, months=6, rule="coverage"))
    table = plan_summary.comparison([saved("A", plan), saved("B", other)], "id")
    assert list(table.columns) == ["Ukuran", "A", "B"]
    rows = table.set_index("Ukuran")
    assert rows.loc["Anggaran", "A"] == "Rp2.000.000.000" and rows.loc["Bulan", "B"] == "6"
    assert rows.loc["Aturan prioritas", "B"] == "Cakupan terendah"
    assert rows.loc["Pekerja baru", "B"] == i18n.fmt_int(other.new_workers)
    by_kecamatan = plan_summary.comparison_by_kecamatan([saved("A", plan), saved("B", other)], "id")
    total = by_kecamatan.set_index("Kecamatan").loc["Jumlah didaftarkan"]
    assert (total["A"], total["B"]) == (plan.new_workers, other.new_workers)
    assert len(by_kecamatan) == 7 + 1


def test_inverse_of_a_target_reached_already_pays_renewals_only(plan):
    assert plan.coverage_pct_before > 10
    answer = plan_summary.inverse(plan, 10)
    assert (answer.new_workers, answer.renewal_workers, answer.budget_rp) == (0, 1_136, 1_136 * 12 * C)
    assert "sudah tercapai" in plan_summary.inverse_text(answer, plan, "id")
