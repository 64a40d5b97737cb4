"""Expansion planner maths: budget -> workers, allocation per desa x sector, inverse budget."""

from __future__ import annotations

import heapq
import math

import numpy as np
import pandas as pd
import pytest

from jamsostek.plan import allocation as al
from jamsostek import domain, settings

C = settings.CONTRIBUTION_RP_PER_MONTH
YEAR = 12 * C  # one worker for twelve months: Rp201.600


def make_cells(rows) -> pd.DataFrame:
    """Cells from (kode_desa, sektor, sasaran, protected) tuples; kecamatan = first 8 characters."""
    df = pd.DataFrame(rows, columns=["kode_desa", "sektor", "sasaran_workers", "protected_workers"])
    df["desa"] = "Desa " + df["kode_desa"]
    df["kode_kecamatan"] = df["kode_desa"].str[:8]
    df["kecamatan"] = "Kec " + df["kode_kecamatan"]
    return df


def gianyar_cells(seed: int = 7) -> pd.DataFrame:
    """The 70 real desa x 8 sectors with seeded random sasaran/protected, some empty and over-covered."""
    wilayah = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
    grid = wilayah.merge(pd.DataFrame({"sektor": list(domain.SECTORS)}), how="cross")
    rng = np.random.default_rng(seed)
    sasaran = rng.integers(0, 400, len(grid))
    sasaran[rng.random(len(grid)) < 0.1] = 0
    sasaran[grid["kode_desa"] == grid["kode_desa"].iloc[5]] = 0  # one desa with no sasaran at all
    protected = (sasaran * rng.uniform(0, 1.15, len(grid))).astype(int)
    grid["sasaran_workers"], grid["protected_workers"] = sasaran, protected
    return grid[list(al.CELL_COLUMNS)]


def greedy_reference(values, caps, n):
    """One worker at a time to the cell of highest value/(allocated + 1/2); ties: larger cap, lower index."""
    out = [0] * len(caps)
    live = [i for i in range(len(caps)) if caps[i] > 0 and values[i] > 0]
    rest = [i for i in range(len(caps)) if caps[i] > 0 and values[i] <= 0]
    for group, vals in ((live, values), (rest, caps)):
        heap = [(-(vals[i] / 0.5), -caps[i], i) for i in group]
        heapq.heapify(heap)
        while n and heap:
            _, _, i = heapq.heappop(heap)
            out[i], n = out[i] + 1, n - 1
            if out[i] < caps[i]:
                heapq.heappush(heap, (-(vals[i] / (out[i] + 0.5)), -caps[i], i))
    return out


def hamilton(gaps, n):
    """Largest remainder, to show the Alabama paradox it suffers."""
    quota = [g * n / sum(gaps) for g in gaps]
    out = [math.floor(q) for q in quota]
    for i in sorted(range(len(gaps)), key=lambda i: -(quota[i] - out[i]))[: n - sum(out)]:
        out[i] += 1
    return out


# --- money -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("budget", "months", "contribution", "expected"),
    [
        (0, 12, C, 0),
        (YEAR - 1, 12, C, 0),
        (YEAR, 12, C, 1),
        (1_000_000_000, 12, C, 4960),  # 2025 revised APBD line
        (2_000_000_000, 12, C, 9920),  # DOMAIN.md: Rp2 billion ~ 9,920 worker-years
        (659_265_600, 7, C, 5606),  # Lumajang DBHCHT: 5,606 workers x 7 months
        (100, 1, 7, 14),
    ],
)
def test_workers_affordable(budget, months, contribution, expected):
    assert al.workers_affordable(budget, months, contribution) == expected


