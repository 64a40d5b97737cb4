"""Run the dashboard's questions once for a set of filters; every document is drawn from the result.

The PDF, the workbook, the meeting card and the desa sheets all read one ReportData, so a figure
cannot differ between them; the queries are the same files (queries/*.sql) the dashboard runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from jamsostek import settings
from jamsostek.store import db
from jamsostek.analysis import indicators, metrics
from jamsostek.analysis.filters import Filters

TREND_WEEKS = 12  # weeks listed in the trend tables


@dataclass(frozen=True)
class ReportData:
    """Every table the documents show, for one set of filters on one date."""

    filters: Filters
    status: dict
    batches: pd.DataFrame
    kpi: dict
    headlines: indicators.Headlines  # every headline figure, from the indicator catalogue
    kecamatan: pd.DataFrame
    desa: pd.DataFrame
    desa_apbd: pd.DataFrame  # coverage_by_desa counting only the programme's funding sources (JS-08 per desa)
    sectors: pd.DataFrame
    cells: pd.DataFrame
    weeks: pd.DataFrame
    desa_weeks: pd.DataFrame
    lapsing: pd.DataFrame
    reached: pd.DataFrame  # protected_by_sex_age: desa x sex x age (documents hide its small cells)
    programme_weeks: pd.Series | None = None  # JS-08 at each week end (whole region views only)
    usulan: pd.DataFrame = field(default_factory=pd.DataFrame)  # the candidate funnel per desa (counts only)
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
        """Change in protected workers over the week (d against d−7, same filters)."""
        return self.headlines.week_change()

    @property
    def is_filtered(self) -> bool:
        """True when any filter but the date narrows the view."""
        return self.filters != Filters(as_of=self.filters.as_of)

    def cards(self, lang: str = "id") -> dict[str, metrics.Card]:
        """The dashboard's Ringkasan cards for this view, by key: same figures, same words."""
        return {card.key: card for card in metrics.summary_cards(self.headlines, lang)}

    def card(self, key: str, lang: str = "id") -> metrics.Card:
        """Any catalogue indicator as a card (label, number, comparison, help)."""
        return metrics.indicator_card(self.headlines, key, lang)

    def later_batches(self) -> pd.DataFrame:
        """Loaded batches whose data date is after the report date: a report for an earlier day is
        rebuilt from them (each NIK's latest record), not the extract that was current on that day."""
        active = self.batches[self.batches["withdrawn_at"].isna()]
        later = pd.to_datetime(active["extract_date"]) > pd.Timestamp(self.as_of)
        return active[later].sort_values("batch_id")

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
    programme = settings.programme_funding()
    # The programme's desa column: its funding sources within the filters (none when another source is chosen).
    funded = [s for s in programme if p["sumber"] in (None, s)]
    desa = db.run_query(con, "coverage_by_desa", **p)
    desa_programme = desa.assign(protected_workers=0)
    for source in funded:
        part = db.run_query(con, "coverage_by_desa", **{**p, "sumber": source}).set_index("kode_desa")
        desa_programme["protected_workers"] += desa_programme["kode_desa"].map(part["protected_workers"]).fillna(0)
    desa_programme["protected_workers"] = desa_programme["protected_workers"].astype("int64")
    run = lambda name, **q: db.run_query(con, name, **q)  # noqa: E731
    headlines = indicators.gather(run, p, desa, lapsing_days)
    weeks = db.run_query(con, "enrolments_by_week", **p)
    return ReportData(
        filters=filters,
        status=indicators.row(db.run_query(con, "data_status")),
        batches=db.run_query(con, "batches"),
        kpi=dict(headlines.view),
        headlines=headlines,
        kecamatan=db.run_query(con, "coverage_by_kecamatan", **p),
        desa=desa,
        desa_apbd=desa_programme,
        sectors=db.run_query(con, "coverage_by_sector", **p),
        cells=db.run_query(con, "gap_desa_sector", **p),
        weeks=weeks,
        desa_weeks=db.run_query(con, "protected_by_desa_week", **p),
        lapsing=db.run_query(con, "lapsing_by_desa", days=lapsing_days, **p),
        programme_weeks=None if headlines.filtered else indicators.programme_weeks(run, weeks),
        reached=db.run_query(con, "protected_by_sex_age", **p),
        usulan=_usulan(con, filters),
        lapsing_days=lapsing_days,
    )


def _usulan(con: db.Connection, filters: Filters) -> pd.DataFrame:
    """The candidate funnel per desa on the report date, within the kecamatan filter (counts only)."""
    db.ensure(con, "usulan_schema")  # a store made before the funnel: no candidate yet
    funnel = db.run_query(con, "usulan_funnel", as_of=filters.as_of, stall_weeks=settings.USULAN_STALL_WEEKS)
    if filters.kecamatan:
        funnel = funnel[funnel["kode_kecamatan"] == filters.kecamatan].reset_index(drop=True)
    return funnel
