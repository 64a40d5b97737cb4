"""Contribution prices that follow the rules: each funding source priced month by month from one dated table.

data/reference/iuran_bpu.csv holds the standard BPU rate (PP 44/2015: JKK at least Rp10.000 + JKM Rp6.800)
and the adjustments in force for a period (PP 50/2025: 50 % for BPU participants in April-December 2026,
outside transport, except contributions paid through APBN/APBD). A month's price for a source is the plan's
base rate times the factor of the adjustment row covering that month (1 without one).

The planner buys workers source by source (APBD first, the order of BUDGET_ORDER), each at its own price
for the plan's months; renewals (APBD workers protected now) take the first workers bought, new workers
the rest. plan() returns the allocation planner's Plan for that number of workers, costed by source.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache

import pandas as pd

from jamsostek import settings
from jamsostek.plan import allocation as al

RATES_CSV = settings.REFERENCE_DIR / "iuran_bpu.csv"
BUDGET_ORDER = ("APBD", "APBDES", "DBHCHT", "CSR", "MANDIRI")
GROUP = "non_transport"  # the dashboard's sectors hold no transport group, so its rows are not used


@cache
def table() -> pd.DataFrame:
    """The dated rates table, dates parsed (an open end = no end)."""
    frame = pd.read_csv(RATES_CSV, dtype={"sumber_iuran": str})
    for column in ("berlaku_dari", "berlaku_sampai"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def standard_rate_rp(month: date) -> int:
    """JKK + JKM per worker per month before any adjustment, from the table's 'tarif' row in force."""
    rows = table()[(table()["jenis"] == "tarif") & (table()["berlaku_dari"] <= pd.Timestamp(month))]
    row = rows.sort_values("berlaku_dari").iloc[-1]
    return int(row["jkk_rp"] + row["jkm_rp"])


def factor(source: str, month: date, group: str = GROUP) -> float:
    """The adjustment of `source` in the month starting `month` (1.0 when none is in force)."""
    rows, day = table(), pd.Timestamp(month)
    rows = rows[(rows["jenis"] == "keringanan") & (rows["sumber_iuran"] == source) & (rows["kelompok"] == group)
                & (rows["berlaku_dari"] <= day) & (rows["berlaku_sampai"].isna() | (rows["berlaku_sampai"] >= day))]
    return float(rows["faktor"].iloc[-1]) if len(rows) else 1.0


def months_from(start: date, months: int) -> list[date]:
    """First days of the `months` calendar months starting with start's month."""
    first = date(start.year, start.month, 1)
    return [date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, 1) for k in range(months)]


def next_month(day: date) -> date:
    """The first day of the month after `day` (a plan's default start)."""
    return months_from(day, 2)[1]


def monthly_prices(source: str, start: date, months: int, base_rp: int) -> list[int]:
    """Rupiah per worker for each month of the plan for one source (base rate x the month's factor)."""
    # Half of Rp16.800 is Rp8.400 exactly; a base rate of an odd number rounds up to the whole rupiah.
    return [-(-int(round(base_rp * factor(source, m) * 100)) // 100) for m in months_from(start, months)]


@dataclass(frozen=True)
class Funding:
    """Workers bought per source and what they cost."""

    by_source: pd.DataFrame  # sumber_iuran, budget_rp, cost_per_worker_rp, discounted_months, workers_affordable,
    #                          workers (used), spent_rp
    renewal_workers: int
    new_workers: int
    cost_rp: int
    leftover_rp: int


def fund(lines: dict[str, int], start: date, months: int, base_rp: int, renew_workers: int, renew_first: bool,
         gap_workers: int) -> Funding:
    """Renewals then new workers (up to the gap), bought source by source at each source's price."""
    rows = []
    for source in sorted(lines, key=BUDGET_ORDER.index):
        prices = monthly_prices(source, start, months, base_rp)
        per_worker = sum(prices)
        rows.append({"sumber_iuran": source, "budget_rp": int(lines[source]), "cost_per_worker_rp": per_worker,
                     "discounted_months": sum(p < base_rp for p in prices),
                     "workers_affordable": int(lines[source]) // per_worker})
    frame = pd.DataFrame(rows, columns=["sumber_iuran", "budget_rp", "cost_per_worker_rp", "discounted_months",
                                        "workers_affordable"])
    affordable = int(frame["workers_affordable"].sum())
    renewal = min(renew_workers, affordable) if renew_first else 0
    new = min(affordable - renewal, gap_workers)
    # The first renewal + new workers bought are used, in source order.
    used = frame["workers_affordable"].cumsum().clip(upper=renewal + new)
    frame["workers"] = (used - used.shift(fill_value=0)).astype("int64")
    frame["spent_rp"] = frame["workers"] * frame["cost_per_worker_rp"]
    cost = int(frame["spent_rp"].sum())
    return Funding(frame, renewal, new, cost, int(frame["budget_rp"].sum()) - cost)


def plan(cells: pd.DataFrame, p: al.PlanInput, lines: dict[str, int], start: date) -> tuple[al.Plan, Funding]:
    """The allocation planner's Plan for the workers the budget lines buy at their prices, and the funding."""
    gap = int(al.prepare_cells(cells)["gap_workers"].sum())
    funding = fund(lines, start, p.months, p.contribution_rp, p.renew_workers, p.renew_first, gap)
    # The allocation is the planner's for the same number of workers: ask it for as many at the base rate,
    # so renewals, the gap cap and the divisor method work as they always do.
    affordable = int(funding.by_source["workers_affordable"].sum())
    placed = al.plan(cells, replace(p, budget_rp=affordable * p.months * p.contribution_rp))
    return al.Plan(p, funding.renewal_workers, funding.new_workers, funding.cost_rp, funding.leftover_rp,
                   placed.allocation), funding