def test_total_budget_sums_lines():
    assert al.total_budget_rp({"APBD": 2_000_000_000, "APBDES": 150_000_000, "CSR": 0}) == 2_150_000_000
    with pytest.raises(ValueError, match="unknown funding source"):
        al.total_budget_rp({"ABPD": 1})
    with pytest.raises(ValueError, match="budget line APBD"):
        al.total_budget_rp({"APBD": -5})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"budget_rp": -1}, "budget_rp must be at least 0"),
        ({"budget_rp": 1.5}, "budget_rp must be a whole number"),
        ({"months": 0}, "months must be at least 1"),
        ({"months": True}, "months must be a whole number"),
        ({"contribution_rp": 0}, "contribution_rp must be at least 1"),
        ({"renew_workers": -3}, "renew_workers must be at least 0"),
        ({"rule": "largest"}, "rule must be one of gap, coverage, weights, mix"),
        ({"sector_weights": {"nelayan": -1}}, r"sector_weights\['nelayan'\] must be a finite number >= 0"),
        ({"sector_weights": {"fishers": 1}}, "sector_weights: unknown key 'fishers'"),
        ({"sector_weights": {"petani": float("nan")}}, "must be a finite number"),
        ({"mix": {"size": 1}}, "mix: unknown key 'size'"),
        ({"mix": {"gap": 0, "coverage": 0}}, "mix needs at least one share above 0"),
    ],
)
def test_invalid_plan_input_raises(kwargs, message):
    with pytest.raises(ValueError, match=message):
        al.PlanInput(**{"budget_rp": 0, "months": 12, **kwargs})


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: al.workers_affordable(-1, 12), "budget_rp must be at least 0"),
        (lambda: al.workers_affordable(10, 0), "months must be at least 1"),
        (lambda: al.full_coverage_cost_rp(make_cells([("a", "petani", 1, 0)]), 0), "months"),
        (lambda: al.budget_for_coverage(make_cells([("a", "petani", 1, 0)]), 101, 12), "between 0 and 100"),
        (lambda: al.budget_for_coverage(make_cells([("a", "petani", 1, 0)]), -1, 12), "between 0 and 100"),
        (lambda: al.budget_for_coverage(make_cells([("a", "petani", 0, 0)]), 50, 12), "no sasaran"),
    ],
)
def test_invalid_arguments_raise(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (make_cells([("a", "petani", 5, 0)]).drop(columns="kecamatan"), "cells lack columns: kecamatan"),
        (make_cells([("a", "petani", -5, 0)]), "sasaran_workers must be a count"),
        (make_cells([("a", "petani", 5, 1.5)]), "protected_workers must be a count"),
        (make_cells([("a", "petani", 5, None)]), "protected_workers must be a count"),
        (make_cells([("a", "petani", 5, 0), ("a", "petani", 3, 0)]), "one row per"),
    ],
)
def test_invalid_cells_raise(cells, message):
    with pytest.raises(ValueError, match=message):
        al.plan(cells, al.PlanInput(budget_rp=YEAR, months=12))


def test_unknown_sector_needs_a_weight():
    cells = make_cells([("a", "ojek", 5, 0)])
    with pytest.raises(ValueError, match="no sector weight for ojek"):
        al.plan(cells, al.PlanInput(budget_rp=YEAR, months=12, rule="weights"))
    assert al.plan(cells, al.PlanInput(budget_rp=YEAR, months=12)).new_workers == 1  # the gap rule needs none


# --- the allocation: known answers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gaps", "n", "expected"),
    [
        ([5, 3, 2], 0, [0, 0, 0]),
        ([5, 3, 2], 5, [3, 1, 1]),
        ([5, 3, 2], 10, [5, 3, 2]),
        ([10, 0, 5], 3, [2, 0, 1]),  # signposts 20, 10, 6.7 | 5, 4, ...
        ([1, 1, 1], 2, [1, 1, 0]),  # tie: lower (kode_desa, sektor) first
        ([2, 3, 3], 1, [0, 1, 0]),  # tie on value impossible here: 3/.5 beats 2/.5
        ([6, 6, 2], 10, [5, 4, 1]),
        ([6, 6, 2], 11, [5, 5, 1]),
        ([100, 1], 2, [2, 0]),  # 100/1.5 = 66.7 beats 1/0.5 = 2
        ([1, 100], 100, [1, 99]),  # cap-free cells absorb the rest
    ],
)
def test_gap_rule_known_answers(gaps, n, expected):
    cells = make_cells([(f"51.04.01.20{i:02d}", "petani", g, 0) for i, g in enumerate(gaps)])
    result = al.plan(cells, al.PlanInput(budget_rp=n * YEAR, months=12))
    assert result.allocation["allocated_workers"].tolist() == expected
    assert result.new_workers == n


