"""Run the dashboard's questions once for a set of filters; every document is drawn from the result.

The PDF, the workbook, the meeting card and the desa sheets all read one ReportData, so a figure
cannot differ between them; the queries are the same files (queries/*.sql) the dashboard runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from numbers import Real

import pandas as pd

from jamsostek import settings
from jamsostek.store import db
from jamsostek.analysis import metrics
from jamsostek.analysis.filters import Filters

PROGRAMME_FUNDING = "APBD"  # the regency budget pays the Perisai Aman programme's contributions
TREND_WEEKS = 12  # weeks listed in the trend tables


@dataclass(frozen=True)
class Programme:
    """Whole-regency figures of the programme on the report date (not affected by the filters)."""

    protected_workers: int  # all funding sources, as the dashboard's "since launch" figure
    apbd_protected_workers: int
    worker_months: int
    workers_funded: int
    launch_workers: int = settings.LAUNCH_WORKERS
    target_workers: int = settings.TARGET_WORKERS_2026
    rate_rp: int = settings.CONTRIBUTION_RP_PER_MONTH

    @property
    def growth_workers(self) -> int:
        """Protected now minus the workers enrolled at the launch."""
        return self.protected_workers - self.launch_workers

    @property
    def times_launch(self) -> float:
        """How many times the launch's number are protected now (as the dashboard computes it)."""
        return metrics.since_launch(self.protected_workers, self.launch_workers).ratio

    @property
    def target_pct(self) -> float:
        """Protected now as a percentage of the 2026 target (as the dashboard computes it)."""
        return metrics.toward_target(self.protected_workers, self.target_workers).ratio

    @property
    def to_target_workers(self) -> int:
        """Workers still to enrol to reach the target (never below 0)."""
        return metrics.toward_target(self.protected_workers, self.target_workers).difference

    @property
    def cost_rp(self) -> int:
        """Estimated APBD contributions used so far: worker-months x the monthly JKK+JKM rate."""
        return self.worker_months * self.rate_rp


@dataclass(frozen=True)
class ReportData:
    """Every table the documents show, for one set of filters on one date."""

    filters: Filters
    status: dict
    batches: pd.DataFrame
    kpi: dict
    regency_kpi: dict  # the same figures for the whole regency (launch and target compare with these)
    programme: Programme
    kecamatan: pd.DataFrame
    desa: pd.DataFrame
    desa_apbd: pd.DataFrame  # coverage_by_desa with the same filters but funding = APBD
    sectors: pd.DataFrame
    cells: pd.DataFrame
    weeks: pd.DataFrame
    desa_weeks: pd.DataFrame
    lapsing: pd.DataFrame
    reached: pd.DataFrame  # protected_by_sex_age: desa x sex x age (documents hide its small cells)
    lapsing_days: int = settings.LAPSING_WINDOW_DAYS

    @property
    def as_of(self) -> date:
        """The report date."""
        return self.filters.as_of

    @property
    def is_sample(self) -> bool:
        """True when any loaded batch is the synthetic sample: every document then says so."""
        return bool(self.status.get("is_sample"))

    @property
    def protected_delta(self) -> int:
        """Change in protected workers over the last seven days."""
        return metrics.week_delta(self.kpi["protected_workers"], self.kpi["protected_workers_week_ago"])

    @property
    def is_filtered(self) -> bool:
        """True when any filter but the date narrows the view."""
        return self.filters != Filters(as_of=self.filters.as_of)

    def cards(self, lang: str = "id") -> dict[str, metrics.Card]:
        """The dashboard's Ringkasan cards for this view, by key: same figures, same words."""
        cards = metrics.summary_cards(pd.Series(self.kpi), pd.Series(self.regency_kpi), self.desa, lang,
                                      lapsing_days=self.lapsing_days, as_of=self.as_of, filtered=self.is_filtered)
        return {card.key: card for card in cards}

    def zero_cells(self) -> pd.DataFrame:
        """Desa x sector cells with a sasaran but no one protected, largest sasaran first."""
        cells = self.cells[(self.cells["sasaran_workers"] > 0) & (self.cells["protected_workers"] == 0)]
        return cells.sort_values(["sasaran_workers", "kode_desa", "sektor"], ascending=[False, True, True])

    def desa_row(self, kode_desa: str) -> pd.Series:
        """The coverage_by_desa row of one desa."""
        return self.desa.set_index("kode_desa").loc[kode_desa]


def collect(con: db.Connection, filters: Filters, lapsing_days: int = settings.LAPSING_WINDOW_DAYS) -> ReportData:
    """Run every question the documents need, once, with the same parameters the dashboard binds."""
    p = filters.params()
    apbd = {**p, "sumber": PROGRAMME_FUNDING} if p["sumber"] in (None, PROGRAMME_FUNDING) else None
    regency = {"as_of": filters.as_of, "kecamatan": None, "sektor": None, "program": None, "sumber": None}
    cost = _row(db.run_query(con, "programme_cost", as_of=filters.as_of, sumber=PROGRAMME_FUNDING))
    regency_kpi = _row(db.run_query(con, "kpi", lapsing_days=lapsing_days, **regency))
    apbd_kpi = _row(db.run_query(con, "kpi", lapsing_days=lapsing_days, **{**regency, "sumber": PROGRAMME_FUNDING}))
    desa = db.run_query(con, "coverage_by_desa", **p)
    return ReportData(
        filters=filters,
        status=_row(db.run_query(con, "data_status")),
        batches=db.run_query(con, "batches"),
        kpi=_row(db.run_query(con, "kpi", lapsing_days=lapsing_days, **p)),
        regency_kpi=regency_kpi,
        programme=Programme(regency_kpi["protected_workers"], apbd_kpi["protected_workers"],
                            cost["worker_months"], cost["workers_funded"]),
        kecamatan=db.run_query(con, "coverage_by_kecamatan", **p),
        desa=desa,
        # With another funding source chosen, none of the shown workers are paid by the programme.
        desa_apbd=db.run_query(con, "coverage_by_desa", **apbd) if apbd else desa.assign(protected_workers=0),
        sectors=db.run_query(con, "coverage_by_sector", **p),
        cells=db.run_query(con, "gap_desa_sector", **p),
        weeks=db.run_query(con, "enrolments_by_week", **p),
        desa_weeks=db.run_query(con, "protected_by_desa_week", **p),
        lapsing=db.run_query(con, "lapsing_by_desa", days=lapsing_days, **p),
        reached=db.run_query(con, "protected_by_sex_age", **p),
        lapsing_days=lapsing_days,
    )


def _row(frame: pd.DataFrame) -> dict:
    """First row as a dict, with counts as plain ints (SQL SUMs come back as floats)."""
    row = frame.iloc[0].to_dict() if len(frame) else {}
    return {k: int(v) if _is_count(k, v) else v for k, v in row.items()}


def _is_count(column: str, value: object) -> bool:
    return (isinstance(value, Real) and not isinstance(value, bool) and not column.endswith("_pct")
            and not pd.isna(value) and float(value).is_integer())
