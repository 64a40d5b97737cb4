"""Prices that follow the rules: each funding source priced month by month (PP 44/2015, PP 50/2025)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from jamsostek import settings
from jamsostek.plan import allocation as al
from jamsostek.plan import rates


def test_standard_rate_is_the_settings_rate():
    assert rates.standard_rate_rp(date(2026, 1, 1)) == settings.CONTRIBUTION_RP_PER_MONTH == 16_800


@pytest.mark.parametrize("source, month, expected", [
    ("MANDIRI", date(2026, 3, 1), 1.0), ("MANDIRI", date(2026, 4, 1), 0.5), ("MANDIRI", date(2026, 12, 1), 0.5),
    ("MANDIRI", date(2027, 1, 1), 1.0), ("CSR", date(2026, 6, 1), 0.5), ("APBDES", date(2026, 6, 1), 0.5),
    ("APBD", date(2026, 6, 1), 1.0), ("DBHCHT", date(2026, 6, 1), 1.0), ("APBD", date(2025, 11, 1), 1.0),
])
def test_factor_in_force_each_month(source, month, expected):
    assert rates.factor(source, month) == expected


def test_transport_rows_run_to_march_2027():
    assert rates.factor("MANDIRI", date(2027, 3, 1), group="transport") == 0.5
    assert rates.factor("MANDIRI", date(2027, 4, 1), group="transport") == 1.0


def test_months_cross_the_year():
    assert rates.months_from(date(2026, 11, 20), 3) == [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1)]
    assert rates.next_month(date(2026, 12, 31)) == date(2027, 1, 1)


def test_prices_across_the_discounts_end():
    # Nov, Dec 2026 at half (8.400), Jan, Feb 2027 at the full 16.800: 50.400 per worker.
    assert rates.monthly_prices("CSR", date(2026, 11, 1), 4, 16_800) == [8_400, 8_400, 16_800, 16_800]
    assert rates.monthly_prices("APBD", date(2026, 11, 1), 4, 16_800) == [16_800] * 4
    # March 2026 full, April-December half, January-February 2027 full: 3 x 16.800 + 9 x 8.400 = 126.000.
    assert sum(rates.monthly_prices("MANDIRI", date(2026, 3, 1), 12, 16_800)) == 126_000


def test_fund_buys_source_by_source_renewals_first():
    lines = {"CSR": 1_000_000, "APBD": 1_000_000}
    f = rates.fund(lines, date(2026, 11, 1), 4, 16_800, renew_workers=10, renew_first=True, gap_workers=100)
    by = f.by_source.set_index("sumber_iuran")
    assert list(by.index) == ["APBD", "CSR"]  # APBD first, whatever order the lines came in
    assert by.loc["APBD", "cost_per_worker_rp"] == 67_200 and by.loc["CSR", "cost_per_worker_rp"] == 50_400
    assert by.loc["APBD", "workers_affordable"] == 14 and by.loc["CSR", "workers_affordable"] == 19
    assert (by.loc["CSR", "discounted_months"], by.loc["APBD", "discounted_months"]) == (2, 0)
    assert (f.renewal_workers, f.new_workers) == (10, 23)
    assert f.cost_rp == 14 * 67_200 + 19 * 50_400 == 1_898_400
    assert f.leftover_rp == 2_000_000 - 1_898_400


def test_fund_stops_at_the_gap():
    f = rates.fund({"APBD": 1_000_000, "CSR": 1_000_000}, date(2026, 11, 1), 4, 16_800, 10, True, gap_workers=5)
    by = f.by_source.set_index("sumber_iuran")
    assert (f.renewal_workers, f.new_workers) == (10, 5)
    assert (by.loc["APBD", "workers"], by.loc["CSR", "workers"]) == (14, 1)  # 10 renewals + 4 new, then 1
    assert f.cost_rp == 14 * 67_200 + 50_400


def test_discount_buys_more_workers_than_the_flat_rate():
    flat = al.workers_affordable(1_000_000, 4, 16_800)
    f = rates.fund({"CSR": 1_000_000}, date(2026, 11, 1), 4, 16_800, 0, True, gap_workers=10_000)
    assert (flat, f.new_workers) == (14, 19)


def cells() -> pd.DataFrame:
    return pd.DataFrame({"kode_desa": ["51.04.01.2001", "51.04.05.2002"], "desa": ["Batubulan", "Mas"],
                         "kode_kecamatan": ["51.04.01", "51.04.05"], "kecamatan": ["Sukawati", "Ubud"],
                         "sektor": ["petani", "pengrajin"], "sasaran_workers": [30, 20], "protected_workers": [0, 0]})


def test_plan_places_the_workers_the_prices_buy():
    p = al.PlanInput(budget_rp=2_000_000, months=4, renew_workers=0)
    got, funding = rates.plan(cells(), p, {"APBD": 1_000_000, "CSR": 1_000_000}, date(2026, 11, 1))
    assert (got.new_workers, int(got.allocation["allocated_workers"].sum())) == (33, 33)
    assert got.cost_rp == funding.cost_rp == 14 * 67_200 + 19 * 50_400
    assert got.leftover_rp == 2_000_000 - got.cost_rp and got.input is p
    # After the discount every source pays 67.200 a worker; each pays whole workers of its own (14 + 14),
    # where pooling both lines' rupiah would buy 29: the two payers' remainders do not make a worker.
    after, _ = rates.plan(cells(), p, {"APBD": 1_000_000, "CSR": 1_000_000}, date(2027, 1, 1))
    assert after.new_workers == 28 and al.plan(cells(), p).new_workers == 29
    one_line, _ = rates.plan(cells(), p, {"APBD": 2_000_000}, date(2027, 1, 1))
    flat = al.plan(cells(), p)  # one line at the flat rate: exactly the flat-rate planner
    assert (one_line.new_workers, one_line.cost_rp, one_line.leftover_rp) == (flat.new_workers, flat.cost_rp,
                                                                             flat.leftover_rp)
    pd.testing.assert_frame_equal(one_line.allocation, flat.allocation)


def test_every_row_names_its_source():
    assert rates.table()["sumber"].notna().all()
    uncertain = rates.table()[rates.table()["kepastian"] == "tidak_pasti"]
    assert set(uncertain["sumber_iuran"]) == {"APBDES"}