def test_alabama_paradox_is_avoided():
    """Largest remainder takes a worker from the small cell when the budget grows; Webster does not."""
    assert hamilton([6, 6, 2], 10) == [4, 4, 2] and hamilton([6, 6, 2], 11) == [5, 5, 1]
    cells = make_cells([("51.04.01.2001", "petani", 6, 0), ("51.04.01.2002", "petani", 6, 0), ("51.04.01.2003", "nelayan", 2, 0)])
    small = [al.plan(cells, al.PlanInput(budget_rp=n * YEAR, months=12)).allocation["allocated_workers"].iloc[2] for n in range(15)]
    assert small == sorted(small)


def test_ties_are_broken_by_gap_then_code():
    # Same signpost 4.0 for a gap-2 cell at k=0 and a gap-6 cell at k=1: the larger gap wins.
    cells = make_cells([("51.04.01.2001", "petani", 2, 0), ("51.04.01.2002", "petani", 6, 0)])
    result = al.plan(cells, al.PlanInput(budget_rp=2 * YEAR, months=12))
    assert result.allocation["allocated_workers"].tolist() == [0, 2]
    # Equal everything: lower kode_desa, then lower sektor.
    cells = make_cells([("b", "petani", 4, 0), ("a", "petani", 4, 0), ("a", "nelayan", 4, 0)])
    result = al.plan(cells, al.PlanInput(budget_rp=YEAR, months=12))
    got = result.allocation.set_index(["kode_desa", "sektor"])["allocated_workers"].to_dict()
    assert got == {("a", "nelayan"): 1, ("a", "petani"): 0, ("b", "petani"): 0}


@pytest.mark.parametrize("seed", range(40))
def test_vectorised_allocation_equals_one_at_a_time(seed):
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 30))
    caps = rng.integers(0, 60, size)
    values = caps * rng.choice([0.0, 0.5, 1.0, 1 / 3, 0.9], size)  # repeated weights make ties
    for n in sorted({0, 1, int(caps.sum()), *rng.integers(0, caps.sum() + 1, 8).tolist()}):
        assert al.divisor_allocation(values, caps, n).tolist() == greedy_reference(values.tolist(), caps.tolist(), n)


def test_vectorised_allocation_on_a_large_table():
    rng = np.random.default_rng(1)
    caps = rng.integers(0, 500, 560)
    values = caps * rng.uniform(0.2, 1.0, 560)
    for n in (1, 777, 50_000, int(caps.sum()) - 1):
        assert al.divisor_allocation(values, caps, n).tolist() == greedy_reference(values.tolist(), caps.tolist(), n)


def test_cannot_place_more_than_the_caps():
    with pytest.raises(ValueError, match="cannot place 4 workers"):
        al.divisor_allocation(np.array([1.0]), np.array([3]), 4)


# --- the plan: edge cases -----------------------------------------------------------------------------


def test_zero_budget():
    result = al.plan(gianyar_cells(), al.PlanInput(budget_rp=0, months=12, renew_workers=500))
    assert (result.renewal_workers, result.new_workers, result.cost_rp, result.leftover_rp) == (0, 0, 0, 0)
    assert (result.allocation["allocated_workers"] == 0).all()
    # Nothing paid: the 500 renewals lapse on their paid-until, so coverage after falls by 500 workers.
    cells = result.allocation
    assert result.lapsed_workers == 500
    assert result.coverage_pct_after == pytest.approx(
        100 * (cells["protected_workers"].sum() - 500) / cells["sasaran_workers"].sum())


