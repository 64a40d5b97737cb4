"""An honest plan on the sample (20 Nov 2026): coverage after counts only who stays protected, the
headline warns when renewals are off or underfunded, and the cost of full coverage ignores the toggle.

The issue's cases: with renewals off, Rp2 miliar showed 19,9 % (+9,9 points) as if the 8.360 APBD
workers stayed protected; Rp1,5 miliar pays 7.440 of 8.360 renewals yet showed 10,0 % (+0,0); the full
cost moved from 19,9 to 18,3 miliar with the toggle.
"""

from __future__ import annotations

from datetime import date

import pytest

from jamsostek import settings
from jamsostek.plan import allocation as al
from jamsostek.plan import summary
from jamsostek.store import db
from jamsostek.sample import store as sample_store

AS_OF = date(2026, 11, 20)
ALL = dict(kecamatan=None, sektor=None, program=None)
YEAR = 12 * settings.CONTRIBUTION_RP_PER_MONTH  # Rp201.600 per worker


@pytest.fixture(scope="module")
def cells(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "s.duckdb"
    sample_store.build_sample_store(path)
    con = db.connect(path, read_only=True)
    try:
        every = db.run_query(con, "gap_desa_sector", as_of=AS_OF, **ALL, sumber=None)
        apbd = db.run_query(con, "gap_desa_sector", as_of=AS_OF, **ALL, sumber="APBD")
        return al.with_renewal_group(every, [apbd])
    finally:
        con.close()


def plan(cells, budget: int, renew: bool) -> al.Plan:
    return al.plan(cells, al.PlanInput(budget_rp=budget, months=12, renew_workers=8_360, renew_first=renew))


def test_the_renewal_group_is_the_programmes_workers(cells):
    assert cells[al.RENEWAL_GROUP].sum() == 8_360


def test_renewals_off_lets_the_programme_lapse(cells):
    result = plan(cells, 2_000_000_000, renew=False)
    sasaran, protected = cells["sasaran_workers"].sum(), cells["protected_workers"].sum()
    assert result.new_workers == 9_920 and result.lapsed_workers == 8_360     # 2 miliar // 201.600
    assert result.coverage_pct_after == pytest.approx(100 * (protected - 8_360 + 9_920) / sasaran)
    assert result.coverage_pct_after < 12 < 19.9                                # not 19,9 % any more
    kind, text = summary.notice(result, "id")
    assert kind == "warning" and "8.360 dari 8.360 pekerja program berakhir" in text


def test_underfunded_renewals_lapse(cells):
    result = plan(cells, 1_500_000_000, renew=True)
    assert (result.renewal_workers, result.new_workers, result.lapsed_workers) == (7_440, 0, 920)
    protected, sasaran = cells["protected_workers"].sum(), cells["sasaran_workers"].sum()
    assert result.coverage_pct_after == pytest.approx(100 * (protected - 920) / sasaran)
    assert result.coverage_pct_after < result.coverage_pct_before
    kind, text = summary.notice(result, "id")
    assert kind == "warning" and "7.440 dari 8.360" in text and "920 pekerja berakhir" in text
    coverage = {c.key: c for c in summary.cards(result, "id")}["coverage"]
    # 920 lapse of a sasaran of 146.282 (the estimate from public statistics): -0,63 points.
    assert sasaran == 146_282 and coverage.delta.startswith("-0,6 poin") and "920 dari 8.360" in coverage.help


def test_full_cost_does_not_depend_on_the_toggle(cells):
    on, off = plan(cells, 2_000_000_000, True), plan(cells, 2_000_000_000, False)
    gap = int(cells["sasaran_workers"].sub(cells["protected_workers"]).clip(lower=0).sum())
    assert summary.full_cost_rp(on) == summary.full_cost_rp(off) == (gap + 8_360) * YEAR


def test_a_fully_funded_plan_loses_no_one(cells):
    result = plan(cells, 8_360 * YEAR, renew=True)
    assert result.lapsed_workers == 0 and result.coverage_pct_after == pytest.approx(result.coverage_pct_before)
    coverage = {c.key: c for c in summary.cards(result, "id")}["coverage"]
    assert (coverage.delta_color, coverage.delta_arrow) == ("off", False)   # +0,0 points is no change
