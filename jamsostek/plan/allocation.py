"""Expansion planner maths: how many workers a budget protects and where they go.

Pure functions over a DataFrame of desa x sector cells (the columns of queries/gap_desa_sector.sql):
kode_desa, desa, kode_kecamatan, kecamatan, sektor, sasaran_workers, protected_workers.

Money first: the budget pays `renew_workers` renewals first (when `renew_first`), then new workers,
N = min(workers the rest affords, total gap). N does not depend on the priority rule, so the
regency-wide coverage after a plan does not either; the rule only decides *where* the N go.

Honest "after": the renewal group (workers the programme pays for now, optional column
`renewal_group` per cell) lapses on its paid-until unless the plan renews it. Renewals the plan does
not pay (toggle off, or a budget too small) are taken off the cells' protected workers, spread over
the cells in proportion to their renewal group by the same divisor method; coverage after counts
only those who stay: the rest of the protected, the renewed and the new.

Where: cell i has a gap g_i (its cap) and a value v_i = g_i * w_i, with w_i the rule's weight.
The N workers are the N largest "signposts" v_i / (k + 1/2), k = 0 .. g_i - 1, over all cells:
the Webster / Sainte-Lague divisor method with caps, which is what handing out one worker at a
time to the cell of highest v_i / (allocated_i + 1/2) gives. Why not largest remainder (Hamilton)?
It suffers the Alabama paradox: with gaps 6, 6, 2 it gives 4, 4, 2 for 10 workers but 5, 5, 1
for 11, so a larger budget can protect fewer in a desa. A sequential method is house-monotone by
construction (the allocation for N + 1 is the one for N plus one worker), so more budget never
protects fewer in any cell or desa, under every rule. Webster rather than D'Hondt because it
favours neither large nor small cells. Ties between equal signposts go to the larger gap, then
the lower (kode_desa, sektor): the result is reproducible and independent of row order.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from jamsostek import domain, settings

RULES = ("gap", "coverage", "weights", "mix")
# One row per desa x sector, as queries/gap_desa_sector.sql gives them (other columns are ignored).
CELL_COLUMNS = ("kode_desa", "desa", "kode_kecamatan", "kecamatan", "sektor", "sasaran_workers", "protected_workers")
RENEWAL_GROUP = "renewal_group"  # optional cell column: protected now and paid by the programme

# Vulnerability weights per sector, editable on the page. An estimate of this project, not an
# official scale: highest where a work accident or death is most likely and income least secure.
DEFAULT_SECTOR_WEIGHTS: dict[str, float] = {
    "nelayan": 1.0,  # at sea in small boats: drowning, the deadliest informal work
    "tukang_bangunan": 1.0,  # falls from height and heavy loads, day-paid without an employer's cover
    "buruh_harian": 0.9,  # day labour in many places, no steady income to pay contributions
    "petani": 0.8,  # tools, pesticides, animals; income tied to the harvest
    "pengrajin": 0.6,  # carving and metal tools, mostly in workshops
    "pekerja_adat": 0.6,  # ceremonial work, climbing and carrying for offerings, often unpaid
    "pedagang_kecil": 0.5,  # road traffic and market work, lower physical risk
    "lainnya": 0.5,
}
# Share of each normalised score in the "mix" rule.
DEFAULT_MIX: dict[str, float] = {"gap": 1 / 3, "coverage": 1 / 3, "weights": 1 / 3}


def _check_int(name: str, value: object, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")


def _check_rates(months: object, contribution_rp: object) -> None:
    _check_int("months", months, 1)
    _check_int("contribution_rp", contribution_rp, 1)


def _check_weights(name: str, weights: Mapping[str, float], allowed: object) -> None:
    for key, w in weights.items():
        if key not in allowed:
            raise ValueError(f"{name}: unknown key {key!r} (allowed: {', '.join(allowed)})")
        if not (isinstance(w, numbers.Real) and math.isfinite(w) and w >= 0):
            raise ValueError(f"{name}[{key!r}] must be a finite number >= 0, got {w!r}")


@dataclass(frozen=True)
class PlanInput:
    """What the planner is asked: money, months, unit cost, renewals and the priority rule."""

    budget_rp: int
    months: int
    contribution_rp: int = settings.CONTRIBUTION_RP_PER_MONTH
    renew_workers: int = 0  # currently protected workers whose renewal this budget pays first
    renew_first: bool = True  # False: the whole budget buys new workers, renewals are paid elsewhere
    rule: str = "gap"  # one of RULES
    sector_weights: Mapping[str, float] | None = None  # overrides of DEFAULT_SECTOR_WEIGHTS
    mix: Mapping[str, float] | None = None  # shares of the "gap", "coverage", "weights" scores

    def __post_init__(self) -> None:
        _check_int("budget_rp", self.budget_rp, 0)
        _check_rates(self.months, self.contribution_rp)
        _check_int("renew_workers", self.renew_workers, 0)
        if self.rule not in RULES:
            raise ValueError(f"rule must be one of {', '.join(RULES)}, got {self.rule!r}")
        _check_weights("sector_weights", self.sector_weights or {}, domain.SECTORS)
        _check_weights("mix", self.mix or {}, DEFAULT_MIX)
        if self.mix is not None and sum(self.mix.values()) <= 0:
            raise ValueError("mix needs at least one share above 0")


@dataclass(frozen=True, eq=False)
class Plan:
    """The answer: workers funded, money spent and left, and the allocation per desa x sector."""

    input: PlanInput
    renewal_workers: int
    new_workers: int
    cost_rp: int
    leftover_rp: int
    allocation: pd.DataFrame  # cells + gap_workers, coverage_pct, priority_score, allocated_workers, ..._after

    @property
    def funded_workers(self) -> int:
        """Workers this budget protects: renewals plus new."""
        return self.renewal_workers + self.new_workers

    @property
    def lapsed_workers(self) -> int:
        """Renewals the plan does not pay: they lapse on their paid-until (not protected after)."""
        return int(self.allocation["lapsed_workers"].sum())

    @property
    def coverage_pct_before(self) -> float:
        """Regency-wide coverage before the plan, in percent."""
        return coverage_pct(self.allocation, "protected_workers")

    @property
    def coverage_pct_after(self) -> float:
        """Regency-wide coverage after the plan: sum(protected_after) / sum(sasaran) * 100."""
        return coverage_pct(self.allocation, "protected_after")

    def by_desa(self) -> pd.DataFrame:
        """Before/after per desa."""
        return by_desa_before_after(self)

    def by_kecamatan(self) -> pd.DataFrame:
        """Before/after per kecamatan."""
        return by_kecamatan_before_after(self)


def with_renewal_group(cells: pd.DataFrame, programme_cells: list[pd.DataFrame]) -> pd.DataFrame:
    """cells plus RENEWAL_GROUP: per cell, the protected workers of `programme_cells` (gap_desa_sector
    run once per programme funding source), i.e. the renewals the programme owes there."""
    keys = ["kode_desa", "sektor"]
    group = (pd.concat([c[keys + ["protected_workers"]] for c in programme_cells]).groupby(keys)["protected_workers"]
             .sum() if programme_cells else pd.Series(dtype="int64"))
    index = pd.MultiIndex.from_frame(cells[keys])
    return cells.assign(**{RENEWAL_GROUP: group.reindex(index).fillna(0).astype("int64").to_numpy()})


def total_budget_rp(lines: Mapping[str, int]) -> int:
    """Sum of budget lines keyed by funding source (APBD, APBDES, DBHCHT, CSR)."""
    for source, amount in lines.items():
        if source not in domain.FUNDING_SOURCES:
            raise ValueError(f"unknown funding source {source!r}")
        _check_int(f"budget line {source}", amount, 0)
    return int(sum(lines.values()))


def workers_affordable(
    budget_rp: int, months: int, contribution_rp: int = settings.CONTRIBUTION_RP_PER_MONTH
) -> int:
    """Whole workers the budget pays for `months` months (rounded down)."""
    _check_int("budget_rp", budget_rp, 0)
    _check_rates(months, contribution_rp)
    return int(budget_rp // (months * contribution_rp))


def prepare_cells(cells: pd.DataFrame) -> pd.DataFrame:
    """Checked copy of the cells sorted by (kode_desa, sektor), with gap_workers and coverage_pct.

    A cell's gap is max(sasaran - protected, 0): over-coverage in one cell fills no other cell's gap.
    """
    missing = [c for c in CELL_COLUMNS if c not in cells.columns]
    if missing:
        raise ValueError(f"cells lack columns: {', '.join(missing)}")
    out = cells.loc[:, list(CELL_COLUMNS)].copy()
    for col in ("sasaran_workers", "protected_workers"):
        values = pd.to_numeric(out[col], errors="coerce")
        if values.isna().any() or (values < 0).any() or (values % 1 != 0).any():
            raise ValueError(f"{col} must be a count >= 0 in every cell")
        out[col] = values.astype("int64")
    if out.duplicated(["kode_desa", "sektor"]).any():
        raise ValueError("cells must have one row per (kode_desa, sektor)")
    group = cells[RENEWAL_GROUP] if RENEWAL_GROUP in cells else cells["protected_workers"]
    out[RENEWAL_GROUP] = pd.to_numeric(group, errors="coerce").fillna(0).astype("int64").clip(
        lower=0, upper=out["protected_workers"])
    out = out.sort_values(["kode_desa", "sektor"], ignore_index=True)
    out["gap_workers"] = (out["sasaran_workers"] - out["protected_workers"]).clip(lower=0)
    out["coverage_pct"] = _pct(out["protected_workers"], out["sasaran_workers"])
    return out


def _pct(part: pd.Series, whole: pd.Series) -> pd.Series:
    # NaN where there is no sasaran: coverage is undefined there, not 0 % and not 100 %.
    return (100.0 * part / whole.where(whole > 0)).astype("float64")


def _normalised(score: np.ndarray, gap: np.ndarray) -> np.ndarray:
    top = score[gap > 0].max(initial=0.0)
    return score / top if top > 0 else np.zeros_like(score)


def priority_weights(cells: pd.DataFrame, p: PlanInput) -> np.ndarray:
    """Weight w per cell for the rule, scaled so the largest among cells with a gap is 1.

    gap: 1 everywhere, so cells share in proportion to their gap. coverage: 1 - coverage, i.e.
    gap / sasaran. weights: the sector's vulnerability weight. mix: the shares of p.mix (default
    DEFAULT_MIX) applied to those three scores, each first scaled to a largest value of 1.
    """
    gap = cells["gap_workers"].to_numpy(float)
    sas = cells["sasaran_workers"].to_numpy(float)
    scores = {
        "gap": np.ones_like(gap),  # allocation proportional to the gap itself
        # 1 - coverage = gap / sasaran: an uncovered cell weighs 1, a nearly full one little.
        "coverage": np.divide(gap, sas, out=np.zeros_like(gap), where=sas > 0),
    }
    if p.rule in ("weights", "mix"):
        weights = {**DEFAULT_SECTOR_WEIGHTS, **(p.sector_weights or {})}
        unknown = sorted(set(cells["sektor"]) - set(weights))
        if unknown:
            raise ValueError(f"no sector weight for {', '.join(map(str, unknown))}")
        scores["weights"] = cells["sektor"].map(weights).to_numpy(float)
    if p.rule != "mix":
        return _normalised(scores[p.rule], gap)
    mix = p.mix or DEFAULT_MIX
    total = sum(mix.values())
    return _normalised(sum(share / total * _normalised(scores[k], gap) for k, share in mix.items()), gap)


def divisor_allocation(values: np.ndarray, caps: np.ndarray, n: int) -> np.ndarray:
    """Cells' counts among the n largest signposts values[i] / (k + 1/2), k < caps[i] (Webster).

    Ties go to the larger cap, then the lower index. Cells of value 0 only get workers once every
    cell of positive value is full, among themselves in proportion to their caps.
    """
    values, caps = np.asarray(values, float), np.asarray(caps, np.int64)
    if n > caps.sum():
        raise ValueError(f"cannot place {n} workers in cells holding {caps.sum()}")
    live = (values > 0) & (caps > 0)
    out = np.zeros(len(caps), np.int64)
    n_live = min(n, int(caps[live].sum()))
    out[live] = _top_signposts(values[live], caps[live], n_live)
    if n > n_live:  # zero-weight cells: last in line, shared by gap
        rest = ~live & (caps > 0)
        out[rest] = _top_signposts(caps[rest].astype(float), caps[rest], n - n_live)
    return out


def _top_signposts(values: np.ndarray, caps: np.ndarray, n: int) -> np.ndarray:
    if n == 0 or n == caps.sum():
        return caps.copy() if n else np.zeros_like(caps)

    def estimate(t: float) -> np.ndarray:  # ~ signposts >= t per cell, off by at most one
        return np.minimum(caps, np.floor(values / t + 0.5)).astype(np.int64)

    # A threshold t whose estimate holds n + len(cells) to twice that many signposts: then at least
    # n true signposts are >= t and each cell's are within estimate + 2, so only those are sorted.
    want, lo, hi = n + len(caps), 0.0, 2.0 * float(values.max()) + 1.0
    while caps.sum() > want and hi - lo > lo * 1e-12:  # bisection
        mid = (lo + hi) / 2
        got = estimate(mid).sum()
        lo, hi = (mid, hi) if got >= want else (lo, mid)
        if want <= got <= 2 * want:
            break
    counts = np.minimum(caps, estimate(lo) + 2) if lo > 0 else caps
    cell = np.repeat(np.arange(len(caps)), counts)
    k = np.arange(cell.size) - np.repeat(np.cumsum(counts) - counts, counts)
    signpost = values[cell] / (k + 0.5)
    order = np.lexsort((k, cell, -caps[cell], -signpost))  # last key sorts first
    return np.bincount(cell[order[:n]], minlength=len(caps)).astype(np.int64)


def plan(cells: pd.DataFrame, p: PlanInput) -> Plan:
    """Fund renewals (when renew_first), then place N = min(affordable, total gap) new workers.

    affordable = budget // (months * contribution); renewal_workers = min(renew_workers, affordable)
    when renew_first, else 0. The N new workers go to cells by divisor_allocation of
    gap * priority_score, never above a cell's gap and summing to N exactly. The allocation table
    is prepare_cells(cells) plus priority_score, allocated_workers, protected_after, gap_after and
    coverage_pct_after (NaN where sasaran is 0). The renewals not paid (renew_workers - renewal_workers)
    lapse: lapsed_workers per cell, out of its renewal group, taken off protected_after.
    """
    table = prepare_cells(cells)
    affordable = workers_affordable(p.budget_rp, p.months, p.contribution_rp)
    renewal = min(p.renew_workers, affordable) if p.renew_first else 0
    new = min(affordable - renewal, int(table["gap_workers"].sum()))
    table["priority_score"] = priority_weights(table, p)
    gap = table["gap_workers"].to_numpy(np.int64)
    table["allocated_workers"] = divisor_allocation(gap * table["priority_score"].to_numpy(), gap, new)
    group = table[RENEWAL_GROUP].to_numpy(np.int64)
    unpaid = min(p.renew_workers - renewal, int(group.sum()))
    table["lapsed_workers"] = divisor_allocation(group.astype(float), group, unpaid)
    add_after(table)
    cost = (renewal + new) * p.months * p.contribution_rp
    return Plan(p, renewal, new, cost, p.budget_rp - cost, table)


def add_after(table: pd.DataFrame) -> None:
    """protected_after, gap_after and coverage_pct_after from allocated_workers and lapsed_workers."""
    if "lapsed_workers" not in table:
        table["lapsed_workers"] = 0
    table["protected_after"] = table["protected_workers"] - table["lapsed_workers"] + table["allocated_workers"]
    table["gap_after"] = (table["sasaran_workers"] - table["protected_after"]).clip(lower=0)
    table["coverage_pct_after"] = _pct(table["protected_after"], table["sasaran_workers"])


def full_coverage_cost_rp(
    cells: pd.DataFrame,
    months: int,
    contribution_rp: int = settings.CONTRIBUTION_RP_PER_MONTH,
    include_renewal: int = 0,
) -> int:
    """Cost of closing every cell's gap for `months` months, plus `include_renewal` renewals.

    Full coverage keeps everyone protected now too, so callers pass every renewal the programme owes,
    whether or not a plan chooses to pay them.
    """
    _check_rates(months, contribution_rp)
    _check_int("include_renewal", include_renewal, 0)
    gap = int(prepare_cells(cells)["gap_workers"].sum())
    return (gap + include_renewal) * months * contribution_rp


def budget_for_coverage(
    cells: pd.DataFrame,
    target_pct: float,
    months: int,
    contribution_rp: int = settings.CONTRIBUTION_RP_PER_MONTH,
    renew_workers: int = 0,
    renew_first: bool = True,
) -> int:
    """Least budget whose plan renews renew_workers (if renew_first) and lifts coverage to target_pct.

    Coverage is regency-wide: sum(protected_after) / sum(sasaran) * 100, reached when >= target_pct.
    Exact: the target is read as a decimal (65.6 means 656/10) and the workers needed rounded up.
    """
    _check_rates(months, contribution_rp)
    _check_int("renew_workers", renew_workers, 0)
    target = Fraction(str(target_pct))
    if not 0 <= target <= 100:
        raise ValueError(f"target_pct must be between 0 and 100, got {target_pct}")
    table = prepare_cells(cells)
    sasaran = int(table["sasaran_workers"].sum())
    if sasaran == 0:
        raise ValueError("no sasaran: coverage is undefined")
    needed_total = -(-target.numerator * sasaran // (target.denominator * 100))  # ceiling
    # Without renewals the renewal group lapses: new workers must also replace them.
    staying = int(table["protected_workers"].sum()) - (0 if renew_first else min(renew_workers,
                                                                                 int(table[RENEWAL_GROUP].sum())))
    needed_new = max(needed_total - staying, 0)
    renewal = renew_workers if renew_first else 0
    return (renewal + needed_new) * months * contribution_rp


def coverage_pct(table: pd.DataFrame, protected_column: str = "protected_after") -> float:
    """Regency-wide coverage of an allocation table in percent (NaN without sasaran)."""
    sasaran = table["sasaran_workers"].sum()
    return float(100.0 * table[protected_column].sum() / sasaran) if sasaran > 0 else math.nan


_SUMMED = ["sasaran_workers", "protected_workers", "gap_workers", "allocated_workers", "lapsed_workers",
           "protected_after", "gap_after"]


def _before_after(plan: Plan, keys: list[str]) -> pd.DataFrame:
    out = plan.allocation.groupby(keys, as_index=False, sort=True)[_SUMMED].sum()
    out["coverage_pct"] = _pct(out["protected_workers"], out["sasaran_workers"])
    out["coverage_pct_after"] = _pct(out["protected_after"], out["sasaran_workers"])
    return out


def by_desa_before_after(plan: Plan) -> pd.DataFrame:
    """One row per desa: sasaran, protected, gap and coverage before and after the plan."""
    return _before_after(plan, ["kode_kecamatan", "kecamatan", "kode_desa", "desa"])


def by_kecamatan_before_after(plan: Plan) -> pd.DataFrame:
    """One row per kecamatan: sasaran, protected, gap and coverage before and after the plan.

    gap_workers sums the cells' gaps, so it can exceed sasaran - protected of the whole kecamatan.
    """
    return _before_after(plan, ["kode_kecamatan", "kecamatan"])