@pytest.mark.parametrize("rule", al.RULES)
def test_budget_beyond_full_coverage(rule):
    cells = gianyar_cells()
    full = al.full_coverage_cost_rp(cells, 12)
    result = al.plan(cells, al.PlanInput(budget_rp=full + 5 * YEAR + 123, months=12, rule=rule))
    table = result.allocation
    assert (table["allocated_workers"] == table["gap_workers"]).all()
    assert (table["gap_after"] == 0).all()
    assert result.cost_rp == full and result.leftover_rp == 5 * YEAR + 123
    assert (table["protected_after"] >= table["sasaran_workers"]).all()


def test_desa_without_sasaran_gets_nothing():
    cells = make_cells([("a", "petani", 0, 0), ("a", "nelayan", 0, 3), ("b", "petani", 10, 0)])
    result = al.plan(cells, al.PlanInput(budget_rp=100 * YEAR, months=12, rule="coverage"))
    table = result.allocation.set_index(["kode_desa", "sektor"])
    assert table.loc["a", "allocated_workers"].tolist() == [0, 0]
    assert table.loc["a", "coverage_pct_after"].isna().all()  # undefined, not 0 % nor 100 %
    assert result.new_workers == 10 and result.leftover_rp == 90 * YEAR
    assert math.isnan(result.by_desa().set_index("kode_desa").loc["a", "coverage_pct_after"])


@pytest.mark.parametrize(
    ("budget_workers", "renew", "renew_first", "renewal", "new"),
    [
        (80, 100, True, 80, 0),  # renewal eats the whole budget
        (100, 100, True, 100, 0),
        (101, 100, True, 100, 1),
        (80, 100, False, 0, 80),  # renewals paid elsewhere: all of it buys new workers
        (80, 0, True, 0, 80),
        (100_000, 100, True, 100, None),  # None: capped at the total gap
    ],
)
def test_renewal(budget_workers, renew, renew_first, renewal, new):
    cells = gianyar_cells()
    gap = int(al.prepare_cells(cells)["gap_workers"].sum())
    p = al.PlanInput(budget_rp=budget_workers * YEAR + 7, months=12, renew_workers=renew, renew_first=renew_first)
    result = al.plan(cells, p)
    expected_new = gap if new is None else new
    assert (result.renewal_workers, result.new_workers) == (renewal, expected_new)
    assert result.funded_workers == renewal + expected_new
    assert result.cost_rp == (renewal + expected_new) * YEAR
    assert result.leftover_rp == p.budget_rp - result.cost_rp
    assert result.allocation["allocated_workers"].sum() == expected_new


# --- the plan: properties over budget sweeps ----------------------------------------------------------


def sweep(cells, rule, renew=0, steps=range(0, 50_000, 2_000)):
    return [al.plan(cells, al.PlanInput(budget_rp=b * YEAR, months=12, rule=rule, renew_workers=renew)) for b in steps]


@pytest.mark.parametrize("rule", al.RULES)
@pytest.mark.parametrize("renew", [0, 1_136])
def test_sums_caps_and_monotonicity_over_a_budget_sweep(rule, renew):
    cells = gianyar_cells()
    plans = sweep(cells, rule, renew)
    previous_cell = previous_desa = None
    for result in plans:
        table = result.allocation
        assert table["allocated_workers"].sum() == result.new_workers  # sums exactly to N
        assert (table["allocated_workers"] >= 0).all() and (table["allocated_workers"] <= table["gap_workers"]).all()
        cell = table["allocated_workers"].to_numpy()
        desa = result.by_desa()["allocated_workers"].to_numpy()
        if previous_cell is not None:
            assert (cell >= previous_cell).all() and (desa >= previous_desa).all()
        previous_cell, previous_desa = cell, desa
    assert plans[-1].new_workers == int(plans[-1].allocation["gap_workers"].sum())  # the sweep reaches full


def test_monotone_one_worker_at_a_time_under_gap_rule():
    table = al.prepare_cells(gianyar_cells(seed=3).head(24))
    gap = table["gap_workers"].to_numpy()
    values = gap * al.priority_weights(table, al.PlanInput(budget_rp=0, months=1))
    previous = al.divisor_allocation(values, gap, 0)
    for n in range(1, int(gap.sum()) + 1):
        current = al.divisor_allocation(values, gap, n)
        assert (current >= previous).all() and (current - previous).sum() == 1
        previous = current
    assert (previous == gap).all()


@pytest.mark.parametrize("rule", al.RULES)
def test_reproducible_and_independent_of_row_order(rule):
    cells = gianyar_cells()
    p = al.PlanInput(budget_rp=3_333 * YEAR, months=12, rule=rule)
    first = al.plan(cells, p).allocation
    pd.testing.assert_frame_equal(first, al.plan(cells, p).allocation)
    pd.testing.assert_frame_equal(first, al.plan(cells.sample(frac=1, random_state=4), p).allocation)


def test_gap_rule_stays_close_to_proportional():
    """Webster may leave the exact quota on rare occasions; here it stays within one worker."""
    cells = gianyar_cells()
    table = al.plan(cells, al.PlanInput(budget_rp=10_000 * YEAR, months=12)).allocation
    quota = table["gap_workers"] * 10_000 / table["gap_workers"].sum()
    assert (table["allocated_workers"] - quota).abs().max() < 1


# --- the rules ----------------------------------------------------------------------------------------


def two_cells(rule, **kwargs):
    cells = make_cells([("a", "pedagang_kecil", 100, 0), ("b", "nelayan", 200, 100)])  # gaps 100 and 100
    return al.plan(cells, al.PlanInput(budget_rp=60 * YEAR, months=12, rule=rule, **kwargs)).allocation


@pytest.mark.parametrize(
    ("rule", "kwargs", "expected"),
    [
        ("gap", {}, [30, 30]),  # same gap, same share
        ("coverage", {}, [40, 20]),  # 0 % vs 50 % covered: weights 1 and 0.5
        ("weights", {}, [20, 40]),  # pedagang 0.5 vs nelayan 1.0
        ("weights", {"sector_weights": {"pedagang_kecil": 1.0}}, [30, 30]),  # edited weights
        ("weights", {"sector_weights": {"nelayan": 0.0}}, [60, 0]),  # weight 0: last in line
        ("mix", {"mix": {"gap": 1}}, [30, 30]),
        ("mix", {"mix": {"coverage": 2, "weights": 2}}, [30, 30]),  # (1 + .5)/2 vs (.5 + 1)/2
        ("mix", {}, [30, 30]),  # equal thirds: 1 + 1 + .5 vs 1 + .5 + 1
        ("mix", {"mix": {"coverage": 1, "gap": 1}}, [34, 26]),  # 1 vs .75 of a weight: quotas 34.3/25.7
    ],
)
def test_rules(rule, kwargs, expected):
    table = two_cells(rule, **kwargs)
    assert table["allocated_workers"].tolist() == expected
    assert table["priority_score"].max() == 1.0


def test_zero_weight_sector_is_funded_only_after_the_others_are_full():
    table = two_cells("weights", sector_weights={"nelayan": 0.0})
    assert table["allocated_workers"].tolist() == [60, 0]
    cells = make_cells([("a", "pedagang_kecil", 100, 0), ("b", "nelayan", 200, 100)])
    more = al.plan(cells, al.PlanInput(budget_rp=130 * YEAR, months=12, rule="weights", sector_weights={"nelayan": 0}))
    assert more.allocation["allocated_workers"].tolist() == [100, 30]


def test_default_weights_cover_every_sector():
    assert set(al.DEFAULT_SECTOR_WEIGHTS) == set(domain.SECTORS)
    assert all(0 < w <= 1 for w in al.DEFAULT_SECTOR_WEIGHTS.values())


# --- full cost and the inverse question ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "months", "renewal", "expected"),
    [
        ([("a", "petani", 10, 4), ("b", "petani", 5, 9)], 12, 0, 6 * YEAR),  # over-coverage is no negative gap
        ([("a", "petani", 10, 4)], 12, 1_136, (6 + 1_136) * YEAR),
        ([("a", "petani", 10, 10)], 3, 0, 0),
        ([("a", "petani", 13_200, 0)], 12, 0, 2_661_120_000),  # Perisai Aman target ~ Rp2.66 billion
    ],
)
def test_full_coverage_cost(rows, months, renewal, expected):
    assert al.full_coverage_cost_rp(make_cells(rows), months, include_renewal=renewal) == expected


@pytest.mark.parametrize(
    ("rows", "target", "renew", "renew_first", "expected_workers"),
    [
        ([("a", "petani", 1000, 500)], 65.6, 0, True, 156),  # 656 protected needed
        ([("a", "petani", 1000, 500)], 65.61, 0, True, 157),  # 656.1 rounds up to 657
        ([("a", "petani", 1000, 500)], 50, 0, True, 0),  # already there
        ([("a", "petani", 1000, 500)], 50, 500, True, 500),  # keeping it means renewing
        ([("a", "petani", 1000, 500)], 50, 500, False, 500),  # not renewing: they lapse, 500 new needed
        ([("a", "petani", 3, 0)], 33.33, 0, True, 1),  # 0.9999 workers -> 1
        ([("a", "petani", 3, 0)], 33.34, 0, True, 2),  # 1.0002 workers -> 2
        ([("a", "petani", 3, 0)], 100 / 3, 0, True, 2),  # the float 33.333333333333336 is a hair above 1/3
        # Regency-wide, as the KPI counts: a's 2 over-covered workers count, so 8 of b's gap of 10 suffice.
        ([("a", "petani", 10, 12), ("b", "nelayan", 10, 0)], 100, 0, True, 8),
        ([("a", "petani", 198_628, 130_300)], 65.60, 0, True, 0),  # Paritrana 2025: 65.60 % already
    ],
)
def test_budget_for_coverage_known_answers(rows, target, renew, renew_first, expected_workers):
    budget = al.budget_for_coverage(make_cells(rows), target, 12, renew_workers=renew, renew_first=renew_first)
    assert budget == expected_workers * YEAR


@pytest.mark.parametrize("rule", al.RULES)
@pytest.mark.parametrize("renew", [0, 700])
@pytest.mark.parametrize("target", [0, 40, 55.5, 61.25, 73, 88.8, 99.99, 100])
def test_budget_for_coverage_round_trips(target, renew, rule):
    cells = gianyar_cells()
    budget = al.budget_for_coverage(cells, target, 12, renew_workers=renew)
    enough = al.plan(cells, al.PlanInput(budget_rp=budget, months=12, renew_workers=renew, rule=rule))
    assert enough.coverage_pct_after >= target - 1e-9 and enough.renewal_workers == renew
    assert enough.leftover_rp == 0
    if budget:
        short = al.plan(cells, al.PlanInput(budget_rp=budget - YEAR, months=12, renew_workers=renew, rule=rule))
        assert short.coverage_pct_after < target or short.renewal_workers < renew


# --- summaries ----------------------------------------------------------------------------------------


def test_before_after_summaries_add_up():
    result = al.plan(gianyar_cells(), al.PlanInput(budget_rp=4_000 * YEAR, months=12, renew_workers=300))
    by_desa, by_kec = result.by_desa(), al.by_kecamatan_before_after(result)
    assert len(by_desa) == 70 and len(by_kec) == 7
    for summary in (by_desa, by_kec):
        for col in ("sasaran_workers", "protected_workers", "allocated_workers", "protected_after", "gap_after"):
            assert summary[col].sum() == result.allocation[col].sum()
        assert summary["allocated_workers"].sum() == result.new_workers
        assert (summary["protected_after"] == summary["protected_workers"] + summary["allocated_workers"]).all()
    row = by_kec.iloc[0]
    assert row["coverage_pct_after"] == pytest.approx(100 * row["protected_after"] / row["sasaran_workers"])
    assert result.coverage_pct_after == pytest.approx(
        100 * by_kec["protected_after"].sum() / by_kec["sasaran_workers"].sum()
    )
    assert by_kec["kode_kecamatan"].is_monotonic_increasing
